/**
 * The cabin-booking dialogue as a plain state machine: site → day → time (held) → contact → consent →
 * confirmed, plus cancelling and moving a booking by its code. Each turn takes the state and the message and
 * returns the next state and one French reply; the booking service is the only thing it talks to.
 */
import type { Booking } from "../../booking/booking.js";
import type { BookingService } from "../../booking/booking-service.js";
import type { CabinSite } from "../../booking/catalog.js";
import { BookingError, BookingNotActive, HoldExpired, SlotTaken, SlotUnavailable, frenchMessage } from "../../booking/errors.js";
import { addDays, parisToUtc } from "../../booking/paris-time.js";
import type { Slot } from "../../booking/slot-finder.js";
import { resolvePlace } from "../../knowledge/geo/resolve-place.js";
import type { Logger } from "../../shared/logger.js";
import type { RegionCode } from "../../shared/region.js";
import { reply, TALK_TO_SOMEONE, type Reply, type SuggestedAction } from "../reply.js";
import type { RememberedPlace } from "../state.js";
import {
  confirmationReply,
  consentReply,
  contactCard,
  dayButtons,
  MAX_TIME_BUTTONS,
  OTHER_DAY_ACTION,
  OTHER_PLACE_ACTION,
  siteButtons,
  siteText,
  STOP_ACTION,
  timeButtons,
  whenText,
} from "./booking-replies.js";
import { asksOtherDay, asksOtherPlace, codeIn, isNo, isStop, isYes, requestedMode } from "./commands.js";
import { completeContact, readContactCard, readContactText, type ContactReading } from "./contact-input.js";
import type { BookingDialogueState, BookingMode } from "./dialogue-state.js";
import { dayPartOf, frenchDay, frenchTime, parseWantedTime, type WantedTime } from "./french-dates.js";
import { nearestSites, placeInText, siteNamedIn, sitesFor } from "./site-finder.js";

/** The part of the booking service the dialogue uses (the real `BookingService` fits). */
export type BookingDesk = Pick<
  BookingService,
  "catalog" | "listCabins" | "findFreeSlots" | "hold" | "confirm" | "cancel" | "reschedule" | "findByCode" | "visioUrl" | "invitation"
>;

export interface BookingDialogueDeps {
  desk: BookingDesk;
  logger?: Logger;
}

/** One turn of the dialogue, in plain data. */
export interface BookingTurn {
  text: string;
  /** An Adaptive Card submission, if the message carried one. */
  value?: unknown;
  region: RegionCode;
  now: Date;
  /** The commune the conversation already knows, if any. */
  place?: RememberedPlace;
  /** Set at a kiosk: its own cabin is proposed first. */
  kioskSiteId?: string;
  /** Links a web booking to the conversation so "supprimer mes données" can find it; never set at a kiosk. */
  conversationId?: string;
  /** The engine recognised a clear question of another kind: an answer we cannot read ends the dialogue. */
  otherIntent?: boolean;
}

export interface DialogueResult {
  /** Undefined when the dialogue is over (booked, cancelled, stopped). */
  state: BookingDialogueState | undefined;
  reply: Reply;
}

const DAYS_AHEAD_SHOWN = 5;
const MAX_SEARCH_DAYS = 21;
const MAX_MISSES = 3;
const DAY_MS = 86_400_000;

const ended = (text: string, actions: SuggestedAction[] = [TALK_TO_SOMEONE]): DialogueResult => ({
  state: undefined,
  reply: reply(text, { suggestedActions: actions }),
});

export class BookingDialogue {
  constructor(private readonly deps: BookingDialogueDeps) {}

  /** A booking request out of the blue ("je voudrais réserver une cabine", "annuler mon rendez-vous"). */
  async start(turn: BookingTurn): Promise<DialogueResult> {
    if (this.deps.desk.listCabins().length === 0) {
      return ended("Aucune cabine-conseil n'est ouverte à la réservation pour le moment. Un conseiller peut vous aider autrement.");
    }
    const base: BookingDialogueState = { mode: "book", step: "site", misses: 0, ...this.kioskOf(turn) };
    const mode = requestedMode(turn.text);
    if (mode !== undefined) return this.startManaging(mode, turn, base);
    return this.chooseSiteAtStart(base, turn);
  }

