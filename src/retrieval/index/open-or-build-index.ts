/**
 * Opens the saved retrieval index when it was built from the same knowledge, embedder and format, and
 * rebuilds it otherwise. The build writes into a temporary folder and swaps it in, so a crash mid-build
 * never leaves a half index behind.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { z } from "zod";
import type { Logger } from "../../shared/logger.js";
import { KnowledgeChunk } from "../../knowledge/types.js";
import { analyze } from "../analysis/french-analyzer.js";
import type { Embedder, EmbedderProvider } from "../embeddings/embedder-factory.js";
import { Bm25fIndex } from "../lexical/bm25f-index.js";
import { INDEX_FORMAT, readManifest, writeManifest, type IndexManifest } from "./index-manifest.js";
import { VectorIndex } from "./vector-index.js";

export interface RetrievalIndex {
  chunks: KnowledgeChunk[];
  lexical: Bm25fIndex;
  vectors: VectorIndex;
  embedder: Embedder;
  manifest: IndexManifest;
  /** True when the saved index was reused as is. */
  reused: boolean;
}

export interface OpenIndexOptions {
  chunks: KnowledgeChunk[];
  knowledgeHash: string;
  provider: EmbedderProvider;
  /** Usually `<dataDir>/index`. */
  dir: string;
  logger: Logger;
  /** Rebuild even if the saved index matches. */
  force?: boolean;
}

const CHUNKS_FILE = "chunks.json";
const LEXICAL_FILE = "lexical.json";

/** What a chunk is embedded as: its title and job titles say most of what it is about. */
export function embeddingText(chunk: KnowledgeChunk): string {
  return [chunk.title, chunk.keywords.join(", "), chunk.text].filter((s) => s.length > 0).join(". ");
}

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export async function openOrBuildIndex(options: OpenIndexOptions): Promise<RetrievalIndex> {
  const { dir, logger } = options;
  const manifest = await readManifest(dir);
  const matches =
    manifest !== undefined &&
    manifest.format === INDEX_FORMAT &&
    manifest.knowledgeHash === options.knowledgeHash &&
    manifest.embedder.id === options.provider.id;
  if (matches && options.force !== true) {
    try {
      const index = await loadIndex(dir, manifest, options.provider);
      logger.info({ dir, chunks: index.chunks.length }, "retrieval index reused");
      return index;
    } catch (err) {
      logger.warn({ dir, err: (err as Error).message }, "saved retrieval index unreadable, rebuilding");
    }
  } else if (manifest !== undefined) {
    logger.info(
      {
        dir,
        knowledgeChanged: manifest.knowledgeHash !== options.knowledgeHash,
        embedderChanged: manifest.embedder.id !== options.provider.id,
        formatChanged: manifest.format !== INDEX_FORMAT,
      },
      "retrieval index out of date, rebuilding",
    );
  }
  return buildIndex(options);
}

async function loadIndex(
  dir: string,
  manifest: IndexManifest,
  provider: EmbedderProvider,
): Promise<RetrievalIndex> {
  const chunks = z
    .array(KnowledgeChunk)
    .parse(JSON.parse(await readFile(path.join(dir, CHUNKS_FILE), "utf8")));
  const lexical = Bm25fIndex.fromJSON(JSON.parse(await readFile(path.join(dir, LEXICAL_FILE), "utf8")));
  const embedder = await provider.open(dir);
  const vectors =
    manifest.counts.vectors > 0
      ? await VectorIndex.load(dir, embedder.embeddings)
      : await VectorIndex.build(embedder.embeddings, []);
  return { chunks, lexical, vectors, embedder, manifest, reused: true };
}

export async function buildIndex(options: OpenIndexOptions): Promise<RetrievalIndex> {
  const started = performance.now();
  const { chunks, dir } = options;
  const tmp = `${dir}.building-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });

  const lexical = Bm25fIndex.build(
    chunks.map((c) => ({
      title: analyze(c.title),
      keywords: analyze(c.keywords.join(" ")),
      text: analyze(c.text),
    })),
  );
  const texts = chunks.map(embeddingText);
  const embedder = await options.provider.createForBuild(texts, tmp);
  const vectorsRaw = await embedder.embeddings.embedDocuments(texts);
  const vectors = await VectorIndex.build(embedder.embeddings, vectorsRaw);

  const byKind: Record<string, number> = {};
  for (const c of chunks) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    knowledgeHash: options.knowledgeHash,
    embedder: { id: embedder.id, dimensions: vectorsRaw[0]?.length ?? 0 },
    counts: {
      chunks: chunks.length,
      vectors: vectors.size,
      entities: new Set(chunks.map((c) => c.entityId)).size,
      byKind,
    },
    createdAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
    versions: {
      node: process.version,
      "hnswlib-node": packageVersion("hnswlib-node"),
      "@langchain/community": packageVersion("@langchain/community"),
      "@langchain/core": packageVersion("@langchain/core"),
    },
  };
  await vectors.save(tmp);
  await writeFile(path.join(tmp, CHUNKS_FILE), JSON.stringify(chunks));
  await writeFile(path.join(tmp, LEXICAL_FILE), JSON.stringify(lexical.toJSON()));
  await writeManifest(tmp, manifest);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    await rename(tmp, dir);
  } catch (err) {
    // Another process built the same folder at the same moment; this index is complete in memory anyway.
    options.logger.warn(
      { dir, err: (err as Error).message },
      "retrieval index folder taken by another build, keeping this one in memory",
    );
    await rm(tmp, { recursive: true, force: true });
  }
  options.logger.info({ dir, chunks: chunks.length, buildMs: manifest.buildMs }, "retrieval index built");
  return { chunks, lexical, vectors, embedder, manifest, reused: false };
}
