import { describe, expect, it } from "vitest";
import { cellsBetween, type OccupiedCell } from "../../src/booking/cells.js";
import { frenchHolidays } from "../../src/booking/holidays.js";
import { addDays, parisToUtc } from "../../src/booking/paris-time.js";
import { findFreeSlots, type SlotQuery } from "../../src/booking/slot-finder.js";
import { EVERY_DAY_9_17, EVERY_DAY_ALL_DAY, makeCounsellor, makeSite, makeType } from "./fixtures.js";

const holidays = frenchHolidays();

function query(overrides: Partial<SlotQuery> & { day?: string; days?: number } = {}): SlotQuery {
  const day = overrides.day ?? "2026-03-16"; // a Monday
  const from = parisToUtc(day, "00:00");
  const to = parisToUtc(addDays(day, overrides.days ?? 1), "00:00");
  return {
    site: makeSite(),
    counsellors: [makeCounsellor()],
    type: makeType(),
    from,
    to,
    now: parisToUtc(addDays(day, -1), "12:00"),
    holidays,
    occupied: [],
    ...overrides,
  };
}

const times = (q: SlotQuery) => findFreeSlots(q).map((s) => s.localTime);

describe("findFreeSlots", () => {
  it("offers every 15 minutes a 45-minute slot that ends before closing, in Paris time", () => {
    const slots = findFreeSlots(query({ site: makeSite({ openingHours: { mon: ["09:00-12:00"] } }) }));
    expect(slots.map((s) => s.localTime)).toEqual([
      "09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15",
    ]);
    expect(slots[0]?.start).toBe("2026-03-16T08:00:00.000Z");
    expect(slots[0]?.end).toBe("2026-03-16T08:45:00.000Z");
  });

  it.each([
    ["Lundi de Pâques", "2026-04-06"],
    ["Fête du travail", "2026-05-01"],
    ["Ascension", "2026-05-14"],
    ["Lundi de Pentecôte", "2026-05-25"],
    ["Fête nationale", "2026-07-14"],
    ["Armistice", "2026-11-11"],
    ["Noël", "2026-12-25"],
    ["Lundi de Pâques 2027", "2027-03-29"],
  ])("closes on %s (%s) but opens the next ordinary day", (_name, day) => {
    const site = makeSite({ openingHours: EVERY_DAY_9_17 });
    const counsellors = [makeCounsellor({ availability: EVERY_DAY_9_17 })];
    const type = makeType({ horizonDays: 365 });
    expect(times(query({ day, site, counsellors, type }))).toEqual([]);
    const nextDay = addDays(day, 1);
    expect(times(query({ day: nextDay, site, counsellors, type })).length).toBeGreaterThan(0);
  });

  it("opens on a public holiday when the site says it does not close on them", () => {
    const site = makeSite({ openingHours: EVERY_DAY_9_17, closedOnPublicHolidays: false });
    const counsellors = [makeCounsellor({ availability: EVERY_DAY_9_17 })];
    expect(times(query({ day: "2026-07-14", site, counsellors })).length).toBeGreaterThan(0);
  });

  describe("daylight saving time", () => {
    const site = makeSite({ openingHours: EVERY_DAY_ALL_DAY, closedOnPublicHolidays: false });
    const counsellors = [makeCounsellor({ availability: EVERY_DAY_ALL_DAY })];
    const type = makeType({ durationMinutes: 30, bufferMinutes: 0, slotStepMinutes: 30, horizonDays: 365 });

    it.each([
      ["2026-03-29", 46],
      ["2026-03-30", 48],
      ["2026-10-25", 50],
      ["2026-10-26", 48],
      ["2027-03-28", 46],
      ["2027-10-31", 50],
    ])("gives a day-and-night cabin on %s exactly %i half-hour slots, each 30 real minutes after the last", (day, count) => {
      const slots = findFreeSlots(query({ day, site, counsellors, type }));
      expect(slots).toHaveLength(count);
      const starts = slots.map((s) => Date.parse(s.start));
      for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBe(30 * 60_000);
      expect(new Set(slots.map((s) => s.start)).size).toBe(count);
      expect(slots.every((s) => s.localDate === day)).toBe(true);
    });

    it("opens at 09:00 Paris time on both sides of the change", () => {
      const dayTime = makeSite({ openingHours: EVERY_DAY_9_17, closedOnPublicHolidays: false });
      const q = (day: string) => findFreeSlots(query({ day, site: dayTime, counsellors, type }))[0];
      expect(q("2026-03-28")?.start).toBe("2026-03-28T08:00:00.000Z");
      expect(q("2026-03-29")?.start).toBe("2026-03-29T07:00:00.000Z");
      expect(q("2026-10-25")?.start).toBe("2026-10-25T08:00:00.000Z");
      expect(q("2026-10-25")?.localTime).toBe("09:00");
    });
  });

  it("keeps the buffer free around an existing booking, for the cabin", () => {
    const booked = parisToUtc("2026-03-16", "10:00");
    const occupied: OccupiedCell[] = cellsBetween(booked, new Date(booked.getTime() + 60 * 60_000)).map((cell) => ({
      cell,
      cabinId: "cabine-test",
      counsellorId: "someone-else",
    }));
    const site = makeSite({ openingHours: { mon: ["09:00-12:00"] } });
    expect(times(query({ site, occupied }))).toEqual(["09:00", "11:00", "11:15"]);
  });

  it("keeps a busy counsellor out of a slot but offers it with another free counsellor", () => {
    const booked = parisToUtc("2026-03-16", "09:00");
    const occupied = cellsBetween(booked, new Date(booked.getTime() + 60 * 60_000)).map((cell) => ({
      cell,
      cabinId: "other-cabin",
      counsellorId: "conseillere-a",
    }));
    const counsellors = [makeCounsellor(), makeCounsellor({ id: "conseiller-b" })];
    const first = findFreeSlots(query({ counsellors, occupied }))[0];
    expect(first?.localTime).toBe("09:00");
    expect(first?.counsellorIds).toEqual(["conseiller-b"]);
    expect(findFreeSlots(query({ counsellors: [makeCounsellor()], occupied }))[0]?.localTime).toBe("10:00");
  });

  it("is closed on the days of a site closure", () => {
    const site = makeSite({ closures: [{ from: "2026-03-16", to: "2026-03-17", reason: "travaux" }] });
    const slots = findFreeSlots(query({ site, days: 3 }));
    expect(new Set(slots.map((s) => s.localDate))).toEqual(new Set(["2026-03-18"]));
  });

  it("offers nothing when the only counsellor is absent, and only the present one otherwise", () => {
    const absent = makeCounsellor({ absences: [{ from: "2026-03-16", to: "2026-03-16" }] });
    expect(times(query({ counsellors: [absent] }))).toEqual([]);
    const slots = findFreeSlots(query({ counsellors: [absent, makeCounsellor({ id: "conseiller-b" })] }));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.counsellorIds.join() === "conseiller-b")).toBe(true);
  });

  it("fits slots inside the counsellor's own hours", () => {
    const counsellors = [makeCounsellor({ availability: { mon: ["10:00-11:00"] } })];
    expect(times(query({ counsellors }))).toEqual(["10:00", "10:15"]);
  });

  it("respects the minimum notice", () => {
    const now = parisToUtc("2026-03-16", "09:05");
    const type = makeType({ minNoticeMinutes: 120 });
    expect(times(query({ now, type }))[0]).toBe("11:15");
  });

  it("offers nothing beyond the booking horizon", () => {
    const now = parisToUtc("2026-03-16", "08:00");
    const type = makeType({ horizonDays: 2 });
    const dates = new Set(findFreeSlots(query({ now, type, days: 7 })).map((s) => s.localDate));
    // 48 hours after Monday 08:00 is Wednesday 08:00, before opening.
    expect(dates).toEqual(new Set(["2026-03-16", "2026-03-17"]));
    const last = findFreeSlots(query({ now, type, days: 7 })).at(-1);
    expect(Date.parse(last?.start ?? "")).toBeLessThan(now.getTime() + 2 * 86_400_000);
  });

  it("skips counsellors who do not serve the site", () => {
    expect(times(query({ counsellors: [makeCounsellor({ siteIds: ["ailleurs"] })] }))).toEqual([]);
  });
});
