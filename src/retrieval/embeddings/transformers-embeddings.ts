/**
 * Sentence embeddings computed in-process by @huggingface/transformers from a model folder on disk. The
 * package is optional (not installed by default) and remote loading is switched off: no download, ever.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { EmbeddingsError } from "./http-embeddings.js";

type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<{ tolist(): number[][] }>;

interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(
    task: "feature-extraction",
    model: string,
    options: { local_files_only: boolean },
  ): Promise<FeatureExtractor>;
}

/** Kept in a variable so TypeScript and bundlers do not require the optional package at build time. */
const PACKAGE = "@huggingface/transformers";

export async function loadTransformersEmbeddings(
  modelDir: string,
  importer: (name: string) => Promise<unknown> = (n) => import(n),
): Promise<TransformersEmbeddings> {
  try {
    await access(modelDir);
  } catch {
    throw new EmbeddingsError("missing_model", `Local embedding model folder not found: ${modelDir}`);
  }
  let mod: TransformersModule;
  try {
    mod = (await importer(PACKAGE)) as TransformersModule;
  } catch {
    throw new EmbeddingsError(
      "missing_package",
      `EMBEDDINGS_PROVIDER=transformers needs the optional package ${PACKAGE}; install it or choose another provider`,
    );
  }
  mod.env.allowRemoteModels = false;
  mod.env.allowLocalModels = true;
  mod.env.localModelPath = path.dirname(path.resolve(modelDir));
  const extractor = await mod.pipeline("feature-extraction", path.basename(path.resolve(modelDir)), {
    local_files_only: true,
  });
  return new TransformersEmbeddings(extractor);
}

export class TransformersEmbeddings extends Embeddings {
  constructor(private readonly extractor: FeatureExtractor) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += 32) {
      const batch = await this.extractor(documents.slice(i, i + 32), { pooling: "mean", normalize: true });
      out.push(...batch.tolist());
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [v] = await this.embedDocuments([document]);
    if (v === undefined) throw new EmbeddingsError("bad_response", "transformers returned no vector");
    return v;
  }
}