  /** The next turn of a dialogue under way; undefined when the message is about something else (dialogue dropped). */
  async continue(state: BookingDialogueState, turn: BookingTurn): Promise<DialogueResult | undefined> {
    const card = turn.value === undefined ? undefined : readContactCard(turn.value);
    if (card === undefined) {
      if (isStop(turn.text)) return this.stopped(state);
      const mode = requestedMode(turn.text);
      if (mode !== undefined) return this.startManaging(mode, turn, { mode: "book", step: "site", misses: 0, ...this.kioskOf(turn) });
      if (state.mode === "book" && asksOtherPlace(turn.text)) return this.askSite(state, turn, "");
    }
    const result = await this.answer(state, turn, card);
    if (result !== undefined) return result;
    if (turn.otherIntent) return undefined;
    return this.notUnderstood(state);
  }

  private kioskOf(turn: BookingTurn): Partial<BookingDialogueState> {
    if (turn.kioskSiteId === undefined) return {};
    return this.siteOrUndefined(turn.kioskSiteId) ? { kioskSiteId: turn.kioskSiteId } : {};
  }

  private siteOrUndefined(id: string | undefined): CabinSite | undefined {
    if (id === undefined) return undefined;
    return this.deps.desk.listCabins().find((s) => s.id === id);
  }

  private async answer(
    state: BookingDialogueState,
    turn: BookingTurn,
    card: ReturnType<typeof readContactCard>,
  ): Promise<DialogueResult | undefined> {
    switch (state.step) {
      case "site":
        return this.answerSite(state, turn);
      case "day":
      case "time":
        return this.answerWhen(state, turn);
      case "contact":
        return this.answerContact(state, turn, card);
      case "consent":
        if (card) return this.answerContact(state, turn, card);
        if (isYes(turn.text)) return this.confirm(state, turn);
        if (isNo(turn.text)) {
          return ended(
            "Sans votre accord, nous ne pouvons pas réserver : rien n'a été réservé et vos coordonnées ne sont pas gardées. Vous pouvez aussi appeler un conseiller.",
          );
        }
        return this.answerWhen(state, turn, true);
      case "code":
        return this.answerCode(state, turn);
      case "cancelConfirm":
        if (isYes(turn.text)) return this.cancelBooking(state);
        if (isNo(turn.text)) return ended("D'accord, votre rendez-vous est maintenu.", [{ title: "Poser une autre question", value: "aide" }]);
        return undefined;
    }
  }

  private stopped(state: BookingDialogueState): DialogueResult {
    if (state.mode === "cancel") return ended("D'accord, je m'arrête. Votre rendez-vous n'est pas annulé.");
    if (state.mode === "reschedule") return ended("D'accord, je m'arrête. Votre rendez-vous reste à la même date.");
    return ended("D'accord, j'arrête la réservation. Rien n'a été réservé.", [{ title: "Poser une autre question", value: "aide" }, TALK_TO_SOMEONE]);
  }

  private notUnderstood(state: BookingDialogueState): DialogueResult {
    const misses = state.misses + 1;
    const next = { ...state, misses };
    const hint: Record<BookingDialogueState["step"], string> = {
      site: "Je n'ai pas reconnu le lieu. Choisissez une cabine dans la liste, ou écrivez le nom de votre commune.",
      day: "Je n'ai pas compris le jour. Choisissez un jour dans la liste, ou écrivez par exemple « demain après-midi » ou « le 3 décembre ».",
      time: "Je n'ai pas compris l'horaire. Choisissez un horaire dans la liste, ou écrivez par exemple « 14 h 30 ».",
      contact: "Je n'ai pas compris. Écrivez votre prénom et votre téléphone ou votre e-mail, par exemple : « Marie 06 12 34 56 78 ».",
      consent: "Répondez « oui » si vous êtes d'accord, ou « non ».",
      code: "Je n'ai pas reconnu le code. Il a 8 caractères, par exemple « ABCD-EFGH ».",
      cancelConfirm: "Répondez « oui » pour annuler le rendez-vous, ou « non » pour le garder.",
    };
    const actions: SuggestedAction[] = [...this.repeatActions(state), STOP_ACTION];
    if (misses >= MAX_MISSES) actions.push(TALK_TO_SOMEONE);
    return { state: next, reply: reply(hint[state.step], { suggestedActions: actions }) };
  }

