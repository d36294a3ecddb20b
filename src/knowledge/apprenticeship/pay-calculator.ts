/**
 * Pure calculator of an apprentice's minimum gross monthly pay (D6222-26, D6222-31): % of the SMIC or, from 21,
 * of the conventional minimum when higher, by age band and contract year. No I/O: the grid and SMIC come in.
 */
import type { SourceRef } from "../types.js";
import { addYears, ageOn, firstOfMonthAfterBirthday, toIsoDay, type IsoDay } from "./calendar-day.js";
import {
  ApprenticePayError,
  InvalidContractYear,
  InvalidPayInput,
  NoSmicForDate,
  OutsideApprenticeAge,
} from "./pay-errors.js";
import type { AgeBand, PayGrid, SmicEntry, SmicHistory } from "./rule-schema.js";

/** Chat case: the user gives an age and a contract year. */
export type SimplePayInput = {
  age: number;
  contractYear: number;
  on: Date;
  conventionalMinimumMonthly?: number;
};
/** Exact case: the band changes on the 1st of the month after the birthday, the year on each contract anniversary. */
export type ExactPayInput = {
  birthDate: Date;
  contractStart: Date;
  on: Date;
  conventionalMinimumMonthly?: number;
};
export type PayInput = SimplePayInput | ExactPayInput;

export type ApprenticePay = {
  on: IsoDay;
  percent: number;
  base: "SMIC" | "minimum conventionnel";
  /** The monthly amount the percentage applies to (SMIC for 35 h, or the conventional minimum). */
  baseMonthly: number;
  /** Euros, rounded to the cent. */
  monthlyGross: number;
  smic: { monthly: number; hourly: number; effectiveFrom: IsoDay; source: SourceRef; unverified?: string };
  ageBand: { id: string; label: string };
  contractYear: number;
  /** Legal sources of the grid and of the SMIC amount, for the citation under the answer. */
  sources: SourceRef[];
  /** Official page to send the user to for their own case. */
  officialInfo: SourceRef;
};

const MAX_CONTRACT_YEAR = 3;

/** Rounds to the cent, half up, on integer cents to avoid binary drift (27 % of 1 823,03 = 492,22). */
export function percentOf(percent: number, monthly: number): number {
  const cents = Math.round(monthly * 100);
  return Math.round((percent * cents) / 100) / 100;
}

export function smicOn(history: SmicHistory, day: IsoDay): SmicEntry | undefined {
  return history.entries.filter((e) => e.effectiveFrom <= day).at(-1);
}

function bandForAge(grid: PayGrid, age: number): AgeBand | undefined {
  return grid.bands.find(
    (b) => age >= b.minAge && (b.maxAgeExclusive === undefined || age < b.maxAgeExclusive),
  );
}

/** Age that decides the band on `on`: a birthday counts only from the 1st of the following month. */
export function payAgeOn(birth: IsoDay, on: IsoDay): number {
  const age = ageOn(birth, on);
  return firstOfMonthAfterBirthday(birth, age) <= on ? age : age - 1;
}

/** 1 during the first 12 months from the start, 2 from the first anniversary, and so on. */
export function contractYearOn(start: IsoDay, on: IsoDay): number {
  let year = 1;
  while (addYears(start, year) <= on) year += 1;
  return year;
}

type Resolved = {
  on: IsoDay;
  actualAge: number;
  bandAge: number;
  contractYear: number;
  conventional?: number;
};

function resolveInput(input: PayInput): Resolved | ApprenticePayError {
  const on = toIsoDay(input.on);
  if (on === undefined) return new InvalidPayInput("invalid date 'on'");
  const conventional = input.conventionalMinimumMonthly;
  if (conventional !== undefined && !(Number.isFinite(conventional) && conventional > 0)) {
    return new InvalidPayInput("conventionalMinimumMonthly must be a positive amount");
  }
  if ("age" in input) {
    if (!Number.isInteger(input.age) || input.age < 0 || input.age > 120) {
      return new InvalidPayInput(`invalid age ${String(input.age)}`);
    }
    if (!Number.isInteger(input.contractYear)) {
      return new InvalidContractYear(undefined, `invalid contract year ${String(input.contractYear)}`);
    }
    return { on, actualAge: input.age, bandAge: input.age, contractYear: input.contractYear, conventional };
  }
  const birth = toIsoDay(input.birthDate);
  const start = toIsoDay(input.contractStart);
  if (birth === undefined || start === undefined)
    return new InvalidPayInput("invalid birthDate or contractStart");
  if (birth >= start) return new InvalidPayInput("birthDate must be before contractStart");
  if (on < start)
    return new InvalidContractYear(undefined, `date ${on} is before the contract start ${start}`);
  return {
    on,
    actualAge: ageOn(birth, on),
    bandAge: payAgeOn(birth, on),
    contractYear: contractYearOn(start, on),
    conventional,
  };
}

/** Minimum gross monthly pay on `input.on`, or the typed reason it cannot be computed. */
export function computeApprenticePay(
  input: PayInput,
  grid: PayGrid,
  smicHistory: SmicHistory,
): ApprenticePay | ApprenticePayError {
  const resolved = resolveInput(input);
  if (resolved instanceof ApprenticePayError) return resolved;
  const { on, actualAge, bandAge, contractYear, conventional } = resolved;

  const youngest = grid.bands[0]?.minAge ?? 15;
  if (actualAge < youngest) return new OutsideApprenticeAge(actualAge);
  // Someone who just turned 15 is still paid as "under 18" (D6222-27), whatever the pay-age shift says.
  const band = bandForAge(grid, Math.max(bandAge, youngest));
  if (band === undefined) return new OutsideApprenticeAge(actualAge);

  if (contractYear < 1 || contractYear > MAX_CONTRACT_YEAR) {
    return new InvalidContractYear(
      contractYear,
      `contract year ${contractYear} is outside 1..${MAX_CONTRACT_YEAR}`,
    );
  }
  const percent = band.percentByContractYear[contractYear - 1];
  if (percent === undefined) return new InvalidContractYear(contractYear, "no percentage for this year");

  const smic = smicOn(smicHistory, on);
  if (smic === undefined) return new NoSmicForDate(on);
  const [smicSource] = smic.sources;
  if (smicSource === undefined) return new NoSmicForDate(on); // unreachable: schema requires a source

  const useConventional =
    band.conventionalMinimumApplies && conventional !== undefined && conventional > smic.monthly35h;
  const baseMonthly = useConventional ? conventional : smic.monthly35h;

  return {
    on,
    percent,
    base: useConventional ? "minimum conventionnel" : "SMIC",
    baseMonthly,
    monthlyGross: percentOf(percent, baseMonthly),
    smic: {
      monthly: smic.monthly35h,
      hourly: smic.hourly,
      effectiveFrom: smic.effectiveFrom,
      source: smicSource,
      ...(smic.unverified === undefined ? {} : { unverified: smic.unverified }),
    },
    ageBand: { id: band.id, label: band.label },
    contractYear,
    sources: [...grid.baseRule.sources, ...grid.bandChangeRule.sources, ...smic.sources],
    officialInfo: grid.officialInfo,
  };
}
