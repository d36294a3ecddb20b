/**
 * botbuilder `Storage` over our key-value table (SQLite or PostgreSQL), so conversation and user state survive
 * restarts and are shared between instances. Same eTag rules as botbuilder's MemoryStorage.
 */
import type { Storage, StoreItems } from "botbuilder";
import type { KeyValueStore } from "../../storage/kv-store.js";

export class DbStorage implements Storage {
  constructor(private readonly kv: KeyValueStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError("Keys are required when reading.");
    const found = await this.kv.read(keys);
    const items: StoreItems = {};
    for (const [key, item] of found) {
      items[key] = { ...(item.value as Record<string, unknown>), eTag: item.etag };
    }
    return items;
  }

  /** Each item is written atomically; a stale eTag throws and leaves that item unchanged. */
  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== "object") throw new TypeError("Changes are required when writing.");
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      await this.kv.write(key, value, eTag);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError("Keys are required when deleting.");
    await this.kv.delete(keys);
  }
}
