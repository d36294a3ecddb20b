/** The Bot Framework face of the conversation engine: routes activities, keeps memory in the conversation's record. */
import { ActivityHandler, type Storage, type TurnContext } from "botbuilder";
import type { EngineResult } from "../../conversation/engine.js";
import type { Reply } from "../../conversation/reply.js";
import type { TurnInput } from "../../conversation/input.js";
import { parseMemory, type ConversationMemory } from "../../conversation/state.js";
import type { Logger } from "../../shared/logger.js";
import { messageInput, START_EVENTS, startInput } from "./activity-input.js";
import { ConversationRecords } from "./conversation-record.js";
import { replyToActivity } from "./reply-activity.js";

/** What the bot needs from the engine: one call per turn. */
export interface TurnEngine {
  handle(input: TurnInput, memory: ConversationMemory): Promise<EngineResult>;
}

/** One turn as a hook sees it; `scratch` is the hook's own bag in conversation state (saved with the memory). */
export interface HookTurn {
  input: TurnInput;
  memory: ConversationMemory;
  scratch: Record<string, unknown>;
}

/** Lets the hand-off (src/channels/teams) answer a turn before the engine, and add to the engine's replies. */
export interface TurnHook {
  before(context: TurnContext, turn: HookTurn): Promise<Reply[] | undefined>;
  after(context: TurnContext, turn: HookTurn, result: EngineResult): Promise<Reply[]>;
}

/** A channel handled apart from the engine (the advisers' Teams channel). */
export interface ChannelRoute {
  handles(context: TurnContext): boolean;
  run(context: TurnContext): Promise<void>;
}

export interface OrientationBotDeps {
  engine: TurnEngine;
  storage: Storage;
  logger: Logger;
  hook?: TurnHook;
  routes?: ChannelRoute[];
}

const MEMORY_PROPERTY = "orientationMemory";
const HOOK_SCRATCH_PROPERTY = "handoffScratch";

export class OrientationBot extends ActivityHandler {
  private readonly records: ConversationRecords;

  constructor(private readonly deps: OrientationBotDeps) {
    super();
    this.records = new ConversationRecords(deps.storage);

    this.onMessage(async (context, next) => {
      await this.runTurn(context, messageInput(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneElse = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      if (someoneElse) await this.runTurn(context, startInput(context.activity));
      await next();
    });
    this.onEvent(async (context, next) => {
      if (START_EVENTS.has(context.activity.name ?? "")) await this.runTurn(context, startInput(context.activity));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const route = this.deps.routes?.find((r) => r.handles(context));
    if (route) await route.run(context);
    else await super.run(context);
  }

  private async runTurn(context: TurnContext, input: TurnInput): Promise<void> {
    const record = await this.records.read(context);
    const previous = parseMemory(record.value[MEMORY_PROPERTY]);
    const userId = context.activity.from?.id;
    const hook = this.deps.hook;
    const turn = hook ? { input, memory: previous, scratch: { ...scratchOf(record.value[HOOK_SCRATCH_PROPERTY]) } } : undefined;
    if (hook && turn) {
      const early = await hook.before(context, turn);
      if (early) {
        await this.records.save(record, { [HOOK_SCRATCH_PROPERTY]: turn.scratch });
        await context.sendActivities(early.map((reply) => replyToActivity(reply, userId)));
        return;
      }
    }
    const result = await this.deps.engine.handle(input, previous);
    const extra = hook && turn && !result.forget ? await hook.after(context, { ...turn, memory: result.memory }, result) : [];
    if (result.forget) {
      // "Supprimer mes données": drop the stored record itself, not just its fields; only the fresh memory is kept.
      await this.records.erase(record);
      this.deps.logger.info({ conversation: "deleted" }, "conversation memory deleted on request");
      await this.records.save(record, { [MEMORY_PROPERTY]: result.memory });
    } else {
      await this.records.save(record, { [MEMORY_PROPERTY]: result.memory, ...(turn ? { [HOOK_SCRATCH_PROPERTY]: turn.scratch } : {}) });
    }
    // One call for the turn's replies: they keep their order and share one pass through the adapter.
    const replies = [...result.replies, ...extra];
    if (replies.length > 0) await context.sendActivities(replies.map((reply) => replyToActivity(reply, userId)));
  }
}

/** The hand-off's bag as stored; anything else (older record, tampering) starts empty. */
function scratchOf(stored: unknown): Record<string, unknown> {
  return typeof stored === "object" && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}
