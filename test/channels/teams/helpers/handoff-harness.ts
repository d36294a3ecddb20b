// Real servers with the Teams hand-off on a shared PostgreSQL schema, a web user speaking the local Direct Line
// protocol, and Teams activities in their real shape posted to /api/messages. The Bot Connector calls the bot
// makes are captured by the local channel service standing in for Teams (see channel-service.ts).
import { expect } from "vitest";
import { createOrientationBot } from "../../../../src/channels/bot/index.js";
import { createTeamsHandoff, type TeamsHandoff } from "../../../../src/channels/teams/teams-handoff.js";
import type { CabinAgenda } from "../../../../src/channels/teams/cabin-agenda.js";
import { loadConfig, type AppConfig } from "../../../../src/config/config.js";
import { ConversationEngine } from "../../../../src/conversation/engine.js";
import { createAppServer, type AppServer } from "../../../../src/server/server.js";
import { silentLogger } from "../../../../src/shared/logger.js";
import type { AppStorage } from "../../../../src/storage/index.js";
import { openRealSetup, TODAY, type RealSetup } from "../../../conversation/real-ports.js";
import { postgresBackend, type BackendUnderTest } from "../../../storage/helpers/backends.js";
import { callWithBearer as call, waitFor as pollUntil } from "../../../server/start-test-server.js";
import { startChannelService, type ChannelService } from "./channel-service.js";

export const SECRET = "handoff-test-secret";
export const TEAM_ID = "19:advisers-team@thread.tacv2";
export const CHANNEL_ID = "19:advisers-requests@thread.tacv2";
export const TENANT_ID = "5d3f6e1a-0000-4000-8000-000000000001";
export const ALICE = { aad: "0b1c2d3e-0000-4000-8000-00000000000a", name: "Alice Martin" };
export const BRUNO = { aad: "0b1c2d3e-0000-4000-8000-00000000000b", name: "Bruno Petit" };
export const STRANGER = { aad: "0b1c2d3e-0000-4000-8000-00000000000c", name: "Camille Tiers" };
export type Person = typeof ALICE;

export type Json = Record<string, unknown>;

export interface Instance {
  name: string;
  app: AppServer;
  url: string;
  storage: AppStorage;
  handoff: TeamsHandoff;
}

export interface Harness {
  setup: RealSetup;
  channel: ChannelService;
  config: AppConfig;
  /** Moves the hand-off's clock (opening hours, waiting time); the engine keeps TODAY for pay amounts. */
  clock: { now: Date };
  instances: Instance[];
  /** Stops an instance (server, timers, database connection) and starts a new process-like one in its place. */
  restart(index: number): Promise<Instance>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  instances?: number;
  env?: Record<string, string>;
  /** How often each instance sweeps overdue requests (the timers' real loop). */
  sweepEveryMs?: number;
  agenda?: (storage: AppStorage) => CabinAgenda;
  label: string;
}

export async function openHarness(options: HarnessOptions): Promise<Harness> {
  const [setup, channel] = await Promise.all([openRealSetup(), startChannelService()]);
  const backend: BackendUnderTest = postgresBackend(options.label);
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DIRECTLINE_SECRET: SECRET,
    HANDOFF_MODE: "teams",
    HANDOFF_HOURS: "mon-fri 09:00-17:00",
    HANDOFF_WAIT_MINUTES: "10",
    TEAMS_TEAM_ID: TEAM_ID,
    TEAMS_CHANNEL_ID: CHANNEL_ID,
    TEAMS_SERVICE_URL: channel.url,
    TEAMS_TENANT_ID: TENANT_ID,
    TEAMS_ADVISER_IDS: `${ALICE.aad},${BRUNO.aad}`,
    ...options.env,
  });
  const clock = { now: TODAY };
  const start = async (name: string): Promise<Instance> => {
    const storage = await backend.open();
    const handoff = createTeamsHandoff({
      config,
      logger: silentLogger,
      db: storage.db,
      instanceId: name,
      timers: { outboxEveryMs: 50, sweepEveryMs: options.sweepEveryMs ?? 60_000 },
      clock: () => clock.now,
      ...(options.agenda ? { agenda: options.agenda(storage) } : {}),
    });
    const engine = new ConversationEngine(
      { ...setup.ports, handoff: handoff.conversationPort(setup.ports.contacts) },
      { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY },
    );
    const { bot } = createOrientationBot({ engine, logger: silentLogger, handoff });
    const app = createAppServer({ config, logger: silentLogger, bot });
    handoff.attach(app.adapter, app.directLine);
    return { name, app, url: await app.listen(), storage, handoff };
  };
  const stop = async (i: Instance) => {
    await i.handoff.close();
    await i.app.close(2_000);
    await i.storage.close();
  };
  const instances: Instance[] = [];
  for (let i = 0; i < (options.instances ?? 1); i++) instances.push(await start(`instance-${String.fromCharCode(97 + i)}`));
  return {
    setup,
    channel,
    config,
    clock,
    instances,
    async restart(index) {
      const old = instances[index];
      if (!old) throw new Error(`no instance ${index}`);
      await stop(old);
      const fresh = await start(old.name);
      instances[index] = fresh;
      return fresh;
    },
    async close() {
      for (const i of instances) await stop(i);
      await channel.close();
      await backend.destroy();
      await setup.cleanup();
    },
  };
}

