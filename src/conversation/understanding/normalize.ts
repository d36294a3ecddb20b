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

/** Optimal string alignment distance, bounded: returns `max + 1` as soon as it cannot be within `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (two back for transpositions) rather than the whole matrix: it runs for every word of
  // every message against the typo-tolerant keywords.
  const width = b.length + 1;
  let before = new Int32Array(width);
  let prev = Int32Array.from({ length: width }, (_, j) => j);
  let row = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}

/** Typos are tolerated only on long words: one edit from 5 letters, two from 9, so "cio" never matches "clio". */
export function allowedTypos(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}
