import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbStorage } from "../../src/channels/bot/db-storage.js";
import { ETagConflict, type AppStorage } from "../../src/storage/index.js";
import { postgresBackend, sqliteBackend, type BackendUnderTest } from "./helpers/backends.js";

describe.each([
  ["SQLite", sqliteBackend],
  ["PostgreSQL", postgresBackend],
])("bot state storage on %s", (_name, makeBackend) => {
  let backend: BackendUnderTest;
  let storage: AppStorage;
  let bot: DbStorage;

  beforeAll(async () => {
    backend = makeBackend("kv");
    storage = await backend.open();
    bot = new DbStorage(storage.kv);
  });
  afterAll(async () => {
    await storage?.close();
    await backend?.destroy();
  });

  it("reads back what it wrote, with an eTag, and nothing for unknown keys", async () => {
    await bot.write({ "conv/1": { step: 2, answers: ["cuisine"] } });
    const items = await bot.read(["conv/1", "conv/unknown"]);
    expect(items["conv/1"]).toMatchObject({ step: 2, answers: ["cuisine"] });
    expect(typeof items["conv/1"]?.eTag).toBe("string");
    expect(items["conv/unknown"]).toBeUndefined();
  });

  it("accepts a write with the current eTag and refuses one with a stale eTag", async () => {
    await bot.write({ "conv/2": { n: 1 } });
    const first = (await bot.read(["conv/2"]))["conv/2"];
    await bot.write({ "conv/2": { ...first, n: 2 } });
    await expect(bot.write({ "conv/2": { ...first, n: 3 } })).rejects.toBeInstanceOf(ETagConflict);
    expect((await bot.read(["conv/2"]))["conv/2"]).toMatchObject({ n: 2 });
  });

  it("lets eTag '*' overwrite whatever is there", async () => {
    await bot.write({ "conv/3": { n: 1 } });
    await bot.write({ "conv/3": { n: 9, eTag: "*" } });
    expect((await bot.read(["conv/3"]))["conv/3"]).toMatchObject({ n: 9 });
  });

  it("lets only one of two concurrent writers with the same eTag win", async () => {
    await bot.write({ "conv/4": { n: 0 } });
    const seen = (await bot.read(["conv/4"]))["conv/4"];
    const results = await Promise.allSettled([bot.write({ "conv/4": { ...seen, n: 1 } }), bot.write({ "conv/4": { ...seen, n: 2 } })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("deletes items", async () => {
    await bot.write({ "user/5": { name: "Sam" } });
    await bot.delete(["user/5"]);
    expect(await bot.read(["user/5"])).toEqual({});
  });
});

describe("conversation state on SQLite", () => {
  it("relaxes only its own commits: bookings and erasures still wait for the disk", async () => {
    const backend = sqliteBackend("kv-durability");
    const storage = await backend.open();
    const synchronous = async (runner: Pick<AppStorage["db"], "all"> = storage.db) =>
      ((await runner.all<{ synchronous: number }>("PRAGMA synchronous"))[0] ?? {}).synchronous;
    try {
      const state = new DbStorage(storage.kv);
      await state.write({ "conv/durability": { step: 1 } });
      // 1 = NORMAL, 2 = FULL.
      expect(await synchronous()).toBe(1);
      // What every booking relies on: its transaction commits with FULL, even right after a state write.
      expect(await storage.db.transaction(async (tx) => synchronous(tx))).toBe(2);
      await state.write({ "conv/durability": { step: 2 } });
      expect(await synchronous()).toBe(1);
      await state.delete(["conv/durability"]);
      expect(await synchronous()).toBe(2);
    } finally {
      await storage.close();
      await backend.destroy();
    }
  });
});
