/**
 * Imports the official ROME 4.0 CSV files into the committed snapshot (knowledge/rome/) and, when the texte
 * file is there, the git-ignored texts (data/rome-texts.json).
 * Usage: npm run import:rome -- --from <official dir> [--imported-on YYYY-MM-DD]; default dir: ROME_OFFICIAL_DIR.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config/config.js";
import { IsoDate } from "../src/knowledge/types.js";
import { importRome } from "../src/knowledge/rome/importer.js";
import { RomeImportError, type ImportProblem } from "../src/knowledge/rome/rome-fiche.js";
import { snapshotHeader, writeRomeSnapshot } from "../src/knowledge/rome/snapshot.js";
import { writeRomeTexts } from "../src/knowledge/rome/texts.js";

const MAX_PROBLEMS_SHOWN = 50;

async function sizeOf(file: string): Promise<string> {
  return `${((await stat(file)).size / 1024).toFixed(0)} KiB`;
}

function printProblems(problems: readonly ImportProblem[]): void {
  console.log(`${problems.length} problem(s)`);
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) console.log(`  ${p.file}:${p.line} ${p.reason}`);
  if (problems.length > MAX_PROBLEMS_SHOWN) console.log(`  ... and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, "imported-on": { type: "string" } },
    allowPositionals: false,
  });
  const config = loadConfig();
  const from = values.from ?? config.knowledge.romeOfficialDir;
  if (from === undefined) {
    throw new RomeImportError("No ROME folder: pass --from <dir> or set ROME_OFFICIAL_DIR.");
  }
  const importedOn = IsoDate.parse(values["imported-on"] ?? new Date().toISOString().slice(0, 10));

  const started = performance.now();
  const result = await importRome(path.resolve(from), { withTexts: true });
  const header = snapshotHeader(result.version, importedOn);
  const written = await writeRomeSnapshot(config.knowledge.dir, header, result.fiches, result.interestCentres);
  const withTexts = result.fiches.filter((f) => f.texts !== undefined);
  let textsPath: string | undefined;
  if (withTexts.length > 0) {
    textsPath = await writeRomeTexts(config.dataDir, {
      header: { generatedBy: "scripts/import-rome.ts", source: header.source, importedOn },
      texts: Object.fromEntries(withTexts.map((f) => [f.code, f.texts ?? {}])),
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);

  const appellations = result.fiches.reduce((n, f) => n + f.appellations.length, 0);
  const links = result.fiches.reduce((n, f) => n + f.mobility.length, 0);
  console.log(`${header.source}, imported on ${importedOn} in ${seconds} s`);
  console.log(`${result.fiches.length} fiches, ${appellations} appellations, ${links} mobility links, ${result.interestCentres.length} interest centres`);
  console.log(`${written.fichesPath} (${await sizeOf(written.fichesPath)})`);
  console.log(`${written.interestCentresPath} (${await sizeOf(written.interestCentresPath)})`);
  console.log(textsPath === undefined ? "no texte file: no texts written" : `${textsPath} (${await sizeOf(textsPath)}, ${withTexts.length} fiches, git-ignored)`);
  printProblems(result.problems);
}

main().catch((error: unknown) => {
  if (error instanceof RomeImportError || error instanceof ConfigError) console.error(error.message);
  else console.error("Import failed:", error);
  process.exitCode = 1;
});
