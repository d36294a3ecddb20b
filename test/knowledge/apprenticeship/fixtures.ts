// Small grid and SMIC history written for the tests: round SMIC amounts make expected pay easy to check by hand.
import { PayGrid, SmicHistory } from "../../../src/knowledge/apprenticeship/rule-schema.js";

const src = { name: "Test source", url: "https://example.org/source", checkedOn: "2026-11-23" };

export const testGrid = PayGrid.parse({
  id: "test-grid",
  effectiveFrom: "2019-01-01",
  appliesTo: "tests",
  bands: [
    {
      id: "under-18",
      label: "moins de 18 ans",
      minAge: 15,
      maxAgeExclusive: 18,
      percentByContractYear: [27, 39, 55],
      conventionalMinimumApplies: false,
    },
    {
      id: "18-20",
      label: "18 à 20 ans",
      minAge: 18,
      maxAgeExclusive: 21,
      percentByContractYear: [43, 51, 67],
      conventionalMinimumApplies: false,
    },
    {
      id: "21-25",
      label: "21 à 25 ans",
      minAge: 21,
      maxAgeExclusive: 26,
      percentByContractYear: [53, 61, 78],
      conventionalMinimumApplies: true,
    },
    {
      id: "26-plus",
      label: "26 ans et plus",
      minAge: 26,
      percentByContractYear: [100, 100, 100],
      conventionalMinimumApplies: true,
    },
  ],
  baseRule: { text: "base", sources: [src] },
  bandChangeRule: {
    kind: "first-day-of-month-after-birthday",
    ages: [18, 21, 26],
    text: "change",
    sources: [src],
  },
  contractYearRule: { text: "anniversary" },
  sources: [src],
  officialInfo: { ...src, url: "https://example.org/official" },
});

/** 2000.00 from 2025-01-01, 2100.00 from 2026-01-01. */
export const testSmic = SmicHistory.parse({
  checkedOn: "2026-11-23",
  entries: [
    { effectiveFrom: "2025-01-01", hourly: 13.19, monthly35h: 2000, sources: [src] },
    {
      effectiveFrom: "2026-01-01",
      hourly: 13.85,
      monthly35h: 2100,
      sources: [{ ...src, url: "https://example.org/smic-2026" }],
      unverified: "secondary",
    },
  ],
});

export const day = (iso: string): Date => new Date(iso);
