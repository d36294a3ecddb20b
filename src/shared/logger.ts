/** Structured JSON logs (pino), in English and without personal data. */
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string = "info", name = "spro-bot"): Logger {
  return pino({ name, level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

/** For tests and scripts that must stay quiet. */
export const silentLogger: Logger = pino({ level: "silent" });
