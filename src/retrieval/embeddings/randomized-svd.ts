/**
 * Truncated SVD of a sparse matrix by the randomized range finder (Halko, Martinsson & Tropp 2011) with
 * power iterations, in plain TypeScript. Deterministic: the Gaussian test matrix comes from a seeded PRNG.
 */

/** Sparse matrix, one row per document: column indices and values. */
export interface SparseRows {
  rows: Array<{ cols: Int32Array; vals: Float32Array }>;
  cols: number;
}

export interface TruncatedSvd {
  /** Right singular vectors, row-major cols × k: row t is the coordinates of column (term) t. */
  v: Float32Array;
  singularValues: Float64Array;
  k: number;
}

/** mulberry32: small, fast and good enough for a Gaussian test matrix. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** X (rows × cols) times M (cols × l, row-major) → rows × l. */
function mulX(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.rows.length * l);
  x.rows.forEach((r, d) => {
    const base = d * l;
    for (let i = 0; i < r.cols.length; i++) {
      const v = r.vals[i] as number;
      const mb = (r.cols[i] as number) * l;
      for (let j = 0; j < l; j++) out[base + j] = (out[base + j] as number) + v * (m[mb + j] as number);
    }
  });
  return out;
}

/** Xᵀ (cols × rows) times Y (rows × l) → cols × l. */
function mulXt(x: SparseRows, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.cols * l);
  x.rows.forEach((r, d) => {
    const yb = d * l;
    for (let i = 0; i < r.cols.length; i++) {
      const v = r.vals[i] as number;
      const ob = (r.cols[i] as number) * l;
      for (let j = 0; j < l; j++) out[ob + j] = (out[ob + j] as number) + v * (y[yb + j] as number);
    }
  });
  return out;
}

/** Orthonormalises the l columns of a row-major n × l matrix in place (modified Gram-Schmidt, twice). */
function orthonormalize(a: Float64Array, n: number, l: number): void {
  const cols = Array.from({ length: l }, (_, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = a[i * l + j] as number;
    return c;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < l; j++) {
      const cj = cols[j] as Float64Array;
      for (let p = 0; p < j; p++) {
        const cp = cols[p] as Float64Array;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += (cj[i] as number) * (cp[i] as number);
        for (let i = 0; i < n; i++) cj[i] = (cj[i] as number) - dot * (cp[i] as number);
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += (cj[i] as number) ** 2;
      norm = Math.sqrt(norm);
      // A rank-deficient column becomes zero; it then carries no singular value and is dropped later.
      for (let i = 0; i < n; i++) cj[i] = norm > 1e-10 ? (cj[i] as number) / norm : 0;
    }
  }
  for (let j = 0; j < l; j++) {
    const c = cols[j] as Float64Array;
    for (let i = 0; i < n; i++) a[i * l + j] = c[i] as number;
  }
}

/** Eigen-decomposition of a symmetric n × n matrix (cyclic Jacobi). Returns eigenvalues and column eigenvectors. */
export function symmetricEigen(
  input: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] as number;
  return { values, vectors: v };
}

export interface SvdOptions {
  k: number;
  seed?: number;
  oversample?: number;
  powerIterations?: number;
}

/** Top-k right singular vectors and singular values of X. k is capped by the matrix rank bound. */
export function randomizedSvd(x: SparseRows, options: SvdOptions): TruncatedSvd {
  const n = x.rows.length;
  const k = Math.max(1, Math.min(options.k, n, x.cols));
  const l = Math.min(k + (options.oversample ?? 10), n, x.cols);
  const rand = seededRandom(options.seed ?? 42);
  const omega = new Float64Array(x.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);

  let y = mulX(x, omega, l);
  orthonormalize(y, n, l);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    const z = mulXt(x, y, l);
    orthonormalize(z, x.cols, l);
    y = mulX(x, z, l);
    orthonormalize(y, n, l);
  }
  // B = Qᵀ X is l × cols; we keep Bᵀ (cols × l), which is exactly mulXt(x, Q).
  const bt = mulXt(x, y, l);
  const gram = new Float64Array(l * l);
  for (let t = 0; t < x.cols; t++) {
    const base = t * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[base + i] as number;
      if (bi === 0) continue;
      for (let j = i; j < l; j++)
        gram[i * l + j] = (gram[i * l + j] as number) + bi * (bt[base + j] as number);
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i] as number;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i).sort(
    (p, q) => (values[q] as number) - (values[p] as number),
  );
  const top = order.slice(0, k);
  const singularValues = Float64Array.from(top, (i) => Math.sqrt(Math.max(0, values[i] as number)));
  // V = Bᵀ W Σ⁻¹: right singular vectors of X in term space.
  const v = new Float32Array(x.cols * k);
  for (let t = 0; t < x.cols; t++) {
    const base = t * l;
    top.forEach((col, j) => {
      const sigma = singularValues[j] as number;
      if (sigma < 1e-12) return;
      let s = 0;
      for (let i = 0; i < l; i++) s += (bt[base + i] as number) * (vectors[i * l + col] as number);
      v[t * k + j] = s / sigma;
    });
  }
  return { v, singularValues, k };
}
