/**
 * Chat benchmark: N concurrent simulated users talk over the local Direct Line (HTTP post + WebSocket
 * stream) to the orientation bot and to the echo bot, on the same adapter and server in the same run.
 * Prints turn latency p50/p95/p99 and messages per second for each. The simulated users run in a child
 * process, so that the load generator does not share the server's event loop.
 *
 *   npx tsx scripts/bench-chat.ts [--users 50] [--turns 20] [--timeout-ms 10000]
 *
 * Traffic stays on 127.0.0.1; every loop is bounded in count and time.
 */
import { fork } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import type { TurnContext } from "botbuilder";
import { createEchoBot } from "../src/channels/bot-echo/echo-bot.js";
import { loadConfig } from "../src/config/config.js";
import type { TurnHandler } from "../src/server/adapter.js";
import { loadOrientationBot } from "../src/server/bot-loader.js";
import { createAppServer } from "../src/server/server.js";
import { createLogger } from "../src/shared/logger.js";

/**
 * What people ask, as short conversations: greetings, job questions (and their follow-ups, which read the
 * conversation memory), apprenticeship pay, interests, help near a commune or a postcode, thanks. Each user
 * starts at a different conversation and goes through them in turn, so all kinds of turns run at once.
 */
const CONVERSATIONS: readonly (readonly string[])[] = [
  ["Bonjour", "Comment devenir boulanger ?", "Et le salaire ?", "Et en apprentissage ?", "Merci beaucoup"],
  ["Quel est le salaire d'un apprenti de 19 ans ?", "Et en 2e année ?", "Je cherche un CIO à Besançon", "Au revoir"],
  ["Je veux devenir aide-soignant", "Comment y accéder ?", "Des métiers proches ?", "Merci"],
  ["Salut", "J'aime bricoler et travailler dehors", "Qu'est-ce que le métier de technicien de maintenance ?", "Il recrute dans ma région ?"],
  ["Combien gagne un apprenti ?", "J'ai 17 ans", "1re année", "Où trouver de l'aide près de Dijon ?"],
  ["Quelles études pour être infirmier ?", "Quels métiers recrutent en Provence ?", "Je suis à Gap, où trouver un conseiller ?", "Merci, bonne journée"],
  ["Bonjour, je suis au lycée et je ne sais pas quoi faire", "J'aime aider les autres", "Comment devenir éducateur spécialisé ?", "Et en apprentissage ?"],
  ["Qui peut m'aider à trouver une formation près de 83000 ?", "Quelles formations pour travailler dans le soin ?", "Comment devenir plombier ?", "Merci"],
];
const MESSAGES = CONVERSATIONS.flat();
/** Where each conversation starts in MESSAGES. */
const STARTS = CONVERSATIONS.map((_, i) => CONVERSATIONS.slice(0, i).reduce((n, c) => n + c.length, 0));

function messageFor(user: number, turn: number): string {
  const start = STARTS[user % STARTS.length] ?? 0;
  return MESSAGES[(start + turn) % MESSAGES.length] ?? "Bonjour";
}

interface Ticket {
  token: string;
  conversationId: string;
  domain: string;
}
interface StartedConversation {
  streamUrl: string;
}
interface BotResult {
  name: string;
  latencies: number[];
  errors: number;
  seconds: number;
  /** Server-process CPU per turn (user + system): stable even when other work shares the machine. */
  cpuMsPerTurn?: number;
}

/** Routes turns to whichever bot is being measured: same adapter, same server for both. */
class SwitchBot implements TurnHandler {
  constructor(public target: TurnHandler) {}
  run(context: TurnContext): Promise<void> {
    return this.target.run(context);
  }
}

// node:http with keep-alive: lighter than fetch, so the load generator measures the server, not itself.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });

