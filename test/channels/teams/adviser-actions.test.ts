// What advisers do from Teams, and what anyone else gets when they try: each action (card buttons, older
// clients' Action.Submit, commands, replies in a request's thread) posted in Teams' shape to the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingService } from "../../../src/booking/booking-service.js";
import { CabinCatalog } from "../../../src/booking/catalog.js";
import { REFUSAL } from "../../../src/channels/teams/adviser-activity-handler.js";
import { ADVISER_HELP } from "../../../src/channels/teams/adviser-commands.js";
import { cabinAgenda } from "../../../src/channels/teams/cabin-agenda.js";
import { TODAY } from "../../conversation/real-ports.js";
import { TEST_CATALOG } from "../../conversation/booking/fixtures.js";
import { cardText } from "./helpers/channel-service.js";
import {
  ALICE,
  BRUNO,
  cardClick,
  inThread,
  openHarness,
  postToBot,
  queueRequest,
  STRANGER,
  teamsActivity,
  waitFor,
  webUser,
  type Harness,
  type Instance,
  type Json,
} from "./helpers/handoff-harness.js";

let harness: Harness;
let bot: Instance;
let bookings: BookingService;

beforeAll(async () => {
  const catalog = new CabinCatalog(TEST_CATALOG);
  harness = await openHarness({ label: "adviser_actions", agenda: (storage) => cabinAgenda(catalog, storage.bookings) });
  [bot] = harness.instances as [Instance];
  bookings = new BookingService({
    catalog,
    repository: bot.storage.bookings,
    visioBaseUrl: "https://visio.exemple.invalid/salle",
    holdMinutes: 10,
    retentionDays: 30,
    clock: () => TODAY,
  });
});

afterAll(async () => {
  await harness?.close();
});

/** The texts the bot sent to Teams since `from` (replies to advisers and posts in threads). */
function teamsTextsSince(from: number): string[] {
  return harness.channel.calls.slice(from).map((c) => String(c.body["text"] ?? ""));
}

async function teamsReply(from: number, pattern: RegExp | string): Promise<string> {
  return waitFor(async () => teamsTextsSince(from).find((t) => (typeof pattern === "string" ? t === pattern : pattern.test(t))));
}

const status = async (requestId: string) => (await bot.handoff.service.repository.findById(requestId))?.status;

describe("only members of the advisers' team can act", () => {
  it("refuses every action of someone else, politely, and changes nothing", async () => {
    const user = await webUser(bot, "user-refusals");
    const { requestId, cardId, number } = await queueRequest(user, bot);

    let from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(STRANGER, { type: "message", text: "<at>SPRO</at> file" }));
    await teamsReply(from, REFUSAL);

    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(STRANGER, { type: "message", text: `<at>SPRO</at> prendre ${number}` }));
    await teamsReply(from, REFUSAL);

    // "Prendre en charge" on the card: the invoke's answer is the card the stranger now sees.
    const clicked = await postToBot(harness, bot, cardClick(STRANGER, cardId, "handoff.take", requestId));
    expect(clicked.status).toBe(200);
    expect(JSON.stringify(clicked.json["value"])).toContain(REFUSAL);

    // Older clients send Action.Submit as a message carrying the same verb and data.
    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(STRANGER, { type: "message", ...inThread(cardId), value: { verb: "handoff.take", requestId } }));
    await teamsReply(from, REFUSAL);

    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(STRANGER, { type: "message", text: "Bonjour, je peux aider ?", ...inThread(cardId) }));
    await teamsReply(from, REFUSAL);
    expect(await status(requestId)).toBe("waiting");

    // Once an adviser has it, the stranger cannot end it either, by command or by the card's "Terminer".
    await postToBot(harness, bot, cardClick(ALICE, cardId, "handoff.take", requestId));
    expect(await status(requestId)).toBe("taken");
    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(STRANGER, { type: "message", text: "<at>SPRO</at> terminer", ...inThread(cardId) }));
    await teamsReply(from, REFUSAL);
    const ended = await postToBot(harness, bot, cardClick(STRANGER, cardId, "handoff.end", requestId));
    expect(JSON.stringify(ended.json["value"])).toContain(REFUSAL);
    expect(await status(requestId)).toBe("taken");
    expect((await user.botTexts()).join("\n")).not.toContain("Bonjour, je peux aider");

    await postToBot(harness, bot, cardClick(ALICE, cardId, "handoff.end", requestId));
    expect(await status(requestId)).toBe("ended");
  });
});

