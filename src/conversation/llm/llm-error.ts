/** Typed failures of a chat-completions call, so callers can tell a slow server from a bad answer. */

/**
 * - `timeout`: no answer within the deadline (not retried: the user is waiting).
 * - `network`: the connection failed; `http`: an error status; both retried when transient.
 * - `bad-response`: the server answered 2xx with something that is not a chat completion (never retried).
 * - `aborted`: the caller cancelled.
 */
export type LlmErrorCode = "timeout" | "network" | "http" | "bad-response" | "aborted";

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LlmError";
  }

  /** Worth another attempt: the server may answer next time (connection reset, 5xx, 429 rate limit). */
  get transient(): boolean {
    return this.code === "network" || (this.code === "http" && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}