function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(payload),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 400) reject(new Error(`${url} answered ${res.statusCode}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as T);
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("request timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

/** One simulated user: opens a conversation, then asks `turns` questions one after the other. */
async function simulateUser(baseUrl: string, user: number, turns: number, timeoutMs: number, result: BotResult) {
  const ticket = await postJson<Ticket>(`${baseUrl}/api/directline/token`, { region: user % 2 === 0 ? "PAC" : "BFC" });
  const started = await postJson<StartedConversation>(`${ticket.domain}/conversations`, {}, ticket.token);
  const ws = new WebSocket(started.streamUrl);
  const waiting = new Map<string, () => void>();
  const early = new Set<string>();
  ws.on("message", (data) => {
    const text = data.toString();
    if (text === "") return;
    for (const activity of (JSON.parse(text) as { activities: Array<Record<string, unknown>> }).activities) {
      const replyTo = activity["replyToId"];
      if (typeof replyTo !== "string" || activity["type"] !== "message") continue;
      const resolve = waiting.get(replyTo);
      if (resolve) resolve();
      else early.add(replyTo);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  try {
    for (let turn = 0; turn < turns; turn += 1) {
      const text = messageFor(user, turn);
      const t0 = performance.now();
      try {
        const { id } = await postJson<{ id: string }>(
          `${ticket.domain}/conversations/${ticket.conversationId}/activities`,
          { type: "message", text, from: { id: "bench" }, locale: "fr-FR" },
          ticket.token,
        );
        if (!early.delete(id)) {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error("reply timeout")), timeoutMs);
            waiting.set(id, () => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        waiting.delete(id);
        result.latencies.push(performance.now() - t0);
      } catch {
        result.errors += 1;
      }
    }
  } finally {
    ws.close();
  }
}

/** Runs `measureHere` in a child process (same file, `--client`) and collects its result. */
function measure(name: string, baseUrl: string, users: number, turns: number, timeoutMs: number): Promise<BotResult> {
  const args = ["--client", baseUrl, name, String(users), String(turns), String(timeoutMs)];
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ["--import", "tsx"] });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message as BotResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`bench client exited with ${code}`));
    });
  });
}

async function measureHere(name: string, baseUrl: string, users: number, turns: number, timeoutMs: number): Promise<BotResult> {
  const result: BotResult = { name, latencies: [], errors: 0, seconds: 0 };
  const start = performance.now();
  const sims = Array.from({ length: users }, (_, user) =>
    simulateUser(baseUrl, user, turns, timeoutMs, result).catch(() => {
      result.errors += turns;
    }),
  );
  await Promise.all(sims);
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function printTable(rows: BotResult[], users: number, turns: number): void {
  console.log(`\nChat benchmark: ${users} concurrent users x ${turns} turns, local Direct Line (HTTP post + WebSocket)`);
  console.log(`Message mix: ${CONVERSATIONS.length} short conversations, ${MESSAGES.length} messages (greetings, job questions and follow-ups, apprenticeship pay, interests, help near a commune or postcode, thanks)\n`);
  console.log("| bot | turns ok | errors | p50 ms | p95 ms | p99 ms | max ms | messages/s | server CPU ms/turn |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const cells = [50, 95, 99, 100].map((p) => percentile(sorted, p).toFixed(1));
    const rate = (r.latencies.length / r.seconds).toFixed(0);
    const cpu = r.cpuMsPerTurn === undefined ? "" : r.cpuMsPerTurn.toFixed(2);
    console.log(`| ${r.name} | ${r.latencies.length} | ${r.errors} | ${cells.join(" | ")} | ${rate} | ${cpu} |`);
  }
}

/** The targets: p95 ≤ 50 ms at 50 users, and at least half the echo bot's throughput. */
function printTargets(echoRow: BotResult, realRow: BotResult): void {
  const rate = (r: BotResult) => r.latencies.length / r.seconds;
  const ratio = rate(realRow) / rate(echoRow);
  const p95 = percentile([...realRow.latencies].sort((a, b) => a - b), 95);
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\nOrientation / echo throughput: ${(ratio * 100).toFixed(0)} % (target ≥ 50 %: ${met(ratio >= 0.5)})`);
  console.log(`Orientation p95: ${p95.toFixed(1)} ms (target ≤ 50 ms: ${met(p95 <= 50)}); errors: ${realRow.errors}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "50" },
      turns: { type: "string", default: "20" },
      "timeout-ms": { type: "string", default: "10000" },
    },
  });
  const users = Math.max(1, Math.min(500, Number(values.users)));
  const turns = Math.max(1, Math.min(1000, Number(values.turns)));
  const timeoutMs = Math.max(100, Number(values["timeout-ms"]));

  const config = loadConfig({ ...process.env, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  const logger = createLogger(config.logLevel);
  const echo = createEchoBot();
  const orientation = await loadOrientationBot({ config, logger });
  const bot = new SwitchBot(echo);
  const app = createAppServer({ config, logger, bot, directLine: { storeLimits: { maxConversations: 10_000, ttlMs: 600_000, maxActivitiesPerConversation: 200 } } });
  const baseUrl = await app.listen();
  const rows: BotResult[] = [];
  try {
    const candidates: Array<[string, TurnHandler]> = [["echo", echo]];
    if (orientation) {
      await orientation.ready;
      candidates.push(["orientation", orientation.bot]);
    } else {
      console.log("Orientation bot not found (src/channels/bot/index.ts): measuring the echo bot only.");
    }
    for (const [name, target] of candidates) {
      bot.target = target;
      await measure(`${name} (warm-up)`, baseUrl, 5, 3, timeoutMs);
      const cpuBefore = process.cpuUsage();
      const row = await measure(name, baseUrl, users, turns, timeoutMs);
      const cpu = process.cpuUsage(cpuBefore);
      row.cpuMsPerTurn = (cpu.user + cpu.system) / 1000 / Math.max(1, row.latencies.length);
      rows.push(row);
    }
  } finally {
    await app.close(5_000);
    await orientation?.close?.();
  }
  printTable(rows, users, turns);
  const echoRow = rows.find((r) => r.name === "echo");
  const realRow = rows.find((r) => r.name === "orientation");
  if (echoRow && realRow) printTargets(echoRow, realRow);
}

async function client(args: string[]): Promise<void> {
  const [baseUrl = "", name = "", users = "1", turns = "1", timeoutMs = "10000"] = args;
  const result = await measureHere(name, baseUrl, Number(users), Number(turns), Number(timeoutMs));
  await new Promise<void>((resolve) => process.send?.(result, () => resolve()));
  process.exit(0);
}

const run = process.argv[2] === "--client" ? client(process.argv.slice(3)) : main();
run.catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
