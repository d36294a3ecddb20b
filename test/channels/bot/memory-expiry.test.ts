import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { DbStorage } from "../../../src/channels/bot/db-storage.js";
import { loadConfig } from "../../../src/config/config.js";
import { startMemoryExpiry, type MemoryExpiry } from "../../../src/channels/bot/memory-expiry.js";
import { silentLogger } from "../../../src/shared/logger.js";
import type { AppStorage } from "../../../src/storage/index.js";
import { postgresBackend, sqliteBackend, type BackendUnderTest } from "../../storage/helpers/backends.js";

const HOUR = 3_600_000;
const started: Array<{ expiry: MemoryExpiry; storage: AppStorage; backend: BackendUnderTest }> = [];
afterEach(async () => {
  for (const s of started.splice(0)) {
    s.expiry.stop();
    await s.storage.close().catch(() => undefined);
    await s.backend.destroy();
  }
});

describe.each([
  ["SQLite", sqliteBackend],
  ["PostgreSQL", postgresBackend],
])("conversation memory expiry on %s", (_name, makeBackend) => {
  it("forgets the conversations idle for longer than the limit, and only those", async () => {
    const backend = makeBackend("memory-expiry");
    const storage = await backend.open();
    const state = new DbStorage(storage.kv);
    await state.write({ "directline/conversations/old/": { orientationMemory: { age: 17, turns: 3 } } });
    await state.write({ "directline/conversations/recent/": { orientationMemory: { age: 19, turns: 1 } } });
    // The first conversation's last message was 25 hours ago.
    await storage.db.run("UPDATE kv_items SET updated_at = ? WHERE key = ?", [
      new Date(Date.now() - 25 * HOUR).toISOString(),
      "directline/conversations/old/",
    ]);

    const expiry = startMemoryExpiry(storage.kv, { maxIdleHours: 24, logger: silentLogger, intervalMs: 60_000 });
    started.push({ expiry, storage, backend });
    // The sweep at start may already have run; a second one finds nothing more.
    await expiry.sweep();
    const left = await state.read(["directline/conversations/old/", "directline/conversations/recent/"]);
    expect(Object.keys(left)).toEqual(["directline/conversations/recent/"]);
    expect(await expiry.sweep()).toBe(0);
  });
});

describe("conversation memory expiry when the database fails", () => {
  it("logs the failure and keeps going: no rejection reaches the process", async () => {
    const backend = sqliteBackend("memory-expiry-closed");
    const storage = await backend.open();
    const lines: string[] = [];
    const logger = pino({ level: "info" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    await storage.close();
    const expiry = startMemoryExpiry(storage.kv, { maxIdleHours: 24, logger, intervalMs: 60_000 });
    started.push({ expiry, storage, backend });
    expect(await expiry.sweep()).toBe(0);
    expect(lines.some((l) => l.includes("conversation memory expiry failed"))).toBe(true);
  });
});

describe("CONVERSATION_MEMORY_HOURS", () => {
  it("is a day unless set, and must be a whole number of hours from 1 to 720", () => {
    expect(loadConfig({}).conversationMemoryHours).toBe(24);
    expect(loadConfig({ CONVERSATION_MEMORY_HOURS: "2" }).conversationMemoryHours).toBe(2);
    expect(() => loadConfig({ CONVERSATION_MEMORY_HOURS: "0" })).toThrow(/CONVERSATION_MEMORY_HOURS/);
    expect(() => loadConfig({ CONVERSATION_MEMORY_HOURS: "forever" })).toThrow(/CONVERSATION_MEMORY_HOURS/);
  });
});
