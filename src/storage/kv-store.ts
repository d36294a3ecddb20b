/**
 * Key-value items with an eTag, the shape botbuilder's Storage needs for conversation and user state.
 * Optimistic concurrency: a write with eTag "*" (or none) always wins; any other eTag must match.
 */
import { randomUUID } from "node:crypto";
import type { SqlDatabase } from "./sql.js";
import { UniqueViolation } from "./sql.js";

export interface KvItem {
  value: unknown;
  etag: string;
}

export class ETagConflict extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = "ETagConflict";
  }
}

export class KeyValueStore {
  constructor(private readonly db: SqlDatabase) {}

  async read(keys: string[]): Promise<Map<string, KvItem>> {
    const found = new Map<string, KvItem>();
    if (keys.length === 0) return found;
    const rows = await this.db.all<{ key: string; value: string; etag: string }>(
      `SELECT key, value, etag FROM kv_items WHERE key IN (${keys.map(() => "?").join(", ")})`,
      keys,
    );
    for (const r of rows) found.set(r.key, { value: JSON.parse(r.value) as unknown, etag: r.etag });
    return found;
  }

  /** Writes one item; returns its new eTag or throws ETagConflict. Each write is atomic on its own. */
  async write(key: string, value: unknown, expectedEtag?: string): Promise<string> {
    const etag = randomUUID();
    const json = JSON.stringify(value);
    const now = new Date().toISOString();
    if (expectedEtag === undefined || expectedEtag === "*") {
      await this.db.runRelaxed(
        `INSERT INTO kv_items (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
        [key, json, etag, now],
      );
      return etag;
    }
    const updated = await this.db.runRelaxed("UPDATE kv_items SET value = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?", [
      json,
      etag,
      now,
      key,
      expectedEtag,
    ]);
    if (updated === 1) return etag;
    // botbuilder's MemoryStorage writes an item that does not exist yet whatever its eTag; so do we.
    try {
      const inserted = await this.db.runRelaxed(
        "INSERT INTO kv_items (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        [key, json, etag, now],
      );
      if (inserted === 1) return etag;
    } catch (err) {
      if (!(err instanceof UniqueViolation)) throw err;
    }
    throw new ETagConflict(key);
  }

  /** Deletes the items not written since `cutoff`; returns how many. Waits for the disk like any erasure. */
  async deleteIdleSince(cutoff: Date): Promise<number> {
    return this.db.run("DELETE FROM kv_items WHERE updated_at < ?", [cutoff.toISOString()]);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    // Erasing is what a person asked for ("supprimer mes données"): that commit waits for the disk.
    await this.db.run(`DELETE FROM kv_items WHERE key IN (${keys.map(() => "?").join(", ")})`, keys);
  }
}
