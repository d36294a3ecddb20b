/**
 * Sends messages outside a user's turn (proactive messages) through the server's CloudAdapter, once the
 * server exists: Teams and remote channels by `continueConversationAsync`, local Direct Line conversations
 * in-process. The bot is built before the server, hence the late `attach`.
 */
import type { ConversationReference, TurnContext } from "botbuilder";
import { LOCAL_SERVICE_URL } from "../directline/in-process-connector.js";

/** What we need from SproCloudAdapter (src/server/adapter.ts). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  continueLocalConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** Which local Direct Line conversations this instance holds (LocalDirectLine's store). */
export interface LocalConversations {
  store: { get(conversationId: string): unknown };
}

export class ProactiveSender {
  private adapter: ProactiveAdapter | undefined;
  private local: LocalConversations | undefined;

  constructor(private readonly appId: string | undefined) {}

  attach(adapter: ProactiveAdapter, local?: LocalConversations): void {
    this.adapter = adapter;
    this.local = local;
  }

  isLocal(reference: Partial<ConversationReference>): boolean {
    return reference.serviceUrl === LOCAL_SERVICE_URL;
  }

  /** True when the reference is a local Direct Line conversation held by this very instance. */
  holdsLocally(reference: Partial<ConversationReference>): boolean {
    const id = reference.conversation?.id;
    return this.isLocal(reference) && id !== undefined && this.local?.store.get(id) !== undefined;
  }

  async continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!this.adapter) throw new Error("proactive messages need the server's adapter (attach it first)");
    if (this.isLocal(reference)) await this.adapter.continueLocalConversation(reference, logic);
    else await this.adapter.continueConversationAsync(this.appId ?? "", reference, logic);
  }
}
