/** The life of a hand-off request as a table: which event moves which status where; anything else is refused. */
import type { HandoffStatus } from "./handoff-request.js";

export type HandoffEvent = "take" | "end" | "cancel" | "expire";

const TRANSITIONS: Record<HandoffEvent, { from: readonly HandoffStatus[]; to: HandoffStatus }> = {
  take: { from: ["waiting"], to: "taken" },
  // A waiting request may be ended too: an adviser closes it after calling the person back.
  end: { from: ["taken", "waiting"], to: "ended" },
  cancel: { from: ["waiting"], to: "cancelled" },
  expire: { from: ["waiting"], to: "expired" },
};

export class InvalidTransition extends Error {
  constructor(
    readonly event: HandoffEvent,
    readonly status: HandoffStatus,
  ) {
    super(`cannot ${event} a ${status} hand-off request`);
    this.name = "InvalidTransition";
  }
}

/** Statuses from which `event` may start: the repository puts them in its conditional UPDATE. */
export function statusesAllowing(event: HandoffEvent): readonly HandoffStatus[] {
  return TRANSITIONS[event].from;
}

export function nextStatus(status: HandoffStatus, event: HandoffEvent): HandoffStatus {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(status)) throw new InvalidTransition(event, status);
  return rule.to;
}

/** Still in the queue or with an adviser: the user's messages belong to the hand-off, not to the bot. */
export function isOpen(status: HandoffStatus): boolean {
  return status === "waiting" || status === "taken";
}
