// End to end over two real servers sharing PostgreSQL: a web user (local Direct Line on instance A) asks for
// a person, advisers act from Teams on both instances (activities posted to /api/messages in Teams' shape,
// the Bot Connector calls captured by a local channel service), messages flow both ways, the user rates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL } from "../../../src/channels/teams/adviser-activity-handler.js";
import { CONSENT_VALUE } from "../../../src/handoff/user-replies.js";
import { cardText } from "./helpers/channel-service.js";
import {
  ALICE,
  BRUNO,
  CHANNEL_ID,
  inThread,
  openHarness,
  postToBot as post,
  STRANGER,
  teamsActivity,
  waitFor,
  webUser,
  type Harness,
  type Instance,
  type Json,
} from "./helpers/handoff-harness.js";

let harness: Harness;
let a: Instance;
let b: Instance;
let channel: Harness["channel"];

beforeAll(async () => {
  harness = await openHarness({ label: "handoff_e2e", instances: 2 });
  [a, b] = harness.instances as [Instance, Instance];
  channel = harness.channel;
});

afterAll(async () => {
  await harness?.close();
});

const postToBot = (instance: Instance, activity: Json) => post(harness, instance, activity);

describe("hand-off from web chat to advisers in Teams, over two instances", () => {
  it("queues the request, lets one adviser take it, relays both ways, ends and collects the rating", async () => {
    const user = await webUser(a);
    await user.say("Bonjour, j'ai 17 ans et j'habite à Marseille. Mon numéro est le 06 12 34 56 78.");
    await user.expectBot(/./);
    await user.say("Je veux parler à un conseiller");
    await user.expectBot(/Êtes-vous d'accord pour partager ce résumé/);
    await user.say(CONSENT_VALUE);
    await user.expectBot(/la première personne dans la file d'attente/);

    // The card reached the advisers' channel as a new post, with the masked summary.
    const posted = await waitFor(async () => channel.calls.find((c) => c.method === "POST" && c.conversationId === CHANNEL_ID && cardText(c.body).includes("Demande n°")));
    const card = cardText(posted.body);
    expect(card).toContain("Prendre en charge");
    expect(card).toContain("Voir la conversation");
    expect(card).toContain("17 ans");
    expect(card).toContain("[téléphone masqué]");
    expect(card).not.toContain("06 12 34 56 78");
    const requestId = /"requestId":"([^"]+)"/.exec(card)?.[1] ?? "";
    const stored = await a.handoff.service.repository.findById(requestId);
    const cardId = stored?.cardActivityId ?? "";
    expect(cardId).not.toBe("");

    // Two advisers click "Prendre en charge" at the same moment, on different instances: exactly one wins.
    const click = (who: typeof ALICE) =>
      teamsActivity(who, {
        type: "invoke",
        name: "adaptiveCard/action",
        ...inThread(cardId),
        value: { action: { type: "Action.Execute", verb: "handoff.take", data: { requestId } }, trigger: "manual" },
      });
    const [fromA, fromB] = await Promise.all([postToBot(a, click(ALICE)), postToBot(b, click(BRUNO))]);
    expect(fromA.status).toBe(200);
    expect(fromB.status).toBe(200);
    const taken = await a.handoff.service.repository.findById(requestId);
    expect(taken?.status).toBe("taken");
    const winner = taken?.adviser?.id === ALICE.aad ? ALICE : BRUNO;
    const loser = winner === ALICE ? BRUNO : ALICE;
    for (const answer of [fromA, fromB]) {
      expect(answer.json["type"]).toBe("application/vnd.microsoft.card.adaptive");
      expect(JSON.stringify(answer.json["value"])).toContain(`Pris en charge par ${winner.name}`);
    }
    // Everyone's card is updated in place.
    await waitFor(async () => channel.calls.find((c) => c.method === "PUT" && c.activityId === cardId && cardText(c.body).includes(`Pris en charge par ${winner.name}`)));
    await user.expectBot(new RegExp(`${winner.name}, conseiller ou conseillère en orientation, a pris votre demande`));

    // The user's message appears in the card's thread.
    await user.say("Je voudrais changer de formation");
    await waitFor(async () => channel.calls.find((c) => c.conversationId === `${CHANNEL_ID};messageid=${cardId}` && String(c.body["text"] ?? "").includes("Je voudrais changer de formation")));

    // The other adviser's note in the thread stays among advisers; the winner's reply reaches the user on A.
    await postToBot(a, teamsActivity(loser, { type: "message", text: "Note interne : dossier connu", ...inThread(cardId) }));
    await postToBot(b, teamsActivity(winner, { type: "message", text: "Bonjour, je peux vous aider pour la formation.", ...inThread(cardId) }));
    await user.expectBot(new RegExp(`\\*\\*${winner.name} \\(conseil en orientation\\) :\\*\\* Bonjour, je peux vous aider`));
    expect((await user.botTexts()).join("\n")).not.toContain("Note interne");

    // "Terminer" in the thread returns the user to the bot, which asks for a rating.
    await postToBot(b, teamsActivity(winner, { type: "message", text: "<at>SPRO</at> terminer", ...inThread(cardId) }));
    await user.expectBot(/De 1 à 5/);
    await waitFor(async () => channel.calls.find((c) => c.method === "PUT" && c.activityId === cardId && cardText(c.body).includes("Terminé")));
    await user.say("5");
    await user.expectBot(/Merci pour votre note/);
    expect((await a.handoff.service.repository.findById(requestId))?.rating).toBe(5);

    // Back with the bot: an ordinary question gets an ordinary answer.
    await user.say("je veux devenir couvreur");
    await user.expectBot(/Couvreur/);
  });

  it("refuses commands from someone outside the advisers' team, politely", async () => {
    const before = channel.calls.length;
    await postToBot(b, teamsActivity(STRANGER, { type: "message", text: "file" }));
    const refusal = await waitFor(async () => channel.calls.slice(before).find((c) => String(c.body["text"] ?? "") === REFUSAL));
    expect(refusal.method).toBe("POST");
  });

  it("lists the queue for an adviser", async () => {
    const user = await webUser(a);
    await user.say("Je veux parler à un conseiller");
    await user.expectBot(/Êtes-vous d'accord/);
    await user.say("oui");
    await user.expectBot(/dans la file d'attente/);
    const before = channel.calls.length;
    await postToBot(b, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> file" }));
    const listing = await waitFor(async () => channel.calls.slice(before).find((c) => String(c.body["text"] ?? "").startsWith("Demandes ouvertes")));
    expect(String(listing.body["text"])).toMatch(/en attente/);
    await user.say("annuler");
    await user.expectBot(/Votre demande est annulée/);
  });

  it("keeps the queue and the person ↔ adviser link across a restart of the advisers' instance", async () => {
    const user = await webUser(a, "restart-user");
    await user.say("Je veux parler à un conseiller");
    await user.expectBot(/Êtes-vous d'accord/);
    await user.say("oui");
    await user.expectBot(/dans la file d'attente/);
    const request = await waitFor(async () => {
      const r = await a.handoff.service.repository.findOpenForUser(user.conversationId);
      return r?.cardActivityId ? r : undefined;
    });
    const cardId = request.cardActivityId ?? "";

    b = await harness.restart(1);
    let before = channel.calls.length;
    await postToBot(b, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> file" }));
    const listing = await waitFor(async () => channel.calls.slice(before).find((c) => String(c.body["text"] ?? "").startsWith("Demandes ouvertes")));
    expect(String(listing.body["text"])).toContain(`n° ${request.number} — en attente`);
    await postToBot(b, teamsActivity(ALICE, { type: "message", text: `<at>SPRO</at> prendre ${request.number}` }));
    await user.expectBot(/Alice Martin, conseiller ou conseillère en orientation, a pris votre demande/);

    b = await harness.restart(1);
    await postToBot(b, teamsActivity(ALICE, { type: "message", text: "Je suis là, racontez-moi.", ...inThread(cardId) }));
    await user.expectBot(/\*\*Alice Martin \(conseil en orientation\) :\*\* Je suis là, racontez-moi\./);
    before = channel.calls.length;
    await user.say("Merci !");
    await waitFor(async () => channel.calls.slice(before).find((c) => c.conversationId === `${CHANNEL_ID};messageid=${cardId}` && String(c.body["text"] ?? "").includes("Merci !")));
    await postToBot(b, teamsActivity(ALICE, { type: "message", text: "<at>SPRO</at> terminer", ...inThread(cardId) }));
    await user.expectBot(/De 1 à 5/);
  });
});
