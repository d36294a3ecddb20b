/**
 * BM25F over three fields of a chunk (title, keywords, text), each with its own weight and length
 * normalisation. Built from analysed terms; serialisable to JSON so it is saved beside the vector index.
 */
import { z } from "zod";
import type { ChunkFilter } from "../chunk-filter.js";

export const FIELDS = ["title", "keywords", "text"] as const;
export type FieldName = (typeof FIELDS)[number];

export interface Bm25fParams {
  k1: number;
  weights: Record<FieldName, number>;
  b: Record<FieldName, number>;
}

/** Titles and job titles say what a chunk is about; body text only hints at it. */
export const DEFAULT_BM25F: Bm25fParams = {
  k1: 1.2,
  weights: { title: 4, keywords: 2.5, text: 1 },
  b: { title: 0.5, keywords: 0.6, text: 0.75 },
};

export interface FieldTerms {
  title: string[];
  keywords: string[];
  text: string[];
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

const SerializedBm25f = z.object({
  format: z.literal("bm25f/1"),
  params: z.object({
    k1: z.number(),
    weights: z.object({ title: z.number(), keywords: z.number(), text: z.number() }),
    b: z.object({ title: z.number(), keywords: z.number(), text: z.number() }),
  }),
  lengths: z.array(z.array(z.number())),
  postings: z.record(z.string(), z.array(z.number())),
});

interface Posting {
  docs: Int32Array;
  /** Per field, term frequency in each doc of `docs`. */
  tf: [Float32Array, Float32Array, Float32Array];
}

export class Bm25fIndex {
  /**
   * Per field, each doc's weight over its length normalisation: the part of a term's BM25F frequency that does
   * not depend on the query, computed once instead of for every posting of every search.
   */
  private readonly fieldNorms: Float64Array[];
  private readonly scores: Float64Array;
  /** Scratch space of one search: the docs that passed the filter, and their scores (reordered by selection). */
  private readonly picked: Int32Array;
  private readonly pickedScores: Float64Array;

  private constructor(
    readonly params: Bm25fParams,
    private readonly lengths: Float32Array[],
    private readonly postings: Map<string, Posting>,
  ) {
    this.fieldNorms = FIELDS.map((f, fi) => {
      const l = lengths[fi] ?? new Float32Array(0);
      const avg = l.length === 0 ? 1 : Math.max(1e-9, l.reduce((a, b) => a + b, 0) / l.length);
      const b = params.b[f];
      return Float64Array.from(l, (len) => params.weights[f] / (1 - b + (b * len) / avg));
    });
    this.scores = new Float64Array(this.docCount);
    this.picked = new Int32Array(this.docCount);
    this.pickedScores = new Float64Array(this.docCount);
  }

  get docCount(): number {
    return this.lengths[0]?.length ?? 0;
  }

