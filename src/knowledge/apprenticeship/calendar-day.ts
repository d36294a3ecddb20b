/**
 * Calendar-day arithmetic on ISO dates ("2026-03-01"), read in UTC so the pay rules do not shift with the
 * server's time zone. Build inputs with `new Date("YYYY-MM-DD")`, which is UTC midnight.
 */

export type IsoDay = string;

/** The UTC calendar day of a Date, or undefined for an invalid Date. */
export function toIsoDay(date: Date): IsoDay | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function parts(day: IsoDay): [number, number, number] {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return [y, m, d];
}

const fromUtc = (y: number, monthIndex: number, d: number): IsoDay =>
  new Date(Date.UTC(y, monthIndex, d)).toISOString().slice(0, 10);

/**
 * Same month and day `years` later. 29 February in a non-leap year becomes 1 March (JavaScript overflow);
 * no official text on this corner case was found, see pay-grid.json contractYearRule.
 */
export function addYears(day: IsoDay, years: number): IsoDay {
  const [y, m, d] = parts(day);
  return fromUtc(y + years, m - 1, d);
}

export function previousDay(day: IsoDay): IsoDay {
  const [y, m, d] = parts(day);
  return fromUtc(y, m - 1, d - 1);
}

/** Completed years on `on` (the birthday itself counts; 29 February birthdays count on 1 March). */
export function ageOn(birth: IsoDay, on: IsoDay): number {
  const [by] = parts(birth);
  const [oy] = parts(on);
  const years = oy - by;
  return addYears(birth, years) <= on ? years : years - 1;
}

/**
 * First day of the month following the month in which the person turns `age` (D6222-31): born on
 * 10 March, the change for 18 is on 1 April of the 18th birthday's year — also when born on the 1st or the 31st.
 */
export function firstOfMonthAfterBirthday(birth: IsoDay, age: number): IsoDay {
  const [y, m] = parts(birth);
  return fromUtc(y + age, m, 1);
}