export interface WebUser {
  conversationId: string;
  say(text: string, channelData?: Json): Promise<void>;
  /** Waits for a new bot message matching `pattern` (after the last one matched) and returns it. */
  expectBot(pattern: RegExp): Promise<string>;
  botTexts(): Promise<string[]>;
  botActivities(): Promise<Json[]>;
}

/** A person in web chat (or at the kiosk, with its channelData) on one instance's local Direct Line. */
export async function webUser(instance: Instance, userId = "web-user"): Promise<WebUser> {
  const dl = `${instance.url}/v3/directline`;
  const generated = await call("POST", `${dl}/tokens/generate`, SECRET, { user: { id: userId } });
  const started = await call("POST", `${dl}/conversations`, String(generated.json["token"]));
  const conversationId = String(started.json["conversationId"]);
  const token = String(started.json["token"]);
  let seen = 0;
  const botActivities = async (): Promise<Json[]> => {
    const got = await call("GET", `${dl}/conversations/${conversationId}/activities`, token);
    return ((got.json["activities"] ?? []) as Json[]).filter((x) => (x["from"] as Json)["role"] === "bot");
  };
  const botTexts = async () => (await botActivities()).map((x) => String(x["text"] ?? ""));
  return {
    conversationId,
    async say(text, channelData) {
      const posted = await call("POST", `${dl}/conversations/${conversationId}/activities`, token, {
        type: "message",
        text,
        from: { id: userId },
        ...(channelData ? { channelData } : {}),
      });
      expect(posted.status).toBe(200);
    },
    async expectBot(pattern) {
      return waitFor(async () => {
        const texts = await botTexts();
        const index = texts.findIndex((t, i) => i >= seen && pattern.test(t));
        if (index < 0) return undefined;
        seen = index + 1;
        return texts[index];
      });
    },
    botTexts,
    botActivities,
  };
}

/** An activity as Teams sends it from the advisers' channel (channel conversation, team/channel/tenant). */
export function teamsActivity(who: Person, extra: Json): Json {
  return {
    channelId: "msteams",
    serviceUrl: TEAMS_SERVICE_URL_PLACEHOLDER,
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    from: { id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
    recipient: { id: "28:spro-bot", name: "SPRO" },
    conversation: { id: CHANNEL_ID, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
    channelData: { team: { id: TEAM_ID }, channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
    ...extra,
  };
}

/** Replaced by the channel service's URL when posted (the activity's serviceUrl is where replies go). */
const TEAMS_SERVICE_URL_PLACEHOLDER = "about:channel-service";

/** The reply's conversation in the thread under a request's card. */
export function inThread(cardId: string): Json {
  return { conversation: { id: `${CHANNEL_ID};messageid=${cardId}`, conversationType: "channel", isGroup: true, tenantId: TENANT_ID }, replyToId: cardId };
}

/** A card button (Action.Execute) as Teams sends it: an `adaptiveCard/action` invoke. */
export function cardClick(who: Person, cardId: string, verb: string, requestId: string): Json {
  return teamsActivity(who, {
    type: "invoke",
    name: "adaptiveCard/action",
    ...inThread(cardId),
    value: { action: { type: "Action.Execute", verb, data: { requestId } }, trigger: "manual" },
  });
}

export async function postToBot(harness: Harness, instance: Instance, activity: Json): Promise<{ status: number; json: Json }> {
  const body = activity["serviceUrl"] === TEAMS_SERVICE_URL_PLACEHOLDER ? { ...activity, serviceUrl: harness.channel.url } : activity;
  const response = await fetch(`${instance.url}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: (text === "" ? {} : JSON.parse(text)) as Json };
}

/** Hand-off deliveries cross two instances and the channel service: they get a longer wait. */
export function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  return pollUntil(probe, timeoutMs);
}

/** A web user asks for a person and agrees to share the summary; returns the request's id and card id. */
export async function queueRequest(user: WebUser, instance: Instance, ask = "Je veux parler à un conseiller"): Promise<{ requestId: string; cardId: string; number: number }> {
  await user.say(ask);
  await user.expectBot(/Êtes-vous d'accord pour partager ce résumé/);
  await user.say("Oui, transmettre ma demande à un conseiller");
  await user.expectBot(/dans la file d'attente/);
  const request = await waitFor(async () => {
    const r = await instance.handoff.service.repository.findOpenForUser(user.conversationId);
    return r?.cardActivityId ? r : undefined;
  });
  return { requestId: request.id, cardId: request.cardActivityId ?? "", number: request.number };
}
