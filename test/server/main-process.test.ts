// The application as an operator starts it (`npm start` = tsx src/main.ts), in its own process: one storage shared
// by the booking API and the conversation state, graceful stop on SIGTERM, and a conversation that goes on after
// a restart because its state lives in the database.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/channels/api/api-keys.js";
import { REPO_ROOT } from "../conversation/real-ports.js";
import { startChannelService, type ChannelService } from "../channels/teams/helpers/channel-service.js";

const ADVISER_KEY = "cle-conseiller-de-test-0123456789";

interface RunningApp {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

let dataDir: string;
let channel: ChannelService;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startApp(): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(path.join(REPO_ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      API_KEYS_FILE: path.join(dataDir, "api-keys.json"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the app never became ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Posts a user message as a Bot Framework channel does, and waits for the bot's reply on the channel service. */
async function say(app: RunningApp, conversationId: string, text: string): Promise<string> {
  const before = channel.calls.length;
  const response = await fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `m-${Date.now()}`,
      channelId: "webchat",
      serviceUrl: channel.url,
      from: { id: "user-restart", name: "Utilisateur" },
      recipient: { id: "bot", name: "Bot" },
      conversation: { id: conversationId },
      locale: "fr-FR",
      text,
    }),
  });
  expect(response.status).toBeLessThan(300);
  const reply = channel.calls.slice(before).find((c) => c.conversationId === conversationId && c.body["type"] === "message");
  expect(reply, "the bot sent no reply to the channel service").toBeDefined();
  return String(reply?.body["text"] ?? "");
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "main-process-"));
  await writeFile(path.join(dataDir, "api-keys.json"), JSON.stringify([{ id: "conseil-test", role: "adviser", sha256: hashApiKey(ADVISER_KEY) }]));
  channel = await startChannelService();
});

afterAll(async () => {
  await channel?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the application started by its own entry point", () => {
  it("serves the booking API, keeps a conversation across a restart and stops cleanly", { timeout: 300_000 }, async () => {
    const first = await startApp();
    let stopped = false;
    try {
      const refused = await fetch(`${first.url}/api/cabins`);
      expect(refused.status).toBe(401);
      const cabins = await fetch(`${first.url}/api/cabins`, { headers: { Authorization: `Bearer ${ADVISER_KEY}` } });
      expect(cabins.status).toBe(200);
      expect(JSON.stringify(await cabins.json())).toContain("cabine-");

      await say(first, "conv-restart", "Bonjour, j'ai 17 ans.");
      expect(await first.stop()).toBe(0);
      stopped = true;
    } finally {
      if (!stopped) await first.stop();
    }

    const second = await startApp();
    try {
      // The age said before the restart is still known: the bot computes the pay instead of asking for it.
      const answer = await say(second, "conv-restart", "Combien gagne un apprenti en première année ?");
      expect(answer).toMatch(/17 ans/);
      expect(answer).toMatch(/€/);
      expect(answer).not.toMatch(/quel âge/i);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(second.output()).not.toMatch(/unhandled|uncaught/i);
  });
});
