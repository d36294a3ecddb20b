import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LsaEmbeddings } from "../../../src/retrieval/embeddings/lsa-embeddings.js";
import { LsaModel } from "../../../src/retrieval/embeddings/lsa-model.js";

const texts = [
  "Soigne les chevaux, nettoie les boxes et prépare les équidés.",
  "Monte les chevaux à l'entraînement et soigne les équidés.",
  "Enseigne l'équitation aux cavaliers et prépare les chevaux.",
  "Fabrique le pain, les baguettes et les viennoiseries au fournil.",
  "Vend le pain et les viennoiseries en boulangerie.",
  "Fabrique des gâteaux et des viennoiseries en pâtisserie.",
  "Répare les vélos et règle les freins des cycles.",
  "Vend et répare les cycles et les vélos électriques.",
];
const cosine = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe("LSA embeddings", () => {
  const model = LsaModel.train(texts, { dimensions: 3, seed: 1 });

  it("returns unit vectors of the requested dimension", () => {
    const v = model.embed("chevaux");
    expect(v).toHaveLength(3);
    expect(cosine(v, v)).toBeCloseTo(1, 6);
  });

  it("puts a question nearer to the texts of its topic than to others", () => {
    const q = model.embed("équidés");
    expect(cosine(q, model.embed(texts[2] as string))).toBeGreaterThan(
      cosine(q, model.embed(texts[3] as string)),
    );
    expect(cosine(q, model.embed(texts[2] as string))).toBeGreaterThan(
      cosine(q, model.embed(texts[6] as string)),
    );
  });

  it("gives a zero vector to text with no known word", () => {
    expect(model.embed("astronaute lunaire").every((x) => x === 0)).toBe(true);
  });

  it("learns the same model twice from the same texts", () => {
    const again = LsaModel.train(texts, { dimensions: 3, seed: 1 });
    expect(again.embed("pain")).toEqual(model.embed("pain"));
  });

  it("embeds the same after saving and loading", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lsa-"));
    await model.save(dir);
    const loaded = await LsaModel.load(dir);
    expect(loaded.embed("vélos")).toEqual(model.embed("vélos"));
  });

  it("serves LangChain's Embeddings interface", async () => {
    const embeddings = new LsaEmbeddings(model);
    const [doc] = await embeddings.embedDocuments(["pain"]);
    expect(await embeddings.embedQuery("pain")).toEqual(doc);
  });
});
