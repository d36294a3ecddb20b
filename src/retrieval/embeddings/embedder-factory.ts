/**
 * Chooses the embedder from configuration. The offline LSA default is trained at index time and saved with
 * the index; hosted and local-model providers are stateless. The id names what produced the vectors, so a
 * change of provider or model forces a rebuild.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { AppConfig } from "../../config/config.js";
import { HttpEmbeddings } from "./http-embeddings.js";
import { LsaEmbeddings } from "./lsa-embeddings.js";
import { LsaModel } from "./lsa-model.js";
import { loadTransformersEmbeddings } from "./transformers-embeddings.js";

export interface Embedder {
  id: string;
  embeddings: Embeddings;
  /** LSA shares the lexical vocabulary, so lexicon additions help it; a neural model reads the raw question. */
  prefersExpandedQueries: boolean;
}

export interface EmbedderProvider {
  id: string;
  /** For a fresh index: LSA learns from the texts and saves itself into `indexDir`. */
  createForBuild(texts: string[], indexDir: string): Promise<Embedder>;
  /** For a saved index built by this same provider. */
  open(indexDir: string): Promise<Embedder>;
}

/** Bumped when the LSA recipe changes, so old saved models are not reused. */
const LSA_VERSION = 1;
const LSA_SEED = 20261123;

export function embedderProviderFor(config: AppConfig["embeddings"]): EmbedderProvider {
  switch (config.provider) {
    case "lsa": {
      const id = `lsa/${LSA_VERSION}:${config.lsaDimensions}`;
      return {
        id,
        async createForBuild(texts, indexDir) {
          const model = LsaModel.train(texts, { dimensions: config.lsaDimensions, seed: LSA_SEED });
          await model.save(indexDir);
          return { id, embeddings: new LsaEmbeddings(model), prefersExpandedQueries: true };
        },
        async open(indexDir) {
          return {
            id,
            embeddings: new LsaEmbeddings(await LsaModel.load(indexDir)),
            prefersExpandedQueries: true,
          };
        },
      };
    }
    case "transformers": {
      const dir = config.localModelDir ?? "";
      const id = `transformers:${dir}`;
      const open = async (): Promise<Embedder> => ({
        id,
        embeddings: await loadTransformersEmbeddings(dir),
        prefersExpandedQueries: false,
      });
      return { id, createForBuild: open, open };
    }
    case "ollama":
    case "mistral":
    case "openai": {
      const provider = config.provider;
      const model = config.model ?? "";
      const id = `${provider}:${model}@${config.url ?? "default"}`;
      const make = (): Promise<Embedder> =>
        Promise.resolve({
          id,
          embeddings: new HttpEmbeddings({ provider, model, url: config.url, apiKey: config.apiKey }),
          prefersExpandedQueries: false,
        });
      return { id, createForBuild: make, open: make };
    }
  }
}
