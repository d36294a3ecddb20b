/** The French the booking dialogue says: questions, buttons, the contact card and the confirmation. */
import type { Booking } from "../../booking/booking.js";
import type { CabinSite } from "../../booking/catalog.js";
import type { Slot } from "../../booking/slot-finder.js";
import { toParisWallClock } from "../../booking/paris-time.js";
import { reply, TALK_TO_SOMEONE, type Reply, type ReplyAttachment, type SuggestedAction } from "../reply.js";
import { frenchDay, frenchTime } from "./french-dates.js";

export const STOP_ACTION: SuggestedAction = { title: "Arrêter la réservation", value: "annuler" };
export const OTHER_PLACE_ACTION: SuggestedAction = { title: "Un autre lieu", value: "Un autre lieu" };
export const OTHER_DAY_ACTION: SuggestedAction = { title: "Un autre jour", value: "Un autre jour" };
export const MAX_TIME_BUTTONS = 8;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "jeudi 26 novembre à 14 h 30", from an ISO instant, in Paris time. */
export function whenText(isoStart: string): string {
  const wall = toParisWallClock(new Date(isoStart));
  return `${frenchDay(wall.date)} à ${frenchTime(wall.time)}`;
}

export function siteText(site: CabinSite): string {
  return `${site.name} (${site.address})`;
}

export function dayButtons(days: readonly string[]): SuggestedAction[] {
  return days.map((d) => ({ title: capitalised(frenchDay(d)), value: frenchDay(d) }));
}

export function timeButtons(slots: readonly Slot[]): SuggestedAction[] {
  return slots.map((s) => ({ title: frenchTime(s.localTime), value: frenchTime(s.localTime) }));
}

export function siteButtons(sites: readonly CabinSite[]): SuggestedAction[] {
  return sites.map((s) => ({ title: s.commune === s.name ? s.name : `${s.commune} – ${s.name}`, value: s.name }));
}

/** The contact step as an Adaptive Card: two fields and an explicit consent box, sent back as `value`. */
export function contactCard(): ReplyAttachment {
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.3",
      body: [
        { type: "TextBlock", text: "Vos coordonnées", weight: "Bolder", size: "Medium", wrap: true },
        { type: "Input.Text", id: "firstName", label: "Votre prénom", isRequired: true, errorMessage: "Indiquez votre prénom.", maxLength: 60 },
        {
          type: "Input.Text",
          id: "reach",
          label: "Votre téléphone ou votre e-mail",
          isRequired: true,
          errorMessage: "Indiquez un téléphone ou un e-mail.",
          maxLength: 254,
        },
        {
          type: "Input.Toggle",
          id: "consent",
          title: "J'accepte que le service garde mon prénom et mon contact jusqu'au rendez-vous.",
          valueOn: "true",
          valueOff: "false",
          value: "false",
          wrap: true,
        },
      ],
      actions: [{ type: "Action.Submit", title: "Valider", data: { action: "bookingContact" } }],
    },
  };
}

export const CONSENT_QUESTION =
  "Nous gardons votre prénom et votre contact seulement pour ce rendez-vous, puis nous les effaçons. Êtes-vous d'accord ?";

export function consentReply(): Reply {
  return reply(CONSENT_QUESTION, {
    suggestedActions: [
      { title: "Oui, j'accepte", value: "oui" },
      { title: "Non", value: "non" },
      STOP_ACTION,
    ],
  });
}

export interface ConfirmationDetails {
  booking: Booking;
  site: CabinSite;
  durationMinutes: number;
  visioUrl: string | undefined;
  /** The `.ics` text, offered as a download (never at a kiosk, a shared device). */
  invitation: string | undefined;
  atKiosk: boolean;
}

/** The end of a booking: what, when, where, the code to keep, the visio link and the calendar file. */
export function confirmationReply(details: ConfirmationDetails, moved = false): Reply {
  const { booking, site } = details;
  const lines = [
    moved ? "C'est fait : votre rendez-vous est déplacé." : `C'est réservé${booking.firstName ? `, ${booking.firstName}` : ""} !`,
    `Rendez-vous le ${whenText(booking.start)} (${details.durationMinutes} minutes), en visioconférence avec un conseiller.`,
    `Lieu : ${siteText(site)}.`,
    `Votre code : **${booking.code ?? ""}**. Notez-le : il sert à annuler ou à déplacer le rendez-vous.`,
  ];
  if (details.visioUrl) lines.push(`Lien de la visioconférence : ${details.visioUrl}`);
  if (details.atKiosk) lines.push("Pensez à noter le code avant de terminer.");
  const actions: Array<{ type: string; title: string; url: string }> = [];
  if (details.visioUrl) actions.push({ type: "Action.OpenUrl", title: "Ouvrir le lien de la visio", url: details.visioUrl });
  const card: ReplyAttachment = {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.3",
      body: [
        { type: "TextBlock", text: "Votre rendez-vous", weight: "Bolder", size: "Medium", wrap: true },
        {
          type: "FactSet",
          facts: [
            { title: "Quand", value: capitalised(whenText(booking.start)) },
            { title: "Où", value: siteText(site) },
            { title: "Code", value: booking.code ?? "" },
          ],
        },
      ],
      actions,
    },
  };
  const attachments: ReplyAttachment[] = [card];
  if (details.invitation && !details.atKiosk) {
    // A data: URL keeps the invitation out of any public route: the booking API that serves it needs a key.
    attachments.push({
      contentType: "text/calendar",
      contentUrl: `data:text/calendar;charset=utf-8;base64,${Buffer.from(details.invitation, "utf8").toString("base64")}`,
      name: "rendez-vous.ics",
    });
    lines.push("Pour l'ajouter à votre agenda, ouvrez le fichier « rendez-vous.ics » ci-dessous.");
  }
  return reply(lines.join("\n\n"), {
    attachments,
    suggestedActions: [{ title: "Poser une autre question", value: "aide" }, TALK_TO_SOMEONE],
  });
}
