/**
 * The retrieval lexicon: reviewable JSON files of colloquial words, abbreviations and domain synonyms,
 * compiled into stem sequences so a query phrase can pull in the words the official texts use.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { analyze } from "../analysis/french-analyzer.js";
import { foldText } from "../analysis/text-normalizer.js";

export const LexiconFile = z.object({
  about: z.string().min(1),
  /** Words that say "I want a job" rather than which job ("métier", "voudrais"): ignored in queries. */
  queryFillers: z.array(z.string().min(1)).default([]),
  /** Phrases that mean the same thing; any one found in a query adds the others. */
  equivalents: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** One-way: a query phrase from `when` adds the `add` phrases (a topic to the jobs and words around it). */
  expansions: z
    .array(z.object({ when: z.array(z.string().min(1)).min(1), add: z.array(z.string().min(1)).min(1) }))
    .default([]),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface LexiconRule {
  /** Stem sequences that trigger the rule. */
  triggers: string[][];
  /** Stem sequences added to the query, with the weight they get. */
  additions: string[][];
  weight: number;
}

export interface Lexicon {
  fillers: ReadonlySet<string>;
  rules: LexiconRule[];
  /**
   * Positions in `rules` by the first stem of each of their triggers: a query only tests the rules its own stems
   * can start, instead of every rule of the lexicon.
   */
  rulesByFirstStem: ReadonlyMap<string, readonly number[]>;
  /** Raw files, for hashing into the index manifest. */
  sourceText: string;
}

/** Weights of added words relative to the user's own words: an equivalent is almost as good, a topic less. */
export const EQUIVALENT_WEIGHT = 0.8;
export const EXPANSION_WEIGHT = 0.45;

function toStems(phrase: string): string[] {
  return analyze(phrase);
}

export function compileLexicon(files: LexiconFile[], sourceText = ""): Lexicon {
  const fillers = new Set<string>();
  const rules: LexiconRule[] = [];
  for (const file of files) {
    for (const f of file.queryFillers) for (const w of foldText(f).split(/\s+/)) if (w) fillers.add(w);
    for (const group of file.equivalents) {
      const stems = group.map(toStems).filter((s) => s.length > 0);
      for (const [i, trigger] of stems.entries()) {
        rules.push({
          triggers: [trigger],
          additions: stems.filter((_, j) => j !== i),
          weight: EQUIVALENT_WEIGHT,
        });
      }
    }
    for (const e of file.expansions) {
      rules.push({
        triggers: e.when.map(toStems).filter((s) => s.length > 0),
        additions: e.add.map(toStems).filter((s) => s.length > 0),
        weight: EXPANSION_WEIGHT,
      });
    }
  }
  const rulesByFirstStem = new Map<string, number[]>();
  rules.forEach((rule, at) => {
    for (const first of new Set(rule.triggers.map((t) => t[0]))) {
      if (first === undefined) continue;
      const list = rulesByFirstStem.get(first) ?? [];
      list.push(at);
      rulesByFirstStem.set(first, list);
    }
  });
  return { fillers, rules, rulesByFirstStem, sourceText };
}

export class LexiconError extends Error {
  constructor(file: string, detail: string) {
    super(`Invalid lexicon file ${file}: ${detail}`);
    this.name = "LexiconError";
  }
}

/** Loads every `*.json` of a folder (sorted, so the result does not depend on the file system order). */
export async function loadLexicon(dir: string): Promise<Lexicon> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return compileLexicon([], "");
  }
  const files: LexiconFile[] = [];
  let sourceText = "";
  for (const name of names) {
    const raw = await readFile(path.join(dir, name), "utf8");
    sourceText += `${name}\n${raw}\n`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new LexiconError(name, (err as Error).message);
    }
    const parsed = LexiconFile.safeParse(json);
    if (!parsed.success) {
      throw new LexiconError(
        name,
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    }
    files.push(parsed.data);
  }
  return compileLexicon(files, sourceText);
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The stem sequences the lexicon adds to a query, each with its weight (highest weight wins). */
export function expandWithLexicon(lexicon: Lexicon, queryStems: readonly string[]): Map<string, number> {
  const added = new Map<string, number>();
  // In the lexicon's order, as when every rule was tested: the added words come out in the same order.
  const candidates = new Set<number>();
  for (const stem of queryStems) for (const at of lexicon.rulesByFirstStem.get(stem) ?? []) candidates.add(at);
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const rule = lexicon.rules[at] as LexiconRule;
    if (!rule.triggers.some((t) => containsSequence(queryStems, t))) continue;
    // A rule adding many phrases spreads its weight over them, so a topic cannot outweigh the user's own
    // words; a multi-word phrase spreads its share too ("aide à domicile" is not three full words).
    const stems = rule.additions.reduce((n, a) => n + a.length, 0);
    const spread = Math.max(1, Math.sqrt(stems / 2));
    for (const addition of rule.additions) {
      const w = rule.weight / spread;
      for (const stem of addition) added.set(stem, Math.max(added.get(stem) ?? 0, w));
    }
  }
  return added;
}
