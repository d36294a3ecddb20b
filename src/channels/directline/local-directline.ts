/**
 * The local Direct Line 3.0 service: secrets and tokens, conversations, and the two-way flow between
 * Direct Line clients (Web Chat) and the bot. HTTP and WebSocket plumbing live in routes.ts / stream.ts.
 */
import { randomBytes } from "node:crypto";
import { REGIONS, type RegionCode } from "../../shared/region.js";
import type { Logger } from "../../shared/logger.js";
import { HttpError } from "../../server/http-body.js";
import {
  ConversationStore,
  DEFAULT_STORE_LIMITS,
  type ActivitySet,
  type Conversation,
  type ConversationStoreLimits,
} from "./conversation-store.js";
import type { ClientActivity } from "./schemas.js";
import { TokenIssuer, newConversationId, secretMatches, type TokenClaims } from "./token.js";

/** Who is calling: the secret holder (any conversation) or a token holder (one conversation). */
export type DirectLineCaller = { kind: "secret" } | { kind: "token"; claims: TokenClaims };

export class DirectLineError extends HttpError {
  constructor(status: 401 | 403 | 404, code: string, message: string) {
    super(status, code, message);
    this.name = "DirectLineError";
  }
}

export interface ConversationTicket {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

/** Hands an activity to the bot; resolves when the bot's turn is over. */
export type BotDelivery = (activity: Record<string, unknown>) => Promise<void>;

export interface LocalDirectLineOptions {
  secret: string;
  defaultRegion: RegionCode;
  botId: string;
  botName?: string;
  tokenTtlSeconds?: number;
  storeLimits?: ConversationStoreLimits;
  now?: () => number;
  logger: Logger;
}

export class LocalDirectLine {
  readonly store: ConversationStore;
  readonly issuer: TokenIssuer;
  private deliver: BotDelivery | undefined;
  private serviceUrl = "";

  constructor(private readonly options: LocalDirectLineOptions) {
    this.store = new ConversationStore(options.storeLimits ?? DEFAULT_STORE_LIMITS, options.now);
    this.issuer = new TokenIssuer(options.secret, options.tokenTtlSeconds ?? 1800, options.now);
  }

  /** Wires the bot: `serviceUrl` is where the bot's connector client posts its replies. */
  connectBot(deliver: BotDelivery, serviceUrl: string): void {
    this.deliver = deliver;
    this.serviceUrl = serviceUrl;
  }

  /** Identifies a caller from its bearer credential; throws 401/403. */
  authenticate(credential: string | undefined): DirectLineCaller {
    if (credential === undefined) throw new DirectLineError(401, "unauthorized", "Missing bearer secret or token.");
    if (secretMatches(this.options.secret, credential)) return { kind: "secret" };
    const check = this.issuer.verify(credential);
    if (!check.ok) {
      throw new DirectLineError(403, check.reason === "expired" ? "token_expired" : "forbidden", "Invalid token.");
    }
    return { kind: "token", claims: check.claims };
  }

  /** POST /tokens/generate: only the secret holder may mint a token, for a new conversation. */
  generateToken(caller: DirectLineCaller, userId: string | undefined, region?: RegionCode): ConversationTicket {
    if (caller.kind !== "secret") throw new DirectLineError(403, "forbidden", "A secret is required.");
    const conversationId = newConversationId();
    const claims = { conv: conversationId, user: userId ?? generatedUserId(), region: region ?? this.options.defaultRegion };
    return { conversationId, token: this.issuer.issue(claims), expires_in: this.issuer.ttlSeconds };
  }

  /** POST /tokens/refresh: a fresh token for the same conversation and user. */
  refreshToken(caller: DirectLineCaller): ConversationTicket {
    if (caller.kind !== "token") throw new DirectLineError(403, "forbidden", "Only a token can be refreshed.");
    const { conv, user, region } = caller.claims;
    return { conversationId: conv, token: this.issuer.issue({ conv, user, region }), expires_in: this.issuer.ttlSeconds };
  }

  /** POST /conversations: starts the token's conversation, or a new one for the secret holder. */
  startConversation(
    caller: DirectLineCaller,
    userId: string | undefined,
    baseUrl: string,
  ): { ticket: ConversationTicket; created: boolean } {
    const claims =
      caller.kind === "token"
        ? caller.claims
        : { conv: newConversationId(), user: userId ?? generatedUserId(), region: this.options.defaultRegion };
    const { conversation, created } = this.store.open(claims.conv, claims.user, claims.region);
    if (created) this.announceConversation(conversation);
    const token = this.issuer.issue({ conv: claims.conv, user: claims.user, region: claims.region });
    return { ticket: this.ticket(conversation, token, baseUrl, undefined), created };
  }

