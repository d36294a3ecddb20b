// Walks every file of knowledge/apprenticeship: each rule has a title, https sources with a date and an
// effectiveFrom; the JSON data parses; nothing is checked "in the future".
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  computeApprenticePay,
  loadApprenticeshipRules,
  loadPayGrid,
  loadSmicHistory,
  ruleToChunks,
} from "../../../src/knowledge/apprenticeship/index.js";

const DIR = path.resolve(import.meta.dirname, "../../../knowledge/apprenticeship");
const today = new Date().toISOString().slice(0, 10);
const REQUIRED_TOPICS = [
  "age",
  "contract-duration",
  "trial-period",
  "pay",
  "cfa",
  "employer-aid",
  "working-time-minors",
  "ending-contract",
  "apprentice-aid",
  "disability",
];

describe("knowledge/apprenticeship content", () => {
  it("contains only rule files, the two data files and the README", async () => {
    const files = await readdir(DIR);
    const unexpected = files.filter((f) => !f.endsWith(".md") && f !== "pay-grid.json" && f !== "smic.json");
    expect(unexpected).toEqual([]);
    expect(files).toContain("README.md");
  });

  it("has valid rules covering every required topic, with https sources checked on a real past date", async () => {
    const { rules, problems } = await loadApprenticeshipRules(DIR);
    expect(problems).toEqual([]);
    expect(new Set(rules.map((r) => r.topic))).toEqual(new Set(REQUIRED_TOPICS));
    for (const rule of rules) {
      expect(rule.title.length, rule.file).toBeGreaterThan(5);
      expect(rule.effectiveFrom, rule.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const source of rule.sources) {
        expect(source.url, rule.file).toMatch(/^https:\/\//);
        expect(Number.isNaN(Date.parse(source.checkedOn)), rule.file).toBe(false);
        expect(source.checkedOn <= today, `${rule.file} checkedOn in the future`).toBe(true);
      }
      expect(ruleToChunks(rule).length, rule.file).toBeGreaterThan(0);
    }
  });

  it("explains every acronym it uses in the body (CFA, RQTH, SMIC) at least once in that file", async () => {
    const { rules } = await loadApprenticeshipRules(DIR);
    const explanations: Record<string, RegExp> = {
      CFA: /centre de formation d'apprentis/i,
      RQTH: /reconnaissance de la qualité de travailleur handicapé/i,
      SMIC: /salaire minimum interprofessionnel de croissance/i,
    };
    for (const rule of rules) {
      for (const [acronym, explanation] of Object.entries(explanations)) {
        if (new RegExp(`\\b${acronym}\\b`).test(rule.body))
          expect(rule.body, `${rule.file}: ${acronym}`).toMatch(explanation);
      }
    }
  });

  it("has a pay grid and a SMIC history that parse, with sources checked in the past", async () => {
    const grid = await loadPayGrid(DIR);
    const smic = await loadSmicHistory(DIR);
    const all = [
      ...grid.sources,
      ...grid.baseRule.sources,
      ...grid.bandChangeRule.sources,
      ...smic.entries.flatMap((e) => e.sources),
    ];
    for (const s of all) expect(s.checkedOn <= today, s.url).toBe(true);
    expect(grid.bandChangeRule.ages).toEqual([18, 21, 26]);
  });

  it("stores monthly SMIC amounts equal to hourly x 35 x 52 / 12, to the cent", async () => {
    const smic = await loadSmicHistory(DIR);
    for (const e of smic.entries)
      expect(e.monthly35h, e.effectiveFrom).toBe(Math.round(((e.hourly * 35 * 52) / 12) * 100) / 100);
  });

  it("gives the published 2024-11 figure for a first-year apprentice under 18 (27 % of 1 801,80 = 486,49)", async () => {
    const result = computeApprenticePay(
      { age: 17, contractYear: 1, on: new Date("2025-06-01") },
      await loadPayGrid(DIR),
      await loadSmicHistory(DIR),
    );
    expect(result).toMatchObject({ monthlyGross: 486.49 });
  });
});
