import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ActivityHandler } from "botbuilder";
import { TURN_ERROR_MESSAGE } from "../../../src/server/adapter.js";
import { ECHO_PREFIX } from "../../../src/channels/bot-echo/echo-bot.js";
import { callWithBearer as call, postJson, startTestServer, waitFor, type TestServer } from "../../server/start-test-server.js";

const SECRET = "test-secret";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Json = Record<string, unknown>;
interface Ticket {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

async function startConversation(s: TestServer, userId = "user-a"): Promise<Ticket> {
  const dl = `${s.url}/v3/directline`;
  const generated = await call("POST", `${dl}/tokens/generate`, SECRET, { user: { id: userId } });
  expect(generated.status).toBe(200);
  const started = await call("POST", `${dl}/conversations`, String(generated.json["token"]));
  expect(started.status).toBe(201);
  return started.json as unknown as Ticket;
}

function say(text: string) {
  return { type: "message", text, from: { id: "someone-else" }, channelData: { clientActivityID: "c1" } };
}

describe("local Direct Line 3.0", () => {
  it("generates a token bound to one conversation with an expiry", async () => {
    server = await startTestServer();
    const { status, json } = await call("POST", `${server.url}/v3/directline/tokens/generate`, SECRET);
    expect(status).toBe(200);
    expect(json).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
  });

  it("refuses to generate a token without the secret", async () => {
    server = await startTestServer();
    const missing = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: "POST" });
    expect(missing.status).toBe(401);
    const wrong = await call("POST", `${server.url}/v3/directline/tokens/generate`, "not-the-secret");
    expect(wrong.status).toBe(403);
  });

  it("starts a conversation, posts a message and reads the echo with watermarks", async () => {
    server = await startTestServer();
    const ticket = await startConversation(server);
    expect(ticket.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/);
    const base = `${server.url}/v3/directline/conversations/${ticket.conversationId}`;

    const posted = await call("POST", `${base}/activities`, ticket.token, say("bonjour"));
    expect(posted.status).toBe(200);
    expect(posted.json["id"]).toEqual(expect.stringContaining(ticket.conversationId));

    const first = await call("GET", `${base}/activities?watermark=`, ticket.token);
    const activities = first.json["activities"] as Json[];
    const messages = activities.filter((a) => a["type"] === "message");
    expect(messages.map((a) => a["text"])).toEqual(["bonjour", `${ECHO_PREFIX}bonjour`]);
    // The token's user is authoritative: the client cannot post as someone else.
    expect(messages[0]?.["from"]).toMatchObject({ id: "user-a", role: "user" });
    expect(messages[0]?.["channelData"]).toMatchObject({ clientActivityID: "c1", region: "PAC" });
    expect(messages[1]?.["replyToId"]).toBe(posted.json["id"]);
    expect(JSON.stringify(activities.filter((a) => a["from"] && (a["from"] as Json)["role"] === "bot"))).not.toContain(
      "serviceUrl",
    );

    const watermark = String(first.json["watermark"]);
    await call("POST", `${base}/activities`, ticket.token, say("encore"));
    const next = await call("GET", `${base}/activities?watermark=${watermark}`, ticket.token);
    expect((next.json["activities"] as Json[]).map((a) => a["text"])).toEqual(["encore", `${ECHO_PREFIX}encore`]);
  });

  it("pushes the bot's reply over the WebSocket stream", async () => {
    server = await startTestServer();
    const ticket = await startConversation(server);
    const ws = new WebSocket(String(ticket.streamUrl));
    const received: Json[] = [];
    ws.on("message", (data) => {
      const text = data.toString();
      if (text !== "") received.push(...((JSON.parse(text) as { activities: Json[] }).activities ?? []));
    });
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    ws.send(""); // Web Chat's keep-alive must be ignored
    await call("POST", `${server.url}/v3/directline/conversations/${ticket.conversationId}/activities`, ticket.token, say("salut"));
    const reply = await waitFor(async () => received.find((a) => a["text"] === `${ECHO_PREFIX}salut`), 3_000);
    expect(reply["from"]).toMatchObject({ role: "bot" });
    ws.close();
  });

