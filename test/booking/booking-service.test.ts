import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingService } from "../../src/booking/booking-service.js";
import { CODE_ALPHABET, normalizeCode } from "../../src/booking/codes.js";
import {
  BookingNotFound,
  ConsentRequired,
  frenchMessage,
  HoldExpired,
  InvalidContact,
  SlotTaken,
  SlotUnavailable,
  UnknownCabin,
} from "../../src/booking/errors.js";
import { parisToUtc } from "../../src/booking/paris-time.js";
import type { AppStorage } from "../../src/storage/index.js";
import { sqliteBackend, type BackendUnderTest } from "../storage/helpers/backends.js";
import { makeCatalog } from "./fixtures.js";

let backend: BackendUnderTest;
let storage: AppStorage;
let now = parisToUtc("2027-01-04", "08:00"); // a Monday
let service: BookingService;
const contact = { firstName: "Camille", phone: "06 12 34 56 78" };

beforeAll(async () => {
  backend = sqliteBackend("service");
  storage = await backend.open();
  service = new BookingService({
    catalog: makeCatalog(),
    repository: storage.bookings,
    visioBaseUrl: "https://visio.exemple.invalid/salle/",
    holdMinutes: 10,
    retentionDays: 30,
    clock: () => now,
  });
});
afterAll(async () => {
  await storage?.close();
  await backend?.destroy();
});

const at = (time: string, day = "2027-01-04") => parisToUtc(day, time).toISOString();

