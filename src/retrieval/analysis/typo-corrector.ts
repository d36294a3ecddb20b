/**
 * Finds, for a word the index has never seen, the closest words it has (Damerau-Levenshtein, optimal
 * string alignment): at most 1 edit for short words, 2 for long ones, so "plombié" still finds "plombier".
 */
import { editDistance } from "../../shared/edit-distance.js";

/** How many edits a word of this length may need: 1 up to 7 letters, 2 from 8. Very short words: none. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

export interface TypoCandidate {
  word: string;
  distance: number;
}

/** Vocabulary bucketed by length, so a lookup only compares words of a plausible length. */
export class TypoCorrector {
  private readonly byLength = new Map<number, string[]>();

  constructor(vocabulary: Iterable<string>) {
    for (const w of vocabulary) {
      const bucket = this.byLength.get(w.length);
      if (bucket === undefined) this.byLength.set(w.length, [w]);
      else bucket.push(w);
    }
  }

  /** The nearest words (all at the smallest distance found), or [] when nothing is close enough. */
  nearest(word: string, limit = 3): TypoCandidate[] {
    const max = allowedEdits(word);
    if (max === 0) return [];
    let best = max + 1;
    let found: TypoCandidate[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos rarely hit the first letter; requiring it keeps "cariste" from correcting to "artiste".
        if (candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate, Math.min(max, best));
        if (d < best) {
          best = d;
          found = [{ word: candidate, distance: d }];
        } else if (d === best && d <= max) {
          found.push({ word: candidate, distance: d });
        }
      }
    }
    return found.sort((x, y) => x.word.localeCompare(y.word)).slice(0, limit);
  }
}