  /** Buttons worth showing again with a "not understood" hint. */
  private repeatActions(state: BookingDialogueState): SuggestedAction[] {
    if (state.step === "site") return siteButtons(this.sitesById(state.siteChoices ?? []));
    if (state.step === "day") return dayButtons(state.dayChoices ?? []);
    if (state.step === "time") return (state.offered ?? []).map((s) => ({ title: frenchTime(wallTime(s)), value: frenchTime(wallTime(s)) }));
    if (state.step === "consent" || state.step === "cancelConfirm") return [{ title: "Oui", value: "oui" }, { title: "Non", value: "non" }];
    return [];
  }

  private sitesById(ids: readonly string[]): CabinSite[] {
    return ids.map((id) => this.siteOrUndefined(id)).filter((s): s is CabinSite => s !== undefined);
  }

  // ── Site ────────────────────────────────────────────────────────────────────────────────────────────

  private async chooseSiteAtStart(state: BookingDialogueState, turn: BookingTurn): Promise<DialogueResult> {
    const wanted = parseWantedTime(turn.text, turn.now);
    const kioskSite = this.siteOrUndefined(state.kioskSiteId);
    if (kioskSite) return this.withSite({ ...state, siteId: kioskSite.id }, turn, wanted, `Vous êtes ici : ${siteText(kioskSite)}.`);
    const place = placeInText(turn.text) ?? (turn.place ? resolvePlace(turn.place.postcode ?? turn.place.name)?.best : undefined);
    if (place) return this.nearestTo(state, turn, place, wanted);
    return this.askSite(state, turn, "Je peux réserver un rendez-vous en visioconférence avec un conseiller, dans une cabine-conseil près de chez vous. ");
  }

  private async askSite(state: BookingDialogueState, turn: BookingTurn, intro: string): Promise<DialogueResult> {
    const sites = sitesFor(turn.region, this.deps.desk.listCabins()).slice(0, 6);
    const next: BookingDialogueState = { ...state, step: "site", siteChoices: sites.map((s) => s.id), misses: 0 };
    delete next.hold;
    return {
      state: next,
      reply: reply(`${intro}Dans quelle commune habitez-vous ? Vous pouvez aussi choisir une cabine dans la liste.`, {
        suggestedActions: [...siteButtons(sites), STOP_ACTION],
      }),
    };
  }

  private async answerSite(state: BookingDialogueState, turn: BookingTurn): Promise<DialogueResult | undefined> {
    const offered = this.sitesById(state.siteChoices ?? []);
    const named = siteNamedIn(turn.text, offered.length > 0 ? offered : this.deps.desk.listCabins());
    const wanted = parseWantedTime(turn.text, turn.now);
    if (named) return this.withSite({ ...state, siteId: named.id }, turn, wanted, `Cabine-conseil choisie : ${siteText(named)}.`);
    const place = placeInText(turn.text);
    return place ? this.nearestTo(state, turn, place, wanted) : undefined;
  }

  private async nearestTo(
    state: BookingDialogueState,
    turn: BookingTurn,
    place: NonNullable<ReturnType<typeof placeInText>>,
    wanted: WantedTime | undefined,
  ): Promise<DialogueResult> {
    const [nearest] = nearestSites(place, this.deps.desk.listCabins());
    if (!nearest) return this.askSite(state, turn, "");
    const distance = nearest.distanceKm === undefined || nearest.site.commune === place.commune ? "" : `, à environ ${nearest.distanceKm} km`;
    const intro = `La cabine-conseil la plus proche de ${place.commune} : ${siteText(nearest.site)}${distance}.`;
    return this.withSite({ ...state, siteId: nearest.site.id }, turn, wanted, intro);
  }

  private async withSite(state: BookingDialogueState, turn: BookingTurn, wanted: WantedTime | undefined, intro: string): Promise<DialogueResult> {
    if (wanted?.date !== undefined) return this.showDay(state, turn, wanted, intro);
    return this.askDay(state, turn, intro);
  }

  // ── Day and time ────────────────────────────────────────────────────────────────────────────────────

