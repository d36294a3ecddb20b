// When the bot proposes a counsellor (two failed answers, a complex situation, after a distress message, the
// kiosk's button), what advisers read about it, the kiosk's « Terminer » during a hand-off, and the standard
// `handoff.initiate` event for a channel routed to an external agent desk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSENT_VALUE } from "../../../src/handoff/user-replies.js";
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
  type WebUser,
} from "./helpers/handoff-harness.js";

const EXTERNAL_DESK_CHANNEL = "omnichannel";
const KIOSK = { kiosk: true, siteId: "cabine-embrun", region: "PAC" };

let harness: Harness;
let bot: Instance;

beforeAll(async () => {
  harness = await openHarness({ label: "handoff_triggers", env: { HANDOFF_EVENT_CHANNELS: EXTERNAL_DESK_CHANNEL } });
  [bot] = harness.instances as [Instance];
});

afterAll(async () => {
  await harness?.close();
});

/** Accepts the proposal, agrees to share, and returns what the advisers' card says. */
async function acceptProposal(user: WebUser, channelData?: Json): Promise<string> {
  await user.say("Je veux parler à un conseiller", channelData);
  await user.expectBot(/Êtes-vous d'accord pour partager ce résumé/);
  await user.say(CONSENT_VALUE, channelData);
  await user.expectBot(/dans la file d'attente/);
  const request = await waitFor(async () => bot.handoff.service.repository.findOpenForUser(user.conversationId));
  const card = await waitFor(async () =>
    harness.channel.calls.find((c) => c.method === "POST" && c.conversationId === CHANNEL_ID && cardText(c.body).includes(`Demande n° ${request.number}`)),
  );
  await user.say("annuler", channelData);
  await user.expectBot(/Votre demande est annulée/);
  return cardText(card.body);
}

describe("the bot proposes a counsellor", () => {
  it("after two answers in a row it could not give, not after one", async () => {
    const user = await webUser(bot, "lost-user");
    await user.say("xkcd blorf zut");
    await user.expectBot(/Je ne suis pas sûr d'avoir compris/);
    await user.say("devenir couvreur");
    await user.expectBot(/Couvreur/);
    await user.say("qsdfqsdf");
    await user.expectBot(/Je ne suis pas sûr d'avoir compris/);
    expect((await user.botTexts()).join("\n")).not.toContain("Je n'arrive pas à bien vous répondre");
    await user.say("blorf zut xkcd");
    await user.expectBot(/Je n'arrive pas à bien vous répondre\. Un conseiller ou une conseillère peut prendre le relais/);
    expect(await acceptProposal(user)).toContain("le bot n'a pas su répondre");
  });

  it("when the person speaks of a disability, a career change or dropping out, once", async () => {
    const user = await webUser(bot, "complex-user");
    await user.say("je suis en situation de handicap et je cherche une formation");
    await user.expectBot(/Votre situation mérite l'avis d'une personne/);
    await user.say("j'ai arrêté l'école et je veux me reconvertir");
    await user.expectBot(/./);
    expect((await user.botTexts()).filter((t) => /mérite l'avis d'une personne/.test(t))).toHaveLength(1);
    expect(await acceptProposal(user)).toContain("situation complexe");
  });

  it("after a distress message, once the emergency numbers are given", async () => {
    const user = await webUser(bot, "distress-user");
    await user.say("je veux mourir");
    await user.expectBot(/Si vous le souhaitez, vous pouvez aussi écrire à une personne ici/);
    const texts = await user.botTexts();
    const numbers = texts.findIndex((t) => t.includes("3114"));
    const proposal = texts.findIndex((t) => t.includes("écrire à une personne"));
    expect(numbers).toBeGreaterThanOrEqual(0);
    expect(proposal).toBeGreaterThan(numbers);
    expect(await acceptProposal(user)).toContain("après un message de détresse");
  });
});

describe("consent", () => {
  it("sends nothing to the advisers when the person declines to share the summary", async () => {
    const user = await webUser(bot, "declining-user");
    await user.say("Je veux parler à un conseiller");
    await user.expectBot(/Êtes-vous d'accord pour partager ce résumé/);
    const before = harness.channel.calls.length;
    await user.say("Non, pas maintenant");
    await user.expectBot(/D'accord, je ne transmets rien/);
    expect(await bot.handoff.service.repository.findOpenForUser(user.conversationId)).toBeUndefined();
    expect(harness.channel.calls.slice(before)).toEqual([]);
  });
});

describe("at the kiosk", () => {
  it("tells advisers the request came from the kiosk's button", async () => {
    const user = await webUser(bot, "kiosk-user");
    await user.say("Je veux parler à un conseiller maintenant", { ...KIOSK, handoffTrigger: "kiosk" });
    await user.expectBot(/Êtes-vous d'accord pour partager ce résumé/);
    await user.say(CONSENT_VALUE, KIOSK);
    await user.expectBot(/dans la file d'attente/);
    const request = await waitFor(async () => bot.handoff.service.repository.findOpenForUser(user.conversationId));
    expect(request.trigger).toBe("kiosk");
    const card = await waitFor(async () => harness.channel.calls.find((c) => c.method === "POST" && cardText(c.body).includes(`Demande n° ${request.number}`)));
    expect(cardText(card.body)).toContain("borne : bouton conseiller");

    // « Terminer » at the kiosk wipes the session: the waiting request is withdrawn, the data forgotten.
    await user.say("Supprimer mes données", { ...KIOSK, kioskReset: true });
    await user.expectBot(/j.ai effacé ce que j.avais gardé/);
    expect((await bot.handoff.service.repository.findById(request.id))?.status).toBe("cancelled");
  });

  it("ends a request an adviser had taken when the kiosk session ends, and says so in its thread", async () => {
    const user = await webUser(bot, "kiosk-taken");
    const { requestId, cardId } = await queueRequest(user, bot);
    await postToBot(harness, bot, cardClick(ALICE, cardId, "handoff.take", requestId));
    await user.expectBot(/a pris votre demande/);
    await user.say("Supprimer mes données", { ...KIOSK, kioskReset: true });
    await user.expectBot(/j.ai effacé ce que j.avais gardé/);
    expect((await bot.handoff.service.repository.findById(requestId))?.status).toBe("ended");
    await waitFor(async () =>
      harness.channel.calls.find((c) => c.conversationId === `${CHANNEL_ID};messageid=${cardId}` && String(c.body["text"] ?? "").includes("La personne a quitté la conversation")),
    );
    expect((await user.botTexts()).join("\n")).not.toContain("De 1 à 5");
  });
});

describe("a channel routed to an external agent desk", () => {
  const conversation = { id: "omni-conversation-1" };
  const customer = { id: "customer-1", name: "Client" };
  const message = (text: string): Json => ({
    type: "message",
    channelId: EXTERNAL_DESK_CHANNEL,
    serviceUrl: harness.channel.url,
    id: `omni-${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    from: customer,
    recipient: { id: "spro-bot", name: "SPRO" },
    conversation,
    text,
  });

  it("emits handoff.initiate with the routing context and the masked transcript, and queues nothing in Teams", async () => {
    await postToBot(harness, bot, message("Bonjour, j'ai 17 ans. Mon numéro est le 06 12 34 56 78."));
    await postToBot(harness, bot, message("Je veux parler à un conseiller"));
    await waitFor(async () => harness.channel.calls.find((c) => c.conversationId === conversation.id && String(c.body["text"] ?? "").includes("Êtes-vous d'accord")));
    const cardsBefore = harness.channel.calls.filter((c) => c.conversationId === CHANNEL_ID).length;
    await postToBot(harness, bot, message("oui"));

    const sent = await waitFor(async () => harness.channel.calls.find((c) => c.conversationId === conversation.id && c.body["type"] === "event"));
    const event = sent.body;
    expect(event["name"]).toBe("handoff.initiate");
    expect((event["conversation"] as Json)["id"]).toBe(conversation.id);
    expect(event["channelId"]).toBe(EXTERNAL_DESK_CHANNEL);
    const value = event["value"] as { summary: { need: string; profile: Json }; region: string; trigger: string };
    expect(value.trigger).toBe("user-asked");
    expect(value.region).toBe("PAC");
    expect(value.summary.need).toMatch(/demandé à parler à un conseiller/);
    expect(value.summary.profile).toMatchObject({ age: 17 });
    const [attachment] = event["attachments"] as Array<{ contentType: string; name: string; content: { activities: Json[] } }>;
    expect(attachment).toMatchObject({ contentType: "application/json", name: "Transcript" });
    const lines = attachment?.content.activities ?? [];
    expect(lines[0]).toMatchObject({ type: "message", from: { role: "user" } });
    expect(String(lines[0]?.["text"])).toContain("[téléphone masqué]");
    expect(JSON.stringify(event)).not.toContain("06 12 34 56 78");

    await waitFor(async () => harness.channel.calls.find((c) => c.conversationId === conversation.id && /Je vous mets en relation/.test(String(c.body["text"] ?? ""))));
    expect(await bot.handoff.service.repository.findOpenForUser(conversation.id)).toBeUndefined();
    expect(harness.channel.calls.filter((c) => c.conversationId === CHANNEL_ID)).toHaveLength(cardsBefore);
  });

  it("accepts the desk's handoff.status event without error", async () => {
    const status = { ...message(""), type: "event", name: "handoff.status", value: { state: "completed" } };
    delete (status as Json)["text"];
    const answer = await postToBot(harness, bot, status);
    expect(answer.status).toBeLessThan(300);
  });
});
