/** Public API of the hand-off domain: queue, state machine, masking, summary, opening hours and timeout policy. */
export * from "./handoff-request.js";
export { AlreadyInQueue, type HandoffRepository, type NewHandoffRequest, type TakeResult } from "./handoff-repository.js";
export { HandoffService, type AdviserDesk, type AdviserRelayOutcome, type HandoffServiceOptions, type OpenRequestInput, type UserChannel } from "./handoff-service.js";
export { describeOpeningHours, isOpenAt, OpeningHoursError, parseOpeningHours } from "./opening-hours.js";
export { findPhoneNumber, maskPersonalData } from "./personal-data-mask.js";
export { SqlHandoffRepository } from "./sql-handoff-repository.js";
export { InvalidTransition, isOpen, nextStatus, statusesAllowing, type HandoffEvent } from "./state-machine.js";
export { buildSummary, maskLine, profileFrom, profileLine } from "./summary.js";
export { isOverdue, overdueBefore, type TimeoutPolicy } from "./timeout-policy.js";
export * as userReplies from "./user-replies.js";
