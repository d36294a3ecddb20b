import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hashChunks } from "../../src/knowledge/corpus.js";
import { embedderProviderFor } from "../../src/retrieval/embeddings/embedder-factory.js";
import { openOrBuildIndex } from "../../src/retrieval/index/open-or-build-index.js";
import { KnowledgeRetriever } from "../../src/retrieval/knowledge-retriever.js";
import { compileLexicon, LexiconFile } from "../../src/retrieval/lexicon/lexicon.js";
import { silentLogger } from "../../src/shared/logger.js";
import { FIXTURE_CHUNKS } from "./fixtures/chunks.js";

const LSA16 = {
  provider: "lsa" as const,
  model: undefined,
  url: undefined,
  apiKey: undefined,
  localModelDir: undefined,
  lsaDimensions: 16,
};
let retriever: KnowledgeRetriever;

beforeAll(async () => {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "retriever-")), "index");
  const provider = embedderProviderFor(LSA16);
  const index = await openOrBuildIndex({
    chunks: FIXTURE_CHUNKS,
    knowledgeHash: hashChunks(FIXTURE_CHUNKS),
    provider,
    dir,
    logger: silentLogger,
  });
  const lexicon = compileLexicon([
    LexiconFile.parse({
      about: "test",
      queryFillers: ["métier"],
      equivalents: [["plombier", "plombard"]],
      expansions: [{ when: ["chevaux"], add: ["équidés"] }],
    }),
  ]);
  retriever = new KnowledgeRetriever(index, lexicon);
});

