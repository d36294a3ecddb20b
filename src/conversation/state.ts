/** What the bot remembers during one conversation (and nothing more): parsed with zod when read back from storage. */
import { z } from "zod";
import { RegionCode } from "../shared/region.js";
import { BookingDialogueState } from "./booking/dialogue-state.js";

export const RememberedJob = z.object({ code: z.string(), title: z.string() });
export type RememberedJob = z.infer<typeof RememberedJob>;

export const RememberedPlace = z.object({
  name: z.string(),
  postcode: z.string().optional(),
  department: z.string().optional(),
  region: RegionCode.optional(),
});
export type RememberedPlace = z.infer<typeof RememberedPlace>;

/** A question the bot asked and whose answer may come as a bare value ("17", "Dijon", "la 2"). */
export const PendingQuestion = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("age") }),
  z.object({ kind: z.literal("contractYear") }),
  z.object({ kind: z.literal("place") }),
  z.object({ kind: z.literal("jobChoice"), options: z.array(RememberedJob) }),
]);
export type PendingQuestion = z.infer<typeof PendingQuestion>;

export const ConversationMemory = z.object({
  region: RegionCode.optional(),
  lastJob: RememberedJob.optional(),
  lastTopic: z.enum(["job", "apprenticeship", "pay", "contacts", "interests"]).optional(),
  age: z.number().int().min(10).max(99).optional(),
  /** "mineur" said without an age: enough to pick the pay band. */
  minor: z.boolean().optional(),
  contractYear: z.number().int().min(1).max(4).optional(),
  place: RememberedPlace.optional(),
  audience: z.string().optional(),
  pending: PendingQuestion.optional(),
  /** A cabin-booking dialogue under way (src/conversation/booking). */
  booking: BookingDialogueState.optional(),
  /** What the channel said about where the conversation runs: a kiosk's cabin, the conversation id. */
  channel: z.object({ kioskSiteId: z.string().max(64).optional(), conversationId: z.string().max(200).optional() }).optional(),
  turns: z.number().int().min(0).default(0),
});
export type ConversationMemory = z.infer<typeof ConversationMemory>;

export function emptyMemory(): ConversationMemory {
  return { turns: 0 };
}

/**
 * A deep copy the engine may change freely. Memory is JSON by construction (it is stored as JSON), and the JSON
 * round trip costs a fraction of structuredClone for a record of a few hundred bytes.
 */
export function cloneMemory(memory: ConversationMemory): ConversationMemory {
  return JSON.parse(JSON.stringify(memory)) as ConversationMemory;
}

/** Reads memory from storage; anything malformed (older version, tampering) starts afresh rather than crashing. */
export function parseMemory(raw: unknown): ConversationMemory {
  const parsed = ConversationMemory.safeParse(raw ?? {});
  return parsed.success ? parsed.data : emptyMemory();
}
