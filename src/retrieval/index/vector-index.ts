/** Adapter over LangChain's HNSWLib (cosine; scores are distances): the only place that touches it. */
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { ChunkFilter } from "../chunk-filter.js";

export interface VectorNeighbour {
  /** Position of the chunk in the index's chunk list. */
  chunk: number;
  /** Cosine distance: 0 is identical, lower is closer. */
  distance: number;
}

export class VectorIndex {
  /** Chunk position of each hnswlib label, read once from the docstore. */
  private readonly chunkOfLabel: Int32Array;
  /** The hnswlib label of each chunk position, -1 for a chunk without a vector. */
  private readonly labelOfChunk: Int32Array;
  /** Stored vectors read back from hnswlib, kept once read: fetching one costs more than comparing with it. */
  private readonly points = new Map<number, Float32Array>();

  private constructor(
    private readonly store: HNSWLib,
    readonly size: number,
  ) {
    const docs = size > 0 ? store.docstore._docs : new Map<string, Document>();
    this.chunkOfLabel = new Int32Array(docs.size).fill(-1);
    for (const [label, doc] of docs) {
      const at = Number(label);
      if (Number.isInteger(at) && at >= 0 && at < docs.size) this.chunkOfLabel[at] = doc.metadata.chunk as number;
    }
    this.labelOfChunk = new Int32Array(this.chunkOfLabel.reduce((max, chunk) => Math.max(max, chunk), -1) + 1).fill(-1);
    this.chunkOfLabel.forEach((chunk, label) => {
      if (chunk >= 0) this.labelOfChunk[chunk] = label;
    });
  }

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

  /**
   * Asks hnswlib directly rather than through LangChain's `similaritySearchVectorWithScore`: its filter looks
   * every candidate up in the docstore by string id, which cost more than the search itself on every turn.
   * When the filter leaves no more than `k` chunks (the 30 rules, the contacts), the graph search would visit
   * the whole graph to find them all; comparing with each of them directly gives the same list for less.
   */
  async search(vector: number[], k: number, filter?: ChunkFilter): Promise<VectorNeighbour[]> {
    if (this.size === 0 || !vector.some((x) => x !== 0)) return [];
    const index = this.store.index;
    if (vector.length !== index.getNumDimensions()) {
      throw new Error(`query vector has ${vector.length} dimensions, the index ${index.getNumDimensions()}`);
    }
    const chunkOf = this.chunkOfLabel;
    const wanted = Math.min(k, this.size);
    if (filter !== undefined && filter.count <= wanted) {
      const labels = filter.chunks().map((chunk) => this.labelOfChunk[chunk] ?? -1);
      return this.compareWith(vector, labels.filter((label) => label >= 0));
    }
    const accept = filter === undefined ? undefined : (label: number) => filter.accepts(chunkOf[label] ?? -1);
    const result = index.searchKnn(vector, wanted, accept);
    const neighbours: VectorNeighbour[] = [];
    result.neighbors.forEach((label, i) => {
      const chunk = chunkOf[label] ?? -1;
      if (chunk >= 0) neighbours.push({ chunk, distance: result.distances[i] ?? 1 });
    });
    return neighbours;
  }

  /** Cosine distance to each labelled vector, closest first (hnswlib stores cosine vectors normalised). */
  private compareWith(vector: number[], labels: readonly number[]): VectorNeighbour[] {
    const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
    const neighbours = labels.map((label) => {
      const point = this.point(label);
      let dot = 0;
      for (let i = 0; i < point.length; i += 1) dot += (point[i] ?? 0) * (vector[i] ?? 0);
      return { chunk: this.chunkOfLabel[label] ?? -1, distance: 1 - dot / norm };
    });
    return neighbours.sort((a, b) => a.distance - b.distance || a.chunk - b.chunk);
  }

  private point(label: number): Float32Array {
    let point = this.points.get(label);
    if (point === undefined) {
      point = Float32Array.from(this.store.index.getPoint(label));
      this.points.set(label, point);
    }
    return point;
  }
}
