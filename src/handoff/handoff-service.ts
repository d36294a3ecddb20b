/**
 * The hand-off queue's use cases: queue a request, take it, relay messages both ways, end, cancel, expire and
 * rate. Plain TypeScript: the advisers' desk (Teams) and the user's channel (web chat, kiosk) are ports.
 */
import { randomUUID } from "node:crypto";
import type { WeeklyHours } from "../booking/catalog.js";
import type { HolidayCalendar } from "../booking/holidays.js";
import type { ConversationMemory } from "../conversation/state.js";
import type { Logger } from "../shared/logger.js";
import type { RegionCode } from "../shared/region.js";
import type { HandoffRepository, TakeResult } from "./handoff-repository.js";
import { AlreadyInQueue } from "./handoff-repository.js";
import type { Adviser, HandoffRequest, HandoffTrigger, TranscriptLine, UserNotice } from "./handoff-request.js";
import { describeOpeningHours, isOpenAt } from "./opening-hours.js";
import { buildSummary } from "./summary.js";
import { overdueBefore, type TimeoutPolicy } from "./timeout-policy.js";

/** The advisers' side (Microsoft Teams): a card per request and a thread for the conversation. */
export interface AdviserDesk {
  announce(request: HandoffRequest, position: number): Promise<{ cardActivityId: string; cardConversationId: string } | undefined>;
  refreshCard(request: HandoffRequest): Promise<void>;
  /** A message in the request's thread: the person's words, or a note from the bot about the request. */
  postInThread(request: HandoffRequest, text: string, author?: "user" | "bot"): Promise<void>;
}

/** The person's side: whatever channel they used, reached through their stored conversation reference. */
export interface UserChannel {
  notify(request: HandoffRequest, notice: UserNotice): Promise<void>;
}

export interface HandoffServiceOptions {
  repository: HandoffRepository;
  desk: AdviserDesk;
  users: UserChannel;
  policy: TimeoutPolicy;
  hours: WeeklyHours;
  holidays?: HolidayCalendar;
  logger: Logger;
  summaryLines?: number;
  /** How long after the end the person may still give a rating. */
  ratingWindowMinutes?: number;
  clock?: () => Date;
}

export interface OpenRequestInput {
  trigger: HandoffTrigger;
  region: RegionCode;
  memory: ConversationMemory;
  transcript: readonly TranscriptLine[];
  userConversationId: string;
  userChannelId: string;
  userReference: unknown;
  userInstanceId: string | null;
  callbackPhone?: string;
}

export type AdviserRelayOutcome = "relayed" | "undelivered" | "not-taken" | "not-yours" | "closed" | "unknown";

export class HandoffService {
  constructor(private readonly options: HandoffServiceOptions) {}

  get repository(): HandoffRepository {
    return this.options.repository;
  }

  isOpenNow(): boolean {
    return isOpenAt(this.options.hours, this.now(), this.options.holidays);
  }

  hoursText(): string {
    return describeOpeningHours(this.options.hours);
  }

  /** Queues the request (or finds the one already open) and posts its card to the advisers. */
  async open(input: OpenRequestInput): Promise<{ request: HandoffRequest; position: number; created: boolean }> {
    const summary = buildSummary({
      memory: input.memory,
      trigger: input.trigger,
      transcript: input.transcript,
      ...(this.options.summaryLines === undefined ? {} : { maxLines: this.options.summaryLines }),
    });
    let request: HandoffRequest;
    try {
      request = await this.options.repository.create({
        id: randomUUID(),
        region: input.region,
        trigger: input.trigger,
        summary,
        userConversationId: input.userConversationId,
        userChannelId: input.userChannelId,
        userReference: input.userReference,
        userInstanceId: input.userInstanceId,
        callbackPhone: input.callbackPhone ?? null,
        now: this.stamp(),
      });
    } catch (err) {
      if (err instanceof AlreadyInQueue) {
        return { request: err.existing, position: await this.options.repository.positionOf(err.existing.id), created: false };
      }
      throw err;
    }
    const position = await this.options.repository.positionOf(request.id);
    this.options.logger.info({ handoff: request.number, trigger: request.trigger, region: request.region }, "hand-off queued");
    const card = await this.safely("announce", () => this.options.desk.announce(request, position));
    if (card) {
      await this.options.repository.attachCard(request.id, card.cardActivityId, card.cardConversationId);
      request = { ...request, ...card };
    }
    return { request, position, created: true };
  }

  async take(requestId: string, adviser: Adviser): Promise<TakeResult> {
    const result = await this.options.repository.take(requestId, adviser, this.stamp());
    if (result.won) {
      this.options.logger.info({ handoff: result.request.number }, "hand-off taken");
      await this.safely("refresh card", () => this.options.desk.refreshCard(result.request));
      await this.safely("tell user", () => this.options.users.notify(result.request, { kind: "taken", adviserName: adviser.name }));
    }
    return result;
  }

