/** zod schemas for the rows of each official ROME 4.0 CSV file, and the columns each file must have. */
import { z } from "zod";
import { RomeCode } from "./rome-fiche.js";

const label = z.string().min(1, "missing label");
const numericCode = z.string().regex(/^\d+$/, "expected a numeric code");
/** Official yes/no flags are "O"/"N" (oui/non) or empty when not yet qualified. */
const ouiNon = z.enum(["O", "N", ""]);

export const CodeRomeRow = z.object({
  code_rome: RomeCode,
  libelle_rome: label,
  transition_eco: z.string(),
  transition_num: z.string(),
  transition_demo: z.string(),
  emploi_reglemente: ouiNon,
  emploi_cadre: ouiNon,
  code_rome_parent: z.union([RomeCode, z.literal("")]),
});
export type CodeRomeRow = z.infer<typeof CodeRomeRow>;

export const AppellationRow = z.object({
  code_ogr: numericCode,
  libelle_appellation_long: label,
  libelle_appellation_court: z.string(),
  code_rome: RomeCode,
});
export type AppellationRow = z.infer<typeof AppellationRow>;

export const CentreInteretRow = z.object({
  code_centre_interet: numericCode,
  libelle_centre_interet: label,
  definition_centre_interet: z.string(),
});
export type CentreInteretRow = z.infer<typeof CentreInteretRow>;

export const ArborescenceCentreInteretRow = z.object({
  code_centre_interet: numericCode,
  libelle_centre_interet: label,
  code_rome: RomeCode,
  principal: z.enum(["oui", "non"]),
});
export type ArborescenceCentreInteretRow = z.infer<typeof ArborescenceCentreInteretRow>;

export const MobiliteRow = z.object({
  code_rome: RomeCode,
  code_rome_cible: RomeCode,
  numero_ordre: z.string().regex(/^\d+$/, "expected a whole number").transform(Number),
});
export type MobiliteRow = z.infer<typeof MobiliteRow>;

export const TexteRow = z.object({
  code_rome: RomeCode,
  libelle_type_texte: label,
  position_phrase: z.string().regex(/^\d+$/, "expected a whole number").transform(Number),
  libelle_texte: z.string().min(1, "missing text"),
});
export type TexteRow = z.infer<typeof TexteRow>;

/** Columns read from each file: the header must contain them (extra columns are ignored). */
export function columnsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}

/** One line per zod issue, "column: message", for an ImportProblem reason. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
}
