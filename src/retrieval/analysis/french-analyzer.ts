/** The one analysis chain shared by indexing and querying: tokenize, drop stop words, stem. */
import { createHash } from "node:crypto";
import { stemFrench } from "./french-stemmer.js";
import { FRENCH_STOP_WORDS } from "./stop-words.js";
import { tokenize } from "./text-normalizer.js";

export interface AnalyzedToken {
  /** Folded surface form, e.g. "boulangere". */
  surface: string;
  /** Stem used as the index term, e.g. "boulang". */
  term: string;
}

/** Analyses text into tokens, keeping surface forms (typo correction works on them). */
export function analyzeTokens(text: string, extraStopWords?: ReadonlySet<string>): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const surface of tokenize(text)) {
    if (FRENCH_STOP_WORDS.has(surface) || extraStopWords?.has(surface)) continue;
    if (surface.length < 2 && !/\d/.test(surface)) continue;
    out.push({ surface, term: stemFrench(surface) });
  }
  return out;
}

/** Analyses text into index terms. */
export function analyze(text: string): string[] {
  return analyzeTokens(text).map((t) => t.term);
}

/**
 * Words that exercise every rule of the chain. Their analysis is hashed into the index format, so changing
 * a stemming rule or a stop word rebuilds saved indexes instead of silently mismatching them.
 */
const PROBE = `Le boulanger et la boulangère d'une boulangerie ; conductrice, conducteurs, vendeuse, vendre,
  peintre, infirmières, électricienne, mécanique, chevaux, bureaux, jeux, jardinage, animatrice, animation,
  enseignement, enseignant, sportive, professionnelle, patronne, cadette, coiffure, livraison, électricité,
  pharmacie, agréée, comptable, accessible, assistance, urgence, socialisme, fleuriste, mathématiques,
  qu'il, jusqu'à, aide-soignant, œuvre, 2026, a au aux avec ce de des du en et je la le les un une vous`;

export const ANALYZER_FINGERPRINT = createHash("sha256")
  .update(JSON.stringify([...FRENCH_STOP_WORDS].sort()))
  .update(analyze(PROBE).join(" "))
  .digest("hex")
  .slice(0, 12);
