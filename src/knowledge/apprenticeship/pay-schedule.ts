/**
 * The sequence of pay periods over a contract, split wherever a birthday band change, a new contract year or a
 * SMIC revaluation changes the minimum pay — to answer "votre salaire changera le …".
 */
import { addYears, firstOfMonthAfterBirthday, previousDay, toIsoDay, type IsoDay } from "./calendar-day.js";
import { computeApprenticePay, type ApprenticePay } from "./pay-calculator.js";
import { InvalidPayInput, type ApprenticePayError } from "./pay-errors.js";
import type { PayGrid, SmicHistory } from "./rule-schema.js";

export type PayChangeReason =
  "début du contrat" | "nouvelle année de contrat" | "changement de tranche d'âge" | "revalorisation du SMIC";

export type PayPeriod = {
  from: IsoDay;
  /** Last day of the period, inclusive. */
  to: IsoDay;
  reasons: PayChangeReason[];
  pay: ApprenticePay;
};

export type PayScheduleInput = {
  birthDate: Date;
  contractStart: Date;
  /** Last day of the contract (or of the apprenticeship period), inclusive. */
  contractEnd: Date;
  conventionalMinimumMonthly?: number;
};

function changeDates(
  birth: IsoDay,
  start: IsoDay,
  end: IsoDay,
  grid: PayGrid,
  smic: SmicHistory,
): Map<IsoDay, PayChangeReason[]> {
  const dates = new Map<IsoDay, PayChangeReason[]>([[start, ["début du contrat"]]]);
  const add = (day: IsoDay, reason: PayChangeReason): void => {
    if (day <= start || day > end) return;
    dates.set(day, [...(dates.get(day) ?? []), reason]);
  };
  for (let year = 1; addYears(start, year) <= end; year += 1)
    add(addYears(start, year), "nouvelle année de contrat");
  for (const age of grid.bandChangeRule.ages)
    add(firstOfMonthAfterBirthday(birth, age), "changement de tranche d'âge");
  for (const entry of smic.entries) add(entry.effectiveFrom, "revalorisation du SMIC");
  return dates;
}

const samePay = (a: ApprenticePay, b: ApprenticePay): boolean =>
  a.monthlyGross === b.monthlyGross && a.percent === b.percent && a.base === b.base;

export function apprenticePaySchedule(
  input: PayScheduleInput,
  grid: PayGrid,
  smicHistory: SmicHistory,
): PayPeriod[] | ApprenticePayError {
  const birth = toIsoDay(input.birthDate);
  const start = toIsoDay(input.contractStart);
  const end = toIsoDay(input.contractEnd);
  if (birth === undefined || start === undefined || end === undefined)
    return new InvalidPayInput("invalid date");
  if (end < start) return new InvalidPayInput("contractEnd is before contractStart");

  const periods: PayPeriod[] = [];
  const dates = [...changeDates(birth, start, end, grid, smicHistory).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  for (const [day, reasons] of dates) {
    const pay = computeApprenticePay(
      {
        birthDate: input.birthDate,
        contractStart: input.contractStart,
        on: new Date(day),
        conventionalMinimumMonthly: input.conventionalMinimumMonthly,
      },
      grid,
      smicHistory,
    );
    if (pay instanceof Error) return pay;
    const last = periods.at(-1);
    if (last !== undefined && samePay(last.pay, pay)) continue;
    if (last !== undefined) last.to = previousDay(day);
    periods.push({ from: day, to: end, reasons, pay });
  }
  return periods;
}
