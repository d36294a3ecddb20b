/**
 * A light French stemmer for folded words (no accents). Lighter than Snowball: it removes plurals, maps
 * feminine job titles onto the masculine ("boulangère" and "boulanger" meet) and strips the common
 * derivational endings that separate a job from its activity ("jardinier", "jardinage").
 */

/** [ending, replacement, minimum length of what remains]. Longest endings first; the first match wins. */
const SUFFIXES: ReadonlyArray<readonly [string, string, number]> = [
  ["issements", "", 4],
  ["issement", "", 4],
  ["icienne", "ic", 3],
  ["iciens", "ic", 3],
  ["icien", "ic", 3],
  ["atrice", "", 3],
  ["ateur", "", 3],
  ["ations", "", 3],
  ["ation", "", 3],
  ["ements", "", 4],
  ["ement", "", 4],
  ["iennes", "", 4],
  ["ienne", "", 4],
  ["ieres", "", 4],
  ["iere", "", 4],
  ["ier", "", 4],
  ["trice", "t", 3],
  ["euse", "", 3],
  ["eur", "", 3],
  ["erie", "", 4],
  ["ismes", "", 3],
  ["isme", "", 3],
  ["iste", "", 3],
  ["ables", "", 4],
  ["able", "", 4],
  ["ibles", "", 4],
  ["ible", "", 4],
  ["ances", "", 4],
  ["ance", "", 4],
  ["ences", "", 4],
  ["ence", "", 4],
  ["iques", "ic", 3],
  ["ique", "ic", 3],
  ["ives", "if", 3],
  ["ive", "if", 3],
  ["elle", "el", 3],
  ["onne", "on", 3],
  ["ette", "et", 3],
  ["aisons", "", 3],
  ["aison", "", 3],
  ["ure", "", 4],
  ["age", "", 4],
  ["ite", "", 4],
  ["ant", "", 4],
  ["ment", "", 4],
  ["ien", "", 4],
  ["ie", "", 4],
  ["ee", "", 3],
  ["er", "", 3],
  ["ir", "", 4],
  ["e", "", 3],
];

/** "vendre", "peintre": a final "re" after a consonant goes, so the verb meets "vendeur" ("vend"). */
function infinitiveRe(w: string): readonly [string, string, number] | undefined {
  return /[bcdfgklmnpstv]re$/.test(w) && w.length >= 6 ? ["re", "", 4] : undefined;
}

function removePlural(word: string): string {
  if (word.endsWith("eaux")) return word.slice(0, -1);
  if (word.endsWith("aux") && word.length > 4) return `${word.slice(0, -3)}al`;
  if (word.endsWith("x") && word.length > 4) return word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("ss") && word.length > 3) return word.slice(0, -1);
  return word;
}

/** Stems one folded word. Short words and numbers are returned unchanged. */
export function stemFrench(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = removePlural(word);
  // A bare final "e" is often the feminine mark ("boulangère", "soignante"): strip it, then look again.
  for (let pass = 0; pass < 2; pass++) {
    const rule =
      infinitiveRe(w) ??
      SUFFIXES.find(([suffix, , minStem]) => w.endsWith(suffix) && w.length - suffix.length >= minStem);
    if (rule === undefined) break;
    w = w.slice(0, w.length - rule[0].length) + rule[1];
    if (rule[0] !== "e") break;
  }
  // "coiffeur" -> "coiff" and "coiffure" -> "coiff" are fine, but "patronne"/"patron" need the undoubling.
  if (w.length > 3 && w.at(-1) === w.at(-2) && /[bcdfgklmnprst]/.test(w.at(-1) ?? "")) w = w.slice(0, -1);
  return w;
}
