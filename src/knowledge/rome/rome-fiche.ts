/** The domain shapes of the ROME 4.0 referential as this project uses them: fiches, interest centres, import problems. */
import { z } from "zod";

export const RomeCode = z.string().regex(/^[A-N]\d{4}$/, "expected a ROME code such as A1101");
export type RomeCode = z.infer<typeof RomeCode>;

/** A job title attached to a fiche ("Tractoriste" for A1101); `code` is France Travail's code_ogr. */
export const RomeAppellation = z.object({
  code: z.string().regex(/^\d+$/),
  label: z.string().min(1),
  shortLabel: z.string().min(1),
});
export type RomeAppellation = z.infer<typeof RomeAppellation>;

/** A fiche's membership in an interest centre ("J'ai envie de ..."); `principal` marks its main centre. */
export const RomeFicheInterestCentre = z.object({
  code: z.string().regex(/^\d+$/),
  label: z.string().min(1),
  principal: z.boolean(),
});
export type RomeFicheInterestCentre = z.infer<typeof RomeFicheInterestCentre>;

/**
 * France Travail's ecological / digital / demographic transition markers. `eco` is a label ("Emploi Vert"),
 * `num` and `demo` are the official "O"/"N" flags; an empty official value is left out.
 */
export const RomeTransitions = z.object({
  eco: z.string().min(1).optional(),
  num: z.string().min(1).optional(),
  demo: z.string().min(1).optional(),
});
export type RomeTransitions = z.infer<typeof RomeTransitions>;

/** A close job one can move to from a fiche; lower `order` comes first in France Travail's list. */
export const RomeMobility = z.object({ code: RomeCode, order: z.number().int() });
export type RomeMobility = z.infer<typeof RomeMobility>;

/** Sentences of a fiche by official text type ("definition", "acces_metier"), in reading order. */
export const RomeFicheTexts = z.record(z.string(), z.array(z.string()));
export type RomeFicheTexts = z.infer<typeof RomeFicheTexts>;

export const RomeFiche = z.object({
  code: RomeCode,
  title: z.string().min(1),
  appellations: z.array(RomeAppellation),
  interestCentres: z.array(RomeFicheInterestCentre),
  transitions: RomeTransitions,
  /** Access needs a specific diploma or authorisation (emploi_reglemente = "O"). */
  regulated: z.boolean(),
  /** Executive-level job (emploi_cadre = "O"). */
  managerial: z.boolean(),
  /** The historical fiche this one derives from; a parent fiche is its own parent. */
  parentCode: RomeCode,
  mobility: z.array(RomeMobility),
  texts: RomeFicheTexts.optional(),
});
export type RomeFiche = z.infer<typeof RomeFiche>;

/** An interest centre; the definition is France Travail's prose and is never written into the repository. */
export const RomeInterestCentre = z.object({
  code: z.string().regex(/^\d+$/),
  label: z.string().min(1),
  definition: z.string().optional(),
});
export type RomeInterestCentre = z.infer<typeof RomeInterestCentre>;

/** A row or file the importer skipped, with where and why, so an operator can fix the source. */
export interface ImportProblem {
  /** File name (no directory), e.g. "unix_rubrique_mobilite_v460_utf8.csv". */
  file: string;
  /** 1-based line where the record starts; 0 when the problem concerns the whole file. */
  line: number;
  reason: string;
}

/** The import cannot proceed at all (e.g. the fiche list is missing); the message says what to supply. */
export class RomeImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RomeImportError";
  }
}
