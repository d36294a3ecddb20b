/**
 * Builds the orientation bot (for src/main.ts, scripts and tests). Given an engine, it
 * wraps it; given only the configuration, it opens the real knowledge in the background and reports
 * readiness through `ready`, answering a short French "one moment" until then.
 */
import { MemoryStorage, type Storage } from "botbuilder";
import type { AppConfig } from "../../config/config.js";
import type { BookingService } from "../../booking/booking-service.js";
import { createBookingSetup } from "../api/booking-setup.js";
import { bookingPort, withBookingDialogue } from "../../conversation/adapters/booking-adapter.js";
import { BookingDialogue } from "../../conversation/booking/booking-dialogue.js";
import { openConversationPorts } from "../../conversation/adapters/open-ports.js";
import { ConversationEngine } from "../../conversation/engine.js";
import type { TurnInput } from "../../conversation/input.js";
import { reply, withHumanOption } from "../../conversation/reply.js";
import type { ContactsPort, HandoffPort } from "../../conversation/ports.js";
import type { ConversationMemory } from "../../conversation/state.js";
import type { Logger } from "../../shared/logger.js";
import { OrientationBot, type ChannelRoute, type TurnEngine, type TurnHook } from "./orientation-bot.js";

export { OrientationBot, type ChannelRoute, type HookTurn, type OrientationBotDeps, type TurnEngine, type TurnHook } from "./orientation-bot.js";

/** The hand-off to advisers (src/channels/teams/teams-handoff.ts), as the bot sees it. */
export interface BotHandoff {
  hook: TurnHook;
  route: ChannelRoute;
  conversationPort(contacts: ContactsPort): HandoffPort;
}
export { replyToActivity, citationEntity } from "./reply-activity.js";

export interface OrientationBotFactoryDeps {
  logger: Logger;
  /** Conversation state storage; MemoryStorage when absent (state is lost on restart). */
  storage?: Storage;
  /** A ready engine (tests, other compositions). */
  engine?: TurnEngine;
  /** Used to build the engine on the real knowledge when `engine` is absent. */
  config?: AppConfig;
  /** Hand-off to advisers; with a ready `engine`, its port must already be in the engine's ports. */
  handoff?: BotHandoff;
  /**
   * The application's booking service (shared with the REST API and the advisers' agenda). Without it the bot
   * opens its own catalog and storage from `config`.
   */
  bookingService?: BookingService;
}

export interface CreatedOrientationBot {
  bot: OrientationBot;
  /** Resolves when the knowledge is loaded; rejects if it cannot be. */
  ready: Promise<void>;
  /** Closes what the bot opened (the booking storage). */
  close?: () => Promise<void>;
}

const STARTING = reply("Je me prépare : les fiches métiers sont en cours de chargement. Réessayez dans un instant.", {
  suggestedActions: withHumanOption([]),
});

/** An engine that waits for the knowledge to load; turns arriving before then get a French "one moment". */
class LoadingEngine implements TurnEngine {
  private engine: TurnEngine | undefined;
  constructor(readonly loaded: Promise<TurnEngine>) {
    loaded.then((e) => (this.engine = e)).catch(() => undefined);
  }
  async handle(input: TurnInput, memory: ConversationMemory) {
    if (this.engine) return this.engine.handle(input, memory);
    return { replies: input.type === "message" ? [STARTING] : [], memory, outcome: "ignored" as const, forget: false };
  }
}

export function createOrientationBot(deps: OrientationBotFactoryDeps): CreatedOrientationBot {
  const storage = deps.storage ?? new MemoryStorage();
  const handoff = deps.handoff ? { hook: deps.handoff.hook, routes: [deps.handoff.route] } : {};
  if (deps.engine) {
    return { bot: new OrientationBot({ engine: deps.engine, storage, logger: deps.logger, ...handoff }), ready: Promise.resolve() };
  }
  const config = deps.config;
  if (!config) throw new Error("createOrientationBot needs either an engine or the configuration");
  // Without a cabin catalog or storage the bot still runs: booking requests get the regional line instead.
  // Without the application's service (scripts, tests), the bot opens its own catalog and storage.
  const opening = deps.bookingService
    ? Promise.resolve({ service: deps.bookingService, close: async () => undefined })
    : createBookingSetup(config, deps.logger);
  const booking = opening
    .then((b) => ({ dialogue: new BookingDialogue({ desk: b.service, logger: deps.logger }), close: () => b.close() }))
    .catch((err: unknown) => {
      deps.logger.error({ err }, "cabin booking unavailable");
      return undefined;
    });
  const loaded = Promise.all([openConversationPorts(config, deps.logger), booking]).then(([knowledgePorts, opened]) => {
    const options = { defaultRegion: config.defaultRegion, logger: deps.logger };
    const ports = deps.handoff ? { ...knowledgePorts, handoff: deps.handoff.conversationPort(knowledgePorts.contacts) } : knowledgePorts;
    if (!opened) return new ConversationEngine(ports, options);
    const engine = new ConversationEngine({ ...ports, booking: bookingPort(opened.dialogue) }, options);
    return withBookingDialogue(engine, opened.dialogue, options);
  });
  const engine = new LoadingEngine(loaded);
  const close = async () => (await booking)?.close();
  const bot = new OrientationBot({ engine, storage, logger: deps.logger, ...handoff });
  return { bot, ready: loaded.then(() => undefined), close };
}