  /** Every indexed term and the number of chunks containing it. */
  documentFrequencies(): Map<string, number> {
    return new Map([...this.postings].map(([t, p]) => [t, p.docs.length]));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  static build(docs: FieldTerms[], params: Bm25fParams = DEFAULT_BM25F): Bm25fIndex {
    const lengths = FIELDS.map(() => new Float32Array(docs.length));
    const acc = new Map<string, { docs: number[]; tf: [number[], number[], number[]] }>();
    docs.forEach((d, docIdx) => {
      const counts = new Map<string, [number, number, number]>();
      FIELDS.forEach((f, fi) => {
        const terms = d[f];
        (lengths[fi] as Float32Array)[docIdx] = terms.length;
        for (const t of terms) {
          let c = counts.get(t);
          if (c === undefined) counts.set(t, (c = [0, 0, 0]));
          c[fi] = (c[fi] ?? 0) + 1;
        }
      });
      for (const [t, c] of counts) {
        let p = acc.get(t);
        if (p === undefined) acc.set(t, (p = { docs: [], tf: [[], [], []] }));
        p.docs.push(docIdx);
        c.forEach((v, fi) => (p.tf[fi] as number[]).push(v));
      }
    });
    const postings = new Map<string, Posting>();
    for (const [t, p] of acc) {
      postings.set(t, {
        docs: Int32Array.from(p.docs),
        tf: [Float32Array.from(p.tf[0]), Float32Array.from(p.tf[1]), Float32Array.from(p.tf[2])],
      });
    }
    return new Bm25fIndex(params, lengths, postings);
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    const n = this.docCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores docs for weighted query terms and returns the best `limit`, skipping docs the filter refuses.
   * Weights let lexicon additions and typo corrections count less than the user's own words.
   */
  search(query: ReadonlyMap<string, number>, limit: number, filter?: ChunkFilter): ScoredDoc[] {
    const k1 = this.params.k1;
    const [titleNorm, keywordsNorm, textNorm] = this.fieldNorms as [Float64Array, Float64Array, Float64Array];
    const scores = this.scores;
    const touched: number[] = [];
    for (const [term, qWeight] of query) {
      const p = this.postings.get(term);
      if (p === undefined || qWeight <= 0) continue;
      const idf = this.idf(term);
      const [titleTf, keywordsTf, textTf] = p.tf;
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i] as number;
        const tf =
          (titleTf[i] as number) * (titleNorm[doc] as number) +
          (keywordsTf[i] as number) * (keywordsNorm[doc] as number) +
          (textTf[i] as number) * (textNorm[doc] as number);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (qWeight * idf * tf) / (k1 + tf);
      }
    }
    // Select before building result objects: a common word touches a large share of the index, and only about
    // `limit` docs need an object and the comparator sort.
    const picked = this.picked;
    const pickedScores = this.pickedScores;
    let count = 0;
    for (const doc of touched) {
      if (filter !== undefined && !filter.accepts(doc)) continue;
      picked[count] = doc;
      pickedScores[count] = scores[doc] as number;
      count += 1;
    }
    const cutOff = count > limit && limit > 0 ? kthSmallest(pickedScores.subarray(0, count), count - limit) : -Infinity;
    const out: ScoredDoc[] = [];
    if (limit > 0) {
      for (let i = 0; i < count; i++) {
        const doc = picked[i] as number;
        const score = scores[doc] as number;
        if (score >= cutOff) out.push({ doc, score });
      }
    }
    for (const doc of touched) scores[doc] = 0;
    out.sort((x, y) => y.score - x.score || x.doc - y.doc);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  toJSON(): z.infer<typeof SerializedBm25f> {
    const postings: Record<string, number[]> = {};
    for (const [t, p] of this.postings) {
      // Flat layout [doc, tfTitle, tfKeywords, tfText, doc, ...]: compact and quick to parse.
      const flat: number[] = [];
      for (let i = 0; i < p.docs.length; i++)
        flat.push(p.docs[i] as number, p.tf[0][i] as number, p.tf[1][i] as number, p.tf[2][i] as number);
      postings[t] = flat;
    }
    return {
      format: "bm25f/1",
      params: this.params,
      lengths: this.lengths.map((l) => Array.from(l)),
      postings,
    };
  }

  static fromJSON(json: unknown): Bm25fIndex {
    const s = SerializedBm25f.parse(json);
    const postings = new Map<string, Posting>();
    for (const [t, flat] of Object.entries(s.postings)) {
      const n = flat.length / 4;
      const p: Posting = {
        docs: new Int32Array(n),
        tf: [new Float32Array(n), new Float32Array(n), new Float32Array(n)],
      };
      for (let i = 0; i < n; i++) {
        p.docs[i] = flat[4 * i] as number;
        p.tf[0][i] = flat[4 * i + 1] as number;
        p.tf[1][i] = flat[4 * i + 2] as number;
        p.tf[2][i] = flat[4 * i + 3] as number;
      }
      postings.set(t, p);
    }
    return new Bm25fIndex(
      s.params,
      s.lengths.map((l) => Float32Array.from(l)),
      postings,
    );
  }
}

/** The value that would be at `k` (0-based) if `values` were sorted ascending; reorders `values` (Hoare's select). */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}
