import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { afterAll, describe, expect, it } from "vitest";
import { ChunkFilter } from "../../../src/retrieval/chunk-filter.js";
import { VectorIndex } from "../../../src/retrieval/index/vector-index.js";

/** Vectors are given directly; the index never asks the embedder for them. */
const noEmbedder: EmbeddingsInterface = {
  embedQuery: () => Promise.reject(new Error("not used")),
  embedDocuments: () => Promise.reject(new Error("not used")),
};

/** 60 unit vectors around a circle in the first two dimensions; chunk 3 is a zero vector (not indexed). */
const VECTORS = Array.from({ length: 60 }, (_, i) => {
  const angle = (i / 60) * 2 * Math.PI;
  return i === 3 ? [0, 0, 0, 0] : [Math.cos(angle), Math.sin(angle), 0.1, 0];
});

function closestFirst(query: number[], chunks: number[]): number[] {
  const cos = (v: number[]) => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0) / Math.hypot(...v) / Math.hypot(...query);
  return [...chunks].sort((a, b) => cos(VECTORS[b] ?? []) - cos(VECTORS[a] ?? []));
}

/** Between chunks 10 and 11, nearer 10: no ties. */
const QUERY = [Math.cos((10.3 / 60) * 2 * Math.PI), Math.sin((10.3 / 60) * 2 * Math.PI), 0.1, 0];

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("vector index", () => {
  it("finds the nearest chunks, and only those a filter accepts, closest first", async () => {
    const index = await VectorIndex.build(noEmbedder, VECTORS);
    const query = QUERY;
    const nearest = await index.search(query, 3);
    expect(nearest.map((n) => n.chunk)).toEqual([10, 11, 9]);
    expect(nearest[0]?.distance).toBeLessThan(nearest[1]?.distance ?? 0);

    // Few accepted chunks (fewer than asked for): each of them, in order of distance.
    const everySeventh = ChunkFilter.where(VECTORS.length, (chunk) => chunk % 7 === 0);
    const filtered = await index.search(query, 50, everySeventh);
    const accepted = [0, 7, 14, 21, 28, 35, 42, 49, 56];
    expect(filtered.map((n) => n.chunk)).toEqual(closestFirst(query, accepted));

    // Many accepted chunks: the graph search, still only accepted ones.
    const many = await index.search(query, 5, ChunkFilter.where(VECTORS.length, (chunk) => chunk !== 10));
    expect(many.map((n) => n.chunk)).not.toContain(10);
    expect(many).toHaveLength(5);
  });

  it("never returns a chunk without a vector, and answers the same after a reload", async () => {
    const index = await VectorIndex.build(noEmbedder, VECTORS);
    expect(index.size).toBe(59);
    const dir = await mkdtemp(path.join(os.tmpdir(), "vector-index-"));
    dirs.push(dir);
    await index.save(dir);
    const reloaded = await VectorIndex.load(dir, noEmbedder);
    const query = [0.2, 1, 0, 0];
    // Chunk 3 passes the filter but has no vector.
    const accept = ChunkFilter.where(VECTORS.length, (chunk) => chunk < 8);
    expect(await reloaded.search(query, 10, accept)).toEqual(await index.search(query, 10, accept));
    expect((await reloaded.search(query, 10, accept)).map((n) => n.chunk)).not.toContain(3);
    await expect(reloaded.search([1, 0], 3)).rejects.toThrow(/dimensions/);
  });
});
