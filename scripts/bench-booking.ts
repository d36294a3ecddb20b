/**
 * Booking benchmark: bookings per second and free-slot search latency (p50/p95) on SQLite and PostgreSQL in
 * the same run. Usage: `tsx scripts/bench-booking.ts [bookings=300]`. PostgreSQL: DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test, in a temporary schema dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { BookingService } from "../src/booking/booking-service.js";
import { AppointmentType, CabinCatalog, CabinSite, Counsellor } from "../src/booking/catalog.js";
import { openStorage, type StorageOptions } from "../src/storage/index.js";

const BOOKINGS = Number(process.argv[2] ?? 300);
const SEARCHES = 200;
const PG_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const allDay = ["00:00-24:00"];
const week = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
const catalog = new CabinCatalog({
  sites: [
    CabinSite.parse({
      id: "bench", name: "Banc d'essai", commune: "Gray", address: "Adresse de démonstration", region: "BFC",
      accessibility: { wheelchair: true }, openingHours: week, closedOnPublicHolidays: false,
    }),
  ],
  counsellors: [0, 1, 2].map((i) => Counsellor.parse({ id: `c${i}`, name: `C${i}`, siteIds: ["bench"], availability: week })),
  appointmentTypes: [
    AppointmentType.parse({ id: "t", label: "t", durationMinutes: 30, bufferMinutes: 0, slotStepMinutes: 30, horizonDays: 365, minNoticeMinutes: 0 }),
  ],
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function bench(name: string, options: StorageOptions) {
  const storage = await openStorage(options);
  try {
    const now = new Date("2027-01-04T00:00:00Z");
    const service = new BookingService({ catalog, repository: storage.bookings, visioBaseUrl: "https://visio.exemple.invalid", holdMinutes: 10, retentionDays: 30, clock: () => now });
    const slots = await service.findFreeSlots({ cabinId: "bench", from: now, to: new Date(now.getTime() + 60 * 86_400_000) });
    const contact = { firstName: "Banc", email: "banc@example.org" };
    const t0 = performance.now();
    for (const slot of slots.slice(0, BOOKINGS)) {
      await service.book({ cabinId: "bench", start: slot.start }, { consent: true, contact, idempotencyKey: `bench-${slot.start}` });
    }
    const seconds = (performance.now() - t0) / 1000;
    const latencies: number[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const from = new Date(now.getTime() + (i % 30) * 86_400_000);
      const s = performance.now();
      await service.findFreeSlots({ cabinId: "bench", from, to: new Date(from.getTime() + 7 * 86_400_000) });
      latencies.push(performance.now() - s);
    }
    latencies.sort((a, b) => a - b);
    return { backend: name, bookings: Math.min(BOOKINGS, slots.length), perSecond: Math.min(BOOKINGS, slots.length) / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    await storage.close();
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), "bench-booking-"));
const schema = `bench_${randomBytes(4).toString("hex")}`;
try {
  const rows = [await bench("SQLite (WAL, synchronous=FULL)", { dataDir }), await bench("PostgreSQL", { dataDir, databaseUrl: PG_URL, schema })];
  console.log(`\nBooking benchmark — ${BOOKINGS} sequential bookings, ${SEARCHES} searches of 7 days (3 counsellors, 1 cabin)\n`);
  console.log("| Backend | Bookings | Bookings/s | Slot search p50 (ms) | Slot search p95 (ms) |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.backend} | ${r.bookings} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
