import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingService } from "../../src/booking/booking-service.js";
import { SlotTaken } from "../../src/booking/errors.js";
import type { AppStorage } from "../../src/storage/index.js";
import { EVERY_DAY_ALL_DAY, makeCatalog, makeCounsellor, makeSite, makeType } from "../booking/fixtures.js";
import { postgresBackend, sqliteBackend, type BackendUnderTest } from "./helpers/backends.js";
import { spawnWorker } from "./helpers/spawn-worker.js";

const RACE_NOW = new Date("2027-01-04T07:00:00.000Z");
const RACE_SLOT = "2027-01-04T09:00:00.000Z";

async function confirmedCount(storage: AppStorage): Promise<number> {
  const rows = await storage.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed'");
  return Number(rows[0]?.n);
}

describe("100 concurrent confirms of one slot", () => {
  it("make exactly one booking on SQLite, from 5 processes sharing the file", async () => {
    const backend = sqliteBackend("race");
    const storage = await backend.open();
    try {
      const workers = Array.from({ length: 5 }, () => spawnWorker({ mode: "race", options: backend.options, attempts: 20 }));
      await Promise.all(workers.map((w) => w.waitFor((l) => l === "READY")));
      for (const w of workers) w.child.stdin.write("GO\n");
      const results = await Promise.all(
        workers.map(async (w) => JSON.parse((await w.waitFor((l) => l.startsWith("RESULT "))).slice(7)) as { ok: number; taken: number; other: string[] }),
      );
      await Promise.all(workers.map((w) => w.exited));
      expect(results.flatMap((r) => r.other)).toEqual([]);
      expect(results.reduce((n, r) => n + r.ok, 0)).toBe(1);
      expect(results.reduce((n, r) => n + r.taken, 0)).toBe(99);
      expect(await confirmedCount(storage)).toBe(1);
    } finally {
      await storage.close();
      await backend.destroy();
    }
  }, 120_000);

  describe("on PostgreSQL, through a pool of 20 connections", () => {
    let backend: BackendUnderTest;
    let storage: AppStorage;
    let service: BookingService;

    beforeAll(async () => {
      backend = postgresBackend("race");
      storage = await backend.open({ maxConnections: 20 });
      service = new BookingService({
        catalog: makeCatalog({
          sites: [makeSite({ openingHours: EVERY_DAY_ALL_DAY, closedOnPublicHolidays: false })],
          counsellors: [makeCounsellor({ availability: EVERY_DAY_ALL_DAY }), makeCounsellor({ id: "conseiller-b", availability: EVERY_DAY_ALL_DAY })],
          types: [makeType({ durationMinutes: 30, bufferMinutes: 0, slotStepMinutes: 30, horizonDays: 365 })],
        }),
        repository: storage.bookings,
        visioBaseUrl: "https://visio.exemple.invalid",
        holdMinutes: 10,
        retentionDays: 30,
        clock: () => RACE_NOW,
      });
    });
    afterAll(async () => {
      await storage?.close();
      await backend?.destroy();
    });

    it("make exactly one booking even with two counsellors free, and refuse the other 99 as taken", async () => {
      const contact = { firstName: "Camille", email: "camille@example.org" };
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          service.book({ cabinId: "cabine-test", start: RACE_SLOT }, { consent: true, contact, idempotencyKey: `race-${i}` }),
        ),
      );
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      // One cabin: only one booking can hold it, whichever counsellor.
      expect(ok).toHaveLength(1);
      expect(refused.every((r) => r.status === "rejected" && r.reason instanceof SlotTaken)).toBe(true);
      expect(await confirmedCount(storage)).toBe(1);
    });

    it("return the same booking to 20 concurrent retries with one idempotency key", async () => {
      const contact = { firstName: "Sam", phone: "0612345678" };
      const start = "2027-01-04T10:00:00.000Z";
      const results = await Promise.all(
        Array.from({ length: 20 }, () => service.book({ cabinId: "cabine-test", start }, { consent: true, contact, idempotencyKey: "same-key" })),
      );
      expect(new Set(results.map((b) => b.id)).size).toBe(1);
      const rows = await storage.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE start_at = ?", [start]);
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });
});
