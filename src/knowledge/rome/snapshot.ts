/**
 * The committed ROME snapshot in `knowledge/rome/`: fiches (codes, titles, appellations, interest centres,
 * flags, mobility) and interest-centre labels, without France Travail's prose. Written by
 * scripts/import-rome.ts, read and validated at start.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { IsoDate } from "../types.js";
import { RomeAppellation, RomeFiche, RomeInterestCentre, type RomeInterestCentre as Centre } from "./rome-fiche.js";

export const ROME_FICHES_FILE = "rome-fiches.json";
export const INTEREST_CENTRES_FILE = "interest-centres.json";
/** Where the snapshot lives inside the knowledge folder. */
export const ROME_SNAPSHOT_SUBDIR = "rome";

/** France Travail's open-data page for the ROME files (checked 2026-11-23). */
export const ROME_OPEN_DATA_URL = "https://francetravail.org/opendata/repertoire-operationnel-des-meti.html?type=article";
export const ROME_LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab)";

export const SnapshotHeader = z.object({
  generatedBy: z.literal("scripts/import-rome.ts"),
  source: z.string().min(1),
  licence: z.string().min(1),
  sourceUrl: z.url(),
  importedOn: IsoDate,
});
export type SnapshotHeader = z.infer<typeof SnapshotHeader>;

/** In the file, `shortLabel` is written only when it differs from `label` (it does for about one title in six). */
const StoredAppellation = RomeAppellation.extend({ shortLabel: z.string().min(1).optional() }).transform(
  (a): RomeAppellation => ({ code: a.code, label: a.label, shortLabel: a.shortLabel ?? a.label }),
);
const StoredFiche = RomeFiche.omit({ texts: true }).extend({ appellations: z.array(StoredAppellation) });

export const RomeFichesFile = z.object({ header: SnapshotHeader, fiches: z.array(StoredFiche) });
export const InterestCentresFile = z.object({
  header: SnapshotHeader,
  interestCentres: z.array(RomeInterestCentre.omit({ definition: true })),
});

export interface RomeSnapshot {
  header: SnapshotHeader;
  fiches: RomeFiche[];
  interestCentres: { code: string; label: string }[];
}

export class RomeSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RomeSnapshotError";
  }
}

export function snapshotHeader(version: string | undefined, importedOn: string): SnapshotHeader {
  return {
    generatedBy: "scripts/import-rome.ts",
    source: `France Travail, ROME 4.0${version === undefined ? "" : ` v${version}`}`,
    licence: ROME_LICENCE,
    sourceUrl: ROME_OPEN_DATA_URL,
    importedOn,
  };
}

function storedFiche(fiche: RomeFiche): z.input<typeof StoredFiche> {
  return {
    code: fiche.code,
    title: fiche.title,
    appellations: fiche.appellations.map((a) =>
      a.shortLabel === a.label ? { code: a.code, label: a.label } : { code: a.code, label: a.label, shortLabel: a.shortLabel },
    ),
    interestCentres: fiche.interestCentres,
    transitions: fiche.transitions,
    regulated: fiche.regulated,
    managerial: fiche.managerial,
    parentCode: fiche.parentCode,
    mobility: fiche.mobility,
  };
}

/** One item per line keeps the file diff-friendly: a changed fiche is a one-line change in review. */
function jsonLines(header: SnapshotHeader, key: string, items: unknown[]): string {
  return `{"header":${JSON.stringify(header)},\n"${key}":[\n${items.map((i) => JSON.stringify(i)).join(",\n")}\n]}\n`;
}

/** Writes both snapshot files (never the texts nor the centre definitions); returns their paths. */
export async function writeRomeSnapshot(
  knowledgeDir: string,
  header: SnapshotHeader,
  fiches: readonly RomeFiche[],
  interestCentres: readonly Centre[],
): Promise<{ fichesPath: string; interestCentresPath: string }> {
  const dir = path.join(knowledgeDir, ROME_SNAPSHOT_SUBDIR);
  await mkdir(dir, { recursive: true });
  const fichesPath = path.join(dir, ROME_FICHES_FILE);
  const interestCentresPath = path.join(dir, INTEREST_CENTRES_FILE);
  await writeFile(fichesPath, jsonLines(header, "fiches", fiches.map(storedFiche)), "utf8");
  const centres = interestCentres.map((c) => ({ code: c.code, label: c.label }));
  await writeFile(interestCentresPath, jsonLines(header, "interestCentres", centres), "utf8");
  return { fichesPath, interestCentresPath };
}

async function readJson<T extends z.ZodType>(filePath: string, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(filePath, "utf8"));
  } catch (error) {
    throw new RomeSnapshotError(`Cannot read ${filePath}: ${(error as Error).message}. Run npm run import:rome.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new RomeSnapshotError(`Invalid ${filePath}: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** Reads and validates `<knowledgeDir>/rome/`; throws RomeSnapshotError with the file and the issues. */
export async function loadRomeSnapshot(knowledgeDir: string): Promise<RomeSnapshot> {
  const dir = path.join(knowledgeDir, ROME_SNAPSHOT_SUBDIR);
  const fichesFile = await readJson(path.join(dir, ROME_FICHES_FILE), RomeFichesFile);
  const centresFile = await readJson(path.join(dir, INTEREST_CENTRES_FILE), InterestCentresFile);
  const codes = new Set(fichesFile.fiches.map((f) => f.code));
  const dangling = fichesFile.fiches.flatMap((f) =>
    [f.parentCode, ...f.mobility.map((m) => m.code)].filter((c) => !codes.has(c)).map((c) => `${f.code} -> ${c}`),
  );
  if (dangling.length > 0) {
    throw new RomeSnapshotError(`${ROME_FICHES_FILE} links to unknown fiches: ${dangling.slice(0, 5).join(", ")}`);
  }
  return { header: fichesFile.header, fiches: fichesFile.fiches, interestCentres: centresFile.interestCentres };
}
