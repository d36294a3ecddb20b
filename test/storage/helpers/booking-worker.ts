// A separate process that books through its own connection: used for the race and SIGKILL tests.
// argv[2] = JSON { mode: "race" | "loop", options: StorageOptions, attempts?: number }.
import { createInterface } from "node:readline";
import { BookingService } from "../../../src/booking/booking-service.js";
import { SlotTaken } from "../../../src/booking/errors.js";
import { openStorage, type StorageOptions } from "../../../src/storage/index.js";
import { EVERY_DAY_ALL_DAY, makeCatalog, makeCounsellor, makeSite, makeType } from "../../booking/fixtures.js";

const RACE_NOW = new Date("2027-01-04T07:00:00.000Z");
const RACE_SLOT = "2027-01-04T09:00:00.000Z";

const args = JSON.parse(process.argv[2] ?? "{}") as { mode: "race" | "loop"; options: StorageOptions; attempts?: number };

const catalog = makeCatalog({
  sites: [makeSite({ openingHours: EVERY_DAY_ALL_DAY, closedOnPublicHolidays: false })],
  counsellors: [makeCounsellor({ availability: EVERY_DAY_ALL_DAY })],
  types: [makeType({ durationMinutes: 30, bufferMinutes: 0, slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 365 })],
});
const contact = { firstName: "Camille", phone: "06 12 34 56 78" };

async function race(service: BookingService): Promise<void> {
  console.log("READY");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === "GO") break;
  lines.close();
  const results = await Promise.allSettled(
    Array.from({ length: args.attempts ?? 20 }, (_, i) =>
      service.book({ cabinId: "cabine-test", start: RACE_SLOT }, { consent: true, contact, idempotencyKey: `${process.pid}-${i}` }),
    ),
  );
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const taken = results.filter((r) => r.status === "rejected" && r.reason instanceof SlotTaken).length;
  const other = results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof SlotTaken) ? [String(r.reason)] : []));
  console.log(`RESULT ${JSON.stringify({ ok, taken, other })}`);
}

async function loop(service: BookingService): Promise<void> {
  const now = new Date();
  const slots = await service.findFreeSlots({ cabinId: "cabine-test", from: now, to: new Date(now.getTime() + 30 * 86_400_000) });
  console.log("READY");
  for (const slot of slots) {
    const booking = await service.book({ cabinId: slot.cabinId, start: slot.start }, { consent: true, contact });
    // Printed only once the transaction has committed: the parent treats it as an acknowledgement.
    console.log(`BOOKED ${booking.code}`);
  }
}

const storage = await openStorage({ ...args.options, maxConnections: 20 });
const service = new BookingService({
  catalog,
  repository: storage.bookings,
  visioBaseUrl: "https://visio.exemple.invalid",
  holdMinutes: 10,
  retentionDays: 30,
  ...(args.mode === "race" ? { clock: () => RACE_NOW } : {}),
});
try {
  await (args.mode === "race" ? race(service) : loop(service));
} finally {
  await storage.close();
}
