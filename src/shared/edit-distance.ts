/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded: it returns `max + 1`
 * as soon as the strings cannot be within `max`. Both typo tolerances use it: the intent keywords of a message
 * and the query words the index has never seen.
 */

/** The three rows the distance works in, grown to the longest word seen and reused: no allocation per call. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (two back for transpositions) rather than the whole matrix: it runs for every word of
  // every message, against each typo-tolerant keyword.
  const width = b.length + 1;
  if (width > rows[0].length) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let [before, prev, row] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldest = before;
    before = prev;
    prev = row;
    row = oldest;
  }
  return prev[b.length] as number;
}
