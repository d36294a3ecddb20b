/**
 * Spots a commune or postcode inside a user's sentence ("je suis à Dijon, où ...").
 * Many commune names are also ordinary words (Orange, Sens, Gap, Cannes, Bus, Vers...): those count only
 * after a real place cue ("à", "près de", "CIO de", "mission locale"...), or after a looser one ("vers", "sur",
 * "au") when typed with a capital, or when they are the whole message. So "une veste orange" and "je me
 * dirige vers le social" find nothing, while "je vis à Orange" finds the Vaucluse town and "vers Gap" Gap.
 */
import { createRequire } from "node:module";
import { z } from "zod";
import { communeDirectory, type CommuneRecord } from "./commune-directory.js";
import { normalizePlaceName } from "./place-name.js";
import { resolutionOf, type PlaceResolution } from "./resolve-place.js";

const require = createRequire(import.meta.url);

export interface PlaceMention {
  resolution: PlaceResolution;
  /** The words of the message that named the place, as typed. */
  matchedText: string;
  via: "postcode" | "name";
}

interface Token {
  raw: string;
  key: string;
  start: number;
  end: number;
}

/**
 * Word sequences (normalized) that announce a place when they come right before it. "place": a preposition
 * of place; "service": a service named with its town ("mission locale Nice"); "loose": words that also start
 * many phrases that are not about places ("vers le social", "sur place", "au port", "dans la vente").
 */
type CueStrength = "place" | "service" | "loose";
const CUES: [string[], CueStrength][] = [
  [["a"], "place"],
  [["habite"], "place"],
  [["pres", "de"], "place"],
  [["pres", "d"], "place"],
  [["proche", "de"], "place"],
  [["autour", "de"], "place"],
  [["cote", "de"], "place"],
  [["region", "de"], "place"],
  [["ville", "de"], "place"],
  [["secteur", "de"], "place"],
  [["au"], "loose"],
  [["aux"], "loose"],
  [["vers"], "loose"],
  [["sur"], "loose"],
  [["dans"], "loose"],
  [["cio"], "service"],
  [["cio", "de"], "service"],
  [["cio", "d"], "service"],
  [["mission", "locale"], "service"],
  [["mission", "locale", "de"], "service"],
  [["mission", "locale", "d"], "service"],
  [["france", "travail"], "service"],
  [["france", "travail", "de"], "service"],
  [["cap", "emploi"], "service"],
  [["pij"], "service"],
  [["crij"], "service"],
  [["metiers", "de"], "service"],
  [["metiers", "d"], "service"],
];

/** Words that are cues themselves: "vers" in "CIO vers le centre" announces a place, it is not the commune Vers. */
const CUE_WORDS = new Set(CUES.flatMap(([words]) => words));

let commonWords: Set<string> | undefined;
/** Read and checked once: this runs for every word of every message. */
function commonWordNames(): Set<string> {
  commonWords ??= new Set(z.object({ names: z.array(z.string()) }).parse(require("./common-word-communes.json")).names);
  return commonWords;
}

