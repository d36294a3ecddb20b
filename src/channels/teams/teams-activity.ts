/** The parts of a Teams activity the advisers' side relies on, parsed with zod (the rest passes through). */
import { z } from "zod";

export const TEAMS_CHANNEL_ID = "msteams";

export const TeamsActivityShape = z.looseObject({
  type: z.string(),
  channelId: z.literal(TEAMS_CHANNEL_ID),
  text: z.string().optional(),
  replyToId: z.string().optional(),
  from: z.looseObject({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() }),
  conversation: z.looseObject({ id: z.string(), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  channelData: z
    .looseObject({
      team: z.looseObject({ id: z.string() }).optional(),
      channel: z.looseObject({ id: z.string() }).optional(),
      tenant: z.looseObject({ id: z.string() }).optional(),
    })
    .optional(),
});
export type TeamsActivityShape = z.infer<typeof TeamsActivityShape>;

/** Universal Actions: the invoke's value carries the Action.Execute verb and data. */
export const AdaptiveCardActionValue = z.looseObject({
  action: z.looseObject({
    type: z.literal("Action.Execute"),
    verb: z.string(),
    data: z.looseObject({ requestId: z.string().max(64) }),
  }),
});

/** Older clients send Action.Submit as a message whose value carries the same verb and data. */
export const SubmitValue = z.looseObject({ verb: z.string(), requestId: z.string().max(64) });

/** A channel thread's conversation id is the channel's id followed by `;messageid=<root message id>`. */
export function threadRootId(conversationId: string): string | undefined {
  const match = /;messageid=(\d+|[^;]+)$/.exec(conversationId);
  return match?.[1];
}

export function channelConversationId(conversationId: string): string {
  return conversationId.replace(/;messageid=[^;]+$/, "");
}

export function threadConversationId(channelConversationIdValue: string, rootActivityId: string): string {
  return `${channelConversationId(channelConversationIdValue)};messageid=${rootActivityId}`;
}
