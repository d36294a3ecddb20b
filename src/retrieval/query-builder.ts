/**
 * Turns a user's question into weighted index terms: the user's own words (weight 1), typo corrections
 * for words the index has never seen, and lexicon additions (synonyms, abbreviations, related topics).
 */
import { analyzeTokens } from "./analysis/french-analyzer.js";
import { stemFrench } from "./analysis/french-stemmer.js";
import { TypoCorrector } from "./analysis/typo-corrector.js";
import { expandWithLexicon, type Lexicon } from "./lexicon/lexicon.js";

/** A corrected word is probably right, but less sure than what the user typed. */
const TYPO_WEIGHT = 0.8;

export interface WeightedQuery {
  terms: Map<string, number>;
  /** Words replaced by typo correction, for logs and `ask --json`. */
  corrections: Array<{ from: string; to: string[] }>;
  /**
   * Each word of the user that carries a topic (not a stop word, not a filler such as "métier"), as the stems
   * it may stand for: itself, its typo corrections, or none when the knowledge has nothing close.
   */
  topicWords: Array<{ surface: string; stems: string[] }>;
}

export class QueryBuilder {
  private readonly corrector: TypoCorrector;
  private readonly lexiconTriggers: ReadonlySet<string>;

  constructor(
    private readonly lexicon: Lexicon,
    /** Index terms (stems). */
    private readonly knownTerms: (term: string) => boolean,
    /** Folded surface words seen in the knowledge, for typo correction. */
    surfaceVocabulary: Iterable<string>,
  ) {
    this.corrector = new TypoCorrector(surfaceVocabulary);
    this.lexiconTriggers = new Set(lexicon.rules.flatMap((r) => r.triggers.flat()));
  }

  build(question: string): WeightedQuery {
    const terms = new Map<string, number>();
    const corrections: WeightedQuery["corrections"] = [];
    const topicWords: WeightedQuery["topicWords"] = [];
    // Fillers ("métier", "emploi") get no weight of their own but stay in the sequence the lexicon reads,
    // so a phrase such as "trouver un emploi" still triggers its rule.
    const stems: string[] = [];
    for (const token of analyzeTokens(question)) {
      const filler = this.lexicon.fillers.has(token.surface);
      if (filler || this.knownTerms(token.term) || this.lexiconTriggers.has(token.term)) {
        stems.push(token.term);
        if (!filler) {
          terms.set(token.term, Math.max(terms.get(token.term) ?? 0, 1));
          topicWords.push({ surface: token.surface, stems: [token.term] });
        }
        continue;
      }
      const candidates = this.corrector.nearest(token.surface);
      const fixed = [...new Set(candidates.map((c) => stemFrench(c.word)))];
      topicWords.push({ surface: token.surface, stems: fixed });
      if (candidates.length === 0) continue;
      corrections.push({ from: token.surface, to: candidates.map((c) => c.word) });
      stems.push(fixed[0] as string);
      for (const t of fixed) terms.set(t, Math.max(terms.get(t) ?? 0, TYPO_WEIGHT / fixed.length));
    }
    for (const [t, w] of expandWithLexicon(this.lexicon, stems)) {
      if (!terms.has(t)) terms.set(t, w);
    }
    return { terms, corrections, topicWords };
  }

  /** Whether `vocabulary` holds one of a word's stems or a word the lexicon adds for it. */
  knows(vocabulary: { has(term: string): boolean }, word: { stems: readonly string[] }): boolean {
    if (word.stems.some((s) => vocabulary.has(s))) return true;
    return word.stems.some((s) => [...expandWithLexicon(this.lexicon, [s]).keys()].some((t) => vocabulary.has(t)));
  }
}
