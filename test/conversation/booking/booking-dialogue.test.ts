import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingDialogue, type BookingTurn, type DialogueResult } from "../../../src/conversation/booking/booking-dialogue.js";
import type { BookingDialogueState } from "../../../src/conversation/booking/dialogue-state.js";
import type { Reply } from "../../../src/conversation/reply.js";
import { MONDAY_10H, openTestDesk, type TestDesk } from "./fixtures.js";

const CODE = /\*\*([A-Z2-9]{4}-[A-Z2-9]{4})\*\*/;

/** One person talking to the dialogue: keeps the state between turns, as the conversation memory does. */
class Talk {
  state: BookingDialogueState | undefined;
  last: Reply | undefined;
  constructor(
    private readonly dialogue: BookingDialogue,
    private readonly base: Partial<BookingTurn> = {},
  ) {}

  async say(text: string, value?: unknown): Promise<Reply> {
    const turn: BookingTurn = { text, region: "PAC", now: MONDAY_10H, conversationId: "conv-1", ...this.base, ...(value ? { value } : {}) };
    const result: DialogueResult | undefined =
      this.state === undefined ? await this.dialogue.start(turn) : await this.dialogue.continue(this.state, turn);
    if (result === undefined) throw new Error("dialogue dropped the turn");
    this.state = result.state;
    this.last = result.reply;
    return result.reply;
  }

  buttons(): string[] {
    return (this.last?.suggestedActions ?? []).map((a) => a.title);
  }
}

let desk: TestDesk;
let dialogue: BookingDialogue;

beforeEach(async () => {
  desk = await openTestDesk();
  dialogue = new BookingDialogue({ desk: desk.service });
});
afterEach(async () => {
  await desk.close();
});

async function reachContactStep(talk: Talk): Promise<void> {
  await talk.say("Je voudrais réserver une cabine près de Digne-les-Bains");
  await talk.say("demain après-midi");
  await talk.say("14 h");
}