describe("knowledge retriever", () => {
  it("returns one hit per entity, with the best chunk and the others listed", async () => {
    const hits = await retriever.search("boulanger CAP apprentissage", { kinds: ["fiche"] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      entityId: "fiche:boulanger",
      chunk: { id: "fiche:boulanger#acces" },
      otherChunkIds: ["fiche:boulanger#metier"],
    });
  });

  it("gives one hit per job: the project fiche with its text, and the sources of both fiches", async () => {
    const hits = await retriever.search("boulanger pain", { kinds: ["rome", "fiche"], limit: 5 });
    const bakers = hits.filter((h) => h.romeCodes.includes("D1102"));
    expect(bakers).toHaveLength(1);
    expect(bakers[0]).toMatchObject({ kind: "fiche", entityId: "fiche:boulanger", source: { url: "https://example.org/fiches/boulanger" } });
    expect(bakers[0]?.chunk.text).toMatch(/pétrit la pâte|CAP boulanger/);
    expect(bakers[0]?.otherSources?.map((s) => s.url)).toEqual(["https://example.org/test"]);
    expect(bakers[0]?.otherChunkIds).toContain("rome:D1102");
    // Merging leaves room for other jobs within the limit.
    expect(hits.map((h) => h.romeCodes[0])).toContain("D1104");
  });

  it("fills in the source, link and ROME codes of each hit", async () => {
    const [hit] = await retriever.search("boulangère", { kinds: ["rome"], limit: 1 });
    expect(hit).toMatchObject({
      kind: "rome",
      romeCodes: ["D1102"],
      url: "https://example.org/test",
      source: { checkedOn: "2026-11-23" },
    });
    expect(hit?.matchedBy.lexicalRank).toBe(1);
  });

  it("keeps only the requested kinds", async () => {
    const hits = await retriever.search("boulanger pain", { kinds: ["rome"], limit: 10 });
    expect(hits.every((h) => h.kind === "rome")).toBe(true);
    expect(hits[0]?.entityId).toBe("rome:D1102");
  });

  it("leaves out the other region's contacts but keeps national ones", async () => {
    const hits = await retriever.search("centre information orientation", {
      kinds: ["contact"],
      region: "PAC",
      limit: 10,
    });
    const ids = hits.map((h) => h.entityId);
    expect(ids).toContain("contact:cio-marseille");
    expect(ids).toContain("contact:onisep");
    expect(ids).not.toContain("contact:cio-dijon");
  });

  it("brings in lexicon topics: horses find the fiche about equids", async () => {
    const [hit] = await retriever.search("je veux travailler avec les chevaux", {
      limit: 1,
      mode: "lexical",
    });
    expect(hit?.entityId).toBe("rome:A1501");
  });

  it("uses lexicon equivalents for words absent from the knowledge", async () => {
    const [hit] = await retriever.search("plombard", { limit: 1, mode: "lexical" });
    expect(hit?.entityId).toBe("rome:F1603");
  });

  it("corrects typos against the knowledge's own words", async () => {
    expect((await retriever.search("plombié", { limit: 1 }))[0]?.entityId).toBe("rome:F1603");
    expect((await retriever.search("patissiere", { limit: 1 }))[0]?.entityId).toBe("rome:D1104");
  });

  it("answers in each mode, reporting which list found each hit", async () => {
    const lexical = await retriever.search("personnes âgées dépendantes", { mode: "lexical", limit: 3 });
    const vector = await retriever.search("personnes âgées dépendantes", { mode: "vector", limit: 3 });
    expect(lexical[0]?.entityId).toBe("rome:K1302");
    expect(lexical.every((h) => h.matchedBy.vectorRank === undefined)).toBe(true);
    expect(
      vector.every((h) => h.matchedBy.lexicalRank === undefined && h.matchedBy.vectorRank !== undefined),
    ).toBe(true);
  });

  it("returns nothing, without failing, for a question with no known word", async () => {
    expect(await retriever.search("zzzz qqqq")).toEqual([]);
    expect(await retriever.search("")).toEqual([]);
  });

  it("ranks first the contacts of the department a place hint names", async () => {
    const hinted = new KnowledgeRetriever(retriever.index, compileLexicon([]), {
      placeHints: (q) => (q.includes("Marseille") ? ["Bouches-du-Rhône", "13"] : ["Côte-d'Or", "21"]),
    });
    const question = "centre d'information et d'orientation";
    expect((await hinted.search(`${question} à Marseille`, { kinds: ["contact"] }))[0]?.entityId).toBe(
      "contact:cio-marseille",
    );
    expect((await hinted.search(`${question} à Dijon`, { kinds: ["contact"] }))[0]?.entityId).toBe(
      "contact:cio-dijon",
    );
  });

  it("answers from words alone when a hosted embedder fails at query time", async () => {
    let up = true;
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        if (!up) return void res.writeHead(503).end("{}");
        const { input } = JSON.parse(raw) as { input: string[] };
        const data = input.map((t, index) => ({
          object: "embedding",
          index,
          embedding: [t.length % 5, 1, 2],
        }));
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ object: "list", data, model: "fake" }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const provider = embedderProviderFor({ ...LSA16, provider: "openai", model: "fake", url });
      const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "retriever-http-")), "index");
      const index = await openOrBuildIndex({
        chunks: FIXTURE_CHUNKS,
        knowledgeHash: hashChunks(FIXTURE_CHUNKS),
        provider,
        dir,
        logger: silentLogger,
      });
      const hosted = new KnowledgeRetriever(index, compileLexicon([]));
      up = false;
      expect((await hosted.search("plombier", { limit: 1 }))[0]?.entityId).toBe("rome:F1603");
      await expect(hosted.search("plombier", { mode: "vector" })).rejects.toMatchObject({ code: "http" });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("respects the limit", async () => {
    expect(await retriever.search("pain gâteaux viennoiseries", { limit: 2 })).toHaveLength(2);
  });

  it("with everyWordKnown, finds a rule only when the rules speak of every topic word asked about", async () => {
    const rules = { kinds: ["rule" as const], everyWordKnown: true };
    expect((await retriever.search("âge pour entrer en apprentissage", rules)).map((h) => h.entityId)).toEqual(["rule:age"]);
    // A typo is corrected before the check; a filler ("métier") carries no topic.
    expect(await retriever.search("métier apprentisage âge", rules)).toHaveLength(1);
    // "congés" is in no rule: the rule on age shares "apprenti" with the question, but does not answer it.
    expect(await retriever.search("apprenti congés", rules)).toEqual([]);
    expect(await retriever.search("apprenti congés", { kinds: ["rule"] })).toHaveLength(1);
    // A word the knowledge has nothing close to fails it too, whatever the kinds.
    expect(retriever.speaksOfEveryWord("boulanger smartphone")).toBe(false);
    expect(retriever.speaksOfEveryWord("boulanger CAP", { kinds: ["fiche", "rome"] })).toBe(true);
    // A lexicon synonym of a word the knowledge uses counts as known.
    expect(retriever.speaksOfEveryWord("plombard", { kinds: ["fiche", "rome"] })).toBe(true);
  });
});