  private async askDay(state: BookingDialogueState, turn: BookingTurn, intro: string): Promise<DialogueResult> {
    const siteId = state.siteId ?? "";
    const type = this.deps.desk.catalog.appointmentType();
    const days = Math.min(type.horizonDays, MAX_SEARCH_DAYS);
    const slots = await this.deps.desk.findFreeSlots({ cabinId: siteId, from: turn.now, to: new Date(turn.now.getTime() + days * DAY_MS) });
    const free = [...new Set(slots.map((s) => s.localDate))].slice(0, DAYS_AHEAD_SHOWN);
    if (free.length === 0) {
      const next: BookingDialogueState = { ...state, step: "site", misses: 0 };
      return {
        state: next,
        reply: reply(`${intro} Il n'y a pas de créneau libre dans les ${days} prochains jours à cette cabine. Vous pouvez choisir un autre lieu.`.trim(), {
          suggestedActions: [OTHER_PLACE_ACTION, STOP_ACTION, TALK_TO_SOMEONE],
        }),
      };
    }
    const next: BookingDialogueState = { ...state, step: "day", dayChoices: free, misses: 0 };
    delete next.hold;
    const text = `${intro} Quel jour vous arrange ? Voici les prochains jours avec des créneaux libres. Vous pouvez aussi écrire un jour, par exemple « jeudi matin ».`;
    return { state: next, reply: reply(text.trim(), { suggestedActions: [...dayButtons(free), OTHER_PLACE_ACTION, STOP_ACTION] }) };
  }

  /** A day or an hour in the message: at the day and time steps, and as a change of mind later on. */
  private async answerWhen(state: BookingDialogueState, turn: BookingTurn, onlyChangeOfMind = false): Promise<DialogueResult | undefined> {
    if (asksOtherDay(turn.text)) return this.askDay(state, turn, "");
    const wanted = parseWantedTime(turn.text, turn.now) ?? this.offeredDayNamed(state, turn.text);
    // A bare hour or "l'après-midi" refines the day already chosen, never a later step.
    const date = wanted?.date ?? (onlyChangeOfMind ? undefined : state.day);
    if (wanted === undefined || date === undefined) return undefined;
    return this.showDay(state, turn, { ...wanted, date }, "");
  }

  private offeredDayNamed(state: BookingDialogueState, text: string): WantedTime | undefined {
    const typed = text.trim().toLowerCase();
    const day = (state.dayChoices ?? []).find((d) => frenchDay(d) === typed);
    return day ? { date: day } : undefined;
  }

  private async slotsOn(siteId: string, day: string): Promise<Slot[]> {
    return this.deps.desk.findFreeSlots({ cabinId: siteId, from: parisToUtc(day, "00:00"), to: parisToUtc(addDays(day, 1), "00:00") });
  }

  private async showDay(state: BookingDialogueState, turn: BookingTurn, wanted: WantedTime, intro: string, notice = ""): Promise<DialogueResult> {
    const day = wanted.date ?? "";
    const all = await this.slotsOn(state.siteId ?? "", day);
    if (all.length === 0) return this.askDay(state, turn, `${intro} ${notice} Il n'y a pas de créneau libre le ${frenchDay(day)}.`.trim());
    if (wanted.time !== undefined) {
      const exact = all.find((s) => s.localTime === wanted.time);
      if (exact) return this.takeSlot({ ...state, day }, turn, exact);
      notice = `${notice} ${frenchTime(wanted.time)} n'est pas libre.`.trim();
    }
    const inPart = wanted.dayPart === undefined ? all : all.filter((s) => dayPartOf(s.localTime) === wanted.dayPart);
    if (inPart.length === 0) notice = `${notice} Pas de créneau libre à ce moment de la journée.`.trim();
    const shown = spread(inPart.length > 0 ? inPart : all, MAX_TIME_BUTTONS);
    const next: BookingDialogueState = { ...state, step: "time", day, offered: shown.map((s) => s.start), misses: 0 };
    delete next.hold;
    if (wanted.dayPart) next.dayPart = wanted.dayPart;
    const text = [intro, notice, `Horaires libres le ${frenchDay(day)} : choisissez celui qui vous convient.`].filter((t) => t !== "").join(" ");
    return { state: next, reply: reply(text, { suggestedActions: [...timeButtons(shown), OTHER_DAY_ACTION, STOP_ACTION] }) };
  }

