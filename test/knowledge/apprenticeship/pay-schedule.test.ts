import { describe, expect, it } from "vitest";
import {
  apprenticePaySchedule,
  InvalidContractYear,
  InvalidPayInput,
  type PayPeriod,
} from "../../../src/knowledge/apprenticeship/index.js";
import { day, testGrid, testSmic } from "./fixtures.js";

function schedule(birth: string, start: string, end: string): PayPeriod[] {
  const result = apprenticePaySchedule(
    { birthDate: day(birth), contractStart: day(start), contractEnd: day(end) },
    testGrid,
    testSmic,
  );
  if (result instanceof Error) throw result;
  return result;
}

const summary = (periods: PayPeriod[]): string[] =>
  periods.map((p) => `${p.from}..${p.to} ${p.pay.percent}% ${p.pay.monthlyGross} [${p.reasons.join(", ")}]`);

describe("apprenticePaySchedule", () => {
  it("splits a contract at the SMIC revaluation, the 18th-birthday band change and the new contract year", () => {
    expect(summary(schedule("2008-03-10", "2025-09-01", "2027-08-31"))).toEqual([
      "2025-09-01..2025-12-31 27% 540 [début du contrat]",
      "2026-01-01..2026-03-31 27% 567 [revalorisation du SMIC]",
      "2026-04-01..2026-08-31 43% 903 [changement de tranche d'âge]",
      "2026-09-01..2027-08-31 51% 1071 [nouvelle année de contrat]",
    ]);
  });

  it("gives one period when nothing changes the pay (26 and over, 100 % every year, one SMIC)", () => {
    const periods = schedule("1990-01-01", "2026-01-01", "2027-12-31");
    expect(summary(periods)).toEqual(["2026-01-01..2027-12-31 100% 2100 [début du contrat]"]);
  });

  it("lists both reasons when a band change and a new contract year fall on the same day", () => {
    const periods = schedule("2005-08-15", "2025-09-01", "2027-08-31");
    expect(periods.find((p) => p.from === "2026-09-01")?.reasons).toEqual([
      "nouvelle année de contrat",
      "changement de tranche d'âge",
    ]);
  });

  it("reports a contract running into a fourth year instead of inventing a percentage", () => {
    const result = apprenticePaySchedule(
      { birthDate: day("2000-01-01"), contractStart: day("2025-01-01"), contractEnd: day("2028-06-30") },
      testGrid,
      testSmic,
    );
    expect(result).toBeInstanceOf(InvalidContractYear);
  });

  it("refuses an end before the start", () => {
    const result = apprenticePaySchedule(
      { birthDate: day("2000-01-01"), contractStart: day("2026-01-01"), contractEnd: day("2025-12-31") },
      testGrid,
      testSmic,
    );
    expect(result).toBeInstanceOf(InvalidPayInput);
  });
});
