import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/retrieval/analysis/french-analyzer.js";
import { ChunkFilter } from "../../../src/retrieval/chunk-filter.js";
import { Bm25fIndex, type FieldTerms } from "../../../src/retrieval/lexical/bm25f-index.js";

const doc = (title: string, keywords: string, text: string): FieldTerms => ({
  title: analyze(title),
  keywords: analyze(keywords),
  text: analyze(text),
});
const docs = [
  doc("Boulanger / Boulangère", "Boulanger ; Mitron", "Fabrique le pain et les viennoiseries."),
  doc(
    "Vendeur / Vendeuse en boulangerie",
    "Vendeur en boulangerie",
    "Vend le pain et conseille la clientèle.",
  ),
  doc(
    "Couvreur / Couvreuse",
    "Couvreur zingueur",
    "Pose et répare les toitures. Le pain du midi est pris sur le chantier.",
  ),
];
const query = (text: string): Map<string, number> => new Map(analyze(text).map((t) => [t, 1]));

describe("BM25F index", () => {
  const index = Bm25fIndex.build(docs);

  it("ranks a title match above a mention in the body", () => {
    const hits = index.search(query("boulangère"), 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 1]);
  });

  it("finds a word only present in body text, below title matches", () => {
    const hits = index.search(query("pain"), 10);
    expect(hits).toHaveLength(3);
    expect(hits[2]?.doc).toBe(2);
  });

  it("weighs query terms by their given weight", () => {
    const light = index.search(
      new Map([
        ["couvr", 0.1],
        ["vend", 1],
      ]),
      1,
    );
    expect(light[0]?.doc).toBe(1);
  });

  it("skips documents the filter refuses", () => {
    expect(index.search(query("boulanger"), 10, ChunkFilter.where(docs.length, (d) => d !== 0)).map((h) => h.doc)).toEqual([1]);
  });

  it("keeps the best of many matches, equal scores in document order", () => {
    // 40 docs share the word; many of them are identical, so their scores tie at the cut-off.
    const many = Bm25fIndex.build(
      Array.from({ length: 40 }, (_, i) => doc(i % 5 === 0 ? "Boulanger" : "Vendeur", "", i % 3 === 0 ? "pain pain" : "pain")),
    );
    const all = many.search(query("pain boulanger"), 100);
    expect(all).toHaveLength(40);
    for (const limit of [1, 5, 9, 39]) expect(many.search(query("pain boulanger"), limit)).toEqual(all.slice(0, limit));
    expect(all.slice(0, 8).map((h) => h.doc)).toEqual([0, 15, 30, 5, 10, 20, 25, 35]);
  });

  it("returns nothing for unknown words", () => {
    expect(index.search(query("astronaute"), 10)).toEqual([]);
  });

  it("gives the same scores after a JSON round trip", () => {
    const copy = Bm25fIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.search(query("pain boulanger"), 10)).toEqual(index.search(query("pain boulanger"), 10));
  });

  it("refuses a serialised index of another format", () => {
    expect(() => Bm25fIndex.fromJSON({ format: "other" })).toThrow();
  });
});