function tokenize(message: string): Token[] {
  return [...message.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    raw: m[0],
    key: normalizePlaceName(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The strongest cue right before `tokens[index]`, if any. */
function cueBefore(tokens: readonly Token[], index: number): CueStrength | undefined {
  let found: CueStrength | undefined;
  for (const [cue, strength] of CUES) {
    const matches = index >= cue.length && cue.every((word, i) => tokens[index - cue.length + i]?.key === word);
    if (matches && (found === undefined || strength !== "loose")) found = strength;
  }
  return found;
}

/** Whether a name that is also an ordinary word reads as a place here (see the module comment). */
function commonWordIsPlace(cue: CueStrength | undefined, typed: string): boolean {
  if (cue === "place" || cue === "service") return true;
  return cue === "loose" && typed[0] !== undefined && typed[0] !== typed[0].toLowerCase();
}

interface Hit {
  records: CommuneRecord[];
  start: number;
  end: number;
  cued: boolean;
  via: "postcode" | "name";
}

/** "au Creusot" is "à Le Creusot", "aux Pennes-Mirabeau" "à Les Pennes-Mirabeau": the article the contraction hides. */
const CONTRACTED_ARTICLE = new Map([
  ["au", "le"],
  ["aux", "les"],
]);

/** Names that begin with an article: "L'Hôpital", "La Montagne", "Le Port". */
const ARTICLE_NAME = /^(l|la|le|les) /;

function typedWithCapital(words: readonly Token[]): boolean {
  return words.some((t) => t.raw[0] !== undefined && t.raw[0] !== t.raw[0].toLowerCase());
}

/**
 * The longest commune name that starts at `tokens[i]`, read as a place here, with the number of tokens it
 * takes. `article` is the one a contraction before it hides ("au" → "le").
 */
function nameAt(tokens: readonly Token[], i: number, article?: string): { hit: Hit; length: number } | undefined {
  const directory = communeDirectory();
  const common = commonWordNames();
  const token = tokens[i];
  if (!token) return undefined;
  const longest = article === undefined ? (directory.wordsFrom.get(token.key) ?? 0) : (directory.wordsFrom.get(article) ?? 0) - 1;
  // Longest name first, so "Aix en Provence" wins over "Aix" (Aix exists in Corrèze).
  for (let n = Math.min(longest, tokens.length - i); n >= 1; n -= 1) {
    const words = tokens.slice(i, i + n);
    const key = `${article === undefined ? "" : `${article} `}${words.map((t) => t.key).join(" ")}`;
    const records = directory.byKey.get(key);
    if (!records) continue;
    // The contraction is itself "à": as strong a cue as any.
    const cue = article === undefined ? cueBefore(tokens, i) : "place";
    const wholeMessage = n === tokens.length;
    if (!wholeMessage && CUE_WORDS.has(key) && cue !== "place") continue;
    if (!wholeMessage && common.has(key)) {
      // An article and an ordinary word ("à l'hôpital", "à la montagne") is a phrase unless typed as a name.
      const readsAsPlace = ARTICLE_NAME.test(key) ? typedWithCapital(words) : commonWordIsPlace(cue, token.raw);
      if (!readsAsPlace) continue;
    }
    const last = words[words.length - 1] ?? token;
    return { hit: { records, start: token.start, end: last.end, cued: cue !== undefined, via: "name" }, length: n };
  }
  return undefined;
}

function findHits(message: string): Hit[] {
  const directory = communeDirectory();
  const tokens = tokenize(message);
  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const postcodeRecords = /^\d{5}$/.test(token.raw) ? directory.byPostcode.get(token.raw) : undefined;
    if (postcodeRecords) {
      hits.push({ records: postcodeRecords, start: token.start, end: token.end, cued: true, via: "postcode" });
      i += 1;
      continue;
    }
    // After "au"/"aux" the name with its article comes first: "au Luc" is Le Luc (Var), not Luc (Lozère).
    const article = CONTRACTED_ARTICLE.get(tokens[i - 1]?.key ?? "");
    const found = (article === undefined ? undefined : nameAt(tokens, i, article)) ?? nameAt(tokens, i);
    if (found) hits.push(found.hit);
    i += found?.length ?? 1;
  }
  return hits;
}

/** The place a message talks about, or undefined. A cued mention beats an uncued one, then the first. */
export function findPlaceInText(message: string): PlaceMention | undefined {
  const hits = findHits(message);
  const postcode = hits.find((h) => h.via === "postcode");
  const names = hits.filter((h) => h.via === "name");
  // "21000 Dijon": the postcode narrows which Dijon-like name is meant.
  if (postcode) {
    const named = names
      .map((h) => h.records.filter((r) => postcode.records.includes(r)))
      .find((records) => records.length > 0);
    const resolution = resolutionOf(named ?? postcode.records);
    return resolution && { resolution, matchedText: message.slice(postcode.start, postcode.end), via: "postcode" };
  }
  const hit = names.find((h) => h.cued) ?? names[0];
  if (!hit) return undefined;
  const resolution = resolutionOf(hit.records);
  return resolution && { resolution, matchedText: message.slice(hit.start, hit.end), via: "name" };
}
