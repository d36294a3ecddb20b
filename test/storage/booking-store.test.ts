import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Booking } from "../../src/booking/booking.js";
import { cellOf, cellsBetween } from "../../src/booking/cells.js";
import { BookingNotActive, HoldExpired, SlotTaken } from "../../src/booking/errors.js";
import { migrate, type AppStorage } from "../../src/storage/index.js";
import { postgresBackend, sqliteBackend, type BackendUnderTest } from "./helpers/backends.js";

const NOW = "2027-01-04T07:00:00.000Z";

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: crypto.randomUUID(),
    code: `C${Math.random().toString(36).slice(2, 5).toUpperCase()}-TEST`,
    status: "confirmed",
    cabinId: "cabine-a",
    counsellorId: "conseillere-a",
    appointmentTypeId: "entretien-45",
    start: "2027-01-04T09:00:00.000Z",
    end: "2027-01-04T09:45:00.000Z",
    holdExpiresAt: null,
    firstName: "Camille",
    phone: "0612345678",
    email: null,
    consentAt: NOW,
    conversationId: "conv-1",
    roomName: "spro-room",
    sequence: 0,
    createdAt: NOW,
    updatedAt: NOW,
    erasedAt: null,
    ...overrides,
  };
}

const cellsOf = (b: Booking, bufferMinutes = 15) =>
  cellsBetween(new Date(b.start), new Date(Date.parse(b.end) + bufferMinutes * 60_000));

