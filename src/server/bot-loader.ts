/**
 * Builds the orientation bot for the server: with only the configuration it opens its own knowledge, booking
 * catalog and storage (scripts, tests); the composition root passes the application's shared pieces instead.
 */
import type { Storage } from "botbuilder";
import type { BookingService } from "../booking/booking-service.js";
import type { AppConfig } from "../config/config.js";
import { createOrientationBot, type BotHandoff } from "../channels/bot/index.js";
import { createEchoBot } from "../channels/bot-echo/echo-bot.js";
import type { Logger } from "../shared/logger.js";
import type { TurnHandler } from "./adapter.js";

export interface LoadedBot {
  bot: TurnHandler;
  /** Resolves when the knowledge index is loaded (readiness follows it). */
  ready?: Promise<unknown>;
  close?: () => Promise<void>;
  /** "orientation" or "echo" (the benchmark's baseline). */
  kind: "orientation" | "echo";
}

export interface BotFactoryDeps {
  config: AppConfig;
  logger: Logger;
  /** Hand-off to advisers in Teams, when HANDOFF_MODE=teams. */
  handoff?: BotHandoff;
  /** Conversation and user state; in memory when absent. */
  storage?: Storage;
  /** The application's booking service, shared with the REST API. */
  bookingService?: BookingService;
}

export function loadOrientationBot(deps: BotFactoryDeps): LoadedBot {
  return { ...createOrientationBot(deps), kind: "orientation" };
}

export function loadEchoBot(): LoadedBot {
  return { bot: createEchoBot(), kind: "echo" };
}
