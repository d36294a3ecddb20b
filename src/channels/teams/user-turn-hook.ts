/**
 * The person's side of the hand-off inside the bot's turn: consent, queueing (or the standard
 * `handoff.initiate` event for channels routed to an external agent desk), relay while a request is open,
 * cancel, callback number, rating after the end, and proposing a counsellor when the bot is not enough.
 */
import { EventFactory, TurnContext, type Activity, type Transcript } from "botbuilder";
import { z } from "zod";
import type { EngineResult } from "../../conversation/engine.js";
import { reply, type Reply } from "../../conversation/reply.js";
import { normalizeText } from "../../conversation/understanding/normalize.js";
import { HandoffTrigger, TranscriptLine, type HandoffSummary } from "../../handoff/handoff-request.js";
import type { HandoffService } from "../../handoff/handoff-service.js";
import { findPhoneNumber } from "../../handoff/personal-data-mask.js";
import { buildSummary, maskLine } from "../../handoff/summary.js";
import * as replies from "../../handoff/user-replies.js";
import type { Logger } from "../../shared/logger.js";
import type { RegionCode } from "../../shared/region.js";
import { regionOf } from "../bot/activity-input.js";
import type { HookTurn, TurnHook } from "../bot/orientation-bot.js";

const TRANSCRIPT_KEEP = 12;
/** What the kiosk page puts in `channelData.handoffTrigger` when its counsellor button is pressed. */
export const KIOSK_TRIGGER = "kiosk";

/** What the hook keeps between turns, in conversation state; anything malformed starts afresh. */
const Scratch = z.object({
  transcript: z.array(TranscriptLine).default([]),
  consentFor: HandoffTrigger.optional(),
  proposed: HandoffTrigger.optional(),
  unknownStreak: z.number().int().min(0).default(0),
  complexProposed: z.boolean().default(false),
  awaitingPhone: z.boolean().default(false),
});
type Scratch = z.infer<typeof Scratch>;

const COMPLEX = /\b(handicap\w*|rqth|mdph|reconver\w*|changer de (metier|voie)|decroch\w*|arrete (l ecole|les cours|le lycee)|quitte (l ecole|le lycee)|abandonn\w* (mes etudes|l ecole|le lycee))\b/;
const CANCEL = /^(annuler|annule|annulez|annuler ma demande|stop|laisser tomber|laissez tomber|je ne veux plus)$/;
const CANCEL_CALLBACK = /^(annuler|annulez) (le|mon|ma demande de) rappel$/;
/** Turns where the bot could not help: two in a row and a counsellor is proposed. */
const FAILURES = new Set<EngineResult["outcome"]>(["unknown", "outOfScope", "error"]);
const YES = /^(oui|ok|d accord|oui transmettre|j accepte|oui d accord|oui merci)\b/;
const NO = /^(non|non merci|pas maintenant|non pas maintenant)\b/;

const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);

export interface UserTurnHookDeps {
  service: HandoffService;
  instanceId: string;
  /** Channels routed to an external agent desk (config HANDOFF_EVENT_CHANNELS). */
  eventChannels: readonly string[];
  defaultRegion: RegionCode;
  /** The regional orientation lines, offered whenever no adviser can answer now. */
  regionalLines: (region: RegionCode) => Promise<string[]>;
  logger: Logger;
  clock?: () => Date;
}

export class UserTurnHook implements TurnHook {
  constructor(private readonly deps: UserTurnHookDeps) {}

