/**
 * The numbered citations of a generated answer ("[2]", "[1, 3]"): which sources it cites, whether they all
 * exist, and the same text renumbered to match the source list the channel shows under the answer.
 */

// "[1]" or "[1, 3]", but not the text of a markdown link "[1](https://...)".
const MARKER = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\](?!\()/g;

const numbersIn = (group: string): number[] => group.split(/[,;]/).map((n) => Number(n.trim()));

/** Source numbers cited in `text`, in order of first appearance, without duplicates. */
export function citedNumbers(text: string): number[] {
  const seen: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    for (const n of numbersIn(m[1] ?? "")) if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

export type CitationCheck =
  | { ok: true; cited: number[] }
  | { ok: false; reason: "no-citation" }
  | { ok: false; reason: "unknown-source"; unknown: number[] };

/** An answer must cite at least one source, and only sources 1..sourceCount. */
export function checkCitations(text: string, sourceCount: number): CitationCheck {
  const cited = citedNumbers(text);
  if (cited.length === 0) return { ok: false, reason: "no-citation" };
  const unknown = cited.filter((n) => !Number.isInteger(n) || n < 1 || n > sourceCount);
  return unknown.length > 0 ? { ok: false, reason: "unknown-source", unknown } : { ok: true, cited };
}

/** Rewrites every marker through `mapping` (old number → new number), merging duplicates: "[3, 1]" → "[1, 2]". */
export function renumberCitations(text: string, mapping: ReadonlyMap<number, number>): string {
  return text.replace(MARKER, (marker: string, group: string) => {
    const renumbered = [...new Set(numbersIn(group).map((n) => mapping.get(n)))];
    if (renumbered.some((n) => n === undefined)) return marker;
    return `[${(renumbered as number[]).sort((a, b) => a - b).join(", ")}]`;
  });
}
