/** Finds the official ROME CSV files in a folder, whatever their version number (v460, v461...). */
import { readdir } from "node:fs/promises";
import path from "node:path";

/** Official file name stems, as France Travail publishes them (`unix_<stem>_v<version>_utf8.csv`). */
export const ROME_FILES = {
  codeRome: "referentiel_code_rome",
  appellation: "referentiel_appellation",
  centreInteret: "centre_interet",
  arborescenceCentreInteret: "arborescence_centre_interet",
  mobilite: "rubrique_mobilite",
  texte: "texte",
} as const;
export type RomeFileKind = keyof typeof ROME_FILES;

export interface OfficialFiles {
  /** e.g. "460", from the fiche list's file name. */
  version: string | undefined;
  paths: Partial<Record<RomeFileKind, string>>;
}

const NAME = /^unix_(.+)_v(\d+)_utf8\.csv$/;

/** Lists the folder once; when several versions of a file are present the highest version wins. */
export async function findOfficialFiles(dir: string): Promise<OfficialFiles> {
  const names = await readdir(dir);
  const best = new Map<string, { version: number; name: string }>();
  for (const name of names) {
    const match = NAME.exec(name);
    if (match === null) continue;
    const [, stem = "", version = "0"] = match;
    const current = best.get(stem);
    if (current === undefined || Number(version) > current.version) best.set(stem, { version: Number(version), name });
  }
  const paths: Partial<Record<RomeFileKind, string>> = {};
  for (const [kind, stem] of Object.entries(ROME_FILES) as [RomeFileKind, string][]) {
    const found = best.get(stem);
    if (found !== undefined) paths[kind] = path.join(dir, found.name);
  }
  const codeRome = best.get(ROME_FILES.codeRome);
  return { version: codeRome === undefined ? undefined : String(codeRome.version), paths };
}

/** The name an operator should supply, for error messages. */
export function expectedFileName(kind: RomeFileKind): string {
  return `unix_${ROME_FILES[kind]}_v<version>_utf8.csv`;
}
