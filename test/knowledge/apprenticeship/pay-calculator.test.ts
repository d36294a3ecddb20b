import { describe, expect, it } from "vitest";
import {
  computeApprenticePay,
  InvalidContractYear,
  InvalidPayInput,
  NoSmicForDate,
  OutsideApprenticeAge,
  type ApprenticePay,
  type PayInput,
} from "../../../src/knowledge/apprenticeship/index.js";
import { day, testGrid, testSmic } from "./fixtures.js";

function pay(input: PayInput): ApprenticePay {
  const result = computeApprenticePay(input, testGrid, testSmic);
  if (result instanceof Error) throw result;
  return result;
}

const exact = (
  birth: string,
  start: string,
  on: string,
  conventionalMinimumMonthly?: number,
): ApprenticePay =>
  pay({ birthDate: day(birth), contractStart: day(start), on: day(on), conventionalMinimumMonthly });

describe("computeApprenticePay, chat case (age and contract year)", () => {
  it.each([
    [15, 1, 27, "under-18"],
    [17, 3, 55, "under-18"],
    [18, 1, 43, "18-20"],
    [20, 2, 51, "18-20"],
    [21, 1, 53, "21-25"],
    [25, 3, 78, "21-25"],
    [26, 1, 100, "26-plus"],
    [40, 2, 100, "26-plus"],
  ])("pays a %i-year-old in contract year %i %i %% of the SMIC", (age, contractYear, percent, band) => {
    const result = pay({ age, contractYear, on: day("2026-03-01") });
    expect(result.percent).toBe(percent);
    expect(result.ageBand.id).toBe(band);
    expect(result.monthlyGross).toBe((2100 * percent) / 100);
  });

  it("rounds to the cent, half up, on the real 2026 SMIC", () => {
    const smic = { ...testSmic, entries: [{ ...testSmic.entries[0]!, monthly35h: 1823.03 }] };
    const result = computeApprenticePay({ age: 16, contractYear: 1, on: day("2026-01-01") }, testGrid, smic);
    expect(result).toMatchObject({ monthlyGross: 492.22 }); // 27 % of 1823.03 = 492.2181
    const half = computeApprenticePay({ age: 19, contractYear: 1, on: day("2026-01-01") }, testGrid, {
      ...smic,
      entries: [{ ...smic.entries[0]!, monthly35h: 1000.5 }],
    });
    expect(half).toMatchObject({ monthlyGross: 430.22 }); // 43 % of 1000.50 = 430.215
  });

  it("carries the SMIC entry used, with its source and its unverified note", () => {
    const result = pay({ age: 19, contractYear: 1, on: day("2026-06-01") });
    expect(result.smic).toMatchObject({
      monthly: 2100,
      effectiveFrom: "2026-01-01",
      unverified: "secondary",
    });
    expect(result.smic.source.url).toBe("https://example.org/smic-2026");
    expect(result.sources.map((s) => s.url)).toContain("https://example.org/smic-2026");
    expect(result.officialInfo.url).toBe("https://example.org/official");
  });
});

describe("computeApprenticePay, SMIC date boundaries", () => {
  it("uses the old SMIC the day before a revaluation and the new one on its first day", () => {
    expect(pay({ age: 26, contractYear: 1, on: day("2025-12-31") }).monthlyGross).toBe(2000);
    expect(pay({ age: 26, contractYear: 1, on: day("2026-01-01") }).monthlyGross).toBe(2100);
  });

  it("refuses a date before the first known SMIC", () => {
    const result = computeApprenticePay(
      { age: 26, contractYear: 1, on: day("2024-12-31") },
      testGrid,
      testSmic,
    );
    expect(result).toBeInstanceOf(NoSmicForDate);
    expect((result as NoSmicForDate).userMessageFr).toMatch(/SMIC/);
  });
});

describe("computeApprenticePay, conventional minimum", () => {
  it("applies the percentage to the conventional minimum from 21 when it is higher than the SMIC", () => {
    const result = pay({ age: 22, contractYear: 1, on: day("2026-02-01"), conventionalMinimumMonthly: 2500 });
    expect(result).toMatchObject({ base: "minimum conventionnel", baseMonthly: 2500, monthlyGross: 1325 });
  });

  it("keeps the SMIC when the conventional minimum is lower", () => {
    const result = pay({ age: 22, contractYear: 1, on: day("2026-02-01"), conventionalMinimumMonthly: 1900 });
    expect(result).toMatchObject({ base: "SMIC", monthlyGross: 1113 });
  });

  it("ignores the conventional minimum before 21", () => {
    const result = pay({ age: 20, contractYear: 1, on: day("2026-02-01"), conventionalMinimumMonthly: 2500 });
    expect(result).toMatchObject({ base: "SMIC", monthlyGross: 903 });
  });

  it("pays 100 % of the conventional minimum from 26", () => {
    expect(
      pay({ age: 27, contractYear: 2, on: day("2026-02-01"), conventionalMinimumMonthly: 2300 }).monthlyGross,
    ).toBe(2300);
  });
});

