/** LangChain adapter for the offline LSA model: the default embedder, learned from the knowledge at index time. */
import { Embeddings } from "@langchain/core/embeddings";
import type { LsaModel } from "./lsa-model.js";

export class LsaEmbeddings extends Embeddings {
  constructor(readonly model: LsaModel) {
    super({});
  }

  embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.resolve(documents.map((d) => this.model.embed(d)));
  }

  embedQuery(document: string): Promise<number[]> {
    return Promise.resolve(this.model.embed(document));
  }
}