describe("advisers' commands in Teams", () => {
  it("takes a request by its number, shows its transcript, and ends it with the card's button", async () => {
    const user = await webUser(bot, "user-commands");
    await user.say("J'ai 19 ans et je cherche un apprentissage à Gap");
    await user.expectBot(/./);
    const { requestId, cardId, number } = await queueRequest(user, bot);

    let from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(BRUNO, { type: "message", text: `<at>SPRO</at> prendre n° ${number}` }));
    await teamsReply(from, `Vous avez pris la demande n° ${number}.`);
    await waitFor(async () => harness.channel.calls.find((c) => c.method === "PUT" && c.activityId === cardId && cardText(c.body).includes("Pris en charge par Bruno Petit")));
    await user.expectBot(/Bruno Petit, conseiller ou conseillère en orientation, a pris votre demande/);

    // A second adviser asking for the same request is told who has it.
    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: `<at>SPRO</at> prendre ${number}` }));
    await teamsReply(from, `Demande n° ${number} déjà prise en charge par Bruno Petit.`);

    from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: `<at>SPRO</at> transcription ${number}` }));
    const transcript = await teamsReply(from, new RegExp(`^\\*\\*Demande n° ${number}\\*\\*`));
    expect(transcript).toContain("19 ans");
    expect(transcript).toContain("J'ai 19 ans et je cherche un apprentissage à Gap");

    const answer = await postToBot(harness, bot, cardClick(BRUNO, cardId, "handoff.end", requestId));
    expect(answer.json["type"]).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(answer.json["value"])).toContain("Terminé (Bruno Petit)");
    await user.expectBot(/De 1 à 5/);
    await user.say("4");
    await user.expectBot(/Merci pour votre note/);
    expect((await bot.handoff.service.repository.findById(requestId))?.rating).toBe(4);
  });

  it("accepts Action.Submit from older Teams clients", async () => {
    const user = await webUser(bot, "user-submit");
    const { requestId, cardId, number } = await queueRequest(user, bot);
    const from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", ...inThread(cardId), value: { verb: "handoff.take", requestId } }));
    await teamsReply(from, `Vous avez pris la demande n° ${number}.`);
    expect(await status(requestId)).toBe("taken");
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: `<at>SPRO</at> terminer ${number}` }));
    expect(await status(requestId)).toBe("ended");
  });

  it("lists today's cabin bookings, first names only", async () => {
    await bookings.book(
      { cabinId: "cabine-gap", start: "2026-11-23T13:00:00.000Z" },
      { consent: true, contact: { firstName: "Inès", phone: "06 11 22 33 44" } },
    );
    const from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> cabines" }));
    const listing = await teamsReply(from, /^Rendez-vous du jour/);
    expect(listing).toContain("14 h 00 — Cabine de Gap (Gap) — Inès");
    expect(listing).not.toContain("06 11 22 33 44");
  });

  it("answers with the list of commands when a message is neither a command nor in a request's thread", async () => {
    const from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> bonjour" }));
    await teamsReply(from, ADVISER_HELP);
  });

  it("says which request a command needs when the number is unknown", async () => {
    const from = harness.channel.calls.length;
    await postToBot(harness, bot, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> prendre 99999" }));
    await teamsReply(from, /^Je ne trouve pas cette demande/);
  });

  it("answers a malformed card action with a card, not an error", async () => {
    const bad = teamsActivity(ALICE, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: "handoff.take" } } });
    const answer = await postToBot(harness, bot, bad);
    expect(answer.status).toBe(200);
    expect(JSON.stringify((answer.json as Json)["value"])).toContain("Cette action n'est pas reconnue.");
  });
});
