/** What retrieval returns to the rest of the bot: plain data, one hit per fiche, rule, contact or document. */
import type { KnowledgeChunk, KnowledgeKind, SourceRef } from "../knowledge/types.js";
import type { RegionCode } from "../shared/region.js";

export type RetrievalMode = "hybrid" | "lexical" | "vector";

export interface SearchOptions {
  kinds?: KnowledgeKind[];
  /** Region-specific chunks of the other region are left out; national ones are kept. */
  region?: RegionCode;
  limit?: number;
  mode?: RetrievalMode;
  /**
   * Nothing at all unless every word of the question that carries a topic occurs in the chunks searched (or
   * one of its lexicon synonyms does): a rule that shares one word with "quel temps fait-il demain ?" does not
   * answer it. For quoting rules and documents, not for finding jobs, whose questions are free-form.
   */
  everyWordKnown?: boolean;
}

export interface RetrievalHit {
  entityId: string;
  kind: KnowledgeKind;
  title: string;
  /** Higher is better; comparable within one result list only. */
  score: number;
  /** The best-matching chunk of this entity. */
  chunk: KnowledgeChunk;
  /** Ids of the entity's other chunks that matched too. */
  otherChunkIds: string[];
  romeCodes: string[];
  source: SourceRef;
  /** Sources of the same job's other fiche, merged into this hit (the ROME fiche behind a project fiche). */
  otherSources?: SourceRef[];
  url: string;
  page?: number;
  /** 1-based ranks of the entity in each list before fusion. */
  matchedBy: { lexicalRank?: number; vectorRank?: number };
}
