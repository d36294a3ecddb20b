/** Splits a PDF's pages into cited chunks: each chunk stays within one page so its citation names that page. */
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { KnowledgeChunk } from "../types.js";
import type { DocumentMetadata } from "./document-metadata.js";
import type { PdfPage } from "./pdf-pages.js";

/** About a paragraph or two of a guide: small enough to be precise, big enough to carry its context. */
export const CHUNK_SIZE = 800;
export const CHUNK_OVERLAP = 120;

/** PDF text comes with ragged spacing; paragraph breaks are kept because the splitter cuts on them first. */
export function cleanPageText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A direct PDF link can open at the cited page; other pages are linked as they are. */
function pageUrl(url: string, page: number): string {
  const link = new URL(url);
  if (!link.pathname.toLowerCase().endsWith(".pdf")) return url;
  link.hash = `page=${page}`;
  return link.toString();
}

export async function documentChunks(
  fileName: string,
  metadata: DocumentMetadata,
  pages: readonly PdfPage[],
): Promise<KnowledgeChunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP });
  const entityId = `doc:${fileName}`;
  const chunks: KnowledgeChunk[] = [];
  for (const page of pages) {
    const text = cleanPageText(page.text);
    if (text === "") continue;
    const parts = await splitter.splitText(text);
    parts.forEach((part, i) => {
      chunks.push({
        id: `${entityId}#p${page.num}-${i + 1}`,
        kind: "document",
        entityId,
        title: metadata.title,
        text: part,
        keywords: [],
        romeCodes: [],
        ...(metadata.region === undefined ? {} : { region: metadata.region }),
        source: {
          name: metadata.publisher === undefined ? metadata.title : `${metadata.publisher} — ${metadata.title}`,
          url: metadata.url,
          checkedOn: metadata.checkedOn,
        },
        page: page.num,
        url: pageUrl(metadata.url, page.num),
      });
    });
  }
  return chunks;
}
