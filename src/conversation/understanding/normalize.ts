/** Folds a French message to a comparable form: lower case, no accents, elisions split, punctuation as spaces. */

const ELISION = /\b(l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’‘`´]/g;

const ASCII_ONLY = /^[\t\n\r\x20-\x7e]*$/;

export function foldAccents(text: string): string {
  // Unicode decomposition is the costly part, and a message, a job title or a word often has nothing to fold.
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize("NFD").replace(/\p{M}+/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
}

/** "J'ai 17 ans, où est l'CIO ?" → "j ai 17 ans ou est l cio". */
export function normalizeText(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(ELISION, "$1 ")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized.split(" ").filter((t) => t.length > 0);
}

/** Typos are tolerated only on long words: one edit from 5 letters, two from 9, so "cio" never matches "clio". */
export function allowedTypos(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}
