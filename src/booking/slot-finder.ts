/**
 * Free slots of a cabin: opening hours ∩ a counsellor's availability − public holidays − closures − absences −
 * occupied cells (bookings, live holds and their buffers) − minimum notice − beyond the booking horizon.
 */
import type { AppointmentType, CabinSite, Counsellor, DateRange, WeeklyHours } from "./catalog.js";
import { WEEKDAYS } from "./catalog.js";
import { cellsBetween, type OccupiedCell } from "./cells.js";
import type { HolidayCalendar } from "./holidays.js";
import { parisDaysBetween, parisToUtc, toParisWallClock, weekdayOf, type LocalDate } from "./paris-time.js";

export interface Slot {
  cabinId: string;
  appointmentTypeId: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  /** Paris wall clock, for display. */
  localDate: LocalDate;
  localTime: string;
  /** Counsellors free for this slot, in catalog order; any of them can take it. */
  counsellorIds: string[];
}

export interface SlotQuery {
  site: CabinSite;
  counsellors: Counsellor[];
  type: AppointmentType;
  from: Date;
  to: Date;
  now: Date;
  holidays: HolidayCalendar;
  occupied: OccupiedCell[];
}

interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;

function inRanges(date: LocalDate, ranges: DateRange[]): boolean {
  return ranges.some((r) => r.from <= date && date <= r.to);
}

/** The day's hours as UTC intervals; computed per day so that DST days get their real length. */
function dayIntervals(date: LocalDate, hours: WeeklyHours): Interval[] {
  const ranges = hours[WEEKDAYS[weekdayOf(date)] ?? "sun"] ?? [];
  return ranges.map((r) => ({ start: parisToUtc(date, r.from).getTime(), end: parisToUtc(date, r.to).getTime() }));
}

function covers(intervals: Interval[], start: number, end: number): boolean {
  return intervals.some((i) => i.start <= start && end <= i.end);
}

/** The window in which a slot may start: after the minimum notice, before the horizon, inside [from, to). */
export function bookingWindow(type: AppointmentType, from: Date, to: Date, now: Date): Interval {
  const earliest = Math.max(from.getTime(), now.getTime() + type.minNoticeMinutes * MINUTE);
  const latest = Math.min(to.getTime(), now.getTime() + type.horizonDays * 24 * 60 * MINUTE);
  return { start: earliest, end: latest };
}

export function findFreeSlots(q: SlotQuery): Slot[] {
  const { site, type } = q;
  const window = bookingWindow(type, q.from, q.to, q.now);
  if (window.start >= window.end) return [];
  const cabinBusy = new Set<number>();
  const counsellorBusy = new Map<string, Set<number>>();
  for (const o of q.occupied) {
    if (o.cabinId === site.id) cabinBusy.add(o.cell);
    let set = counsellorBusy.get(o.counsellorId);
    if (set === undefined) counsellorBusy.set(o.counsellorId, (set = new Set()));
    set.add(o.cell);
  }
  const duration = type.durationMinutes * MINUTE;
  const occupiedSpan = (type.durationMinutes + type.bufferMinutes) * MINUTE;
  const slots: Slot[] = [];

  for (const date of parisDaysBetween(new Date(window.start), new Date(window.end))) {
    if (site.closedOnPublicHolidays && q.holidays.holidayOn(date) !== undefined) continue;
    if (inRanges(date, site.closures)) continue;
    const present = q.counsellors
      .filter((c) => c.siteIds.includes(site.id) && !inRanges(date, c.absences))
      .map((c) => ({ id: c.id, hours: dayIntervals(date, c.availability), busy: counsellorBusy.get(c.id) }));
    if (present.length === 0) continue;

    for (const open of dayIntervals(date, site.openingHours)) {
      for (let start = open.start; start + duration <= open.end; start += type.slotStepMinutes * MINUTE) {
        if (start < window.start || start >= window.end) continue;
        const cells = cellsBetween(new Date(start), new Date(start + occupiedSpan));
        if (cells.some((c) => cabinBusy.has(c))) continue;
        const free = present.filter(
          (c) => covers(c.hours, start, start + duration) && !cells.some((cell) => c.busy?.has(cell) === true),
        );
        if (free.length === 0) continue;
        const wall = toParisWallClock(new Date(start));
        slots.push({
          cabinId: site.id,
          appointmentTypeId: type.id,
          start: new Date(start).toISOString(),
          end: new Date(start + duration).toISOString(),
          localDate: wall.date,
          localTime: wall.time,
          counsellorIds: free.map((c) => c.id),
        });
      }
    }
  }
  return slots;
}