  it("refuses a token of conversation A on conversation B with 403", async () => {
    server = await startTestServer();
    const a = await startConversation(server, "user-a");
    const b = await startConversation(server, "user-b");
    const bBase = `${server.url}/v3/directline/conversations/${b.conversationId}`;
    expect((await call("GET", `${bBase}/activities`, a.token)).status).toBe(403);
    expect((await call("POST", `${bBase}/activities`, a.token, say("intrus"))).status).toBe(403);
    expect((await call("GET", bBase, a.token)).status).toBe(403);
    const ws = new WebSocket(String(b.streamUrl).replace(/t=[^&]+/, `t=${a.token}`));
    const status = await new Promise<number | undefined>((resolve) => {
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode));
      ws.once("open", () => resolve(undefined));
      ws.once("error", () => undefined);
    });
    expect(status).toBe(403);
    const bActivities = await call("GET", `${bBase}/activities`, b.token);
    expect(JSON.stringify(bActivities.json)).not.toContain("intrus");
  });

  it("answers 404 for an unknown conversation", async () => {
    server = await startTestServer();
    const res = await call("GET", `${server.url}/v3/directline/conversations/nope/activities`, SECRET);
    expect(res.status).toBe(404);
  });

  it("answers 403 once the token has expired", async () => {
    let now = Date.parse("2026-11-23T10:00:00Z");
    server = await startTestServer({}, { directLine: { tokenTtlSeconds: 60, now: () => now } });
    const ticket = await startConversation(server);
    now += 61_000;
    const res = await call("GET", `${server.url}/v3/directline/conversations/${ticket.conversationId}/activities`, ticket.token);
    expect(res.status).toBe(403);
    expect(res.json["error"]).toBe("token_expired");
  });

  it("refreshes a token for the same conversation, and resumes with a new stream URL", async () => {
    server = await startTestServer();
    const ticket = await startConversation(server);
    const refreshed = await call("POST", `${server.url}/v3/directline/tokens/refresh`, ticket.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json["conversationId"]).toBe(ticket.conversationId);
    const resumed = await call(
      "GET",
      `${server.url}/v3/directline/conversations/${ticket.conversationId}?watermark=0`,
      String(refreshed.json["token"]),
    );
    expect(resumed.status).toBe(200);
    expect(String(resumed.json["streamUrl"])).toContain("watermark=0");
  });

  it("answers 400 for a malformed activity and for a non-numeric watermark", async () => {
    server = await startTestServer();
    const ticket = await startConversation(server);
    const base = `${server.url}/v3/directline/conversations/${ticket.conversationId}`;
    expect((await call("POST", `${base}/activities`, ticket.token, { text: "no type" })).status).toBe(400);
    expect((await call("GET", `${base}/activities?watermark=abc`, ticket.token)).status).toBe(400);
  });

  it("exposes no bot-to-connector endpoint over HTTP", async () => {
    server = await startTestServer();
    const ticket = await startConversation(server);
    const res = await postJson(`${server.url}/v3/conversations/${ticket.conversationId}/activities`, {
      type: "message",
      text: "faux message du bot",
    });
    expect(res.status).toBe(404);
  });
});

describe("page token endpoint", () => {
  it("mints a local token for the requested region without exposing the secret", async () => {
    server = await startTestServer();
    const { status, json } = await postJson(`${server.url}/api/directline/token`, { region: "BFC" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ region: "BFC", domain: `${server.url}/v3/directline`, userId: expect.stringMatching(/^dl_/) });
    expect(JSON.stringify(json)).not.toContain(SECRET);
    const started = await call("POST", `${server.url}/v3/directline/conversations`, String(json["token"]));
    expect(started.status).toBe(201);
    const posted = await call(
      "POST",
      `${server.url}/v3/directline/conversations/${String(json["conversationId"])}/activities`,
      String(json["token"]),
      say("bonjour"),
    );
    expect(posted.status).toBe(200);
    const read = await call("GET", `${server.url}/v3/directline/conversations/${String(json["conversationId"])}/activities`, String(json["token"]));
    const user = (read.json["activities"] as Json[]).find((a) => a["text"] === "bonjour");
    expect(user?.["channelData"]).toMatchObject({ region: "BFC" });
  });

  it("refuses an unknown region and a reserved user id with 400", async () => {
    server = await startTestServer();
    expect((await postJson(`${server.url}/api/directline/token`, { region: "IDF" })).status).toBe(400);
    expect((await postJson(`${server.url}/api/directline/token`, { userId: "dl_forged" })).status).toBe(400);
  });
});

describe("bot failures and shutdown over Direct Line", () => {
  it("sends the user the generic French error message, never the error's details", async () => {
    const failing = new ActivityHandler();
    failing.onMessage(async () => {
      throw new Error("stack trace with secrets");
    });
    server = await startTestServer({}, { bot: failing });
    const ticket = await startConversation(server);
    const base = `${server.url}/v3/directline/conversations/${ticket.conversationId}`;
    await call("POST", `${base}/activities`, ticket.token, say("bonjour"));
    const read = await call("GET", `${base}/activities`, ticket.token);
    const botTexts = (read.json["activities"] as Json[])
      .filter((a) => (a["from"] as Json | undefined)?.["role"] === "bot")
      .map((a) => a["text"]);
    expect(botTexts).toEqual([TURN_ERROR_MESSAGE]);
    expect(JSON.stringify(read.json)).not.toContain("secrets");
  });

  it("delivers the reply of a turn still running when shutdown starts", async () => {
    let release: () => void = () => undefined;
    const slow = new ActivityHandler();
    slow.onMessage(async (context, next) => {
      await new Promise<void>((resolve) => (release = resolve));
      await context.sendActivity("réponse tardive");
      await next();
    });
    const started = await startTestServer({}, { bot: slow });
    const ticket = await startConversation(started);
    const base = `${started.url}/v3/directline/conversations/${ticket.conversationId}`;
    const posting = call("POST", `${base}/activities`, ticket.token, say("question lente"));
    while (started.app.tracker.size === 0) await new Promise((r) => setTimeout(r, 5));
    const closing = started.app.close(5_000);
    release();
    expect((await posting).status).toBe(200);
    await closing;
  });
});
