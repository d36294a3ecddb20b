/**
 * Erases what the bot remembers of a conversation (age, commune, the jobs asked about) once nobody has written
 * to it for `maxIdleHours`: a public service keeps such details for the conversation, not for ever. People who
 * want it gone sooner say « supprimer mes données ».
 *
 * The sweep reads the whole table (no index on `updated_at`: every turn rewrites that column, and an index
 * would cost each turn to speed up a query that runs four times an hour).
 */
import type { Logger } from "../../shared/logger.js";
import { repeatInBackground } from "../../shared/repeat-in-background.js";
import type { KeyValueStore } from "../../storage/kv-store.js";

export interface MemoryExpiryOptions {
  maxIdleHours: number;
  logger: Logger;
  /** Default: every 15 minutes. */
  intervalMs?: number;
  now?: () => Date;
}

export interface MemoryExpiry {
  /** Runs one sweep now; resolves to how many conversations were forgotten (never rejects). */
  sweep(): Promise<number>;
  stop(): void;
}

const HOUR_MS = 3_600_000;

/** Sweeps once at start, then every `intervalMs`; the timer does not keep the process alive. */
export function startMemoryExpiry(kv: KeyValueStore, options: MemoryExpiryOptions): MemoryExpiry {
  const now = options.now ?? (() => new Date());
  const sweep = async (): Promise<number> => {
    try {
      const erased = await kv.deleteIdleSince(new Date(now().getTime() - options.maxIdleHours * HOUR_MS));
      if (erased > 0) options.logger.info({ erased, maxIdleHours: options.maxIdleHours }, "idle conversation memory erased");
      return erased;
    } catch (err) {
      options.logger.error({ err }, "conversation memory expiry failed");
      return 0;
    }
  };
  const stop = repeatInBackground(sweep, options.intervalMs ?? 15 * 60_000);
  return { sweep, stop };
}
