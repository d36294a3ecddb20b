/** Turns raw French text into folded surface tokens: lower case, no accents, no elisions, no punctuation. */

const ELISION = /\b(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/g;

/** Lower-cases and folds accents and ligatures, so "Âgées" and "agees" compare equal. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ`´]/g, "'");
}

/**
 * Splits folded text into tokens. Elided articles and pronouns ("l'", "qu'") are dropped; hyphens split
 * compounds ("aide-soignant" gives "aide", "soignant") because users write them both ways.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text).replace(ELISION, " ");
  return folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}
