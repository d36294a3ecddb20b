// Waiting for a counsellor, over two instances sharing PostgreSQL: the place in the queue, cancelling, what
// the person is offered when nobody answers in time or outside the advisers' hours (a cabin booking, the
// regional line, a callback), and the callback request itself. The timers sweep for real, every 100 ms.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKING_VALUE, CALLBACK_VALUE, CANCEL_CALLBACK_VALUE, CANCEL_VALUE } from "../../../src/handoff/user-replies.js";
import { cardText } from "./helpers/channel-service.js";
import {
  ALICE,
  CHANNEL_ID,
  cardClick,
  openHarness,
  postToBot,
  queueRequest,
  waitFor,
  webUser,
  type Harness,
  type Instance,
  type Json,
} from "./helpers/handoff-harness.js";

let harness: Harness;
let a: Instance;
let b: Instance;

/** Région Sud's orientation line, from knowledge/contacts (its page is given, no number is invented). */
const REGIONAL_LINE = "Numéro vert de l'orientation de la Région Sud";
const minutes = (n: number) => new Date(harness.clock.now.getTime() + n * 60_000);

beforeAll(async () => {
  harness = await openHarness({ label: "handoff_waiting", instances: 2, sweepEveryMs: 100 });
  [a, b] = harness.instances as [Instance, Instance];
});

afterAll(async () => {
  await harness?.close();
});

function cardUpdate(cardId: string, text: string) {
  return waitFor(async () => harness.channel.calls.find((c) => c.method === "PUT" && c.activityId === cardId && cardText(c.body).includes(text)));
}

function suggestedValues(activity: Json | undefined): string[] {
  const actions = ((activity?.["suggestedActions"] as Json | undefined)?.["actions"] ?? []) as Json[];
  return actions.map((x) => String(x["value"]));
}

