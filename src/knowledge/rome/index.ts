/** Public API of the ROME knowledge source: import, snapshot, texts, chunks and catalog lookups. */
export { importRome, type RomeImport, type RomeImportOptions } from "./importer.js";
export {
  RomeFiche,
  RomeCode,
  RomeImportError,
  type ImportProblem,
  type RomeAppellation,
  type RomeFicheInterestCentre,
  type RomeFicheTexts,
  type RomeInterestCentre,
  type RomeMobility,
  type RomeTransitions,
} from "./rome-fiche.js";
export { romeFicheUrl } from "./fiche-url.js";
export { loadRomeSnapshot, writeRomeSnapshot, snapshotHeader, RomeSnapshotError, type RomeSnapshot } from "./snapshot.js";
export { loadRomeTexts, readRomeTexts, type RomeTexts } from "./texts.js";
export { romeFicheToChunks, romeFicheKeywords, type RomeChunkContext } from "./fiche-chunks.js";
export { loadRomeChunks, type RomeChunks, type RomeChunkSources } from "./load-rome-chunks.js";
export { RomeCatalog, type CloseJob, type InterestCentreLabel } from "./catalog.js";
export { genderForms } from "./gender-forms.js";
