import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashChunks } from "../../../src/knowledge/corpus.js";
import { embedderProviderFor } from "../../../src/retrieval/embeddings/embedder-factory.js";
import { readManifest } from "../../../src/retrieval/index/index-manifest.js";
import { openOrBuildIndex } from "../../../src/retrieval/index/open-or-build-index.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { FIXTURE_CHUNKS, makeChunk } from "../fixtures/chunks.js";

const lsa = {
  provider: "lsa" as const,
  model: undefined,
  url: undefined,
  apiKey: undefined,
  localModelDir: undefined,
  lsaDimensions: 16,
};

/** An OpenAI-compatible embeddings server: 3-dimensional vectors derived from the text. */
let server: Server;
async function startFakeOpenAi(): Promise<string> {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const { input } = JSON.parse(raw) as { input: string[] };
      const data = input.map((t, index) => ({
        object: "embedding",
        index,
        embedding: [t.length % 7, (t.charCodeAt(0) % 5) + 1, 1],
      }));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ object: "list", data, model: "fake" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(() => new Promise((r) => (server ? server.close(r) : r(undefined))));

describe("opening or building the retrieval index", () => {
  it("builds once, then reuses the saved index while nothing changed", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "index-")), "index");
    const options = {
      chunks: FIXTURE_CHUNKS,
      knowledgeHash: hashChunks(FIXTURE_CHUNKS),
      provider: embedderProviderFor(lsa),
      dir,
      logger: silentLogger,
    };
    const first = await openOrBuildIndex(options);
    expect(first.reused).toBe(false);
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining([
        "manifest.json",
        "hnswlib.index",
        "lexical.json",
        "chunks.json",
        "lsa-model.json",
      ]),
    );
    const manifest = await readManifest(dir);
    expect(manifest).toMatchObject({
      embedder: { id: "lsa/1:16" },
      counts: { chunks: FIXTURE_CHUNKS.length, entities: FIXTURE_CHUNKS.length - 1 },
    });

    const second = await openOrBuildIndex(options);
    expect(second.reused).toBe(true);
    expect(second.chunks.map((c) => c.id)).toEqual(first.chunks.map((c) => c.id));
    const q = await second.embedder.embeddings.embedQuery("pain");
    expect(await second.vectors.search(q, 3)).toEqual(await first.vectors.search(q, 3));
  });

  it("rebuilds when a knowledge text changed", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "index-")), "index");
    const base = { provider: embedderProviderFor(lsa), dir, logger: silentLogger };
    await openOrBuildIndex({ ...base, chunks: FIXTURE_CHUNKS, knowledgeHash: hashChunks(FIXTURE_CHUNKS) });
    const changed = [
      ...FIXTURE_CHUNKS.slice(1),
      makeChunk({ id: "rome:D1102", title: "Boulanger / Boulangère", text: "Texte modifié." }),
    ];
    const reopened = await openOrBuildIndex({ ...base, chunks: changed, knowledgeHash: hashChunks(changed) });
    expect(reopened.reused).toBe(false);
    expect(reopened.chunks.find((c) => c.id === "rome:D1102")?.text).toBe("Texte modifié.");
  });

  it("rebuilds when the embedding provider changes", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "index-")), "index");
    const common = {
      chunks: FIXTURE_CHUNKS,
      knowledgeHash: hashChunks(FIXTURE_CHUNKS),
      dir,
      logger: silentLogger,
    };
    await openOrBuildIndex({ ...common, provider: embedderProviderFor(lsa) });
    const url = await startFakeOpenAi();
    const openai = embedderProviderFor({ ...lsa, provider: "openai", model: "fake", url });
    const rebuilt = await openOrBuildIndex({ ...common, provider: openai });
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.manifest.embedder).toEqual({ id: `openai:fake@${url}`, dimensions: 3 });
    expect((await openOrBuildIndex({ ...common, provider: openai })).reused).toBe(true);
  });

  it("rebuilds an index whose files are damaged instead of failing", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "index-")), "index");
    const options = {
      chunks: FIXTURE_CHUNKS,
      knowledgeHash: hashChunks(FIXTURE_CHUNKS),
      provider: embedderProviderFor(lsa),
      dir,
      logger: silentLogger,
    };
    await openOrBuildIndex(options);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(dir, "lexical.json"), "{not json");
    expect((await openOrBuildIndex(options)).reused).toBe(false);
  });
});
