import { afterEach, describe, expect, it } from "vitest";
import { ActivityHandler } from "botbuilder";
import { loadConfig } from "../../src/config/config.js";
import { ECHO_PREFIX } from "../../src/channels/bot-echo/echo-bot.js";
import { TURN_ERROR_MESSAGE } from "../../src/server/adapter.js";
import { Readiness } from "../../src/server/readiness.js";
import { UnsafeBindingError, assertSafeBinding } from "../../src/server/server.js";
import { postJson, startTestServer, type TestServer } from "./start-test-server.js";

const activity = (text: string) => ({
  type: "message",
  id: "a1",
  channelId: "test",
  serviceUrl: "http://127.0.0.1:9/",
  deliveryMode: "expectReplies",
  conversation: { id: "conv-1" },
  from: { id: "user-1" },
  recipient: { id: "bot" },
  text,
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("health probes", () => {
  it("answers /healthz as soon as the process is up", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 503 until the knowledge index is loaded, then 200", async () => {
    const readiness = new Readiness();
    server = await startTestServer({}, { readiness });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    let finishLoading: () => void = () => undefined;
    const following = readiness.follow(new Promise<void>((resolve) => (finishLoading = resolve)));
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    finishLoading();
    await following;
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("reports a failed knowledge load on /readyz", async () => {
    const readiness = new Readiness();
    server = await startTestServer({}, { readiness });
    await readiness.follow(Promise.reject(new Error("index missing")));
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "failed", reason: "index missing" });
  });
});

describe("POST /api/messages", () => {
  it("returns the bot's replies in the response with deliveryMode expectReplies", async () => {
    server = await startTestServer();
    const { status, json } = await postJson(`${server.url}/api/messages`, activity("bonjour"));
    expect(status).toBe(200);
    const replies = json["activities"] as Array<{ text?: string }>;
    expect(replies.map((r) => r.text)).toEqual([`${ECHO_PREFIX}bonjour`]);
  });

  it("answers 400 with a reason for malformed JSON", async () => {
    server = await startTestServer();
    const { status, json } = await postJson(`${server.url}/api/messages`, "{not json");
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: "malformed_json" });
    expect(typeof json["message"]).toBe("string");
  });

  it("answers 400 naming the field when the activity fails the schema", async () => {
    server = await startTestServer();
    const { status, json } = await postJson(`${server.url}/api/messages`, { type: "message", channelId: "test" });
    expect(status).toBe(400);
    expect(json["error"]).toBe("invalid_body");
    expect(String(json["message"])).toContain("serviceUrl");
  });

  it("answers 413 for an oversized body", async () => {
    server = await startTestServer();
    const { status, json } = await postJson(`${server.url}/api/messages`, activity("x".repeat(400 * 1024)));
    expect(status).toBe(413);
    expect(json["error"]).toBe("payload_too_large");
  });

  it("tells the user in French that something went wrong when the bot fails, without details", async () => {
    const failing = new ActivityHandler();
    failing.onMessage(async () => {
      throw new Error("secret internal detail");
    });
    server = await startTestServer({}, { bot: failing });
    const { status, json } = await postJson(`${server.url}/api/messages`, activity("bonjour"));
    expect(status).toBe(200);
    const texts = (json["activities"] as Array<{ text?: string }>).map((r) => r.text);
    expect(texts).toEqual([TURN_ERROR_MESSAGE]);
    expect(JSON.stringify(json)).not.toContain("secret internal detail");
  });
});

describe("errors and shutdown", () => {
  it("answers unknown routes with a JSON 404 in the house shape", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "resource_not_found" });
  });

  it("lets a turn in flight finish during shutdown and refuses new requests meanwhile", async () => {
    let release: () => void = () => undefined;
    const slow = new ActivityHandler();
    slow.onMessage(async (context, next) => {
      await new Promise<void>((resolve) => (release = resolve));
      await context.sendActivity("fini");
      await next();
    });
    const started = await startTestServer({}, { bot: slow });
    const inFlight = postJson(`${started.url}/api/messages`, activity("lent"));
    while (started.app.tracker.size === 0) await new Promise((r) => setTimeout(r, 5));
    const closing = started.app.close(5_000);
    const refused = await fetch(`${started.url}/healthz`);
    expect(refused.status).toBe(503);
    release();
    const { status, json } = await inFlight;
    await closing;
    expect(status).toBe(200);
    expect((json["activities"] as Array<{ text?: string }>)[0]?.text).toBe("fini");
  });
});

describe("binding safety", () => {
  it("refuses a non-loopback HOST without Bot Framework credentials", () => {
    const config = loadConfig({ HOST: "0.0.0.0" });
    expect(() => assertSafeBinding(config)).toThrow(UnsafeBindingError);
  });

  it("accepts a non-loopback HOST once credentials are set", () => {
    const config = loadConfig({ HOST: "0.0.0.0", MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" });
    expect(() => assertSafeBinding(config)).not.toThrow();
  });
});
