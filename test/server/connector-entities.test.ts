// Citations on the wire: the reply the real server sends through botbuilder's ConnectorClient — to a Teams
// channel service (a local HTTP server standing in for the activity's serviceUrl) and to Web Chat over the
// local Direct Line — keeps its schema.org Message entity with Claim citations, as Teams renders them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrientationBot } from "../../src/channels/bot/index.js";
import { preserveEntityProperties } from "../../src/server/connector-entities.js";
import { silentLogger } from "../../src/shared/logger.js";
import { startChannelService, type ChannelService } from "../channels/teams/helpers/channel-service.js";
import { openRealSetup, type RealSetup } from "../conversation/real-ports.js";
import { callWithBearer, startTestServer, waitFor, type TestServer } from "./start-test-server.js";

const SECRET = "test-secret";
type Json = Record<string, unknown>;

let setup: RealSetup;
let channel: ChannelService;
let server: TestServer;

beforeAll(async () => {
  [setup, channel] = await Promise.all([openRealSetup(), startChannelService()]);
  const { bot } = createOrientationBot({ engine: setup.engine, logger: silentLogger });
  server = await startTestServer({ DIRECTLINE_SECRET: SECRET }, { bot });
});

afterAll(async () => {
  await server?.close();
  await channel?.close();
  await setup?.cleanup();
});

/** A Direct Line call that must succeed; its JSON body. */
async function call(method: string, url: string, credential: string, body?: unknown): Promise<Json> {
  const { status, json } = await callWithBearer(method, url, credential, body);
  expect(status).toBeLessThan(300);
  return json;
}

/** Asserts what Teams needs to render citations: a schema.org Message whose Claims each have a name and URL. */
function expectTeamsCitations(activity: Json): void {
  const entities = (activity["entities"] ?? []) as Json[];
  const message = entities.find((e) => e["type"] === "https://schema.org/Message");
  expect(message, "no schema.org Message entity on the wire").toMatchObject({
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
  });
  const claims = (message?.["citation"] ?? []) as Json[];
  expect(claims.length).toBeGreaterThan(0);
  claims.forEach((claim, i) => {
    expect(claim).toMatchObject({
      "@type": "Claim",
      position: i + 1,
      appearance: { "@type": "DigitalDocument", name: expect.any(String), url: expect.stringMatching(/^https:\/\//) },
    });
  });
  const urls = claims.map((c) => (c["appearance"] as Json)["url"]);
  // A job answer cites its official ROME fiche (Boulanger is D1102).
  expect(urls.some((u) => String(u).includes("D1102"))).toBe(true);
}

describe("citations through the Bot Connector client", () => {
  it("sends a Teams reply whose entities keep the schema.org Message and its Claim citations", async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "1700000000001",
        channelId: "msteams",
        serviceUrl: channel.url,
        timestamp: new Date().toISOString(),
        text: "je veux devenir boulanger",
        from: { id: "29:user-1", name: "Léa" },
        recipient: { id: "28:spro-bot", name: "SPRO" },
        conversation: { id: "a:personal-chat-1", conversationType: "personal" },
      }),
    });
    expect(response.status).toBeLessThan(300);
    const reply = await waitFor(
      async () => channel.calls.find((c) => c.conversationId === "a:personal-chat-1" && /Boulanger/.test(String(c.body["text"] ?? ""))),
      5_000,
    );
    expect(reply.method).toBe("POST");
    expectTeamsCitations(reply.body);
  });

  it("delivers the same citations to Web Chat over the local Direct Line", async () => {
    const dl = `${server.url}/v3/directline`;
    const generated = await call("POST", `${dl}/tokens/generate`, SECRET, { user: { id: "web-user" } });
    const started = await call("POST", `${dl}/conversations`, String(generated["token"]));
    const base = `${dl}/conversations/${String(started["conversationId"])}/activities`;
    const token = String(started["token"]);
    await call("POST", base, token, { type: "message", text: "je veux devenir boulanger", from: { id: "web-user" } });
    const reply = await waitFor(async () => {
      const got = await call("GET", base, token);
      return ((got["activities"] ?? []) as Json[]).find((a) => (a["from"] as Json)["role"] === "bot" && /Boulanger/.test(String(a["text"] ?? "")));
    }, 5_000);
    expectTeamsCitations(reply);
  });

  it("changes the connector's mapper once: creating more adapters leaves it as it is", () => {
    expect(preserveEntityProperties()).toBe(false);
  });
});
