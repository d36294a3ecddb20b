/**
 * Process-level safety nets: graceful shutdown on SIGTERM/SIGINT, and logged (never silent) unhandled
 * rejections and exceptions.
 */
import type { Logger } from "../shared/logger.js";

export interface Closable {
  close(timeoutMs?: number): Promise<void>;
}

export function installProcessHandlers(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection");
  });
  process.on("uncaughtException", (err) => {
    // State is unknown after an uncaught exception: log it and stop; the supervisor restarts us.
    logger.fatal({ err }, "uncaught exception, exiting");
    process.exit(1);
  });
}

/** First signal: graceful close, then exit 0. A second signal while closing: exit 1 at once. */
export function installShutdownHandlers(app: Closable, logger: Logger, timeoutMs = 10_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, "second signal during shutdown, exiting now");
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, "shutting down");
    app
      .close(timeoutMs)
      .then(() => {
        logger.info("shutdown complete");
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