describe("waiting for a counsellor", () => {
  it("tells each person their place in the queue and lets them cancel while waiting", async () => {
    const first = await webUser(a, "first-in-line");
    const second = await webUser(b, "second-in-line");
    const one = await queueRequest(first, a);
    expect(await first.botTexts()).toContainEqual(expect.stringMatching(/Vous êtes la première personne dans la file d'attente/));
    await second.say("Je veux parler à un conseiller");
    await second.expectBot(/Êtes-vous d'accord/);
    await second.say("oui");
    await second.expectBot(/Vous êtes la 2e personne dans la file d'attente/);

    await second.say("Vous êtes là ?");
    await second.expectBot(/Votre message est transmis\. Vous êtes toujours la 2e personne/);

    // The first person cancels with the button: the advisers' card says so, and the second moves up.
    const queued = (await first.botActivities()).find((x) => /file d'attente/.test(String(x["text"])));
    expect(suggestedValues(queued)).toContain(CANCEL_VALUE);
    await first.say(CANCEL_VALUE);
    await first.expectBot(/Votre demande est annulée/);
    await cardUpdate(one.cardId, "Annulé par la personne");
    expect((await a.handoff.service.repository.findById(one.requestId))?.status).toBe("cancelled");
    await second.say("Toujours là ?");
    await second.expectBot(/Vous êtes toujours la première personne/);

    await second.say("annuler");
    await second.expectBot(/Votre demande est annulée/);
  });

  it("offers a booking, the regional line or a callback when nobody takes the request in time, once", async () => {
    const user = await webUser(a, "nobody-answers");
    const { requestId, cardId } = await queueRequest(user, a);

    // Both instances sweep every 100 ms; the one that expires the request tells the person (through the
    // outbox when the person is connected to the other instance).
    harness.clock.now = minutes(11);
    const expiry = await user.expectBot(/aucun conseiller n'a pu vous répondre à temps/);
    expect(expiry).toContain("réserver un rendez-vous dans une cabine-conseil");
    expect(expiry).toContain(REGIONAL_LINE);
    expect(expiry).toContain("demander à être rappelé");
    const offer = (await user.botActivities()).find((x) => String(x["text"]) === expiry);
    expect(suggestedValues(offer)).toEqual([BOOKING_VALUE, CALLBACK_VALUE]);
    await cardUpdate(cardId, "Personne n'a pris la demande à temps");
    expect((await a.handoff.service.repository.findById(requestId))?.status).toBe("expired");

    // Whoever sweeps next finds nothing left; the person was told exactly once.
    expect(await Promise.all([a.handoff.service.sweep(), b.handoff.service.sweep()])).toEqual([[], []]);
    await waitFor(async () => ((await a.handoff.service.repository.pendingOutbox(a.name)).length === 0 ? true : undefined));
    expect((await user.botTexts()).filter((t) => /aucun conseiller n'a pu vous répondre/.test(t))).toHaveLength(1);

    // The booking offer leads to booking a cabin.
    await user.say(BOOKING_VALUE);
    await user.expectBot(/cabine-conseil/);

    // The callback offer: a phone number, then a request the advisers see with the number to call.
    await user.say(CALLBACK_VALUE);
    await user.expectBot(/Quel est votre numéro de téléphone \?/);
    await user.say("c'est le 06 98 76 54 32");
    await user.expectBot(/un conseiller ou une conseillère vous rappellera au 06 98 76 54 32/);
    const callback = await waitFor(async () => a.handoff.service.repository.findOpenForUser(user.conversationId));
    expect(callback).toMatchObject({ trigger: "callback", status: "waiting", callbackPhone: "06 98 76 54 32" });
    const card = await waitFor(async () =>
      harness.channel.calls.find((c) => c.method === "POST" && c.conversationId === CHANNEL_ID && cardText(c.body).includes(`Demande n° ${callback.number}`)),
    );
    expect(cardText(card.body)).toContain("Rappeler au");
    expect(cardText(card.body)).toContain("06 98 76 54 32");
    expect(cardText(card.body)).toContain("demande de rappel");

    // While waiting for the call, the bot keeps answering, and a callback never expires.
    await user.say("je veux devenir couvreur");
    await user.expectBot(/Couvreur/);
    harness.clock.now = minutes(120);
    await Promise.all([a.handoff.service.sweep(), b.handoff.service.sweep()]);
    expect((await a.handoff.service.repository.findById(callback.id))?.status).toBe("waiting");

    // An adviser takes the callback from the other instance; the person, still here, is told who calls.
    const cardId2 = callback.cardActivityId ?? (await a.handoff.service.repository.findById(callback.id))?.cardActivityId ?? "";
    await postToBot(harness, b, cardClick(ALICE, cardId2, "handoff.take", callback.id));
    await user.expectBot(/Alice Martin, conseiller ou conseillère en orientation, s'occupe de votre demande de rappel/);
    await postToBot(harness, b, cardClick(ALICE, cardId2, "handoff.end", callback.id));
    await user.expectBot(/De 1 à 5/);
  });
});

describe("outside the advisers' hours", () => {
  it("offers the booking, the regional line and a callback, and the callback can be cancelled", async () => {
    harness.clock.now = new Date("2026-11-22T10:00:00Z"); // a Sunday
    const user = await webUser(a, "sunday-user");
    await user.say("Je veux parler à un conseiller");
    const closed = await user.expectBot(/Les conseillers ne sont pas disponibles en ce moment/);
    expect(closed).toContain("du lundi au vendredi de 9 h à 17 h");
    expect(closed).toContain(REGIONAL_LINE);
    expect((await user.botTexts()).join("\n")).not.toContain("Êtes-vous d'accord");

    await user.say(CALLBACK_VALUE);
    await user.expectBot(/Quel est votre numéro/);
    await user.say("demain");
    await user.expectBot(/Je n'ai pas reconnu de numéro/);
    await user.say("+33 6 12 34 56 78");
    const noted = await user.expectBot(/vous rappellera au 06 12 34 56 78, du lundi au vendredi de 9 h à 17 h/);
    const notedActivity = (await user.botActivities()).find((x) => String(x["text"]) === noted);
    expect(suggestedValues(notedActivity)).toEqual([CANCEL_CALLBACK_VALUE]);
    const callback = await waitFor(async () => {
      const r = await a.handoff.service.repository.findOpenForUser(user.conversationId);
      return r?.cardActivityId ? r : undefined;
    });

    await user.say(CANCEL_CALLBACK_VALUE);
    await user.expectBot(/Votre demande de rappel est annulée/);
    await cardUpdate(callback.cardActivityId ?? "", "Annulé par la personne");
  });

  it("lists the regional line when the advisers close between the question and the person's yes", async () => {
    harness.clock.now = new Date("2026-11-23T15:58:00Z"); // Monday 16:58 in Paris
    const user = await webUser(b, "closing-time");
    await user.say("Je veux parler à un conseiller");
    await user.expectBot(/Êtes-vous d'accord/);
    harness.clock.now = new Date("2026-11-23T16:01:00Z"); // 17:01
    await user.say("oui");
    const closed = await user.expectBot(/Les conseillers ne sont pas disponibles en ce moment/);
    expect(closed).toContain(REGIONAL_LINE);
    expect(await b.handoff.service.repository.findOpenForUser(user.conversationId)).toBeUndefined();
  });
});
