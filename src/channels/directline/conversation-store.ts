/**
 * In-memory, bounded store of local Direct Line conversations: their activities, watermarks and live
 * listeners. Conversations are ephemeral by design; durable bot state lives elsewhere.
 */
import type { RegionCode } from "../../shared/region.js";

/** A Direct Line activity as stored and served: a plain JSON object with at least an id and a type. */
export type StoredActivity = Record<string, unknown> & { id: string; type: string };

export interface ActivitySet {
  activities: StoredActivity[];
  /** Total number of activities ever appended, as a string (Direct Line watermarks are opaque strings). */
  watermark: string;
}

export type ActivityListener = (activity: StoredActivity, watermark: string) => void;

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  readonly region: RegionCode;
  readonly createdAt: number;
  lastUsedAt: number;
  /** Sequence number of `activities[0]`: older ones were dropped to respect the bound. */
  firstSeq: number;
  readonly activities: StoredActivity[];
  readonly listeners: Set<ActivityListener>;
}

export interface ConversationStoreLimits {
  maxConversations: number;
  ttlMs: number;
  maxActivitiesPerConversation: number;
}

export const DEFAULT_STORE_LIMITS: ConversationStoreLimits = {
  maxConversations: 10_000,
  ttlMs: 60 * 60 * 1000,
  maxActivitiesPerConversation: 500,
};

export class ConversationStore {
  // A Map iterates in insertion order; re-inserting on use keeps it ordered by last use (LRU).
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: ConversationStoreLimits = DEFAULT_STORE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** Returns the conversation, creating it if needed; `created` says which. */
  open(id: string, userId: string, region: RegionCode): { conversation: Conversation; created: boolean } {
    const existing = this.get(id);
    if (existing) return { conversation: existing, created: false };
    this.evictExpired();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next();
      if (oldest.done === true) break;
      this.conversations.delete(oldest.value);
    }
    const t = this.now();
    const conversation: Conversation = {
      id,
      userId,
      region,
      createdAt: t,
      lastUsedAt: t,
      firstSeq: 0,
      activities: [],
      listeners: new Set(),
    };
    this.conversations.set(id, conversation);
    return { conversation, created: true };
  }

  /** The live conversation, or undefined when unknown or expired. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastUsedAt > this.limits.ttlMs) {
      this.conversations.delete(id);
      return undefined;
    }
    return conversation;
  }

  /** Appends an activity (its id is assigned here) and notifies live listeners. */
  append(conversation: Conversation, activity: Omit<StoredActivity, "id">): StoredActivity {
    const seq = conversation.firstSeq + conversation.activities.length;
    const stored = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, "0")}` } as StoredActivity;
    conversation.activities.push(stored);
    if (conversation.activities.length > this.limits.maxActivitiesPerConversation) {
      conversation.activities.shift();
      conversation.firstSeq += 1;
    }
    this.touch(conversation);
    const watermark = String(seq + 1);
    for (const listener of conversation.listeners) listener(stored, watermark);
    return stored;
  }

  /** Activities after `watermark` (all kept ones when absent or unreadable). */
  activitiesAfter(conversation: Conversation, watermark: string | undefined): ActivitySet {
    this.touch(conversation);
    const total = conversation.firstSeq + conversation.activities.length;
    const from = parseWatermark(watermark);
    const start = Math.max(0, Math.min(from, total) - conversation.firstSeq);
    return { activities: conversation.activities.slice(start), watermark: String(total) };
  }

  evictExpired(): number {
    const t = this.now();
    let evicted = 0;
    for (const [id, conversation] of this.conversations) {
      if (t - conversation.lastUsedAt > this.limits.ttlMs) {
        this.conversations.delete(id);
        evicted += 1;
      }
    }
    return evicted;
  }

  clear(): void {
    this.conversations.clear();
  }

  private touch(conversation: Conversation): void {
    conversation.lastUsedAt = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }
}

function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || !/^\d+$/.test(watermark)) return 0;
  return Number(watermark);
}
