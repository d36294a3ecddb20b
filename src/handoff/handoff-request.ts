/** A person's request to talk with a counsellor, as the queue stores it: plain data, parsed with zod at the database edge. */
import { z } from "zod";
import { RegionCode } from "../shared/region.js";

export const HandoffStatus = z.enum(["waiting", "taken", "ended", "cancelled", "expired"]);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** Why the person reached the queue (the triggers), kept for statistics and the adviser's card. */
export const HandoffTrigger = z.enum(["user-asked", "no-answer", "complex", "distress", "kiosk", "callback"]);
export type HandoffTrigger = z.infer<typeof HandoffTrigger>;

export const TranscriptLine = z.object({
  from: z.enum(["user", "bot", "adviser"]),
  text: z.string().max(2_000),
  at: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

/** What the person told the bot about themselves; only what they said, never guessed. */
export const HandoffProfile = z.object({
  age: z.number().int().min(10).max(99).optional(),
  commune: z.string().max(120).optional(),
  status: z.string().max(120).optional(),
});
export type HandoffProfile = z.infer<typeof HandoffProfile>;

export const HandoffSummary = z.object({
  need: z.string().max(500),
  profile: HandoffProfile,
  /** The last messages, personal identifiers masked. */
  lastMessages: z.array(TranscriptLine),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

export interface Adviser {
  /** Microsoft Entra object id. */
  id: string;
  name: string;
}

export interface HandoffRequest {
  id: string;
  /** Short number advisers use in commands ("prendre 12"). */
  number: number;
  region: RegionCode;
  trigger: HandoffTrigger;
  status: HandoffStatus;
  summary: HandoffSummary;
  /** The user's channel conversation id (web chat, kiosk): one open request per conversation. */
  userConversationId: string;
  userChannelId: string;
  /** Bot Framework conversation reference of the user, opaque to the domain. */
  userReference: unknown;
  /** The instance that holds the user's local Direct Line conversation, if any. */
  userInstanceId: string | null;
  /** Phone number the person gave for a callback (given for that purpose, so not masked). */
  callbackPhone: string | null;
  adviser: Adviser | null;
  /** Teams message id of the request's card: replies in its thread are relayed to the user. */
  cardActivityId: string | null;
  /** Teams conversation id of the channel the card was posted to. */
  cardConversationId: string | null;
  rating: number | null;
  createdAt: string;
  takenAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

/** What the person must be told when something happens on the advisers' side. */
export type UserNotice =
  | { kind: "taken"; adviserName: string }
  | { kind: "adviser-message"; adviserName: string; text: string }
  | { kind: "ended" }
  | { kind: "expired" };

/** A message waiting to reach a user whose local Direct Line conversation lives in another instance. */
export interface OutboxMessage {
  id: number;
  requestId: string;
  instanceId: string;
  kind: UserNotice["kind"];
  text: string;
  adviserName: string | null;
}