  async before(context: TurnContext, turn: HookTurn): Promise<Reply[] | undefined> {
    if (turn.input.type !== "message") return undefined;
    const text = turn.input.text.trim();
    const conversationId = context.activity.conversation.id;
    const scratch = this.read(turn);
    const { service } = this.deps;

    const open = await service.repository.findOpenForUser(conversationId);
    if (open && isKioskReset(context)) {
      // The engine then forgets the conversation as the person asked; the adviser must not wait for them.
      await service.leave(conversationId);
      return undefined;
    }
    if (open?.trigger === "callback" && open.status === "waiting") {
      // Waiting for a phone call, not for a chat: the bot keeps answering meanwhile.
      if (same(text, replies.CANCEL_CALLBACK_VALUE) || CANCEL_CALLBACK.test(normalizeText(text))) {
        await service.cancelForUser(conversationId);
        return this.done(turn, scratch, [replies.callbackCancelled()]);
      }
      if (same(text, replies.CALLBACK_VALUE)) return this.done(turn, scratch, [replies.callbackPending(open.callbackPhone ?? "", service.hoursText())]);
    } else if (open) {
      if (open.status === "waiting" && (same(text, replies.CANCEL_VALUE) || CANCEL.test(normalizeText(text)))) {
        await service.cancelForUser(conversationId);
        return this.done(turn, scratch, [replies.cancelled()]);
      }
      const relayed = await service.fromUser(conversationId, text);
      return this.done(turn, scratch, relayed && relayed.request.status === "waiting" ? [replies.stillWaiting(relayed.position)] : []);
    }

    if (scratch.awaitingPhone) {
      const cleared = { ...scratch, awaitingPhone: false };
      if (CANCEL.test(normalizeText(text))) return this.done(turn, cleared, [replies.declined()]);
      const phone = findPhoneNumber(text);
      if (!phone) return this.done(turn, scratch, [replies.phoneNotUnderstood()]);
      return this.done(turn, cleared, await this.queue(context, turn, cleared, "callback", phone));
    }

    const rating = await service.rateFromText(conversationId, text);
    if (rating === "rated") return this.done(turn, scratch, [replies.ratingThanks()]);

    if (same(text, replies.CALLBACK_VALUE)) return this.done(turn, { ...scratch, awaitingPhone: true }, [replies.askCallbackPhone()]);

    if (scratch.consentFor !== undefined) {
      const trigger = scratch.consentFor;
      const cleared = { ...scratch, consentFor: undefined };
      if (same(text, replies.CONSENT_VALUE) || YES.test(normalizeText(text))) {
        return this.done(turn, cleared, await this.queue(context, turn, cleared, trigger));
      }
      if (same(text, replies.DECLINE_VALUE) || NO.test(normalizeText(text))) return this.done(turn, cleared, [replies.declined()]);
      this.write(turn, cleared);
    }
    return undefined;
  }

  async after(context: TurnContext, turn: HookTurn, result: EngineResult): Promise<Reply[]> {
    if (turn.input.type !== "message") return [];
    const scratch = this.read(turn);
    const now = this.now().toISOString();
    const lines: TranscriptLine[] = [
      { from: "user", text: maskLine(turn.input.text), at: now },
      ...result.replies.map((r) => ({ from: "bot" as const, text: maskLine(r.text), at: now })),
    ];
    scratch.transcript = [...scratch.transcript, ...lines].slice(-TRANSCRIPT_KEEP);
    const extra: Reply[] = [];
    const propose = (reason: "no-answer" | "complex" | "distress") => {
      scratch.proposed = reason;
      extra.push(replies.proposal(reason));
    };
    if (result.outcome === "handoff") {
      if (this.deps.service.isOpenNow()) scratch.consentFor = this.isKioskRequest(context) ? "kiosk" : (scratch.proposed ?? "user-asked");
      scratch.proposed = undefined;
      scratch.unknownStreak = 0;
    } else if (result.outcome === "distress") {
      // The engine's reply gives the emergency numbers first; a person is offered after them.
      propose("distress");
    } else if (!scratch.complexProposed && COMPLEX.test(normalizeText(turn.input.text))) {
      scratch.complexProposed = true;
      scratch.unknownStreak = 0;
      propose("complex");
    } else if (FAILURES.has(result.outcome)) {
      scratch.unknownStreak += 1;
      if (scratch.unknownStreak === 2) propose("no-answer");
    } else {
      scratch.unknownStreak = 0;
    }
    this.write(turn, scratch);
    return extra;
  }

