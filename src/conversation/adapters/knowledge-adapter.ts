/** KnowledgePort over the real hybrid retriever (src/retrieval). */
import type { KnowledgeRetriever } from "../../retrieval/knowledge-retriever.js";
import type { RetrievalHit } from "../../retrieval/types.js";
import type { KnowledgeHit, KnowledgePort } from "../ports.js";

export function toKnowledgeHit(hit: RetrievalHit): KnowledgeHit {
  return {
    entityId: hit.entityId,
    kind: hit.kind,
    title: hit.title,
    score: hit.score,
    text: hit.chunk.text,
    romeCodes: hit.romeCodes,
    source: hit.source,
    url: hit.url,
    lexical: hit.matchedBy.lexicalRank !== undefined,
  };
}

export function knowledgeAdapter(retriever: Pick<KnowledgeRetriever, "search" | "speaksOfEveryWord">): KnowledgePort {
  return {
    async search(query, options = {}) {
      return (await retriever.search(query, options)).map(toKnowledgeHit);
    },
    speaksOfEveryWord(query, options = {}) {
      return retriever.speaksOfEveryWord(query, options);
    },
  };
}
