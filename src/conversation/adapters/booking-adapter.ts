/**
 * Connects the conversation to the cabin-booking dialogue: the BookingPort that starts it (the engine's
 * "booking" intent) and an engine wrapper that routes the next turns to it while it is under way.
 */
import type { AppConfig } from "../../config/config.js";
import type { Logger } from "../../shared/logger.js";
import type { BookingDialogue } from "../booking/booking-dialogue.js";
import type { EngineResult } from "../engine.js";
import { cleanText, type TurnInput } from "../input.js";
import type { BookingPort } from "../ports.js";
import { emptyMemory, type ConversationMemory } from "../state.js";
import { understand } from "../understanding/understand.js";

/** Anything that handles a turn like ConversationEngine. */
export interface TurnHandlerEngine {
  handle(input: TurnInput, memory?: ConversationMemory): Promise<EngineResult>;
}

/** Intents that never go to the dialogue: safety and "supprimer mes données" come first. */
const ALWAYS_ENGINE = new Set(["distress", "deleteData"]);

/** The port the engine calls on a booking request; the dialogue's state goes into the (mutable) turn memory. */
export function bookingPort(dialogue: BookingDialogue, now: () => Date = () => new Date()): BookingPort {
  return {
    async startBooking({ region, memory, text }) {
      const channel = memory.channel ?? {};
      const result = await dialogue.start({
        text,
        region,
        now: now(),
        ...(memory.place ? { place: memory.place } : {}),
        ...(channel.kioskSiteId ? { kioskSiteId: channel.kioskSiteId } : {}),
        ...(channel.conversationId ? { conversationId: channel.conversationId } : {}),
      });
      memory.booking = result.state;
      return result.reply;
    },
  };
}

/**
 * Wraps the engine: records where the conversation runs, and while a booking dialogue is under way sends it
 * the turn first. A message the dialogue cannot read and that clearly asks something else ends the dialogue
 * and goes to the engine as usual.
 */
export function withBookingDialogue(
  engine: TurnHandlerEngine,
  dialogue: BookingDialogue,
  options: { defaultRegion: AppConfig["defaultRegion"]; logger: Logger; now?: () => Date },
): TurnHandlerEngine {
  return {
    async handle(input, previous = emptyMemory()) {
      const memory: ConversationMemory = { ...previous };
      if (input.type === "message" && (input.kioskSiteId || input.conversationId)) {
        memory.channel = {
          ...(input.kioskSiteId ? { kioskSiteId: input.kioskSiteId } : {}),
          ...(input.conversationId ? { conversationId: input.conversationId } : {}),
        };
      }
      const state = memory.booking;
      if (input.type !== "message" || state === undefined) return engine.handle(input, memory);

      const now = options.now?.() ?? new Date();
      const text = cleanText(input.text ?? "").text;
      const understanding = understand(text, { hasLastJob: memory.lastJob !== undefined, lastTopic: memory.lastTopic }, now);
      if (ALWAYS_ENGINE.has(understanding.intent)) return engine.handle(input, { ...memory, booking: undefined });
      const region = input.region ?? memory.region ?? options.defaultRegion;
      try {
        const result = await dialogue.continue(state, {
          text,
          region,
          now,
          ...(input.value !== undefined ? { value: input.value } : {}),
          ...(memory.place ? { place: memory.place } : {}),
          ...(memory.channel?.kioskSiteId ? { kioskSiteId: memory.channel.kioskSiteId } : {}),
          ...(memory.channel?.conversationId ? { conversationId: memory.channel.conversationId } : {}),
          otherIntent: understanding.explicit && understanding.intent !== "booking",
        });
        if (result !== undefined) {
          options.logger.info({ outcome: "booking", step: result.state?.step ?? "done" }, "booking dialogue turn");
          return { replies: [result.reply], memory: { ...memory, booking: result.state, turns: memory.turns + 1 }, outcome: "booking", forget: false };
        }
      } catch (err) {
        // The dialogue is dropped rather than left in a state that fails again on every turn.
        options.logger.error({ err }, "booking dialogue turn failed");
      }
      return engine.handle(input, { ...memory, booking: undefined });
    },
  };
}