  async end(requestId: string): Promise<HandoffRequest | undefined> {
    const request = await this.options.repository.end(requestId, this.stamp());
    if (request) {
      this.options.logger.info({ handoff: request.number }, "hand-off ended");
      await this.safely("refresh card", () => this.options.desk.refreshCard(request));
      await this.safely("tell user", () => this.options.users.notify(request, { kind: "ended" }));
    }
    return request;
  }

  async cancelForUser(userConversationId: string): Promise<HandoffRequest | undefined> {
    const open = await this.options.repository.findOpenForUser(userConversationId);
    if (!open) return undefined;
    const request = await this.options.repository.cancel(open.id, this.stamp());
    if (request) await this.safely("refresh card", () => this.options.desk.refreshCard(request));
    return request;
  }

  /**
   * The person left for good (the kiosk's « Terminer » wipes the session): a waiting request is cancelled, a
   * taken one ended with a note in its thread, so no adviser keeps writing to an empty screen.
   */
  async leave(userConversationId: string): Promise<HandoffRequest | undefined> {
    const open = await this.options.repository.findOpenForUser(userConversationId);
    if (!open) return undefined;
    if (open.status === "waiting") return this.cancelForUser(userConversationId);
    const request = await this.options.repository.end(open.id, this.stamp());
    if (!request) return undefined;
    // Nobody is left to rate the exchange: record "no answer" so the question is never asked.
    await this.options.repository.rate(request.id, 0, this.stamp());
    this.options.logger.info({ handoff: request.number }, "hand-off ended: the person left");
    await this.safely("refresh card", () => this.options.desk.refreshCard(request));
    await this.safely("note in thread", () =>
      this.options.desk.postInThread(request, "La personne a quitté la conversation (fin de session à la borne). La demande est terminée.", "bot"),
    );
    return request;
  }

  /** A message from the person while a request is open: posted in the card's thread. */
  async fromUser(userConversationId: string, text: string): Promise<{ request: HandoffRequest; position: number } | undefined> {
    const request = await this.options.repository.findOpenForUser(userConversationId);
    if (!request) return undefined;
    await this.safely("relay to advisers", () => this.options.desk.postInThread(request, text));
    const position = request.status === "waiting" ? await this.options.repository.positionOf(request.id) : 0;
    return { request, position };
  }

  /** A message in a card's thread: relayed to the person only from the adviser who took the request. */
  async fromAdviser(cardActivityId: string, adviser: Adviser, text: string): Promise<AdviserRelayOutcome> {
    const request = await this.options.repository.findByCard(cardActivityId);
    if (!request) return "unknown";
    if (request.status === "waiting") return "not-taken";
    if (request.status !== "taken") return "closed";
    if (request.adviser?.id !== adviser.id) return "not-yours";
    try {
      await this.options.users.notify(request, { kind: "adviser-message", adviserName: request.adviser.name, text });
    } catch (err) {
      // The adviser must know the person did not get it, rather than wait for an answer.
      this.options.logger.error({ err, handoff: request.number }, "adviser message not delivered");
      return "undelivered";
    }
    return "relayed";
  }

  /** Expires requests nobody took in time; each is expired by exactly one instance, which tells the person. */
  async sweep(): Promise<HandoffRequest[]> {
    const now = this.now();
    const expired = await this.options.repository.expireOverdue(overdueBefore(this.options.policy, now), now.toISOString());
    for (const request of expired) {
      this.options.logger.info({ handoff: request.number }, "hand-off expired");
      await this.safely("refresh card", () => this.options.desk.refreshCard(request));
      await this.safely("tell user", () => this.options.users.notify(request, { kind: "expired" }));
    }
    return expired;
  }

  /** A rating typed after the end ("4", "4/5"); anything else declines it so the question is asked once. */
  async rateFromText(userConversationId: string, text: string): Promise<"rated" | "declined" | "none"> {
    const since = new Date(this.now().getTime() - (this.options.ratingWindowMinutes ?? 60) * 60_000).toISOString();
    const request = await this.options.repository.findAwaitingRating(userConversationId, since);
    if (!request) return "none";
    const match = /^\s*([1-5])\s*(?:\/\s*5|sur 5|étoiles?)?\s*[.!]?\s*$/i.exec(text);
    const rating = match?.[1] === undefined ? 0 : Number(match[1]);
    await this.options.repository.rate(request.id, rating, this.stamp());
    return rating === 0 ? "declined" : "rated";
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** The queue's own state is already saved: a failing side (Teams down, user gone) is logged, not thrown. */
  private async safely<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      this.options.logger.error({ err, step: what }, "hand-off side effect failed");
      return undefined;
    }
  }
}
