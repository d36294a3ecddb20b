/**
 * The conversation engine's HandoffPort when the hand-off is on: during advisers' hours it asks the person's
 * consent to share a summary (the bot's hook then queues the request); outside them it offers a cabin
 * booking, the regional line or a callback.
 */
import { regionalHelp } from "../conversation/composers/regional-help.js";
import type { ContactsPort, HandoffPort } from "../conversation/ports.js";
import type { HandoffService } from "./handoff-service.js";
import { consentQuestion, unavailable } from "./user-replies.js";

export function handoffConversationPort(service: Pick<HandoffService, "isOpenNow" | "hoursText">, contacts: ContactsPort): HandoffPort {
  return {
    async requestHandoff({ region }) {
      if (service.isOpenNow()) return consentQuestion(service.hoursText());
      const help = await regionalHelp(contacts, region);
      return { ...unavailable({ hours: service.hoursText(), regionalLines: help.lines, reason: "closed" }), citations: help.citations };
    },
  };
}
