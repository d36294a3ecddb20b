/**
 * Latent semantic analysis learned from the knowledge itself: TF-IDF over analysed terms, reduced by a
 * truncated SVD. Needs no download; saved with the index so a query is embedded in the same space.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { analyze } from "../analysis/french-analyzer.js";
import { randomizedSvd, type SparseRows } from "./randomized-svd.js";

export interface LsaTrainOptions {
  dimensions: number;
  seed?: number;
  /** Terms in fewer documents than this carry no co-occurrence signal and are left out. */
  minDocumentFrequency?: number;
}

const LsaMeta = z.object({
  format: z.literal("lsa/1"),
  k: z.number().int().positive(),
  terms: z.array(z.string()),
  idf: z.array(z.number()),
  singularValues: z.array(z.number()),
});

const META_FILE = "lsa-model.json";
const PROJECTION_FILE = "lsa-projection.f32";

export class LsaModel {
  private readonly termIndex: Map<string, number>;

  constructor(
    readonly terms: string[],
    readonly idf: Float32Array,
    /** terms × k, row-major. */
    readonly projection: Float32Array,
    readonly singularValues: Float64Array,
    readonly k: number,
  ) {
    this.termIndex = new Map(terms.map((t, i) => [t, i]));
  }

  static train(texts: string[], options: LsaTrainOptions): LsaModel {
    const docs = texts.map(analyze);
    const df = new Map<string, number>();
    for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
    const minDf = options.minDocumentFrequency ?? 2;
    const terms = [...df]
      .filter(([, n]) => n >= minDf)
      .map(([t]) => t)
      .sort();
    const termIndex = new Map(terms.map((t, i) => [t, i]));
    const n = docs.length;
    const idf = Float32Array.from(terms, (t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
    const rows: SparseRows["rows"] = docs.map((d) => sparseTfIdf(d, termIndex, idf));
    const svd = randomizedSvd(
      { rows, cols: terms.length },
      { k: options.dimensions, seed: options.seed ?? 42 },
    );
    return new LsaModel(terms, idf, svd.v, svd.singularValues, svd.k);
  }

  /** Unit vector of length k; all zeros when no term of the text is known. */
  embed(text: string): number[] {
    return this.project(sparseTfIdf(analyze(text), this.termIndex, this.idf));
  }

  /** Embeds already analysed terms with their own weights (a query with lexicon additions). */
  embedTerms(weights: ReadonlyMap<string, number>): number[] {
    const entries = [...weights]
      .map(([t, w]) => [this.termIndex.get(t), w] as const)
      .filter((e): e is readonly [number, number] => e[0] !== undefined);
    return this.project({
      cols: Int32Array.from(entries, (e) => e[0]),
      vals: Float32Array.from(entries, (e) => e[1] * (this.idf[e[0]] as number)),
    });
  }

  private project({ cols, vals }: { cols: Int32Array; vals: Float32Array }): number[] {
    const out = new Float64Array(this.k);
    for (let i = 0; i < cols.length; i++) {
      const base = (cols[i] as number) * this.k;
      const v = vals[i] as number;
      for (let j = 0; j < this.k; j++)
        out[j] = (out[j] as number) + v * (this.projection[base + j] as number);
    }
    let norm = 0;
    for (const x of out) norm += x * x;
    norm = Math.sqrt(norm);
    return Array.from(out, (x) => (norm > 0 ? x / norm : 0));
  }

  async save(dir: string): Promise<void> {
    const meta: z.infer<typeof LsaMeta> = {
      format: "lsa/1",
      k: this.k,
      terms: this.terms,
      idf: Array.from(this.idf),
      singularValues: Array.from(this.singularValues),
    };
    await writeFile(path.join(dir, META_FILE), JSON.stringify(meta));
    await writeFile(
      path.join(dir, PROJECTION_FILE),
      Buffer.from(this.projection.buffer, this.projection.byteOffset, this.projection.byteLength),
    );
  }

  static async load(dir: string): Promise<LsaModel> {
    const meta = LsaMeta.parse(JSON.parse(await readFile(path.join(dir, META_FILE), "utf8")));
    const buf = await readFile(path.join(dir, PROJECTION_FILE));
    const projection = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    if (projection.length !== meta.terms.length * meta.k)
      throw new Error(`LSA projection in ${dir} does not match its vocabulary`);
    return new LsaModel(
      meta.terms,
      Float32Array.from(meta.idf),
      projection,
      Float64Array.from(meta.singularValues),
      meta.k,
    );
  }
}

/** Sublinear TF-IDF, L2-normalised, restricted to the model's vocabulary. */
function sparseTfIdf(
  terms: string[],
  termIndex: ReadonlyMap<string, number>,
  idf: Float32Array,
): { cols: Int32Array; vals: Float32Array } {
  const counts = new Map<number, number>();
  for (const t of terms) {
    const i = termIndex.get(t);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const cols = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const vals = Float32Array.from(cols, (c) => (1 + Math.log(counts.get(c) ?? 1)) * (idf[c] as number));
  let norm = 0;
  for (const v of vals) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vals.length; i++) vals[i] = (vals[i] as number) / norm;
  return { cols, vals };
}
