/**
 * Finds the orientation bot (`createOrientationBot` in src/channels/bot/index.ts) and falls back to the
 * echo bot while it does not exist, so that the server and the benchmark run either way.
 */
import type { AppConfig } from "../config/config.js";
import type { BotHandoff } from "../channels/bot/index.js";
import { createEchoBot } from "../channels/bot-echo/echo-bot.js";
import type { Logger } from "../shared/logger.js";
import type { TurnHandler } from "./adapter.js";

/** What the orientation bot's factory may return: a bot, or a bot with its loading and closing hooks. */
export interface LoadedBot {
  bot: TurnHandler;
  /** Resolves when the knowledge index is loaded (readiness follows it). */
  ready?: Promise<unknown>;
  close?: () => Promise<void>;
  /** "orientation" or "echo": which one was found. */
  kind: "orientation" | "echo";
}

export interface BotFactoryDeps {
  config: AppConfig;
  logger: Logger;
  /** Hand-off to advisers in Teams, when HANDOFF_MODE=teams. */
  handoff?: BotHandoff;
}

// Imported by name, not statically, so that this file compiles before the orientation bot exists.
const ORIENTATION_BOT_MODULE = "../channels/bot/index.js";

export async function loadOrientationBot(deps: BotFactoryDeps): Promise<LoadedBot | undefined> {
  let factory: ((deps: BotFactoryDeps) => unknown) | undefined;
  try {
    const mod = (await import(ORIENTATION_BOT_MODULE)) as { createOrientationBot?: typeof factory };
    factory = mod.createOrientationBot;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" || !String(err).includes("channels/bot/index")) throw err;
  }
  if (factory === undefined) return undefined;
  const created = (await factory(deps)) as TurnHandler | Omit<LoadedBot, "kind">;
  return "run" in created ? { bot: created, kind: "orientation" } : { ...created, kind: "orientation" };
}

export async function loadBot(deps: BotFactoryDeps): Promise<LoadedBot> {
  const found = await loadOrientationBot(deps);
  if (found) return found;
  deps.logger.warn("orientation bot not available: running the echo bot");
  return { bot: createEchoBot(), kind: "echo" };
}
