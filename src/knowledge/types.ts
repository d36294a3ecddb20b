/**
 * The shapes every knowledge source is reduced to before indexing: a cited source and a chunk of text.
 * Loaders (ROME, project fiches, apprenticeship rules, contacts, PDF documents) each return chunks;
 * retrieval indexes them without knowing where they came from.
 */
import { z } from "zod";
import { RegionCode } from "../shared/region.js";

/** ISO calendar date, as written in knowledge files ("2026-11-23"). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** Where a fact comes from and when a person last checked it. Every stated fact carries one. */
export const SourceRef = z.object({
  name: z.string().min(1),
  url: z.url(),
  checkedOn: IsoDate,
});
export type SourceRef = z.infer<typeof SourceRef>;

export const KnowledgeKind = z.enum(["rome", "fiche", "rule", "contact", "document"]);
export type KnowledgeKind = z.infer<typeof KnowledgeKind>;

export const KnowledgeChunk = z.object({
  /** Unique and stable across rebuilds, e.g. "rome:A1101", "fiche:aide-soignant#acces", "doc:guide.pdf#p3-2". */
  id: z.string().min(1),
  kind: KnowledgeKind,
  /** What results are deduplicated by: all chunks of one fiche, rule or document share it. */
  entityId: z.string().min(1),
  title: z.string().min(1),
  /** Body text, indexed lexically and embedded. */
  text: z.string(),
  /** High-weight lexical terms: job titles (appellations, both gender forms), synonyms, acronyms. */
  keywords: z.array(z.string()).default([]),
  /** ROME codes this chunk is about (a project fiche may cover several). */
  romeCodes: z.array(z.string().regex(/^[A-N]\d{4}$/)).default([]),
  /** Undefined means it applies everywhere (national). */
  region: RegionCode.optional(),
  source: SourceRef,
  /** Page number for PDF documents, for citations. */
  page: z.number().int().positive().optional(),
  /** Link a user can follow for this chunk (official fiche page, contact website); defaults to source.url. */
  url: z.url().optional(),
});
export type KnowledgeChunk = z.infer<typeof KnowledgeChunk>;
export type KnowledgeChunkInput = z.input<typeof KnowledgeChunk>;