  /** Holds the slot (or moves the booking) so nobody else can take it while the person gives their contact. */
  private async takeSlot(state: BookingDialogueState, turn: BookingTurn, slot: Slot): Promise<DialogueResult> {
    try {
      if (state.mode === "reschedule") {
        const moved = await this.deps.desk.reschedule(state.code ?? "", slot.start);
        return { state: undefined, reply: this.confirmation(moved, state, true) };
      }
      const held = await this.deps.desk.hold({
        cabinId: slot.cabinId,
        start: slot.start,
        ...(turn.conversationId && !state.kioskSiteId ? { conversationId: turn.conversationId } : {}),
      });
      const next: BookingDialogueState = { ...state, step: "contact", hold: { id: held.id, start: held.start, end: held.end }, misses: 0 };
      const known = completeContact(state.contact ?? {});
      if (known) return { state: { ...next, step: "consent" }, reply: consentReply() };
      const text = `Je vous garde le ${whenText(held.start)} pendant quelques minutes. Pour réserver, j'ai besoin de votre prénom et de votre téléphone ou de votre e-mail. Écrivez-les ici, par exemple : « Marie 06 12 34 56 78 », ou remplissez la carte.`;
      return { state: next, reply: reply(text, { attachments: [contactCard()], suggestedActions: [OTHER_DAY_ACTION, STOP_ACTION] }) };
    } catch (err) {
      if (err instanceof SlotTaken || err instanceof SlotUnavailable) {
        return this.showDay(state, turn, { date: slot.localDate }, "", err.french);
      }
      return this.failed(err, state);
    }
  }

  // ── Contact, consent, confirmation ──────────────────────────────────────────────────────────────────

  private async answerContact(
    state: BookingDialogueState,
    turn: BookingTurn,
    card: ReturnType<typeof readContactCard>,
  ): Promise<DialogueResult | undefined> {
    if (card === undefined) {
      const alone = readContactText(turn.text);
      const reach = alone.contact.phone ?? alone.contact.email ?? (alone.badPhone || alone.badEmail ? "bad" : undefined);
      if (reach === undefined) {
        const changed = await this.answerWhen(state, turn, true);
        if (changed) return changed;
        if (alone.contact.firstName === undefined) return undefined;
      }
    }
    const reading: ContactReading = card?.reading ?? readContactText(turn.text, state.contact);
    const contact = card ? reading.contact : { ...state.contact, ...reading.contact };
    const next: BookingDialogueState = { ...state, step: "contact", contact, misses: 0 };
    const problems: string[] = [];
    if (reading.badPhone) problems.push("Ce numéro de téléphone ne semble pas complet : il faut 10 chiffres, par exemple 06 12 34 56 78.");
    if (reading.badEmail) problems.push("Cette adresse e-mail ne semble pas valide, par exemple : prenom.nom@exemple.fr.");
    if (!contact.firstName) problems.push("Quel est votre prénom ?");
    else if (!contact.phone && !contact.email && !reading.badPhone && !reading.badEmail) {
      problems.push(`Merci ${contact.firstName}. Quel est votre numéro de téléphone ou votre adresse e-mail ?`);
    }
    if (problems.length > 0 || completeContact(contact) === undefined) {
      if (problems.length === 0) problems.push("Indiquez votre prénom et un numéro de téléphone ou une adresse e-mail valide.");
      return { state: next, reply: reply(problems.join(" "), { suggestedActions: [STOP_ACTION] }) };
    }
    if (card?.consent === true) return this.confirm(next, turn);
    return { state: { ...next, step: "consent" }, reply: consentReply() };
  }

  private async confirm(state: BookingDialogueState, turn: BookingTurn): Promise<DialogueResult> {
    const contact = completeContact(state.contact ?? {});
    if (!contact || !state.hold) return this.askDay(state, turn, "");
    const conversationId = turn.conversationId && !state.kioskSiteId ? { conversationId: turn.conversationId } : {};
    const request = { consent: true, contact, ...conversationId };
    try {
      let booking: Booking;
      try {
        booking = await this.deps.desk.confirm(state.hold.id, request);
      } catch (err) {
        if (!(err instanceof HoldExpired)) throw err;
        // The person took longer than the hold: the slot is often still free, so try it once more.
        const again = await this.deps.desk.hold({ cabinId: state.siteId ?? "", start: state.hold.start, ...conversationId });
        booking = await this.deps.desk.confirm(again.id, request);
      }
      return { state: undefined, reply: this.confirmation(booking, state, false) };
    } catch (err) {
      if (err instanceof SlotTaken || err instanceof SlotUnavailable || err instanceof HoldExpired) {
        return this.showDay(state, turn, { date: state.day ?? dayOf(state.hold.start) }, "", err.french);
      }
      return this.failed(err, state);
    }
  }