describe.each([
  ["SQLite", sqliteBackend],
  ["PostgreSQL", postgresBackend],
])("booking store on %s", (_name, makeBackend) => {
  let backend: BackendUnderTest;
  let storage: AppStorage;

  beforeAll(async () => {
    backend = makeBackend("store");
    storage = await backend.open();
  });
  afterAll(async () => {
    await storage?.close();
    await backend?.destroy();
  });

  it(`applies migrations once: opening again applies nothing`, async () => {
    expect(await migrate(storage.db)).toEqual([]);
    const rows = await storage.db.all<{ version: number }>("SELECT version FROM schema_migrations");
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
  });

  it("refuses a second booking of the same cabin at an overlapping time", async () => {
    const first = booking();
    await storage.bookings.insert(first, cellsOf(first));
    const second = booking({ counsellorId: "conseiller-b", start: "2027-01-04T09:30:00.000Z", end: "2027-01-04T10:15:00.000Z" });
    await expect(storage.bookings.insert(second, cellsOf(second))).rejects.toEqual(new SlotTaken("cabin"));
    expect(await storage.bookings.findById(second.id)).toBeUndefined();
  });

  it("refuses a second booking of the same counsellor in another cabin at the same time", async () => {
    const first = booking({ start: "2027-01-05T09:00:00.000Z", end: "2027-01-05T09:45:00.000Z" });
    await storage.bookings.insert(first, cellsOf(first));
    const other = booking({ cabinId: "cabine-b", start: first.start, end: first.end });
    const error = await storage.bookings.insert(other, cellsOf(other)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotTaken);
    expect((error as SlotTaken).by).toBe("counsellor");
  });

  it("returns the first booking when an idempotency key is used again, without booking twice", async () => {
    const first = booking({ start: "2027-01-06T09:00:00.000Z", end: "2027-01-06T09:45:00.000Z" });
    const again = { ...first, id: crypto.randomUUID(), code: "AUTR-CODE" };
    const a = await storage.bookings.insert(first, cellsOf(first), "key-1");
    const b = await storage.bookings.insert(again, cellsOf(again), "key-1");
    expect(a.replayed).toBe(false);
    expect(b).toEqual({ booking: first, replayed: true });
    const count = await storage.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM bookings WHERE start_at = ?", [first.start]);
    expect(Number(count[0]?.n)).toBe(1);
  });

  it("confirms a live hold, refuses an expired one, and lets an expired hold's slot be booked", async () => {
    const start = "2027-01-07T09:00:00.000Z";
    const hold = booking({ status: "held", code: null, consentAt: null, firstName: null, phone: null, start, end: "2027-01-07T09:45:00.000Z", holdExpiresAt: "2027-01-04T07:10:00.000Z" });
    await storage.bookings.insert(hold, cellsOf(hold));
    const patch = { code: "HOLD-CONF", firstName: "Léa", phone: null, email: "lea@example.org", consentAt: NOW, roomName: "r", conversationId: null };
    const confirmed = await storage.bookings.confirmHold(hold.id, patch, "2027-01-04T07:05:00.000Z");
    expect(confirmed.booking.status).toBe("confirmed");
    expect(confirmed.booking.conversationId).toBe("conv-1");

    const late = booking({ ...hold, id: crypto.randomUUID(), start: "2027-01-08T09:00:00.000Z", end: "2027-01-08T09:45:00.000Z" });
    await storage.bookings.insert(late, cellsOf(late));
    await expect(storage.bookings.confirmHold(late.id, { ...patch, code: "LATE-CONF" }, "2027-01-04T07:11:00.000Z")).rejects.toBeInstanceOf(HoldExpired);
    const taker = booking({ start: late.start, end: late.end, createdAt: "2027-01-04T07:12:00.000Z" });
    await storage.bookings.insert(taker, cellsOf(taker));
    expect((await storage.bookings.findById(late.id))?.status).toBe("expired");
  });

  it("frees the cells of a cancelled booking and refuses to cancel it twice", async () => {
    const b = booking({ code: "CANC-ELME", start: "2027-01-11T09:00:00.000Z", end: "2027-01-11T09:45:00.000Z" });
    await storage.bookings.insert(b, cellsOf(b));
    const cancelled = await storage.bookings.cancel("CANC-ELME", NOW);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.sequence).toBe(1);
    await expect(storage.bookings.cancel("CANC-ELME", NOW)).rejects.toBeInstanceOf(BookingNotActive);
    const again = booking({ start: b.start, end: b.end });
    await expect(storage.bookings.insert(again, cellsOf(again))).resolves.toMatchObject({ replayed: false });
  });

  it("moves a booking atomically: a taken target leaves the original in place", async () => {
    const b = booking({ code: "MOVE-MEAA", start: "2027-01-12T09:00:00.000Z", end: "2027-01-12T09:45:00.000Z" });
    const blocker = booking({ start: "2027-01-12T13:00:00.000Z", end: "2027-01-12T13:45:00.000Z" });
    await storage.bookings.insert(b, cellsOf(b));
    await storage.bookings.insert(blocker, cellsOf(blocker));
    const target = { start: blocker.start, end: blocker.end, counsellorId: "conseillere-a", cells: cellsOf(blocker) };
    await expect(storage.bookings.reschedule("MOVE-MEAA", target, NOW)).rejects.toBeInstanceOf(SlotTaken);
    expect((await storage.bookings.findByCode("MOVE-MEAA"))?.start).toBe(b.start);
    const free = { start: "2027-01-12T15:00:00.000Z", end: "2027-01-12T15:45:00.000Z", counsellorId: "conseillere-a" };
    const moved = await storage.bookings.reschedule("MOVE-MEAA", { ...free, cells: cellsOf(booking(free)) }, NOW);
    expect(moved).toMatchObject({ start: free.start, sequence: 1, id: b.id });
    const cells = await storage.bookings.occupiedCells({ cabinId: "cabine-a", counsellorIds: [], fromCell: cellOf(new Date(b.start)), toCell: cellOf(new Date(b.end)), now: NOW });
    expect(cells).toEqual([]);
  });

  it("erases personal data of ended bookings, and by conversation, cancelling those still to come", async () => {
    const past = booking({ code: "PAST-AAAA", start: "2026-10-01T09:00:00.000Z", end: "2026-10-01T09:45:00.000Z", conversationId: "conv-x" });
    const future = booking({ code: "FUTR-AAAA", start: "2027-02-01T09:00:00.000Z", end: "2027-02-01T09:45:00.000Z", conversationId: "conv-y" });
    await storage.bookings.insert(past, cellsOf(past));
    await storage.bookings.insert(future, cellsOf(future));
    expect(await storage.bookings.erasePersonalData({ endedBefore: "2026-11-01T00:00:00.000Z" }, NOW)).toBe(1);
    expect(await storage.bookings.findByCode("PAST-AAAA")).toMatchObject({ firstName: null, phone: null, conversationId: null, status: "confirmed" });
    expect((await storage.bookings.findByCode("FUTR-AAAA"))?.firstName).toBe("Camille");
    expect(await storage.bookings.erasePersonalData({ conversationId: "conv-y" }, NOW)).toBe(1);
    expect(await storage.bookings.findByCode("FUTR-AAAA")).toMatchObject({ firstName: null, status: "cancelled" });
    expect(await storage.bookings.erasePersonalData({ conversationId: "conv-y" }, NOW)).toBe(0);
  });
});
