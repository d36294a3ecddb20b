/**
 * Hybrid search over the knowledge: BM25F on analysed French terms and nearest neighbours in embedding
 * space, fused per entity, filtered by kind and region. The rest of the bot only sees RetrievalHit.
 */
import path from "node:path";
import type { AppConfig } from "../config/config.js";
import { loadCorpus } from "../knowledge/corpus.js";
import type { KnowledgeChunk } from "../knowledge/types.js";
import type { Logger } from "../shared/logger.js";
import { analyze } from "./analysis/french-analyzer.js";
import { ChunkFilter } from "./chunk-filter.js";
import { tokenize } from "./analysis/text-normalizer.js";
import { embedderProviderFor } from "./embeddings/embedder-factory.js";
import { LsaEmbeddings } from "./embeddings/lsa-embeddings.js";
import { DEFAULT_FUSION, fuseRankings, type FusionParams, type RankedChunk } from "./hybrid-fusion.js";
import { openOrBuildIndex, type RetrievalIndex } from "./index/open-or-build-index.js";
import { oneHitPerJob } from "./job-hits.js";
import { loadLexicon, type Lexicon } from "./lexicon/lexicon.js";
import { communePlaceHints, warmPlaceHints, type PlaceHints } from "./place-hints.js";
import { QueryBuilder, type WeightedQuery } from "./query-builder.js";
import type { RetrievalHit, SearchOptions } from "./types.js";

/** A place the user names says where, not what: it ranks contacts of that department, below the topic words. */
const PLACE_WEIGHT = 0.8;

/** How deep each list is read before fusion; deeper than any page of results so fusion can reorder. */
const CANDIDATES = 100;
/**
 * Shallower for the vector list: hnswlib's search costs in proportion to the depth asked, and with the fusion's
 * k = 20 a chunk below rank 40 adds at most 1/60 to an entity's score. On the 65 job questions of the two
 * evaluation sets (2026-11-23), depths 20, 40 and 100 gave the same hit@1, hit@3 and MRR in every mode.
 */
export const VECTOR_CANDIDATES = 40;

/** A filter letting this share of the chunks through is checked against the whole index's terms. */
const MOST_OF_THE_INDEX = 0.8;

/** What `everyWordKnown` asks of a set of terms. */
export interface Vocabulary {
  has(term: string): boolean;
}

export interface RetrieverOptions {
  fusion?: FusionParams;
  /** Extra words from a place named in the question (see place-hints.ts). */
  placeHints?: PlaceHints;
  logger?: Logger;
}

export class KnowledgeRetriever {
  private readonly queries: QueryBuilder;

  private readonly fusion: FusionParams;
  private readonly placeHints: PlaceHints | undefined;
  private readonly logger: Logger | undefined;
  /** One filter per kinds-and-region asked for: a handful in all, each built on first use. */
  private readonly filters = new Map<string, ChunkFilter>();
  /** Index terms per filter, for `everyWordKnown`. */
  private readonly vocabularies = new WeakMap<ChunkFilter, Set<string>>();

  constructor(
    readonly index: RetrievalIndex,
    lexicon: Lexicon,
    options: RetrieverOptions = {},
  ) {
    this.fusion = options.fusion ?? DEFAULT_FUSION;
    this.placeHints = options.placeHints;
    this.logger = options.logger;
    const surface = new Set<string>();
    for (const c of index.chunks)
      for (const t of tokenize(`${c.title} ${c.keywords.join(" ")} ${c.text}`)) surface.add(t);
    this.queries = new QueryBuilder(lexicon, (t) => index.lexical.has(t), surface);
  }

  get chunks(): readonly KnowledgeChunk[] {
    return this.index.chunks;
  }

  async search(query: string, options: SearchOptions = {}): Promise<RetrievalHit[]> {
    const mode = options.mode ?? "hybrid";
    const limit = Math.max(1, options.limit ?? 5);
    const filter = this.filterFor(options);
    const weighted = this.queries.build(query);
    if (options.everyWordKnown === true && !this.knowsEveryWord(weighted, filter)) return [];
    for (const term of analyze((this.placeHints?.(query) ?? []).join(" "))) {
      weighted.terms.set(term, Math.max(weighted.terms.get(term) ?? 0, PLACE_WEIGHT));
    }

    const lexical: RankedChunk[] = [];
    if (mode !== "vector" && weighted.terms.size > 0) {
      for (const hit of this.index.lexical.search(weighted.terms, CANDIDATES, filter)) {
        lexical.push({ chunk: hit.doc, entityId: (this.index.chunks[hit.doc] as KnowledgeChunk).entityId });
      }
    }
    const vector: RankedChunk[] = [];
    if (mode !== "lexical") {
      try {
        const embeddings = this.index.embedder.embeddings;
        const queryVector =
          embeddings instanceof LsaEmbeddings
            ? embeddings.model.embedTerms(weighted.terms)
            : await embeddings.embedQuery(query);
        for (const n of await this.index.vectors.search(queryVector, VECTOR_CANDIDATES, filter)) {
          vector.push({ chunk: n.chunk, entityId: (this.index.chunks[n.chunk] as KnowledgeChunk).entityId });
        }
      } catch (err) {
        // A hosted embedder can be down; hybrid search then answers from words alone rather than failing.
        if (mode === "vector") throw err;
        this.logger?.warn({ err: (err as Error).message }, "query embedding failed, lexical results only");
      }
    }
    // Twice the limit before merging: a project fiche and its ROME fiche may both be there, and become one.
    const fused = fuseRankings(lexical, vector, this.fusion)
      .slice(0, limit * 2)
      .map((f): RetrievalHit => {
        const [best, ...others] = f.chunks.map((i) => this.index.chunks[i] as KnowledgeChunk);
        const chunk = best as KnowledgeChunk;
        return {
          entityId: f.entityId,
          kind: chunk.kind,
          title: chunk.title,
          score: f.score,
          chunk,
          otherChunkIds: others.map((c) => c.id),
          romeCodes: [
            ...new Set(f.chunks.flatMap((i) => (this.index.chunks[i] as KnowledgeChunk).romeCodes)),
          ],
          source: chunk.source,
          url: chunk.url ?? chunk.source.url,
          ...(chunk.page === undefined ? {} : { page: chunk.page }),
          matchedBy: {
            ...(f.lexicalRank === undefined ? {} : { lexicalRank: f.lexicalRank }),
            ...(f.vectorRank === undefined ? {} : { vectorRank: f.vectorRank }),
          },
        };
      });
    return oneHitPerJob(fused).slice(0, limit);
  }

