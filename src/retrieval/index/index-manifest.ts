/** The manifest saved beside the index: what knowledge and which embedder produced it, to decide reuse. */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ANALYZER_FINGERPRINT } from "../analysis/french-analyzer.js";

/** Changes with the BM25F layout or chunk storage (bumped by hand) and with the analysis chain (automatically). */
export const INDEX_FORMAT = `spro-index/3+analysis-${ANALYZER_FINGERPRINT}`;

export const IndexManifest = z.object({
  format: z.string(),
  knowledgeHash: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().nonnegative() }),
  counts: z.object({
    chunks: z.number().int().nonnegative(),
    vectors: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
    byKind: z.record(z.string(), z.number().int().nonnegative()),
  }),
  createdAt: z.string(),
  buildMs: z.number().nonnegative(),
  versions: z.record(z.string(), z.string()),
});
export type IndexManifest = z.infer<typeof IndexManifest>;

export const MANIFEST_FILE = "manifest.json";

/** The manifest of a saved index, or undefined when there is none or it is unreadable. */
export async function readManifest(dir: string): Promise<IndexManifest | undefined> {
  try {
    const parsed = IndexManifest.safeParse(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
