// End to end over two real servers sharing PostgreSQL: a web user (local Direct Line on instance A) asks for
// a person, advisers act from Teams on both instances (activities posted to /api/messages in Teams' shape,
// the Bot Connector calls captured by a local channel service), messages flow both ways, the user rates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrientationBot } from "../../../src/channels/bot/index.js";
import { REFUSAL } from "../../../src/channels/teams/adviser-activity-handler.js";
import { createTeamsHandoff, type TeamsHandoff } from "../../../src/channels/teams/teams-handoff.js";
import { loadConfig, type AppConfig } from "../../../src/config/config.js";
import { ConversationEngine } from "../../../src/conversation/engine.js";
import { CONSENT_VALUE } from "../../../src/handoff/user-replies.js";
import { createAppServer, type AppServer } from "../../../src/server/server.js";
import { silentLogger } from "../../../src/shared/logger.js";
import type { AppStorage } from "../../../src/storage/index.js";
import { openRealSetup, TODAY, type RealSetup } from "../../conversation/real-ports.js";
import { postgresBackend, type BackendUnderTest } from "../../storage/helpers/backends.js";
import { cardText, startChannelService, type ChannelService } from "./helpers/channel-service.js";

const SECRET = "handoff-e2e-secret";
const TEAM_ID = "19:advisers-team@thread.tacv2";
const CHANNEL_ID = "19:advisers-requests@thread.tacv2";
const TENANT_ID = "5d3f6e1a-0000-4000-8000-000000000001";
const ALICE = { aad: "0b1c2d3e-0000-4000-8000-00000000000a", name: "Alice Martin" };
const BRUNO = { aad: "0b1c2d3e-0000-4000-8000-00000000000b", name: "Bruno Petit" };
const STRANGER = { aad: "0b1c2d3e-0000-4000-8000-00000000000c", name: "Camille Tiers" };

interface Instance {
  app: AppServer;
  url: string;
  storage: AppStorage;
  handoff: TeamsHandoff;
}

let setup: RealSetup;
let backend: BackendUnderTest;
let channel: ChannelService;
let a: Instance;
let b: Instance;

async function startInstance(config: AppConfig, name: string): Promise<Instance> {
  const storage = await backend.open();
  const handoff = createTeamsHandoff({ config, logger: silentLogger, db: storage.db, instanceId: name, timers: { outboxEveryMs: 50 }, clock: () => TODAY });
  const engine = new ConversationEngine(
    { ...setup.ports, handoff: handoff.conversationPort(setup.ports.contacts) },
    { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY },
  );
  const { bot } = createOrientationBot({ engine, logger: silentLogger, handoff });
  const app = createAppServer({ config, logger: silentLogger, bot });
  handoff.attach(app.adapter, app.directLine);
  return { app, url: await app.listen(), storage, handoff };
}

beforeAll(async () => {
  [setup, channel] = await Promise.all([openRealSetup(), startChannelService()]);
  backend = postgresBackend("handoff_e2e");
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DIRECTLINE_SECRET: SECRET,
    HANDOFF_MODE: "teams",
    HANDOFF_HOURS: "mon-fri 09:00-17:00",
    TEAMS_TEAM_ID: TEAM_ID,
    TEAMS_CHANNEL_ID: CHANNEL_ID,
    TEAMS_SERVICE_URL: channel.url,
    TEAMS_TENANT_ID: TENANT_ID,
    TEAMS_ADVISER_IDS: `${ALICE.aad},${BRUNO.aad}`,
  });
  a = await startInstance(config, "instance-a");
  b = await startInstance(config, "instance-b");
});

afterAll(async () => {
  for (const i of [a, b]) {
    await i?.handoff.close();
    await i?.app.close(2_000);
    await i?.storage.close();
  }
  await channel?.close();
  await backend?.destroy();
  await setup?.cleanup();
});

type Json = Record<string, unknown>;

async function call(method: string, url: string, credential: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${credential}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: (text === "" ? {} : JSON.parse(text)) as Json };
}

/** A web user talking to instance A through its local Direct Line. */
async function webUser(instance: Instance) {
  const dl = `${instance.url}/v3/directline`;
  const generated = await call("POST", `${dl}/tokens/generate`, SECRET, { user: { id: "web-user" } });
  const started = await call("POST", `${dl}/conversations`, String(generated.json["token"]));
  const conversationId = String(started.json["conversationId"]);
  const token = String(started.json["token"]);
  let seen = 0;
  const botTexts = async (): Promise<string[]> => {
    const got = await call("GET", `${dl}/conversations/${conversationId}/activities`, token);
    return ((got.json["activities"] ?? []) as Json[]).filter((x) => (x["from"] as Json)["role"] === "bot").map((x) => String(x["text"] ?? ""));
  };
  return {
    conversationId,
    async say(text: string): Promise<void> {
      const posted = await call("POST", `${dl}/conversations/${conversationId}/activities`, token, { type: "message", text, from: { id: "web-user" } });
      expect(posted.status).toBe(200);
    },
    /** Waits for a new bot message matching `pattern` and returns it. */
    async expectBot(pattern: RegExp): Promise<string> {
      const found = await waitFor(async () => {
        const texts = await botTexts();
        const index = texts.findIndex((t, i) => i >= seen && pattern.test(t));
        if (index < 0) return undefined;
        seen = index + 1;
        return texts[index];
      });
      return found;
    },
    botTexts,
  };
}

function teamsActivity(who: { aad: string; name: string }, extra: Json): Json {
  return {
    channelId: "msteams",
    serviceUrl: channel.url,
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    from: { id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
    recipient: { id: "28:spro-bot", name: "SPRO" },
    conversation: { id: CHANNEL_ID, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
    channelData: { team: { id: TEAM_ID }, channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
    ...extra,
  };
}

function inThread(cardId: string): Json {
  return { conversation: { id: `${CHANNEL_ID};messageid=${cardId}`, conversationType: "channel", isGroup: true, tenantId: TENANT_ID }, replyToId: cardId };
}

async function postToBot(instance: Instance, activity: Json): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${instance.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, json: (text === "" ? {} : JSON.parse(text)) as Json };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 30));
  }
}

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
});
