/** zod contracts of the local Direct Line's HTTP bodies and query strings. */
import { z } from "zod";
import { RegionCode } from "../../shared/region.js";

/** User ids a client may choose; `dl_` is reserved for ids the server generates (Direct Line convention). */
export const ClientUserId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '-' or '_' (1 to 64)")
  .refine((id) => !id.startsWith("dl_"), "the 'dl_' prefix is reserved");

const ChannelAccount = z.looseObject({ id: z.string().max(128).optional(), name: z.string().max(128).optional() });

/** Body of tokens/generate and conversations (start): both optional in Direct Line 3.0. */
export const TokenRequest = z.looseObject({
  user: ChannelAccount.optional(),
  locale: z.string().max(35).optional(),
});

/** An activity posted by a Direct Line client. Unknown fields pass through to the bot. */
export const ClientActivity = z.looseObject({
  type: z.string().min(1).max(64),
  text: z.string().max(4000).optional(),
  from: ChannelAccount.optional(),
  locale: z.string().max(35).optional(),
  name: z.string().max(256).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});
export type ClientActivity = z.infer<typeof ClientActivity>;

/** Body of the page's own token endpoint. */
export const PageTokenRequest = z.object({
  region: RegionCode.optional(),
  userId: ClientUserId.optional(),
});

/** Built once: a zod schema built per request compiled anew each time, a measurable share of every post. */
export const ConversationIdParam = z.string().min(1).max(128);

export const WatermarkQuery = z.string().regex(/^\d{1,12}$/).optional();
