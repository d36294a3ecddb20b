/**
 * The sidecar every PDF in knowledge/documents/ needs (`<name>.pdf.json`): without a named source and a date
 * checked, a document's facts cannot be cited, so it is not indexed.
 */
import { z } from "zod";
import { RegionCode } from "../../shared/region.js";
import { IsoDate } from "../types.js";

export const DocumentMetadata = z.strictObject({
  /** Title as the publisher gives it, shown in citations. */
  title: z.string().trim().min(1),
  /** Official address of the document (or of the page that publishes it). */
  url: z.url(),
  /** When a person last checked the document against that address. */
  checkedOn: IsoDate,
  /** Organisation that publishes it, e.g. "Région Sud". */
  publisher: z.string().trim().min(1).optional(),
  /** Absent: the document applies everywhere. */
  region: RegionCode.optional(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

export const SIDECAR_SUFFIX = ".json";

export function sidecarName(pdfName: string): string {
  return `${pdfName}${SIDECAR_SUFFIX}`;
}
