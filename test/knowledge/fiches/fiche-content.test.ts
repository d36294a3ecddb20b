// Content lint: walks every fiche in knowledge/fiches and checks what a reviewer would check by hand.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProjectFiches, type LoadedFiches } from "../../../src/knowledge/fiches/fiche-loader.js";
import { isGenderInclusiveTitle } from "../../../src/knowledge/fiches/fiche-schema.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FICHES_DIR = path.join(ROOT, "knowledge/fiches");
const ROME_SNAPSHOT = path.join(ROOT, "knowledge/rome/rome-fiches.json");
const ROME_CSV = "/work/shared/data/rome-v460/unix_referentiel_code_rome_v460_utf8.csv";
const MINIMUM_FICHES = 60;

/** The committed snapshot is the reference; the shared official CSV is the fallback before it exists. */
async function knownRomeCodes(): Promise<Set<string>> {
  if (existsSync(ROME_SNAPSHOT)) {
    const snapshot = JSON.parse(await readFile(ROME_SNAPSHOT, "utf8")) as { fiches: { code: string }[] };
    return new Set(snapshot.fiches.map((f) => f.code));
  }
  if (existsSync(ROME_CSV)) {
    const rows = parseCsv(await readFile(ROME_CSV, "utf8"), { columns: true }) as { code_rome: string }[];
    return new Set(rows.map((r) => r.code_rome));
  }
  throw new Error(`No ROME reference: neither ${ROME_SNAPSHOT} nor ${ROME_CSV} exists`);
}

/** Lists failures as "file: what" so one run shows every file to fix. */
function report(failures: string[]): string {
  return failures.join("\n");
}

describe("knowledge/fiches content", () => {
  let loaded: LoadedFiches;
  let files: string[];
  let contents: Map<string, string>;

  beforeAll(async () => {
    loaded = await loadProjectFiches(FICHES_DIR);
    files = (await readdir(FICHES_DIR)).sort();
    contents = new Map(
      await Promise.all(
        files.map(async (f) => [f, await readFile(path.join(FICHES_DIR, f), "utf8")] as const),
      ),
    );
  });

  it("holds only Markdown fiches named with a kebab-case slug", () => {
    const bad = files.filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.md$/.test(f));
    expect(bad, "files that are not <slug>.md").toEqual([]);
  });

  it("parses every fiche: valid front matter, id equal to the file name, every section present and non-empty", () => {
    const failures = loaded.problems.map(
      (p) => `${path.relative(ROOT, p.file)}:\n  - ${p.issues.join("\n  - ")}`,
    );
    expect(failures, report(failures)).toEqual([]);
  });

  it("uses only ROME codes that exist in ROME 4.0", async () => {
    const known = await knownRomeCodes();
    const failures = loaded.fiches.flatMap((f) =>
      f.romeCodes.filter((c) => !known.has(c)).map((c) => `${f.id}: unknown ROME code ${c}`),
    );
    expect(failures, report(failures)).toEqual([]);
  });

  it("links only to https addresses, in the front matter and in the text", () => {
    const failures = [...contents].flatMap(([file, text]) =>
      [...text.matchAll(/\bhttp:\/\/\S+/g)].map((m) => `${file}: ${m[0]}`),
    );
    const sourceUrls = loaded.fiches.flatMap((f) =>
      [...f.sources, ...(f.pay ? [f.pay.source] : [])]
        .filter((s) => !s.url.startsWith("https://"))
        .map((s) => `${f.id}: ${s.url}`),
    );
    expect([...failures, ...sourceUrls], report([...failures, ...sourceUrls])).toEqual([]);
  });

  it("gives a source with a check date for every pay figure, and the salary section restates it", () => {
    const failures = loaded.fiches.flatMap((f) => {
      if (f.pay === undefined) return [];
      const problems: string[] = [];
      if (!f.sections.salaire.includes(f.pay.source.url) && !f.sections.salaire.includes(f.pay.source.name)) {
        problems.push(`${f.id}: "## Salaire" does not name the pay source`);
      }
      return problems;
    });
    expect(failures, report(failures)).toEqual([]);
  });

  it("explains in `unverified` why a fiche gives no pay figure or leaves apprenticeship unverified", () => {
    const failures = loaded.fiches
      .filter(
        (f) => (f.pay === undefined || f.apprenticeship === "non-verifie") && f.unverified === undefined,
      )
      .map((f) => f.id);
    expect(failures, `fiches without pay nor unverified note: ${failures.join(", ")}`).toEqual([]);
  });

  it("never titles a job in one gender only", () => {
    const failures = loaded.fiches
      .filter((f) => f.epicene !== true && !isGenderInclusiveTitle(f.title))
      .map((f) => `${f.id}: ${f.title}`);
    expect(failures, report(failures)).toEqual([]);
  });

  it(`counts at least ${MINIMUM_FICHES} fiches once both writers have finished`, () => {
    expect(
      loaded.fiches.length,
      `Only ${loaded.fiches.length} valid fiches in knowledge/fiches; the project needs at least ${MINIMUM_FICHES} (writers A and B together).`,
    ).toBeGreaterThanOrEqual(MINIMUM_FICHES);
  });
});
