/** Wall-clock time in Europe/Paris ↔ UTC instants, with daylight saving time handled by the platform's tz data. */

export const PARIS_TZ = "Europe/Paris";

/** A calendar day as written in France's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const partsFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS_TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface WallClock {
  date: LocalDate;
  time: string;
  /** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
  weekday: number;
}

function wallFields(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return out;
}

/** Minutes to add to UTC to get Paris wall time at `instant` (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const f = wallFields(instant);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function toParisWallClock(instant: Date): WallClock {
  const f = wallFields(instant);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  const date = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
  return { date, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: weekdayOf(date) };
}

function splitDate(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/**
 * The instant at which Paris clocks show `date` `time` ("24:00" = end of the day). A time skipped by the
 * spring change (02:30 on the last Sunday of March) moves forward by the gap; a time shown twice in autumn
 * resolves to its second occurrence, which is all opening hours ever need.
 */
export function parisToUtc(date: LocalDate, time: string): Date {
  const [y, m, d] = splitDate(date);
  const [hh, mm] = time.split(":").map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh ?? 0, mm ?? 0);
  let guess = asUtc - parisOffsetMinutes(new Date(asUtc)) * 60_000;
  guess = asUtc - parisOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every Paris calendar day touched by [from, to). */
export function parisDaysBetween(from: Date, to: Date): LocalDate[] {
  const days: LocalDate[] = [];
  const last = toParisWallClock(new Date(to.getTime() - 1)).date;
  for (let day = toParisWallClock(from).date; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
