/** Imports the official ROME 4.0 CSV files into `RomeFiche` objects, collecting every bad row as a problem. */
import { access } from "node:fs/promises";
import path from "node:path";
import {
  AppellationRow,
  ArborescenceCentreInteretRow,
  CentreInteretRow,
  CodeRomeRow,
  columnsOf,
  describeIssues,
  MobiliteRow,
} from "./csv-rows.js";
import { readCsvTable, type CsvTable } from "./csv-reader.js";
import { expectedFileName, findOfficialFiles, type OfficialFiles, type RomeFileKind } from "./official-files.js";
import {
  RomeImportError,
  type ImportProblem,
  type RomeFiche,
  type RomeInterestCentre,
  type RomeTransitions,
} from "./rome-fiche.js";
import { readTexteCsv } from "./texts.js";

export interface RomeImportOptions {
  /** Also read the texte file (France Travail's sentences); they stay in memory or in data/, never in git. */
  withTexts?: boolean;
}

export interface RomeImport {
  /** Version from the file names, e.g. "460". */
  version: string | undefined;
  fiches: RomeFiche[];
  /** Sorted by numeric code; `definition` is set only when the centre file was read. */
  interestCentres: RomeInterestCentre[];
  problems: ImportProblem[];
}

const emptyToUndefined = (value: string): string | undefined => (value === "" ? undefined : value);

async function readOptional(
  files: OfficialFiles,
  kind: RomeFileKind,
  columns: string[],
  problems: ImportProblem[],
): Promise<CsvTable | undefined> {
  const filePath = files.paths[kind];
  if (filePath === undefined) {
    problems.push({ file: expectedFileName(kind), line: 0, reason: "optional file not found; its data is left out" });
    return undefined;
  }
  const table = await readCsvTable(filePath, columns);
  problems.push(...table.problems);
  return table;
}

function readFiches(table: CsvTable, problems: ImportProblem[]): Map<string, RomeFiche> {
  const fiches = new Map<string, RomeFiche>();
  const parents = new Map<string, { parent: string; line: number }>();
  for (const record of table.records) {
    const row = CodeRomeRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const r = row.data;
    if (fiches.has(r.code_rome)) {
      problems.push({ file: table.file, line: record.line, reason: `duplicate ROME code ${r.code_rome}` });
      continue;
    }
    const transitions: RomeTransitions = {};
    const eco = emptyToUndefined(r.transition_eco);
    const num = emptyToUndefined(r.transition_num);
    const demo = emptyToUndefined(r.transition_demo);
    if (eco !== undefined) transitions.eco = eco;
    if (num !== undefined) transitions.num = num;
    if (demo !== undefined) transitions.demo = demo;
    fiches.set(r.code_rome, {
      code: r.code_rome,
      title: r.libelle_rome,
      appellations: [],
      interestCentres: [],
      transitions,
      regulated: r.emploi_reglemente === "O",
      managerial: r.emploi_cadre === "O",
      parentCode: r.code_rome,
      mobility: [],
    });
    if (r.code_rome_parent !== "") parents.set(r.code_rome, { parent: r.code_rome_parent, line: record.line });
  }
  for (const [code, { parent, line }] of parents) {
    const fiche = fiches.get(code);
    if (fiche === undefined) continue;
    if (fiches.has(parent)) fiche.parentCode = parent;
    else problems.push({ file: table.file, line, reason: `parent code ${parent} of ${code} is not a known fiche` });
  }
  return fiches;
}

function attachAppellations(table: CsvTable, fiches: Map<string, RomeFiche>, problems: ImportProblem[]): void {
  const seen = new Set<string>();
  for (const record of table.records) {
    const row = AppellationRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const r = row.data;
    const fiche = fiches.get(r.code_rome);
    if (fiche === undefined) {
      problems.push({ file: table.file, line: record.line, reason: `appellation ${r.code_ogr} refers to unknown ROME code ${r.code_rome}` });
      continue;
    }
    if (seen.has(r.code_ogr)) {
      problems.push({ file: table.file, line: record.line, reason: `duplicate appellation code ${r.code_ogr}` });
      continue;
    }
    seen.add(r.code_ogr);
    const shortLabel = r.libelle_appellation_court === "" ? r.libelle_appellation_long : r.libelle_appellation_court;
    fiche.appellations.push({ code: r.code_ogr, label: r.libelle_appellation_long, shortLabel });
  }
}

function readCentres(table: CsvTable | undefined, problems: ImportProblem[]): Map<string, RomeInterestCentre> {
  const centres = new Map<string, RomeInterestCentre>();
  if (table === undefined) return centres;
  for (const record of table.records) {
    const row = CentreInteretRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const r = row.data;
    const definition = r.definition_centre_interet.replace(/\s+/g, " ").trim();
    centres.set(r.code_centre_interet, {
      code: r.code_centre_interet,
      label: r.libelle_centre_interet,
      ...(definition === "" ? {} : { definition }),
    });
  }
  return centres;
}