describe("computeApprenticePay, exact case: band change on the 1st of the month after the birthday", () => {
  it.each([
    ["17→18", "2008-03-10", "2026-03-31", "under-18", "2026-04-01", "18-20"],
    ["20→21", "2005-07-20", "2026-07-31", "18-20", "2026-08-01", "21-25"],
    ["25→26", "2000-05-02", "2026-05-31", "21-25", "2026-06-01", "26-plus"],
    ["birthday on the 1st", "2008-03-01", "2026-03-31", "under-18", "2026-04-01", "18-20"],
    ["birthday on the 31st", "2008-01-31", "2026-01-31", "under-18", "2026-02-01", "18-20"],
    ["birthday on 31 December", "2007-12-31", "2025-12-31", "under-18", "2026-01-01", "18-20"],
  ])(
    "%s: old band until the end of the birthday month, new band from the 1st",
    (_label, birth, lastOld, oldBand, firstNew, newBand) => {
      expect(exact(birth, "2025-09-01", lastOld).ageBand.id).toBe(oldBand);
      expect(exact(birth, "2025-09-01", firstNew).ageBand.id).toBe(newBand);
    },
  );

  it("keeps the under-18 band on the birthday itself", () => {
    expect(exact("2008-03-10", "2025-09-01", "2026-03-10").percent).toBe(27);
  });

  it("pays a 15-year-old who finished collège as under 18", () => {
    expect(exact("2010-08-15", "2025-09-01", "2025-09-01")).toMatchObject({
      ageBand: { id: "under-18" },
      percent: 27,
    });
  });

  it("keeps the contract year when the band changes (18 in year 1 pays 43 %, then 51 % in year 2)", () => {
    expect(exact("2008-03-10", "2025-09-01", "2026-04-01").percent).toBe(43);
    expect(exact("2008-03-10", "2025-09-01", "2026-09-01")).toMatchObject({ contractYear: 2, percent: 51 });
  });
});

describe("computeApprenticePay, exact case: contract year", () => {
  it("changes the contract year on the anniversary of the start, not the day before", () => {
    expect(exact("2000-01-15", "2025-09-15", "2026-09-14").contractYear).toBe(1);
    expect(exact("2000-01-15", "2025-09-15", "2026-09-15").contractYear).toBe(2);
    expect(exact("2003-01-15", "2025-09-15", "2027-09-15")).toMatchObject({ contractYear: 3, percent: 78 });
  });
});

describe("computeApprenticePay, bad input", () => {
  it("refuses contract year 4 and 0", () => {
    expect(
      computeApprenticePay({ age: 19, contractYear: 4, on: day("2026-02-01") }, testGrid, testSmic),
    ).toBeInstanceOf(InvalidContractYear);
    expect(
      computeApprenticePay({ age: 19, contractYear: 0, on: day("2026-02-01") }, testGrid, testSmic),
    ).toBeInstanceOf(InvalidContractYear);
  });

  it("refuses a date in the fourth year of an exact contract", () => {
    const result = computeApprenticePay(
      { birthDate: day("2000-01-01"), contractStart: day("2025-01-01"), on: day("2028-01-01") },
      testGrid,
      testSmic,
    );
    expect(result).toMatchObject({ code: "InvalidContractYear", contractYear: 4 });
  });

  it("refuses age 12 and a 14-year-old birth date", () => {
    expect(
      computeApprenticePay({ age: 12, contractYear: 1, on: day("2026-02-01") }, testGrid, testSmic),
    ).toBeInstanceOf(OutsideApprenticeAge);
    const exactResult = computeApprenticePay(
      { birthDate: day("2011-09-02"), contractStart: day("2025-09-01"), on: day("2026-02-01") },
      testGrid,
      testSmic,
    );
    expect(exactResult).toMatchObject({ code: "OutsideApprenticeAge", age: 14 });
  });

  it("refuses nonsense without throwing: fractional age, invalid date, negative conventional minimum, date before the start", () => {
    const cases: PayInput[] = [
      { age: 17.5, contractYear: 1, on: day("2026-02-01") },
      { age: 17, contractYear: 1, on: new Date("not a date") },
      { age: 22, contractYear: 1, on: day("2026-02-01"), conventionalMinimumMonthly: -5 },
      { birthDate: day("2030-01-01"), contractStart: day("2025-09-01"), on: day("2026-02-01") },
    ];
    for (const input of cases)
      expect(computeApprenticePay(input, testGrid, testSmic)).toBeInstanceOf(InvalidPayInput);
    expect(
      computeApprenticePay(
        { birthDate: day("2005-01-01"), contractStart: day("2025-09-01"), on: day("2025-08-31") },
        testGrid,
        testSmic,
      ),
    ).toBeInstanceOf(InvalidContractYear);
  });
});
