import { describe, expect, it } from "vitest";
import {
  randomizedSvd,
  seededRandom,
  symmetricEigen,
  type SparseRows,
} from "../../../src/retrieval/embeddings/randomized-svd.js";

/** A dense matrix as sparse rows, for small known examples. */
function sparse(dense: number[][]): SparseRows {
  return {
    cols: dense[0]?.length ?? 0,
    rows: dense.map((r) => {
      const cols = r.flatMap((v, j) => (v === 0 ? [] : [j]));
      return { cols: Int32Array.from(cols), vals: Float32Array.from(cols, (j) => r[j] as number) };
    }),
  };
}

describe("randomized truncated SVD", () => {
  it("recovers the singular values of a diagonal matrix", () => {
    const svd = randomizedSvd(
      sparse([
        [5, 0, 0, 0],
        [0, 3, 0, 0],
        [0, 0, 1, 0],
      ]),
      { k: 2, oversample: 2 },
    );
    expect(Array.from(svd.singularValues)).toEqual([expect.closeTo(5, 5), expect.closeTo(3, 5)]);
  });

  it("finds orthonormal right singular vectors of a random low-rank matrix", () => {
    const rand = seededRandom(7);
    const a = Array.from({ length: 30 }, () => rand());
    const b = Array.from({ length: 30 }, () => rand());
    const dense = Array.from({ length: 40 }, (_, i) =>
      Array.from(
        { length: 30 },
        (_, j) => (i % 2 === 0 ? 2 : 1) * (a[j] as number) + (i % 3) * (b[j] as number),
      ),
    );
    const svd = randomizedSvd(sparse(dense), { k: 2 });
    const col = (j: number): number[] => Array.from({ length: 30 }, (_, t) => svd.v[t * 2 + j] as number);
    const dot = (x: number[], y: number[]): number => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(col(0), col(0))).toBeCloseTo(1, 6);
    expect(dot(col(1), col(1))).toBeCloseTo(1, 6);
    expect(dot(col(0), col(1))).toBeCloseTo(0, 6);
    // Rank 2: the third singular value of the same matrix is zero, so two capture all of it.
    const frob = dense.flat().reduce((s, v) => s + v * v, 0);
    const captured = Array.from(svd.singularValues).reduce((s, v) => s + v * v, 0);
    expect(captured / frob).toBeCloseTo(1, 6);
  });

  it("is deterministic for a given seed", () => {
    const m = sparse([
      [1, 2, 0],
      [0, 1, 3],
      [4, 0, 1],
      [1, 1, 1],
    ]);
    expect(Array.from(randomizedSvd(m, { k: 2, seed: 3 }).v)).toEqual(
      Array.from(randomizedSvd(m, { k: 2, seed: 3 }).v),
    );
  });
});

describe("symmetric eigen-decomposition", () => {
  it("diagonalises a 2×2 matrix", () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(Array.from(values).sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
  });
});
