/**
 * A tiny bot that repeats what the user wrote: the stand-in until the orientation bot is wired, and the
 * baseline of the chat benchmark (it measures the server and the Direct Line, not the conversation).
 */
import { ActivityHandler } from "botbuilder";

export const ECHO_PREFIX = "Vous avez écrit : ";

export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`${ECHO_PREFIX}${context.activity.text ?? ""}`);
      await next();
    });
  }
}

export function createEchoBot(): EchoBot {
  return new EchoBot();
}
