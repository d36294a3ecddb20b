/**
 * France Travail's fiche sentences (definition, access to the job). They are indexed at run time but never
 * committed: they come either from the official texte CSV an operator supplies, or from `data/rome-texts.json`
 * (git-ignored) written by scripts/import-rome.ts.
 */
import { readFile, writeFile, mkdir, access } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { columnsOf, describeIssues, TexteRow } from "./csv-rows.js";
import { readCsvTable } from "./csv-reader.js";
import { findOfficialFiles } from "./official-files.js";
import { RomeFicheTexts, type ImportProblem } from "./rome-fiche.js";

export const ROME_TEXTS_FILE = "rome-texts.json";

/** Texts of every fiche, by ROME code. */
export type RomeTexts = Record<string, RomeFicheTexts>;

export const RomeTextsFile = z.object({
  header: z.object({ generatedBy: z.string(), source: z.string(), importedOn: z.string() }),
  texts: z.record(z.string(), RomeFicheTexts),
});
export type RomeTextsFile = z.infer<typeof RomeTextsFile>;

/** The official export doubles apostrophes inside sentences ("l''entretien"), an SQL escaping leftover. */
export function cleanOfficialSentence(text: string): string {
  return text.replace(/''/g, "'").replace(/\s+/g, " ").trim();
}

/** Reads the official texte CSV; rows for codes outside `knownCodes` (when given) are problems. */
export async function readTexteCsv(
  filePath: string,
  knownCodes?: ReadonlySet<string>,
): Promise<{ texts: RomeTexts; problems: ImportProblem[] }> {
  const table = await readCsvTable(filePath, columnsOf(TexteRow));
  const problems = [...table.problems];
  const positioned = new Map<string, Map<string, { position: number; text: string }[]>>();
  for (const record of table.records) {
    const row = TexteRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const { code_rome: code, libelle_type_texte: type, position_phrase: position } = row.data;
    if (knownCodes !== undefined && !knownCodes.has(code)) {
      problems.push({ file: table.file, line: record.line, reason: `text for unknown ROME code ${code}` });
      continue;
    }
    const byType = positioned.get(code) ?? new Map<string, { position: number; text: string }[]>();
    positioned.set(code, byType);
    const sentences = byType.get(type) ?? [];
    byType.set(type, sentences);
    sentences.push({ position, text: cleanOfficialSentence(row.data.libelle_texte) });
  }
  const texts: RomeTexts = {};
  for (const [code, byType] of [...positioned].sort(([a], [b]) => a.localeCompare(b))) {
    const ficheTexts: RomeFicheTexts = {};
    for (const [type, sentences] of byType) {
      ficheTexts[type] = sentences.sort((a, b) => a.position - b.position).map((s) => s.text);
    }
    texts[code] = ficheTexts;
  }
  return { texts, problems };
}

export async function writeRomeTexts(dataDir: string, file: RomeTextsFile): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, ROME_TEXTS_FILE);
  const lines = Object.entries(file.texts).map(([code, t]) => `${JSON.stringify(code)}:${JSON.stringify(t)}`);
  await writeFile(target, `{"header":${JSON.stringify(file.header)},\n"texts":{\n${lines.join(",\n")}\n}}\n`, "utf8");
  return target;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/**
 * Texts from `<dir>/rome-texts.json` when present, else from an official texte CSV in `dir`; `texts` is
 * undefined when neither is there or the file is unreadable (then `problems` says why).
 */
export async function readRomeTexts(dir: string | undefined): Promise<{ texts?: RomeTexts; problems: ImportProblem[] }> {
  if (dir === undefined || !(await exists(dir))) return { problems: [] };
  const jsonPath = path.join(dir, ROME_TEXTS_FILE);
  if (await exists(jsonPath)) {
    try {
      const parsed = RomeTextsFile.safeParse(JSON.parse(await readFile(jsonPath, "utf8")));
      if (parsed.success) return { texts: parsed.data.texts, problems: [] };
      return { problems: [{ file: ROME_TEXTS_FILE, line: 0, reason: describeIssues(parsed.error) }] };
    } catch (error) {
      return { problems: [{ file: ROME_TEXTS_FILE, line: 0, reason: `unreadable JSON: ${(error as Error).message}` }] };
    }
  }
  try {
    const official = await findOfficialFiles(dir);
    if (official.paths.texte === undefined) return { problems: [] };
    return await readTexteCsv(official.paths.texte);
  } catch (error) {
    return { problems: [{ file: path.basename(dir), line: 0, reason: `cannot read texts: ${(error as Error).message}` }] };
  }
}

/** The texts when available from a data folder or an official ROME folder, else undefined. */
export async function loadRomeTexts(dataDirOrOfficialDir: string | undefined): Promise<RomeTexts | undefined> {
  return (await readRomeTexts(dataDirOrOfficialDir)).texts;
}
