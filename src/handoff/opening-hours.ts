/**
 * Advisers' opening hours, from configuration ("mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00"), read in
 * Paris time and closed on French public holidays.
 */
import { WEEKDAYS, type WeeklyHours } from "../booking/catalog.js";
import type { HolidayCalendar } from "../booking/holidays.js";
import { toParisWallClock } from "../booking/paris-time.js";

export type Weekday = (typeof WEEKDAYS)[number];

export class OpeningHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpeningHoursError";
  }
}

const FRENCH_DAYS: Record<Weekday, string> = {
  sun: "dimanche",
  mon: "lundi",
  tue: "mardi",
  wed: "mercredi",
  thu: "jeudi",
  fri: "vendredi",
  sat: "samedi",
};
const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

function dayIndex(name: string): number {
  const index = WEEKDAYS.indexOf(name as Weekday);
  if (index < 0) throw new OpeningHoursError(`unknown day "${name}" (use ${WEEKDAYS.join(", ")})`);
  return index;
}

/** Days as "mon-fri", "sat", "mon,wed"; ranges wrap nothing (fri-mon is refused). */
function parseDays(spec: string): Weekday[] {
  const days: Weekday[] = [];
  for (const part of spec.split(",")) {
    const [from = "", to] = part.trim().split("-");
    const start = dayIndex(from);
    const end = to === undefined ? start : dayIndex(to);
    if (end < start) throw new OpeningHoursError(`day range "${part}" goes backwards`);
    for (let d = start; d <= end; d++) days.push(WEEKDAYS[d] as Weekday);
  }
  return days;
}

export function parseOpeningHours(spec: string): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const entry of spec.split(";").map((e) => e.trim()).filter((e) => e !== "")) {
    const [daysSpec = "", rangesSpec = ""] = entry.split(/\s+/, 2);
    const ranges = rangesSpec.split(",").map((r) => {
      const m = RANGE.exec(r.trim());
      if (!m) throw new OpeningHoursError(`time range "${r}" must read HH:MM-HH:MM`);
      const from = `${m[1]}:${m[2]}`;
      const to = `${m[3]}:${m[4]}`;
      if (from >= to) throw new OpeningHoursError(`time range "${r}" ends before it starts`);
      return { from, to };
    });
    for (const day of parseDays(daysSpec)) hours[day] = [...(hours[day] ?? []), ...ranges];
  }
  return hours;
}

export function isOpenAt(hours: WeeklyHours, instant: Date, holidays?: HolidayCalendar): boolean {
  const wall = toParisWallClock(instant);
  if (holidays?.holidayOn(wall.date) !== undefined) return false;
  const ranges = hours[WEEKDAYS[wall.weekday] as Weekday] ?? [];
  const time = wall.time.slice(0, 5);
  return ranges.some((r) => time >= r.from && time < r.to);
}

/** "du lundi au vendredi de 9 h à 17 h" style, for users; days with the same hours are grouped. */
export function describeOpeningHours(hours: WeeklyHours): string {
  const order: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const label = (d: Weekday) => (hours[d] ?? []).map((r) => `de ${frenchTime(r.from)} à ${frenchTime(r.to)}`).join(" et ");
  const groups: Array<{ days: Weekday[]; text: string }> = [];
  for (const day of order) {
    const text = label(day);
    if (text === "") continue;
    const last = groups.at(-1);
    const previous = last?.days.at(-1);
    if (last && last.text === text && previous !== undefined && order.indexOf(previous) === order.indexOf(day) - 1) last.days.push(day);
    else groups.push({ days: [day], text });
  }
  if (groups.length === 0) return "aucun horaire n'est configuré";
  return groups
    .map((g) => {
      const first = FRENCH_DAYS[g.days[0] as Weekday];
      const last = FRENCH_DAYS[g.days.at(-1) as Weekday];
      const days = g.days.length === 1 ? `le ${first}` : g.days.length === 2 ? `le ${first} et le ${last}` : `du ${first} au ${last}`;
      return `${days} ${g.text}`;
    })
    .join(", ");
}

function frenchTime(hhmm: string): string {
  const [h = "0", m = "00"] = hhmm.split(":");
  return m === "00" ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}
