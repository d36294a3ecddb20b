/**
 * The advisers' desk in Microsoft Teams: posts a request's card to the advisers' channel (proactive message
 * to the stored channel reference), updates it for everyone, and writes into the card's thread.
 */
import type { ConversationReference } from "botbuilder";
import { z } from "zod";
import type { AppConfig } from "../../config/config.js";
import type { HandoffRepository } from "../../handoff/handoff-repository.js";
import type { HandoffRequest } from "../../handoff/handoff-request.js";
import type { AdviserDesk } from "../../handoff/handoff-service.js";
import { cardAttachment, requestCard } from "./adviser-cards.js";
import type { ProactiveSender } from "./proactive.js";
import { channelConversationId, TEAMS_CHANNEL_ID, threadConversationId } from "./teams-activity.js";

export const CHANNEL_REFERENCE_KEY = "teams-advisers-channel";

const StoredReference = z.looseObject({
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
  channelId: z.string(),
});

export class NoAdvisersChannel extends Error {
  constructor() {
    super("no Teams channel reference yet: install the app in the advisers' team or set TEAMS_SERVICE_URL and TEAMS_CHANNEL_ID");
    this.name = "NoAdvisersChannel";
  }
}

export class TeamsAdviserDesk implements AdviserDesk {
  constructor(
    private readonly deps: {
      repository: HandoffRepository;
      proactive: ProactiveSender;
      teams: AppConfig["teams"];
      clock?: () => Date;
    },
  ) {}

  /** Remembers where the advisers' channel is, from any activity Teams sends us from that team. */
  async rememberChannel(reference: Partial<ConversationReference>, teamId: string | undefined, channelId: string | undefined): Promise<void> {
    const configured = this.deps.teams;
    if (configured.teamId !== undefined && teamId !== configured.teamId) return;
    const targetChannel = configured.channelId ?? channelId ?? teamId;
    if (targetChannel === undefined || reference.serviceUrl === undefined) return;
    const stored = {
      serviceUrl: reference.serviceUrl,
      channelId: TEAMS_CHANNEL_ID,
      conversation: { id: targetChannel, isGroup: true, conversationType: "channel", ...(reference.conversation?.tenantId ? { tenantId: reference.conversation.tenantId } : {}) },
      bot: reference.bot,
    };
    await this.deps.repository.saveChannelReference(CHANNEL_REFERENCE_KEY, stored, this.now());
  }

  async announce(request: HandoffRequest): Promise<{ cardActivityId: string; cardConversationId: string }> {
    const reference = await this.channelReference();
    let id: string | undefined;
    await this.deps.proactive.continue(reference, async (context) => {
      const sent = await context.sendActivity({ type: "message", attachments: [cardAttachment(requestCard(request))] });
      id = sent?.id;
    });
    if (id === undefined) throw new Error("Teams did not return the card's message id");
    return { cardActivityId: id, cardConversationId: channelConversationId(reference.conversation.id) };
  }

  async refreshCard(request: HandoffRequest): Promise<void> {
    if (request.cardActivityId === null || request.cardConversationId === null) return;
    const reference = { ...(await this.channelReference()), conversation: { id: request.cardConversationId, isGroup: true } } as Partial<ConversationReference>;
    const cardActivityId = request.cardActivityId;
    await this.deps.proactive.continue(reference, async (context) => {
      await context.updateActivity({ id: cardActivityId, type: "message", attachments: [cardAttachment(requestCard(request))] });
    });
  }

  async postInThread(request: HandoffRequest, text: string, author: "user" | "bot" = "user"): Promise<void> {
    if (request.cardActivityId === null || request.cardConversationId === null) return;
    const reference = {
      ...(await this.channelReference()),
      conversation: { id: threadConversationId(request.cardConversationId, request.cardActivityId), isGroup: true },
    } as Partial<ConversationReference>;
    await this.deps.proactive.continue(reference, async (context) => {
      const label = author === "user" ? `Personne (demande n° ${request.number})` : `Bot (demande n° ${request.number})`;
      await context.sendActivity({ type: "message", text: `**${label} :** ${text}`, textFormat: "markdown" });
    });
  }

  // ConversationAccount's typing asks for fields (name, conversationType) Teams does not need to route a message.
  private async channelReference(): Promise<Partial<ConversationReference> & { conversation: { id: string } }> {
    return (await this.storedOrConfigured()) as unknown as Partial<ConversationReference> & { conversation: { id: string } };
  }

  private async storedOrConfigured(): Promise<z.infer<typeof StoredReference>> {
    const stored = StoredReference.safeParse(await this.deps.repository.channelReference(CHANNEL_REFERENCE_KEY));
    if (stored.success) return stored.data;
    const { serviceUrl, channelId, teamId, tenantId } = this.deps.teams;
    const target = channelId ?? teamId;
    if (serviceUrl === undefined || target === undefined) throw new NoAdvisersChannel();
    return { serviceUrl, channelId: TEAMS_CHANNEL_ID, conversation: { id: target, isGroup: true, ...(tenantId ? { tenantId } : {}) } };
  }

  private now(): string {
    return (this.deps.clock ?? (() => new Date()))().toISOString();
  }
}