describe("booking a cabin", () => {
  it("goes from the request to a confirmed booking with a code, a visio link and a calendar link", async () => {
    const talk = new Talk(dialogue);
    const first = await talk.say("Je voudrais réserver une cabine près de Digne-les-Bains");
    expect(first.text).toContain("Cabine de Digne-les-Bains");
    expect(talk.state?.step).toBe("day");

    const times = await talk.say("demain après-midi");
    expect(times.text).toContain("mardi 24 novembre");
    expect(talk.state?.step).toBe("time");
    expect(talk.buttons()).toContain("14 h");
    expect(talk.buttons()).not.toContain("9 h");

    const contact = await talk.say("14 h");
    expect(contact.text).toContain("mardi 24 novembre à 14 h");
    expect(contact.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(talk.state?.hold).toBeDefined();

    const consent = await talk.say("Marie 06 12 34 56 78");
    expect(consent.text).toContain("Êtes-vous d'accord");

    const done = await talk.say("oui");
    const code = CODE.exec(done.text)?.[1];
    expect(code).toBeDefined();
    expect(done.text).toContain("https://visio.exemple.invalid/salle/spro-");
    const ics = done.attachments?.find((a) => a.contentType === "text/calendar");
    const icsText = Buffer.from((ics?.contentUrl ?? "").replace(/^data:[^,]*base64,/, ""), "base64").toString("utf8");
    expect(icsText).toContain("BEGIN:VCALENDAR");
    expect(icsText).toContain("DTSTART");
    expect(talk.state).toBeUndefined();

    const booking = await desk.service.findByCode(code ?? "");
    expect(booking).toMatchObject({ status: "confirmed", firstName: "Marie", phone: "0612345678", cabinId: "cabine-digne", conversationId: "conv-1" });
    expect(booking.start).toBe("2026-11-24T13:00:00.000Z");
  });

  it("asks for the commune when it does not know where the person lives, then picks the nearest cabin", async () => {
    const talk = new Talk(dialogue);
    const first = await talk.say("Je voudrais un rendez-vous en visio");
    expect(first.text).toContain("Dans quelle commune habitez-vous");
    expect(talk.buttons()).toEqual(expect.arrayContaining(["Digne-les-Bains – Cabine de Digne-les-Bains", "Gap – Cabine de Gap"]));
    const next = await talk.say("Embrun");
    expect(next.text).toContain("La cabine-conseil la plus proche de Embrun : Cabine de Gap");
    expect(talk.state).toMatchObject({ step: "day", siteId: "cabine-gap" });
  });

  it("uses the commune the conversation already knows", async () => {
    const talk = new Talk(dialogue, { place: { name: "Lons-le-Saunier", postcode: "39000" }, region: "BFC" });
    await talk.say("je veux réserver un créneau");
    expect(talk.state?.siteId).toBe("cabine-lons");
  });

  it("books the slot named in one sentence with its day and hour", async () => {
    const talk = new Talk(dialogue);
    await talk.say("Un rendez-vous à Gap le 3 décembre à 10h");
    expect(talk.state).toMatchObject({ step: "contact", siteId: "cabine-gap", day: "2026-12-03" });
    expect(talk.state?.hold?.start).toBe("2026-12-03T09:00:00.000Z");
  });

  it("at a kiosk, proposes the kiosk's own cabin and does not link the booking to the kiosk session", async () => {
    const talk = new Talk(dialogue, { kioskSiteId: "cabine-gap", conversationId: "kiosk-conv" });
    const first = await talk.say("Je voudrais réserver un rendez-vous ici");
    expect(first.text).toContain("Vous êtes ici : Cabine de Gap");
    await talk.say("jeudi matin");
    await talk.say("10 h");
    const done = await talk.say("", { action: "bookingContact", firstName: "Léa", reach: "lea@exemple.fr", consent: "true" });
    const code = CODE.exec(done.text)?.[1] ?? "";
    expect(done.text).toContain("Pensez à noter le code");
    expect(done.attachments?.some((a) => a.contentType === "text/calendar")).toBe(false);
    const booking = await desk.service.findByCode(code);
    expect(booking).toMatchObject({ cabinId: "cabine-gap", email: "lea@exemple.fr", firstName: "Léa", conversationId: null });
  });
});

describe("changing one's mind", () => {
  it("moves to another day when the person names one while giving their contact", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const reply = await talk.say("plutôt jeudi");
    expect(reply.text).toContain("jeudi 26 novembre");
    expect(talk.state).toMatchObject({ step: "time", day: "2026-11-26" });
  });

  it("offers the other cabins when the person asks for another place", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const reply = await talk.say("Un autre lieu");
    expect(reply.text).toContain("Dans quelle commune");
    expect(talk.state?.step).toBe("site");
    await talk.say("Gap");
    expect(talk.state?.siteId).toBe("cabine-gap");
  });

  it("refines the day already chosen with a part of the day", async () => {
    const talk = new Talk(dialogue);
    await talk.say("réserver une cabine à Gap");
    await talk.say("mercredi");
    await talk.say("plutôt le matin");
    expect(talk.state?.dayPart).toBe("morning");
    expect(talk.buttons().filter((b) => / h/.test(b))).toEqual(["9 h", "10 h", "11 h"]);
  });
});

describe("stopping", () => {
  it.each(["annuler", "stop", "Laisse tomber"])("stops at any step on « %s » and books nothing", async (word) => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const reply = await talk.say(word);
    expect(reply.text).toBe("D'accord, j'arrête la réservation. Rien n'a été réservé.");
    expect(talk.state).toBeUndefined();
    expect(await desk.service.bookingsOn("cabine-digne", "2026-11-24")).toEqual([]);
  });

  it("lets the engine answer another question when the answer is not about booking", async () => {
    const talk = new Talk(dialogue);
    await talk.say("réserver une cabine à Gap");
    const state = talk.state as BookingDialogueState;
    const dropped = await dialogue.continue(state, { text: "c'est quoi l'apprentissage", region: "PAC", now: MONDAY_10H, otherIntent: true });
    expect(dropped).toBeUndefined();
  });

  it("offers a person after three answers it cannot read", async () => {
    const talk = new Talk(dialogue);
    await talk.say("réserver une cabine à Gap");
    await talk.say("bof");
    await talk.say("euh");
    const third = await talk.say("hmm");
    expect(third.text).toContain("Je n'ai pas compris le jour");
    expect(talk.buttons()).toContain("Parler à un conseiller");
  });
});

