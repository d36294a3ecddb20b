// Starts the real server in-process on 127.0.0.1, port 0, with the echo bot unless told otherwise.
import { loadConfig, type AppConfig } from "../../src/config/config.js";
import type { TurnHandler } from "../../src/server/adapter.js";
import { createAppServer, type AppServer, type AppServerDeps } from "../../src/server/server.js";
import { createEchoBot } from "../../src/channels/bot-echo/echo-bot.js";
import { silentLogger } from "../../src/shared/logger.js";

export interface TestServer {
  app: AppServer;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  overrides: Partial<Omit<AppServerDeps, "config" | "logger">> & { bot?: TurnHandler } = {},
): Promise<TestServer> {
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DIRECTLINE_SECRET: "test-secret", ...env });
  const app = createAppServer({ config, logger: silentLogger, bot: createEchoBot(), ...overrides });
  const url = await app.listen();
  return { app, url, config, close: () => app.close(2_000) };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Calls the server with a bearer credential (Direct Line secret or token); the body is parsed when there is one. */
export async function callWithBearer(
  method: string,
  url: string,
  credential: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${credential}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Polls `probe` until it returns a value; asynchronous deliveries (streams, proactive messages) need it. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
