/**
 * Understands when a person wants their appointment ("demain après-midi", "jeudi prochain", "le 3 décembre à
 * 14 h") with Microsoft's French date recognizer, resolved against the current Paris wall clock.
 */
import { toParisWallClock, type LocalDate } from "../../booking/paris-time.js";
import { recognizeDateTimes, type DateTimeResolution as Resolution } from "../understanding/french-date-recognizer.js";

export type DayPart = "morning" | "afternoon" | "evening";

export interface WantedTime {
  /** Paris calendar day, when one was named. */
  date?: LocalDate;
  dayPart?: DayPart;
  /** Paris wall clock `HH:MM`, when an hour was named. */
  time?: string;
}

const PART_BY_TIMEX: Record<string, DayPart> = { MO: "morning", AF: "afternoon", EV: "evening", NI: "evening" };

/** Hours a counsellor could plausibly work: "10 heures" is 10:00, not 22:00. */
const FIRST_HOUR = 7;
const LAST_HOUR = 20;

/**
 * The recognizer reads the reference date's local fields; this Date's local fields show Paris wall time
 * whatever the server's time zone, so "demain" means tomorrow in France.
 */
function parisReference(now: Date): Date {
  const wall = toParisWallClock(now);
  const [y, m, d] = wall.date.split("-").map(Number);
  const [hh, mm] = wall.time.split(":").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

function dateOf(value: string | undefined): LocalDate | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2})/);
  return match?.[1];
}

function timeOf(value: string | undefined): string | undefined {
  const match = value?.match(/(?:^|\s)(\d{2}):(\d{2})(?::\d{2})?$/);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

function plausibleHour(time: string | undefined): boolean {
  if (time === undefined) return false;
  const hour = Number(time.slice(0, 2));
  return hour >= FIRST_HOUR && hour <= LAST_HOUR;
}

function partOf(timex: string | undefined): DayPart | undefined {
  const match = timex?.match(/T(MO|AF|EV|NI)$/);
  return match ? PART_BY_TIMEX[match[1] ?? ""] : undefined;
}

/**
 * Among the recognizer's readings (past and future for "jeudi", 10:00 and 22:00 for "10 heures"), keeps the
 * first that is today or later and at a plausible hour.
 */
function pick(values: Resolution[], today: LocalDate): Resolution | undefined {
  const future = values.filter((v) => {
    const date = dateOf(v.value ?? v.start);
    return date === undefined || date >= today;
  });
  const plausible = future.filter((v) => {
    const time = timeOf(v.value);
    return v.type !== "datetime" && v.type !== "time" ? true : plausibleHour(time);
  });
  return plausible[0] ?? future[0];
}

/** The day, part of day and hour named in `text`; undefined when it names none. */
export function parseWantedTime(text: string, now: Date): WantedTime | undefined {
  const today = toParisWallClock(now).date;
  // "1er décembre" is how the French write the first of the month; the recognizer only knows "1 décembre".
  const plain = text.replace(/\b1\s?er\b/gi, "1");
  const wanted: WantedTime = {};
  for (const values of recognizeDateTimes(plain, parisReference(now))) {
    const chosen = pick(values, today);
    if (chosen === undefined) continue;
    switch (chosen.type) {
      case "date":
        wanted.date ??= dateOf(chosen.value);
        break;
      case "datetime":
        wanted.date ??= dateOf(chosen.value);
        wanted.time ??= timeOf(chosen.value);
        break;
      case "datetimerange":
        wanted.date ??= dateOf(chosen.start);
        wanted.dayPart ??= partOf(chosen.timex);
        break;
      case "timerange":
        wanted.dayPart ??= partOf(chosen.timex);
        break;
      case "time":
        if (plausibleHour(timeOf(chosen.value))) wanted.time ??= timeOf(chosen.value);
        break;
      default:
        // Week or month ranges are too vague to pick a day: the dialogue offers the next free days instead.
        break;
    }
  }
  if (wanted.date !== undefined && wanted.date < today) delete wanted.date;
  const found = Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)) as WantedTime;
  return Object.keys(found).length === 0 ? undefined : found;
}

/** Which part of the day a Paris wall-clock time belongs to, to filter slots by "le matin" / "l'après-midi". */
export function dayPartOf(time: string): DayPart {
  const hour = Number(time.slice(0, 2));
  if (hour < 12) return "morning";
  return hour < 18 ? "afternoon" : "evening";
}

const DAY_FORMAT = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** "2026-11-26" → "jeudi 26 novembre" (the 1st written "1er", as French readers expect). */
export function frenchDay(date: LocalDate): string {
  const [y, m, d] = date.split("-").map(Number);
  const text = DAY_FORMAT.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
  return text.replace(/^(\S+) 1 /, "$1 1er ");
}

/** "14:30" → "14 h 30", "09:00" → "9 h". */
export function frenchTime(time: string): string {
  const [hh = "0", mm = "00"] = time.split(":");
  return mm === "00" ? `${Number(hh)} h` : `${Number(hh)} h ${mm}`;
}
