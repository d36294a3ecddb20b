/**
 * Fuses the lexical and vector rankings per entity with weighted reciprocal rank fusion: ranks, not raw
 * scores, because BM25 scores and cosine distances live on unrelated scales.
 */

export interface RankedChunk {
  chunk: number;
  entityId: string;
}

export interface FusionParams {
  /** RRF constant: larger flattens the advantage of the very first ranks. */
  k: number;
  lexicalWeight: number;
  vectorWeight: number;
}

export const DEFAULT_FUSION: FusionParams = { k: 20, lexicalWeight: 1, vectorWeight: 1 };

export interface FusedEntity {
  entityId: string;
  score: number;
  /** Best chunk first. */
  chunks: number[];
  lexicalRank?: number;
  vectorRank?: number;
}

interface Acc {
  entityId: string;
  chunks: number[];
  lexicalRank?: number;
  vectorRank?: number;
  bestChunkList?: "lexical" | "vector";
}

/** Collapses a chunk ranking into entity ranks (1-based), keeping each entity's chunks in order. */
function addList(acc: Map<string, Acc>, list: readonly RankedChunk[], which: "lexical" | "vector"): void {
  let rank = 0;
  const seen = new Set<string>();
  for (const item of list) {
    let a = acc.get(item.entityId);
    if (a === undefined) acc.set(item.entityId, (a = { entityId: item.entityId, chunks: [] }));
    if (!seen.has(item.entityId)) {
      seen.add(item.entityId);
      rank++;
      if (which === "lexical") a.lexicalRank = rank;
      else a.vectorRank = rank;
    }
    if (!a.chunks.includes(item.chunk)) a.chunks.push(item.chunk);
  }
}

export function fuseRankings(
  lexical: readonly RankedChunk[],
  vector: readonly RankedChunk[],
  params: FusionParams = DEFAULT_FUSION,
): FusedEntity[] {
  const acc = new Map<string, Acc>();
  // Lexical first: when both lists agree on the entity, its best lexical chunk is the one shown.
  addList(acc, lexical, "lexical");
  addList(acc, vector, "vector");
  const out: FusedEntity[] = [];
  for (const a of acc.values()) {
    let score = 0;
    if (a.lexicalRank !== undefined) score += params.lexicalWeight / (params.k + a.lexicalRank);
    if (a.vectorRank !== undefined) score += params.vectorWeight / (params.k + a.vectorRank);
    out.push({
      entityId: a.entityId,
      score,
      chunks: a.chunks,
      lexicalRank: a.lexicalRank,
      vectorRank: a.vectorRank,
    });
  }
  // Ties are common (rank 3 in one list scores like rank 3 in the other) and only need a stable order: plain
  // code-unit comparison, not localeCompare, whose collation cost a measurable share of each search.
  return out.sort((x, y) => y.score - x.score || (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0));
}
