/**
 * Public web address of a ROME fiche on France Travail's "Métierscope". The pattern
 * https://candidat.francetravail.fr/metierscope/fiche-metier/<code> is the one public-service code links to
 * (gip-inclusion/immersion-facile, "Immersion Facilitée"), seen 2026-11-23; the page itself could not be
 * opened from here (no network), so a changed pattern would only show as broken links.
 */
import { RomeCode } from "./rome-fiche.js";

export const METIERSCOPE_FICHE_BASE = "https://candidat.francetravail.fr/metierscope/fiche-metier/";

/** Throws on a malformed code: callers pass codes that came out of a parsed fiche. */
export function romeFicheUrl(code: string): string {
  return `${METIERSCOPE_FICHE_BASE}${RomeCode.parse(code)}`;
}
