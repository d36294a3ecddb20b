/**
 * Loads the official PDF guides dropped in knowledge/documents/. A PDF without a valid sidecar, a corrupt
 * PDF or one without text is reported as a problem and skipped; the others become cited, per-page chunks.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { KnowledgeChunk } from "../types.js";
import { documentChunks } from "./document-chunks.js";
import { DocumentMetadata, SIDECAR_SUFFIX, sidecarName } from "./document-metadata.js";
import { readPdfPages } from "./pdf-pages.js";

export interface DocumentProblem {
  /** File name inside the documents folder (or the folder itself). */
  file: string;
  reason: string;
}

export interface DocumentChunks {
  chunks: KnowledgeChunk[];
  problems: DocumentProblem[];
}

const isPdf = (name: string): boolean => name.toLowerCase().endsWith(".pdf");

async function readSidecar(dir: string, pdfName: string, names: ReadonlySet<string>): Promise<DocumentMetadata | string> {
  const name = sidecarName(pdfName);
  if (!names.has(name)) return `no metadata: add ${name} with title, url and checkedOn (every fact needs its source)`;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, name), "utf8"));
  } catch (error) {
    return `${name} is not valid JSON: ${(error as Error).message}`;
  }
  const parsed = DocumentMetadata.safeParse(raw);
  if (!parsed.success) {
    return `${name} is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "root"}: ${i.message}`).join("; ")}`;
  }
  return parsed.data;
}

async function loadOne(dir: string, pdfName: string, names: ReadonlySet<string>): Promise<DocumentChunks> {
  const metadata = await readSidecar(dir, pdfName, names);
  if (typeof metadata === "string") return { chunks: [], problems: [{ file: pdfName, reason: metadata }] };
  let pages;
  try {
    pages = await readPdfPages(new Uint8Array(await readFile(path.join(dir, pdfName))));
  } catch (error) {
    return { chunks: [], problems: [{ file: pdfName, reason: `unreadable PDF: ${(error as Error).message}` }] };
  }
  const chunks = await documentChunks(pdfName, metadata, pages);
  if (chunks.length === 0) {
    return { chunks, problems: [{ file: pdfName, reason: "no extractable text (a scanned PDF needs OCR first)" }] };
  }
  return { chunks, problems: [] };
}

/** Never throws for bad content: every skipped file is listed in `problems`. */
export async function loadDocumentChunks(dir: string): Promise<DocumentChunks> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    return { chunks: [], problems: [{ file: dir, reason: `documents folder unreadable: ${(error as Error).message}` }] };
  }
  const nameSet = new Set(names);
  const result: DocumentChunks = { chunks: [], problems: [] };
  // One PDF at a time: pdf.js is memory-hungry and the machine is shared.
  for (const pdfName of names.filter(isPdf)) {
    const one = await loadOne(dir, pdfName, nameSet);
    result.chunks.push(...one.chunks);
    result.problems.push(...one.problems);
  }
  for (const name of names) {
    if (name.toLowerCase().endsWith(`.pdf${SIDECAR_SUFFIX}`) && !nameSet.has(name.slice(0, -SIDECAR_SUFFIX.length))) {
      result.problems.push({ file: name, reason: "metadata without its PDF" });
    }
  }
  return result;
}
