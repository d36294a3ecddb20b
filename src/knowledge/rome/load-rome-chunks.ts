/** The one call the corpus builder makes for ROME: committed snapshot + optional texts → chunks, fiches, problems. */
import { romeFicheToChunks } from "./fiche-chunks.js";
import type { ImportProblem, RomeFiche } from "./rome-fiche.js";
import { loadRomeSnapshot, type RomeSnapshot } from "./snapshot.js";
import { readRomeTexts, type RomeTexts } from "./texts.js";
import type { KnowledgeChunk } from "../types.js";

export interface RomeChunkSources {
  /** Folder holding `rome/rome-fiches.json` (config `knowledge.dir`). */
  knowledgeDir: string;
  /** Folder that may hold `rome-texts.json` written by the import script (config `dataDir`). */
  dataDir?: string | undefined;
  /** Official ROME folder, read directly when data/ has no texts (config `knowledge.romeOfficialDir`). */
  romeOfficialDir?: string | undefined;
}

export interface RomeChunks {
  chunks: KnowledgeChunk[];
  fiches: RomeFiche[];
  interestCentres: RomeSnapshot["interestCentres"];
  /** Which texts were used: "data" (rome-texts.json), "official" (CSV) or "none" (titles and labels only). */
  textsFrom: "data" | "official" | "none";
  problems: ImportProblem[];
}

/**
 * Loads the snapshot (throws RomeSnapshotError if it is missing or invalid) and, when available, the official
 * sentences; without them every fiche still gets a chunk made of its titles and interest centres.
 */
export async function loadRomeChunks(sources: RomeChunkSources): Promise<RomeChunks> {
  const snapshot = await loadRomeSnapshot(sources.knowledgeDir);
  const problems: ImportProblem[] = [];
  let texts: RomeTexts | undefined;
  let textsFrom: RomeChunks["textsFrom"] = "none";
  for (const [dir, origin] of [
    [sources.dataDir, "data"],
    [sources.romeOfficialDir, "official"],
  ] as const) {
    const read = await readRomeTexts(dir);
    problems.push(...read.problems);
    if (read.texts !== undefined) {
      texts = read.texts;
      textsFrom = origin;
      break;
    }
  }
  const labels = new Map(snapshot.interestCentres.map((c) => [c.code, c.label]));
  const checkedOn = snapshot.header.importedOn;
  const chunks = snapshot.fiches.flatMap((fiche) =>
    romeFicheToChunks(fiche, { checkedOn, interestCentreLabels: labels, ...(texts?.[fiche.code] ? { texts: texts[fiche.code] } : {}) }),
  );
  const fiches = texts === undefined ? snapshot.fiches : snapshot.fiches.map((f) => (texts[f.code] ? { ...f, texts: texts[f.code] } : f));
  return { chunks, fiches, interestCentres: snapshot.interestCentres, textsFrom, problems };
}