  private confirmation(booking: Booking, state: BookingDialogueState, moved: boolean): Reply {
    const site = this.deps.desk.catalog.site(booking.cabinId);
    const type = this.deps.desk.catalog.appointmentType(booking.appointmentTypeId);
    return confirmationReply(
      {
        booking,
        site,
        durationMinutes: type.durationMinutes,
        visioUrl: this.deps.desk.visioUrl(booking),
        invitation: this.deps.desk.invitation(booking),
        atKiosk: state.kioskSiteId !== undefined,
      },
      moved,
    );
  }

  private failed(err: unknown, state: BookingDialogueState): DialogueResult {
    if (!(err instanceof BookingError)) this.deps.logger?.error({ err, step: state.step }, "booking dialogue failed");
    return { state: { ...state, misses: 0 }, reply: reply(frenchMessage(err), { suggestedActions: [STOP_ACTION, TALK_TO_SOMEONE] }) };
  }

  // ── Cancel and move by code ─────────────────────────────────────────────────────────────────────────

  private async startManaging(mode: Exclude<BookingMode, "book">, turn: BookingTurn, base: BookingDialogueState): Promise<DialogueResult> {
    const state: BookingDialogueState = { ...base, mode, step: "code" };
    if (codeIn(turn.text)) return (await this.answerCode(state, turn)) ?? this.askCode(state);
    return this.askCode(state);
  }

  private askCode(state: BookingDialogueState): DialogueResult {
    const verb = state.mode === "cancel" ? "annuler" : "déplacer";
    return {
      state,
      reply: reply(`Pour ${verb} votre rendez-vous, écrivez le code reçu à la réservation (8 caractères, par exemple ABCD-EFGH).`, {
        suggestedActions: [STOP_ACTION, TALK_TO_SOMEONE],
      }),
    };
  }

  private async answerCode(state: BookingDialogueState, turn: BookingTurn): Promise<DialogueResult | undefined> {
    const code = codeIn(turn.text);
    if (code === undefined) return undefined;
    let booking: Booking;
    try {
      booking = await this.deps.desk.findByCode(code);
      if (booking.status !== "confirmed" || new Date(booking.start) <= turn.now) throw new BookingNotActive(booking.status);
    } catch (err) {
      if (!(err instanceof BookingError)) return this.failed(err, state);
      return { state: { ...state, misses: state.misses + 1 }, reply: reply(err.french, { suggestedActions: [STOP_ACTION, TALK_TO_SOMEONE] }) };
    }
    const summary = `Rendez-vous du ${whenText(booking.start)}, lieu : ${siteText(this.deps.desk.catalog.site(booking.cabinId))}.`;
    if (state.mode === "cancel") {
      return {
        state: { ...state, step: "cancelConfirm", code, misses: 0 },
        reply: reply(`${summary} Voulez-vous vraiment l'annuler ?`, {
          suggestedActions: [
            { title: "Oui, annuler le rendez-vous", value: "oui" },
            { title: "Non, le garder", value: "non" },
          ],
        }),
      };
    }
    return this.askDay({ ...state, code, siteId: booking.cabinId }, turn, `${summary} Choisissons une nouvelle date.`);
  }

  private async cancelBooking(state: BookingDialogueState): Promise<DialogueResult> {
    try {
      const cancelled = await this.deps.desk.cancel(state.code ?? "");
      return ended(`C'est fait : votre rendez-vous du ${whenText(cancelled.start)} est annulé.`, [
        { title: "Prendre un autre rendez-vous", value: "Je voudrais réserver une cabine" },
        TALK_TO_SOMEONE,
      ]);
    } catch (err) {
      if (err instanceof BookingError) return ended(err.french);
      return this.failed(err, state);
    }
  }
}

/** The Paris day of an ISO instant. */
function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
}

function wallTime(iso: string): string {
  return new Date(iso).toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** Up to `max` slots spread over the day, so a morning and an afternoon both show. */
function spread(slots: readonly Slot[], max: number): Slot[] {
  if (slots.length <= max) return [...slots];
  const step = slots.length / max;
  return Array.from({ length: max }, (_, i) => slots[Math.floor(i * step)]).filter((s): s is Slot => s !== undefined);
}