describe("a slot taken by someone else", () => {
  it("says so in French and offers the other free times of that day", async () => {
    const first = new Talk(dialogue);
    await reachContactStep(first);
    const second = new Talk(dialogue, { conversationId: "conv-2" });
    await second.say("Je voudrais réserver une cabine près de Digne-les-Bains");
    await second.say("demain après-midi");
    // The slot was offered before the first person held it: the second person now races for it.
    const reply = await second.say("14 h");
    expect(reply.text).toContain("14 h n'est pas libre");
    expect(second.state?.step).toBe("time");
    expect(second.buttons()).not.toContain("14 h");
    expect(second.buttons()).toContain("15 h");
  });

  it("recovers when the slot goes between the offer and the choice", async () => {
    const talk = new Talk(dialogue);
    await talk.say("Je voudrais réserver une cabine près de Digne-les-Bains");
    await talk.say("demain après-midi");
    const [slot] = await desk.service.findFreeSlots({ cabinId: "cabine-digne", from: new Date("2026-11-24T13:00:00Z"), to: new Date("2026-11-24T13:01:00Z") });
    await desk.service.book({ cabinId: "cabine-digne", start: slot?.start ?? "" }, { consent: true, contact: { firstName: "Autre", phone: "0712345678" } });
    const reply = await talk.say("14 h");
    expect(reply.text).toContain("n'est pas libre");
    expect(talk.state?.hold).toBeUndefined();
  });
});

describe("contact details", () => {
  it("asks again for a phone number that is too short, and for an e-mail that is not one", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const short = await talk.say("Marie 06 12");
    expect(short.text).toContain("Ce numéro de téléphone ne semble pas complet");
    expect(talk.state).toMatchObject({ step: "contact", contact: { firstName: "Marie" } });
    const email = await talk.say("marie@exemple");
    expect(email.text).toContain("Cette adresse e-mail ne semble pas valide");
    const ok = await talk.say("marie@exemple.fr");
    expect(ok.text).toContain("Êtes-vous d'accord");
  });

  it("asks for the first name when only a phone number is given", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const reply = await talk.say("06 12 34 56 78");
    expect(reply.text).toBe("Quel est votre prénom ?");
    await talk.say("Karim");
    expect(talk.state?.step).toBe("consent");
  });

  it("rejects a card submission without a reachable contact, without crashing", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    const reply = await talk.say("", { action: "bookingContact", firstName: "Zoé", reach: "", consent: "true" });
    expect(reply.text).toContain("Quel est votre numéro de téléphone ou votre adresse e-mail");
    expect(talk.state?.step).toBe("contact");
  });
});

describe("consent", () => {
  it("books nothing and keeps nothing when consent is refused", async () => {
    const talk = new Talk(dialogue);
    await reachContactStep(talk);
    await talk.say("Marie 06 12 34 56 78");
    const reply = await talk.say("non");
    expect(reply.text).toContain("rien n'a été réservé");
    expect(talk.state).toBeUndefined();
    expect(await desk.service.bookingsOn("cabine-digne", "2026-11-24")).toEqual([]);
  });
});

describe("cancelling and moving a booking by its code", () => {
  async function existingBooking(): Promise<string> {
    const [slot] = await desk.service.findFreeSlots({ cabinId: "cabine-gap", from: new Date("2026-11-25T08:00:00Z"), to: new Date("2026-11-25T08:01:00Z") });
    const booking = await desk.service.book({ cabinId: "cabine-gap", start: slot?.start ?? "" }, { consent: true, contact: { firstName: "Paul", phone: "0612345678" } });
    return booking.code ?? "";
  }

  it("cancels after the code and a yes", async () => {
    const code = await existingBooking();
    const talk = new Talk(dialogue);
    const ask = await talk.say("Je voudrais annuler mon rendez-vous");
    expect(ask.text).toContain("écrivez le code");
    const check = await talk.say(`mon code est ${code.toLowerCase().replace("-", " ")}`);
    expect(check.text).toContain("mercredi 25 novembre à 9 h");
    const done = await talk.say("oui");
    expect(done.text).toContain("est annulé");
    expect((await desk.service.findByCode(code)).status).toBe("cancelled");
  });

  it("says plainly when no booking has that code", async () => {
    const talk = new Talk(dialogue);
    await talk.say("annuler mon rendez-vous");
    const reply = await talk.say("ABCD-EFGH");
    expect(reply.text).toBe("Nous ne trouvons pas de rendez-vous avec ce code. Vérifiez le code reçu à la réservation.");
    expect(talk.state?.step).toBe("code");
  });

  it("moves a booking to a new day and time, keeping its code", async () => {
    const code = await existingBooking();
    const talk = new Talk(dialogue);
    await talk.say(`déplacer mon rendez-vous ${code}`);
    expect(talk.state).toMatchObject({ mode: "reschedule", step: "day", siteId: "cabine-gap" });
    await talk.say("vendredi");
    const done = await talk.say("15 h");
    expect(done.text).toContain("votre rendez-vous est déplacé");
    expect(done.text).toContain(code);
    const moved = await desk.service.findByCode(code);
    expect(moved.start).toBe("2026-11-27T14:00:00.000Z");
  });
});
