import { describe, expect, it } from "vitest";
import { postgresBackend, sqliteBackend } from "./helpers/backends.js";
import { spawnWorker } from "./helpers/spawn-worker.js";

const CELLS_PER_BOOKING = 30 / 5;

describe.each([
  ["SQLite", sqliteBackend],
  ["PostgreSQL", postgresBackend],
])("a booking process killed with SIGKILL on %s", (_name, makeBackend) => {
  it("loses no acknowledged booking, duplicates none and leaves nothing half-written", async () => {
    const backend = makeBackend("crash");
    try {
      await (await backend.open()).close();
      const worker = spawnWorker({ mode: "loop", options: backend.options });
      let acknowledged = 0;
      await worker.waitFor((l) => l.startsWith("BOOKED ") && ++acknowledged >= 25, 90_000);
      worker.child.kill("SIGKILL");
      await worker.exited;
      const codes = worker.lines.filter((l) => l.startsWith("BOOKED ")).map((l) => l.slice(7));
      expect(codes.length).toBeGreaterThanOrEqual(25);

      const storage = await backend.open();
      try {
        for (const code of codes) expect((await storage.bookings.findByCode(code))?.status).toBe("confirmed");
        const bookings = await storage.db.all<{ id: string; code: string | null; status: string }>("SELECT id, code, status FROM bookings");
        expect(new Set(bookings.map((b) => b.code)).size).toBe(bookings.length);
        // At most the one booking in flight may have committed without its line being read.
        expect(bookings.length - codes.length).toBeLessThanOrEqual(1);
        expect(bookings.every((b) => b.status === "confirmed" && b.code !== null)).toBe(true);
        const cells = await storage.db.all<{ booking_id: string; n: number }>(
          "SELECT booking_id, COUNT(*) AS n FROM booking_cells GROUP BY booking_id",
        );
        expect(cells.map((c) => Number(c.n))).toEqual(bookings.map(() => CELLS_PER_BOOKING));
        expect(new Set(cells.map((c) => c.booking_id))).toEqual(new Set(bookings.map((b) => b.id)));
        const starts = await storage.db.all<{ start_at: string; n: number }>(
          "SELECT start_at, COUNT(*) AS n FROM bookings GROUP BY start_at HAVING COUNT(*) > 1",
        );
        expect(starts).toEqual([]);
      } finally {
        await storage.close();
      }
    } finally {
      await backend.destroy();
    }
  }, 120_000);
});
