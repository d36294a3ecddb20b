/**
 * Gathers every knowledge source into one validated list of chunks for retrieval, with the problems found
 * on the way and a hash of the result (the index manifest compares it to decide whether to rebuild).
 */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadApprenticeshipRules, ruleToChunks } from "./apprenticeship/rule-loader.js";
import { contactToChunks } from "./contacts/contact-chunks.js";
import { loadContacts } from "./contacts/load-contacts.js";
import { projectFicheToChunks } from "./fiches/fiche-chunks.js";
import { loadProjectFiches } from "./fiches/fiche-loader.js";
import { loadRomeChunks } from "./rome/load-rome-chunks.js";
import { KnowledgeChunk } from "./types.js";

export interface CorpusSources {
  /** The `knowledge/` folder. */
  dir: string;
  /** Official ROME CSV folder; its sentences are indexed at run time, never copied into the repository. */
  romeOfficialDir: string | undefined;
  dataDir: string;
}

export interface CorpusProblem {
  source: string;
  message: string;
}

export interface Corpus {
  chunks: KnowledgeChunk[];
  problems: CorpusProblem[];
  /** sha256 over every chunk as indexed: any change of file or text changes it. */
  knowledgeHash: string;
}

export interface SourceResult {
  chunks: unknown[];
  problems: string[];
}

type SourceLoader = (sources: CorpusSources) => Promise<SourceResult>;

async function romeSource(s: CorpusSources): Promise<SourceResult> {
  const rome = await loadRomeChunks({
    knowledgeDir: s.dir,
    dataDir: s.dataDir,
    romeOfficialDir: s.romeOfficialDir,
  });
  return { chunks: rome.chunks, problems: rome.problems.map((p) => `${p.file}:${p.line}: ${p.reason}`) };
}

async function contactSource(s: CorpusSources): Promise<SourceResult> {
  const loaded = await loadContacts(path.join(s.dir, "contacts"));
  return {
    chunks: loaded.contacts.flatMap(contactToChunks),
    problems: loaded.problems.map((p) => `${p.file}: ${p.message}`),
  };
}

async function ficheSource(s: CorpusSources): Promise<SourceResult> {
  const loaded = await loadProjectFiches(path.join(s.dir, "fiches"));
  return {
    chunks: loaded.fiches.flatMap(projectFicheToChunks),
    problems: loaded.problems.map((p) => `${p.file}: ${p.issues.join("; ")}`),
  };
}

async function ruleSource(s: CorpusSources): Promise<SourceResult> {
  const loaded = await loadApprenticeshipRules(path.join(s.dir, "apprenticeship"));
  return {
    chunks: loaded.rules.flatMap(ruleToChunks),
    problems: loaded.problems.map((p) => `${p.file}: ${p.message}`),
  };
}

async function documentSource(s: CorpusSources): Promise<SourceResult> {
  const dir = path.join(s.dir, "documents");
  // The PDF reader (pdfjs) costs ~170 MB of memory on import: load it only when there is a PDF to read.
  const names = await readdir(dir).catch(() => [] as string[]);
  if (!names.some((n) => n.toLowerCase().endsWith(".pdf"))) return { chunks: [], problems: [] };
  const { loadDocumentChunks } = await import("./documents/document-loader.js");
  const loaded = await loadDocumentChunks(dir);
  return { chunks: loaded.chunks, problems: loaded.problems.map((p) => `${p.file}: ${p.reason}`) };
}

/** In a fixed order: the hash and the chunk order depend on it. */
const SOURCES: Array<[string, SourceLoader]> = [
  ["rome", romeSource],
  ["fiches", ficheSource],
  ["apprenticeship", ruleSource],
  ["contacts", contactSource],
  ["documents", documentSource],
];

/** Loads every source; a failing source becomes a problem and the others still load. */
export async function loadCorpus(sources: CorpusSources): Promise<Corpus> {
  const problems: CorpusProblem[] = [];
  const results: Array<{ name: string; result: SourceResult }> = [];
  for (const [name, load] of SOURCES) {
    try {
      results.push({ name, result: await load(sources) });
    } catch (err) {
      problems.push({ source: name, message: (err as Error).message });
    }
  }
  const collected = collectChunks(results);
  problems.push(...collected.problems);
  return { chunks: collected.chunks, problems, knowledgeHash: hashChunks(collected.chunks) };
}

/** Validates every chunk of every source; invalid chunks and repeated ids become problems (the first id wins). */
export function collectChunks(results: ReadonlyArray<{ name: string; result: SourceResult }>): {
  chunks: KnowledgeChunk[];
  problems: CorpusProblem[];
} {
  const problems: CorpusProblem[] = [];
  const chunks: KnowledgeChunk[] = [];
  const seen = new Set<string>();
  for (const { name, result } of results) {
    for (const p of result.problems) problems.push({ source: name, message: p });
    for (const raw of result.chunks) {
      const parsed = KnowledgeChunk.safeParse(raw);
      if (!parsed.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        problems.push({
          source: name,
          message: `invalid chunk ${String(id ?? "?")}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        });
        continue;
      }
      if (seen.has(parsed.data.id)) {
        problems.push({ source: name, message: `duplicate chunk id ${parsed.data.id} (kept the first)` });
        continue;
      }
      seen.add(parsed.data.id);
      chunks.push(parsed.data);
    }
  }
  return { chunks, problems };
}

/** Stable: chunks are hashed in load order (sources and files are read sorted) with sorted keys. */
export function hashChunks(chunks: readonly KnowledgeChunk[]): string {
  const h = createHash("sha256");
  for (const c of chunks) h.update(canonicalJson(c)).update("\n");
  return h.digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