  /** Queues the request, or hands the conversation to an external agent desk with the standard event. */
  private async queue(context: TurnContext, turn: HookTurn, scratch: Scratch, trigger: HandoffTrigger, phone?: string): Promise<Reply[]> {
    const { service } = this.deps;
    const region = regionOf(context.activity) ?? turn.memory.region ?? this.deps.defaultRegion;
    if (this.deps.eventChannels.includes(context.activity.channelId)) {
      const summary = buildSummary({ memory: turn.memory, trigger, transcript: scratch.transcript });
      await context.sendActivity(handoffInitiation(context, { summary, region, trigger, ...(phone ? { callbackPhone: phone } : {}) }));
      this.deps.logger.info({ channel: context.activity.channelId, trigger }, "hand-off sent to the external agent desk");
      return [reply("Je vous mets en relation avec un conseiller ou une conseillère. Merci de patienter un instant.")];
    }
    if (trigger !== "callback" && !service.isOpenNow()) {
      return [replies.unavailable({ hours: service.hoursText(), regionalLines: await this.deps.regionalLines(region), reason: "closed" })];
    }
    const opened = await service.open({
      trigger,
      region,
      memory: turn.memory,
      transcript: scratch.transcript,
      userConversationId: context.activity.conversation.id,
      userChannelId: context.activity.channelId,
      userReference: TurnContext.getConversationReference(context.activity),
      userInstanceId: this.deps.instanceId,
      ...(phone === undefined ? {} : { callbackPhone: phone }),
    });
    const { request } = opened;
    if (request.trigger === "callback") return [(opened.created ? replies.callbackQueued : replies.callbackPending)(request.callbackPhone ?? "", service.hoursText())];
    return [opened.created ? replies.queued(opened.position) : replies.alreadyQueued(opened.position)];
  }

  /** The kiosk's "talk to a counsellor now" button sends `channelData.handoffTrigger: "kiosk"` (kiosk.js). */
  private isKioskRequest(context: TurnContext): boolean {
    const data = context.activity.channelData as { handoffTrigger?: unknown } | undefined;
    return data?.handoffTrigger === KIOSK_TRIGGER;
  }

  private read(turn: HookTurn): Scratch {
    const parsed = Scratch.safeParse(turn.scratch);
    return parsed.success ? parsed.data : Scratch.parse({});
  }

  private write(turn: HookTurn, scratch: Scratch): void {
    for (const key of Object.keys(turn.scratch)) delete turn.scratch[key];
    Object.assign(turn.scratch, JSON.parse(JSON.stringify(scratch)) as Record<string, unknown>);
  }

  private done(turn: HookTurn, scratch: Scratch, out: Reply[]): Reply[] {
    this.write(turn, scratch);
    return out;
  }

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }
}

/** The kiosk's « Terminer » asks the bot to forget with `channelData.kioskReset` (src/channels/kiosk/public/kiosk.js). */
function isKioskReset(context: TurnContext): boolean {
  const data = context.activity.channelData as { kioskReset?: unknown } | undefined;
  return data?.kioskReset === true;
}

/**
 * The Bot Framework standard hand-off event: name "handoff.initiate", the routing context in `value`, and the
 * transcript (already masked) as an attachment, as EventFactory builds it for agent hubs.
 */
function handoffInitiation(context: TurnContext, value: { summary: HandoffSummary; region: RegionCode; trigger: HandoffTrigger; callbackPhone?: string }): Partial<Activity> {
  const transcript: Transcript = {
    activities: value.summary.lastMessages.map(
      (l) =>
        ({
          type: "message",
          text: l.text,
          timestamp: new Date(l.at),
          from: l.from === "user" ? { id: "user", name: "Personne", role: "user" } : { id: "bot", name: "Bot", role: "bot" },
        }) as Activity,
    ),
  };
  return EventFactory.createHandoffInitiation(context, value, transcript);
}
