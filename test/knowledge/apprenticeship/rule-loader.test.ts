import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeChunk } from "../../../src/knowledge/types.js";
import {
  ApprenticeshipDataError,
  loadApprenticeshipRules,
  loadPayGrid,
  loadSmicHistory,
  ruleToChunks,
} from "../../../src/knowledge/apprenticeship/index.js";

const GOOD = `---
id: trial-period
title: "La période d'essai"
topic: trial-period
keywords: ["période d'essai", "45 jours"]
sources:
  - name: "Légifrance"
    url: "https://www.legifrance.gouv.fr/x"
    checkedOn: "2026-11-23"
  - name: "Service-Public"
    url: "https://www.service-public.fr/y"
    checkedOn: "2026-11-23"
effectiveFrom: "2019-01-01"
---
Intro courte.

## Ce que dit la loi

Pendant 45 jours, chacun peut arrêter.

## Comment faire

Par écrit.
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "apprenticeship-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadApprenticeshipRules", () => {
  it("loads a rule and skips the README", async () => {
    await writeFile(path.join(dir, "trial-period.md"), GOOD);
    await writeFile(path.join(dir, "README.md"), "# not a rule");
    const { rules, problems } = await loadApprenticeshipRules(dir);
    expect(problems).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual(["trial-period"]);
    expect(rules[0]?.unverified).toEqual([]);
  });

  it("reports bad files with the field at fault and keeps the good ones", async () => {
    await writeFile(path.join(dir, "a-good.md"), GOOD);
    await writeFile(
      path.join(dir, "b-http.md"),
      GOOD.replace("https://www.legifrance.gouv.fr/x", "http://insecure.example/x").replace(
        "id: trial-period",
        "id: other",
      ),
    );
    await writeFile(path.join(dir, "c-no-front-matter.md"), "Juste du texte.");
    await writeFile(path.join(dir, "d-duplicate.md"), GOOD);
    await writeFile(
      path.join(dir, "e-bad-topic.md"),
      GOOD.replace("topic: trial-period", "topic: gossip").replace("id: trial-period", "id: e"),
    );
    const { rules, problems } = await loadApprenticeshipRules(dir);
    expect(rules.map((r) => r.file)).toEqual(["a-good.md"]);
    expect(problems.map((p) => p.file)).toEqual([
      "b-http.md",
      "c-no-front-matter.md",
      "d-duplicate.md",
      "e-bad-topic.md",
    ]);
    expect(problems[0]?.message).toMatch(/sources\.0\.url/);
    expect(problems[2]?.message).toMatch(/already used/);
  });
});

describe("ruleToChunks", () => {
  it("makes one valid chunk per section, all with entityId rule:<id>, the keywords and the first source", async () => {
    await writeFile(path.join(dir, "trial-period.md"), GOOD);
    const { rules } = await loadApprenticeshipRules(dir);
    const chunks = ruleToChunks(rules[0]!);
    expect(chunks.map((c) => c.id)).toEqual([
      "rule:trial-period#1",
      "rule:trial-period#2",
      "rule:trial-period#3",
    ]);
    expect(chunks[1]).toMatchObject({
      kind: "rule",
      entityId: "rule:trial-period",
      title: "La période d'essai — Ce que dit la loi",
      text: "Pendant 45 jours, chacun peut arrêter.",
      keywords: ["période d'essai", "45 jours"],
      source: { url: "https://www.legifrance.gouv.fr/x" },
    });
    for (const chunk of chunks) expect(KnowledgeChunk.safeParse(chunk).success).toBe(true);
  });
});

describe("loadPayGrid and loadSmicHistory", () => {
  it("name the file and the field when the data is wrong", async () => {
    await writeFile(
      path.join(dir, "smic.json"),
      JSON.stringify({
        checkedOn: "2026-11-23",
        entries: [{ effectiveFrom: "2026-01-01", hourly: -1, monthly35h: 1, sources: [] }],
      }),
    );
    await expect(loadSmicHistory(dir)).rejects.toThrow(ApprenticeshipDataError);
    await expect(loadSmicHistory(dir)).rejects.toThrow(/smic\.json: entries\.0\.hourly/);
  });

  it("reject unsorted SMIC entries and a grid with a gap between bands", async () => {
    const entry = (from: string) => ({
      effectiveFrom: from,
      hourly: 12,
      monthly35h: 1820,
      sources: [{ name: "s", url: "https://e.org", checkedOn: "2026-11-23" }],
    });
    await writeFile(
      path.join(dir, "smic.json"),
      JSON.stringify({ checkedOn: "2026-11-23", entries: [entry("2026-01-01"), entry("2025-01-01")] }),
    );
    await expect(loadSmicHistory(dir)).rejects.toThrow(/sorted/);
    await expect(loadPayGrid(dir)).rejects.toThrow(/pay-grid\.json/); // missing file is a clear error too
  });
});