  /**
   * Whether the chunks of these kinds (and region) speak of every topic word of the question, through the word
   * itself, its typo correction or a lexicon synonym. Words the knowledge has nothing close to fail it.
   */
  speaksOfEveryWord(query: string, options: Pick<SearchOptions, "kinds" | "region"> = {}): boolean {
    return this.knowsEveryWord(this.queries.build(query), this.filterFor(options));
  }

  private knowsEveryWord(weighted: WeightedQuery, filter: ChunkFilter | undefined): boolean {
    const vocabulary = this.vocabularyOf(filter);
    return weighted.topicWords.every((w) => this.queries.knows(vocabulary, w));
  }

  /**
   * Whether a term occurs in the chunks a filter lets through. Term sets are built on first use for small
   * filters (rules, documents: a few hundred terms); a filter that lets most chunks through (jobs) uses the
   * whole index's terms, which differ from its own by the rules' and contacts' few words.
   */
  private vocabularyOf(filter: ChunkFilter | undefined): Vocabulary {
    if (filter === undefined || filter.count >= this.index.chunks.length * MOST_OF_THE_INDEX) return this.index.lexical;
    let vocabulary = this.vocabularies.get(filter);
    if (vocabulary === undefined) {
      vocabulary = new Set<string>();
      for (const i of filter.chunks()) {
        const c = this.index.chunks[i] as KnowledgeChunk;
        for (const term of analyze(`${c.title} ${c.keywords.join(" ")} ${c.text}`)) vocabulary.add(term);
      }
      this.vocabularies.set(filter, vocabulary);
    }
    return vocabulary;
  }

  private filterFor(options: SearchOptions): ChunkFilter | undefined {
    const region = options.region;
    if ((options.kinds === undefined || options.kinds.length === 0) && region === undefined) return undefined;
    // Keyed as the caller lists the kinds: each caller always lists them the same way, so sorting every search
    // would only cost.
    const key = `${options.kinds?.join(",") ?? ""}|${region ?? ""}`;
    let filter = this.filters.get(key);
    if (filter === undefined) {
      const kinds = options.kinds === undefined || options.kinds.length === 0 ? undefined : new Set(options.kinds);
      filter = ChunkFilter.where(this.index.chunks.length, (i) => {
        const c = this.index.chunks[i];
        if (c === undefined) return false;
        if (kinds !== undefined && !kinds.has(c.kind)) return false;
        return region === undefined || c.region === undefined || c.region === region;
      });
      this.filters.set(key, filter);
    }
    return filter;
  }
}

export interface OpenRetrieverOptions {
  /** Rebuild even if the saved index matches. */
  forceRebuild?: boolean;
  /** Add the department of a commune named in the question (default true; costs ~130 MB for the commune list). */
  placeHints?: boolean;
}

/** Loads the knowledge, opens (or builds) the index in `<dataDir>/index` and returns a ready retriever. */
export async function openKnowledgeRetriever(
  config: Pick<AppConfig, "knowledge" | "dataDir" | "embeddings">,
  logger: Logger,
  options: OpenRetrieverOptions = {},
): Promise<KnowledgeRetriever> {
  const corpus = await loadCorpus({ ...config.knowledge, dataDir: config.dataDir });
  for (const p of corpus.problems) logger.warn({ problem: p }, "knowledge problem");
  const index = await openOrBuildIndex({
    chunks: corpus.chunks,
    knowledgeHash: corpus.knowledgeHash,
    provider: embedderProviderFor(config.embeddings),
    dir: path.join(config.dataDir, "index"),
    logger,
    force: options.forceRebuild,
  });
  const lexicon = await loadLexicon(path.join(config.knowledge.dir, "lexicon"));
  const hints = options.placeHints === false ? undefined : communePlaceHints;
  if (hints !== undefined) warmPlaceHints(hints);
  return new KnowledgeRetriever(index, lexicon, { placeHints: hints, logger });
}
