/** Adapter over LangChain's HNSWLib (cosine; scores are distances): the only place that touches it. */
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";

export interface VectorNeighbour {
  /** Position of the chunk in the index's chunk list. */
  chunk: number;
  /** Cosine distance: 0 is identical, lower is closer. */
  distance: number;
}

export class VectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    readonly size: number,
  ) {}

  /** Indexes non-zero vectors only: a chunk with no known term has no direction to compare. */
  static async build(embeddings: EmbeddingsInterface, vectors: number[][]): Promise<VectorIndex> {
    const kept: number[][] = [];
    const docs: Document[] = [];
    vectors.forEach((v, i) => {
      if (v.some((x) => x !== 0)) {
        kept.push(v);
        docs.push(new Document({ pageContent: "", metadata: { chunk: i } }));
      }
    });
    const dims = vectors[0]?.length ?? 0;
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dims });
    if (kept.length > 0) await store.addVectors(kept, docs);
    return new VectorIndex(store, kept.length);
  }

  static async load(dir: string, embeddings: EmbeddingsInterface): Promise<VectorIndex> {
    const store = await HNSWLib.load(dir, embeddings);
    return new VectorIndex(store, store.index.getCurrentCount());
  }

  async save(dir: string): Promise<void> {
    if (this.size > 0) await this.store.save(dir);
  }

  /** The raw hnswlib-node index, for benchmarks that measure the floor under this adapter. */
  get rawIndex(): HNSWLib["index"] | undefined {
    return this.size > 0 ? this.store.index : undefined;
  }

  async search(vector: number[], k: number, accept?: (chunk: number) => boolean): Promise<VectorNeighbour[]> {
    if (this.size === 0 || !vector.some((x) => x !== 0)) return [];
    const filter = accept === undefined ? undefined : (d: Document) => accept(d.metadata.chunk as number);
    const hits = await this.store.similaritySearchVectorWithScore(vector, Math.min(k, this.size), filter);
    return hits.map(([doc, distance]) => ({ chunk: doc.metadata.chunk as number, distance }));
  }
}