function attachInterestCentres(
  table: CsvTable,
  fiches: Map<string, RomeFiche>,
  centres: Map<string, RomeInterestCentre>,
  centreFileRead: boolean,
  problems: ImportProblem[],
): void {
  const seen = new Set<string>();
  for (const record of table.records) {
    const row = ArborescenceCentreInteretRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const r = row.data;
    const fiche = fiches.get(r.code_rome);
    if (fiche === undefined) {
      problems.push({ file: table.file, line: record.line, reason: `interest centre link to unknown ROME code ${r.code_rome}` });
      continue;
    }
    if (!centres.has(r.code_centre_interet)) {
      // Without the centre file, the labels repeated in this file are the best we have.
      if (centreFileRead) {
        problems.push({ file: table.file, line: record.line, reason: `unknown interest centre ${r.code_centre_interet}` });
      }
      centres.set(r.code_centre_interet, { code: r.code_centre_interet, label: r.libelle_centre_interet });
    }
    const key = `${r.code_centre_interet}:${r.code_rome}`;
    if (seen.has(key)) {
      problems.push({ file: table.file, line: record.line, reason: `duplicate link ${r.code_centre_interet} -> ${r.code_rome}` });
      continue;
    }
    seen.add(key);
    const label = centres.get(r.code_centre_interet)?.label ?? r.libelle_centre_interet;
    fiche.interestCentres.push({ code: r.code_centre_interet, label, principal: r.principal === "oui" });
  }
  for (const fiche of fiches.values()) {
    fiche.interestCentres.sort((a, b) => Number(b.principal) - Number(a.principal) || Number(a.code) - Number(b.code));
  }
}

function attachMobility(table: CsvTable, fiches: Map<string, RomeFiche>, problems: ImportProblem[]): void {
  const seen = new Set<string>();
  for (const record of table.records) {
    const row = MobiliteRow.safeParse(record.values);
    if (!row.success) {
      problems.push({ file: table.file, line: record.line, reason: describeIssues(row.error) });
      continue;
    }
    const { code_rome: from, code_rome_cible: to, numero_ordre: order } = row.data;
    const fiche = fiches.get(from);
    const reason =
      fiche === undefined ? `mobility from unknown ROME code ${from}`
      : !fiches.has(to) ? `mobility to unknown ROME code ${to}`
      : from === to ? `mobility from ${from} to itself`
      : seen.has(`${from}>${to}`) ? `duplicate mobility ${from} -> ${to}`
      : undefined;
    if (reason !== undefined || fiche === undefined) {
      problems.push({ file: table.file, line: record.line, reason: reason ?? "" });
      continue;
    }
    seen.add(`${from}>${to}`);
    fiche.mobility.push({ code: to, order });
  }
  for (const fiche of fiches.values()) {
    fiche.mobility.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  }
}

/**
 * Reads an official ROME folder. Only the fiche list (unix_referentiel_code_rome_*) is required: without it,
 * or without the folder, this throws RomeImportError; everything else that is missing or malformed is
 * reported in `problems` and left out.
 */
export async function importRome(dir: string, options: RomeImportOptions = {}): Promise<RomeImport> {
  const absolute = path.resolve(dir);
  try {
    await access(absolute);
  } catch {
    throw new RomeImportError(`ROME folder not found: ${absolute}. Download the ROME 4.0 CSV files from France Travail and pass their folder.`);
  }
  const files = await findOfficialFiles(absolute);
  const codeRomePath = files.paths.codeRome;
  if (codeRomePath === undefined) {
    throw new RomeImportError(`No ${expectedFileName("codeRome")} in ${absolute}: this file lists the fiches and is required.`);
  }
  const problems: ImportProblem[] = [];
  const codeRomeTable = await readCsvTable(codeRomePath, columnsOf(CodeRomeRow));
  problems.push(...codeRomeTable.problems);
  if (codeRomeTable.records.length === 0) {
    const reason = codeRomeTable.problems.map((p) => p.reason).join("; ") || "no rows";
    throw new RomeImportError(`${path.basename(codeRomePath)} has no usable fiche: ${reason}`);
  }
  const fiches = readFiches(codeRomeTable, problems);

  const appellations = await readOptional(files, "appellation", columnsOf(AppellationRow), problems);
  if (appellations !== undefined) attachAppellations(appellations, fiches, problems);

  const centreTable = await readOptional(files, "centreInteret", columnsOf(CentreInteretRow), problems);
  const centres = readCentres(centreTable, problems);
  const links = await readOptional(files, "arborescenceCentreInteret", columnsOf(ArborescenceCentreInteretRow), problems);
  if (links !== undefined) attachInterestCentres(links, fiches, centres, centreTable !== undefined, problems);

  const mobility = await readOptional(files, "mobilite", columnsOf(MobiliteRow), problems);
  if (mobility !== undefined) attachMobility(mobility, fiches, problems);

  if (options.withTexts === true) {
    if (files.paths.texte === undefined) {
      problems.push({ file: expectedFileName("texte"), line: 0, reason: "texte file not found; fiches have no sentences" });
    } else {
      const { texts, problems: textProblems } = await readTexteCsv(files.paths.texte, new Set(fiches.keys()));
      problems.push(...textProblems);
      for (const [code, ficheTexts] of Object.entries(texts)) {
        const fiche = fiches.get(code);
        if (fiche !== undefined) fiche.texts = ficheTexts;
      }
    }
  }

  return {
    version: files.version,
    fiches: [...fiches.values()].sort((a, b) => a.code.localeCompare(b.code)),
    interestCentres: [...centres.values()].sort((a, b) => Number(a.code) - Number(b.code)),
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}