describe("BookingService", () => {
  it("books a free slot with a readable code, a visio link and a normalised phone", async () => {
    const booking = await service.book({ cabinId: "cabine-test", start: at("09:00") }, { consent: true, contact });
    expect(booking.status).toBe("confirmed");
    expect(booking.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
    expect(booking.phone).toBe("0612345678");
    expect(service.visioUrl(booking)).toMatch(/^https:\/\/visio\.exemple\.invalid\/salle\/spro-[0-9a-f]{32}$/);
    expect(booking.counsellorId).toBe("conseillere-a");
  });

  it("refuses a slot whose cabin is already taken, even with another counsellor free", async () => {
    await expect(service.book({ cabinId: "cabine-test", start: at("09:00") }, { consent: true, contact })).rejects.toBeInstanceOf(SlotTaken);
    await expect(service.book({ cabinId: "cabine-test", start: at("09:30") }, { consent: true, contact })).rejects.toBeInstanceOf(SlotTaken);
  });

  it("refuses without explicit consent, without a way to reach the person, or on a closed slot", async () => {
    const slot = { cabinId: "cabine-test", start: at("14:00") };
    await expect(service.book(slot, { consent: false, contact })).rejects.toBeInstanceOf(ConsentRequired);
    await expect(service.book(slot, { consent: true, contact: { firstName: "Camille" } })).rejects.toBeInstanceOf(InvalidContact);
    await expect(service.book(slot, { consent: true, contact: { firstName: "C", phone: "12" } })).rejects.toBeInstanceOf(InvalidContact);
    await expect(service.book({ cabinId: "cabine-test", start: at("19:00") }, { consent: true, contact })).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(service.book({ cabinId: "cabine-test", start: "demain" }, { consent: true, contact })).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(service.book({ cabinId: "nulle-part", start: at("14:00") }, { consent: true, contact })).rejects.toBeInstanceOf(UnknownCabin);
  });

  it("holds a slot so that nobody else gets it, then confirms the hold", async () => {
    const hold = await service.hold({ cabinId: "cabine-test", start: at("11:00") });
    expect(hold.status).toBe("held");
    expect((await service.findFreeSlots({ cabinId: "cabine-test", from: new Date(at("11:00")), to: new Date(at("12:00")) })).map((s) => s.localTime)).toEqual([]);
    const confirmed = await service.confirm(hold.id, { consent: true, contact: { firstName: "Léa", email: "lea@example.org" }, idempotencyKey: "k-hold" });
    expect(confirmed).toMatchObject({ id: hold.id, status: "confirmed", email: "lea@example.org" });
    const retried = await service.confirm(hold.id, { consent: true, contact: { firstName: "Léa", email: "lea@example.org" }, idempotencyKey: "k-hold" });
    expect(retried.code).toBe(confirmed.code);
  });

  it("releases a hold after the hold time, and then refuses to confirm it", async () => {
    const hold = await service.hold({ cabinId: "cabine-test", start: at("14:00") });
    now = new Date(now.getTime() + 11 * 60_000);
    try {
      const free = await service.findFreeSlots({ cabinId: "cabine-test", from: new Date(at("14:00")), to: new Date(at("14:01")) });
      expect(free).toHaveLength(1);
      await expect(service.confirm(hold.id, { consent: true, contact })).rejects.toBeInstanceOf(HoldExpired);
    } finally {
      now = new Date(now.getTime() - 11 * 60_000);
    }
  });

  it("cancels by code (typed loosely) and frees the slot", async () => {
    const booking = await service.book({ cabinId: "cabine-test", start: at("15:00") }, { consent: true, contact });
    const typed = (booking.code ?? "").replace("-", " ").toLowerCase();
    expect(normalizeCode(typed)).toBe(booking.code);
    expect((await service.cancel(typed)).status).toBe("cancelled");
    await expect(service.book({ cabinId: "cabine-test", start: at("15:00") }, { consent: true, contact })).resolves.toMatchObject({ status: "confirmed" });
    await expect(service.cancel("ZZZZ-ZZZZ")).rejects.toBeInstanceOf(BookingNotFound);
    await expect(service.cancel("pas un code")).rejects.toBeInstanceOf(BookingNotFound);
  });

  it("reschedules by code, keeping code, room and invitation UID, with a higher sequence", async () => {
    const booking = await service.book({ cabinId: "cabine-test", start: at("09:00", "2027-01-05") }, { consent: true, contact });
    const moved = await service.reschedule(booking.code ?? "", at("10:00", "2027-01-06"));
    expect(moved).toMatchObject({ id: booking.id, code: booking.code, roomName: booking.roomName, sequence: 1, start: at("10:00", "2027-01-06") });
    const ics = service.invitation(moved);
    expect(ics).toContain(`UID:${booking.id}@cabines-conseil.spro`);
    expect(ics).toContain("SEQUENCE:1");
  });

  it("writes an RFC 5545 invitation in Europe/Paris time with its VTIMEZONE", async () => {
    const booking = await service.book({ cabinId: "cabine-test", start: at("16:00") }, { consent: true, contact });
    const ics = service.invitation(booking);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20270104T160000");
    expect(ics).toContain("DTEND;TZID=Europe/Paris:20270104T164500");
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const cancelled = await service.cancel(booking.code ?? "");
    expect(service.invitation(cancelled)).toContain("METHOD:CANCEL");
    expect(service.invitation(cancelled)).toContain("STATUS:CANCELLED");
  });

  it("erases personal data after the retention period, and at once on request", async () => {
    const booking = await service.book(
      { cabinId: "cabine-test", start: at("09:00", "2027-01-07"), conversationId: "conv-42" },
      { consent: true, contact },
    );
    const later = now;
    now = parisToUtc("2027-02-10", "12:00");
    try {
      expect(await service.sweepRetention()).toBeGreaterThanOrEqual(1);
      expect(await storage.bookings.findById(booking.id)).toMatchObject({ firstName: null, phone: null, conversationId: null });
    } finally {
      now = later;
    }
    const mine = await service.book({ cabinId: "cabine-test", start: at("10:00", "2027-01-08"), conversationId: "conv-43" }, { consent: true, contact });
    expect(await service.eraseForConversation("conv-43")).toBe(1);
    expect(await storage.bookings.findById(mine.id)).toMatchObject({ firstName: null, status: "cancelled" });
  });

  it("lists a cabin's confirmed bookings of a Paris day for advisers", async () => {
    const list = await service.bookingsOn("cabine-test", "2027-01-04");
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((b) => b.status === "confirmed" && b.start.startsWith("2027-01-04"))).toBe(true);
  });
});

describe("frenchMessage", () => {
  it("gives each domain error its French sentence and hides anything else behind a generic one", () => {
    expect(frenchMessage(new SlotTaken("cabin"))).toMatch(/^Ce créneau vient d'être réservé/);
    expect(frenchMessage(new ConsentRequired())).toContain("votre accord");
    expect(frenchMessage(new Error("SQLITE_BUSY: database is locked"))).toBe(
      "Une erreur est survenue pendant la réservation. Réessayez dans un instant.",
    );
  });
});
