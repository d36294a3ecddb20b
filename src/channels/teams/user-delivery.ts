/**
 * Reaches the person during a hand-off, whatever instance they are connected to: remote channels directly
 * (any instance can call their service URL), local Direct Line conversations in-process when this instance
 * holds them, else through the database outbox that their instance polls.
 */
import type { ConversationReference } from "botbuilder";
import type { HandoffRepository } from "../../handoff/handoff-repository.js";
import type { HandoffRequest, OutboxMessage, UserNotice } from "../../handoff/handoff-request.js";
import type { UserChannel } from "../../handoff/handoff-service.js";
import * as replies from "../../handoff/user-replies.js";
import type { Reply } from "../../conversation/reply.js";
import type { Logger } from "../../shared/logger.js";
import type { RegionCode } from "../../shared/region.js";
import { replyToActivity } from "../bot/reply-activity.js";
import type { ProactiveSender } from "./proactive.js";

export interface UserDeliveryDeps {
  repository: HandoffRepository;
  proactive: ProactiveSender;
  instanceId: string;
  hoursText: () => string;
  regionalLines: (region: RegionCode) => Promise<string[]>;
  logger: Logger;
  clock?: () => Date;
}

export class UserDelivery implements UserChannel {
  constructor(private readonly deps: UserDeliveryDeps) {}

  async notify(request: HandoffRequest, notice: UserNotice): Promise<void> {
    const reference = request.userReference as Partial<ConversationReference>;
    if (this.deps.proactive.isLocal(reference) && !this.deps.proactive.holdsLocally(reference)) {
      if (request.userInstanceId === null || request.userInstanceId === this.deps.instanceId) {
        // Our own local conversation is gone (the page was closed or the process restarted): nobody to tell.
        this.deps.logger.warn({ handoff: request.number }, "hand-off user no longer connected");
        return;
      }
      await this.deps.repository.enqueueOutbox(
        {
          requestId: request.id,
          instanceId: request.userInstanceId,
          kind: notice.kind,
          text: notice.kind === "adviser-message" ? notice.text : "",
          adviserName: "adviserName" in notice ? notice.adviserName : null,
        },
        (this.deps.clock ?? (() => new Date()))().toISOString(),
      );
      return;
    }
    await this.deliver(request, notice);
  }

  /** Delivers one outbox message addressed to this instance. */
  async deliverOutbox(message: OutboxMessage): Promise<void> {
    const request = await this.deps.repository.findById(message.requestId);
    if (!request) return;
    const notice: UserNotice =
      message.kind === "adviser-message"
        ? { kind: "adviser-message", adviserName: message.adviserName ?? "", text: message.text }
        : message.kind === "taken"
          ? { kind: "taken", adviserName: message.adviserName ?? "" }
          : { kind: message.kind };
    const reference = request.userReference as Partial<ConversationReference>;
    if (this.deps.proactive.isLocal(reference) && !this.deps.proactive.holdsLocally(reference)) return;
    await this.deliver(request, notice);
  }

  private async deliver(request: HandoffRequest, notice: UserNotice): Promise<void> {
    const reply = await this.render(request, notice);
    const activity = replyToActivity(reply);
    if (notice.kind === "adviser-message") {
      activity.channelData = { handoff: { from: "adviser", name: notice.adviserName } };
    }
    await this.deps.proactive.continue(request.userReference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(activity);
    });
  }

  private async render(request: HandoffRequest, notice: UserNotice): Promise<Reply> {
    switch (notice.kind) {
      case "taken":
        return request.trigger === "callback" ? replies.callbackTaken(notice.adviserName) : replies.taken(notice.adviserName);
      case "adviser-message":
        return replies.adviserMessage(notice.adviserName, notice.text);
      case "ended":
        return replies.ended();
      case "expired":
        return replies.unavailable({
          hours: this.deps.hoursText(),
          regionalLines: await this.deps.regionalLines(request.region),
          reason: "timeout",
        });
    }
  }
}
