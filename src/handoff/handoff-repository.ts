/** What the hand-off queue needs from a database; the SQL implementation serves SQLite and PostgreSQL alike. */
import type { RegionCode } from "../shared/region.js";
import type { Adviser, HandoffRequest, HandoffSummary, HandoffTrigger, OutboxMessage } from "./handoff-request.js";

export interface NewHandoffRequest {
  id: string;
  region: RegionCode;
  trigger: HandoffTrigger;
  summary: HandoffSummary;
  userConversationId: string;
  userChannelId: string;
  userReference: unknown;
  userInstanceId: string | null;
  callbackPhone: string | null;
  now: string;
}

export type TakeResult = { won: true; request: HandoffRequest } | { won: false; request: HandoffRequest | undefined };

export interface HandoffRepository {
  /** Throws AlreadyInQueue when the conversation already has a waiting or taken request. */
  create(input: NewHandoffRequest): Promise<HandoffRequest>;
  findById(id: string): Promise<HandoffRequest | undefined>;
  findByNumber(number: number): Promise<HandoffRequest | undefined>;
  findByCard(cardActivityId: string): Promise<HandoffRequest | undefined>;
  findOpenForUser(userConversationId: string): Promise<HandoffRequest | undefined>;
  /** The request ended since `since` whose rating was neither given nor declined. */
  findAwaitingRating(userConversationId: string, since: string): Promise<HandoffRequest | undefined>;
  /** Waiting and taken requests, oldest first. */
  listOpen(): Promise<HandoffRequest[]>;
  /** 1 for the oldest waiting request of its kind (live chat or callback); 0 when not waiting. */
  positionOf(id: string): Promise<number>;
  attachCard(id: string, cardActivityId: string, cardConversationId: string): Promise<void>;
  /** The conditional update that lets exactly one adviser win a request. */
  take(id: string, adviser: Adviser, now: string): Promise<TakeResult>;
  end(id: string, now: string): Promise<HandoffRequest | undefined>;
  cancel(id: string, now: string): Promise<HandoffRequest | undefined>;
  /**
   * Moves waiting live-chat requests created before `before` to expired and returns them (each to one caller
   * only). Callback requests never expire: an adviser ends them after calling the person back.
   */
  expireOverdue(before: string, now: string): Promise<HandoffRequest[]>;
  /** 1–5, or 0 when the person chose not to answer. */
  rate(id: string, rating: number, now: string): Promise<void>;

  enqueueOutbox(message: Omit<OutboxMessage, "id">, now: string): Promise<void>;
  pendingOutbox(instanceId: string, limit?: number): Promise<OutboxMessage[]>;
  deleteOutbox(id: number): Promise<void>;

  saveChannelReference(key: string, reference: unknown, now: string): Promise<void>;
  channelReference(key: string): Promise<unknown>;
}

export class AlreadyInQueue extends Error {
  constructor(readonly existing: HandoffRequest) {
    super("this conversation already has an open hand-off request");
    this.name = "AlreadyInQueue";
  }
}
