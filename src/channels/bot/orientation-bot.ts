/** The Bot Framework face of the conversation engine: routes activities, keeps memory in ConversationState. */
import { ActivityHandler, ConversationState, type Storage, type TurnContext } from "botbuilder";
import type { EngineResult } from "../../conversation/engine.js";
import type { Reply } from "../../conversation/reply.js";
import type { TurnInput } from "../../conversation/input.js";
import { emptyMemory, parseMemory, type ConversationMemory } from "../../conversation/state.js";
import type { Logger } from "../../shared/logger.js";
import { messageInput, START_EVENTS, startInput } from "./activity-input.js";
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
  private readonly conversationState: ConversationState;
  private readonly memory;
  private readonly scratch;

  constructor(private readonly deps: OrientationBotDeps) {
    super();
    this.conversationState = new ConversationState(deps.storage);
    this.memory = this.conversationState.createProperty<unknown>(MEMORY_PROPERTY);
    this.scratch = this.conversationState.createProperty<Record<string, unknown>>(HOOK_SCRATCH_PROPERTY);

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
    const previous = parseMemory(await this.memory.get(context, emptyMemory()));
    const userId = context.activity.from?.id;
    const hook = this.deps.hook;
    const turn = hook ? { input, memory: previous, scratch: { ...((await this.scratch.get(context, {})) ?? {}) } } : undefined;
    if (hook && turn) {
      const early = await hook.before(context, turn);
      if (early) {
        await this.scratch.set(context, turn.scratch);
        await this.conversationState.saveChanges(context);
        await context.sendActivities(early.map((reply) => replyToActivity(reply, userId)));
        return;
      }
    }
    const result = await this.deps.engine.handle(input, previous);
    const extra = hook && turn && !result.forget ? await hook.after(context, { ...turn, memory: result.memory }, result) : [];
    if (result.forget) {
      // "Supprimer mes données": drop the stored state itself, not just its fields.
      await this.conversationState.delete(context);
      this.deps.logger.info({ conversation: "deleted" }, "conversation memory deleted on request");
    } else if (turn) {
      await this.scratch.set(context, turn.scratch);
    }
    await this.memory.set(context, result.memory);
    await this.conversationState.saveChanges(context);
    // One call for the turn's replies: they keep their order and share one pass through the adapter.
    const replies = [...result.replies, ...extra];
    if (replies.length > 0) await context.sendActivities(replies.map((reply) => replyToActivity(reply, userId)));
  }
}