  /** GET /conversations/:id: a new stream URL (and token) to resume a conversation. */
  resumeConversation(caller: DirectLineCaller, conversationId: string, watermark: string | undefined, baseUrl: string) {
    const conversation = this.conversationFor(caller, conversationId);
    const token = this.issuer.issue({ conv: conversation.id, user: conversation.userId, region: conversation.region });
    return this.ticket(conversation, token, baseUrl, watermark);
  }

  activities(caller: DirectLineCaller, conversationId: string, watermark: string | undefined): ActivitySet {
    return this.store.activitiesAfter(this.conversationFor(caller, conversationId), watermark);
  }

  /** POST /conversations/:id/activities: stores the user's activity, runs the bot's turn, returns the id. */
  async postActivity(caller: DirectLineCaller, conversationId: string, posted: ClientActivity): Promise<string> {
    const conversation = this.conversationFor(caller, conversationId);
    const fromName = posted.from?.name;
    const stored = this.store.append(conversation, {
      ...posted,
      channelId: "directline",
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
      // A token's user is authoritative: a client cannot speak as someone else.
      from: { id: conversation.userId, ...(fromName === undefined ? {} : { name: fromName }), role: "user" },
      recipient: this.botAccount(),
      channelData: { ...posted.channelData, region: conversation.region },
    });
    await this.toBot(stored);
    return stored.id;
  }

  /** An activity the bot sent (through the in-process connector). Unknown conversation: 404. */
  receiveFromBot(conversationId: string, activity: Record<string, unknown>): string {
    const conversation = this.store.get(conversationId);
    if (!conversation) throw new DirectLineError(404, "not_found", "Unknown conversation.");
    // The service URL is internal plumbing: clients have no use for it.
    const { serviceUrl: _serviceUrl, ...rest } = activity;
    const stored = this.store.append(conversation, {
      ...rest,
      type: typeof rest["type"] === "string" ? rest["type"] : "message",
      channelId: "directline",
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
      from: this.botAccount(),
    });
    return stored.id;
  }

  /** The conversation a caller may use; 403 for another conversation's token, 404 when unknown. */
  conversationFor(caller: DirectLineCaller, conversationId: string): Conversation {
    if (caller.kind === "token" && caller.claims.conv !== conversationId) {
      throw new DirectLineError(403, "forbidden", "This token belongs to another conversation.");
    }
    const conversation = this.store.get(conversationId);
    if (!conversation) throw new DirectLineError(404, "not_found", "Unknown conversation.");
    return conversation;
  }

  streamUrl(baseUrl: string, conversationId: string, token: string, watermark: string | undefined): string {
    const ws = baseUrl.replace(/^http/, "ws");
    const query = new URLSearchParams({ t: token, ...(watermark === undefined ? {} : { watermark }) });
    return `${ws}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
  }

  private ticket(conversation: Conversation, token: string, baseUrl: string, watermark: string | undefined) {
    return {
      conversationId: conversation.id,
      token,
      expires_in: this.issuer.ttlSeconds,
      streamUrl: this.streamUrl(baseUrl, conversation.id, token, watermark),
    };
  }

  /** Like the Azure service, tells the bot who joined, so it may greet; the region rides along. */
  private announceConversation(conversation: Conversation): void {
    const activity = {
      type: "conversationUpdate",
      id: `${conversation.id}|start`,
      channelId: "directline",
      timestamp: new Date(this.now()).toISOString(),
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: "user" },
      recipient: this.botAccount(),
      membersAdded: [this.botAccount(), { id: conversation.userId, role: "user" }],
      channelData: { region: conversation.region, regionName: REGIONS[conversation.region].name },
    };
    this.toBot(activity).catch((err: unknown) => {
      this.options.logger.error({ err }, "conversation start could not reach the bot");
    });
  }

  private async toBot(activity: Record<string, unknown>): Promise<void> {
    if (!this.deliver) throw new Error("LocalDirectLine: no bot connected");
    await this.deliver({ ...activity, serviceUrl: this.serviceUrl });
  }

  private botAccount() {
    return { id: this.options.botId, name: this.options.botName ?? "Assistant orientation", role: "bot" };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function generatedUserId(): string {
  return `dl_${randomBytes(12).toString("base64url")}`;
}
