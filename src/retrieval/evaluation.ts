/**
 * Retrieval evaluation on a JSONL question set: for job questions, hit@1, hit@3 and MRR against the accepted
 * ROME codes, per mode; for apprenticeship and contact questions, whether the right kind of source is in the
 * top 3. Shared by `npm run eval` and the regression test.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { loadRomeSnapshot } from "../knowledge/rome/snapshot.js";
import type { KnowledgeKind } from "../knowledge/types.js";
import type { KnowledgeRetriever } from "./knowledge-retriever.js";
import type { RetrievalMode } from "./types.js";

export const EvalQuestion = z.looseObject({
  id: z.string(),
  kind: z.string(),
  text: z.string().min(1),
  accept: z.array(z.string()).optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export async function readEvalQuestions(file: string): Promise<EvalQuestion[]> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read the question file ${file}: ${(err as Error).message}`);
  }
  const lines = content.split("\n").filter((l) => l.trim() !== "");
  return lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = EvalQuestion.safeParse(json);
    if (!parsed.success)
      throw new Error(
        `${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    return parsed.data;
  });
}

/** Which chunk kind answers a question kind; kinds not listed are not retrieval questions (handoff, safety...). */
const SOURCE_KIND: Record<string, KnowledgeKind> = { apprenticeship: "rule", contact: "contact" };
export const JOB_KINDS: KnowledgeKind[] = ["rome", "fiche"];
export const MODES: RetrievalMode[] = ["lexical", "vector", "hybrid"];

export interface JobScore {
  mode: RetrievalMode;
  questions: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Per question: 1-based rank of the first accepted result (undefined when not in the top 10). */
  ranks: Record<string, number | undefined>;
}

export interface SourceKindScore {
  id: string;
  kind: string;
  expected: KnowledgeKind;
  inTop3: boolean;
  top3: string[];
}

export interface EvalReport {
  jobs: JobScore[];
  sources: SourceKindScore[];
}

/**
 * ROME 4.0 (v460) splits many classic fiches into finer ones that name the classic code as
 * `code_rome_parent` (M1855 "Développeur web" under M1805). Question sets written with the classic codes
 * count a finer fiche of the same family as a hit; this maps each code to its parent.
 */
export type RomeFamily = (code: string) => string | undefined;

export async function romeFamilyFromSnapshot(knowledgeDir: string): Promise<RomeFamily> {
  const snapshot = await loadRomeSnapshot(knowledgeDir);
  const parents = new Map(snapshot.fiches.map((f) => [f.code, f.parentCode]));
  return (code) => parents.get(code);
}

function isAccepted(
  codes: readonly string[],
  accept: ReadonlySet<string>,
  family: RomeFamily | undefined,
): boolean {
  return codes.some((c) => {
    const parent = family?.(c);
    return accept.has(c) || (parent !== undefined && accept.has(parent));
  });
}

export async function evaluateRetrieval(
  retriever: KnowledgeRetriever,
  questions: EvalQuestion[],
  options: { modes?: RetrievalMode[]; family?: RomeFamily } = {},
): Promise<EvalReport> {
  const modes = options.modes ?? MODES;
  const jobQuestions = questions.filter(
    (q) => q.kind === "job" && q.accept !== undefined && q.accept.length > 0,
  );
  const jobs: JobScore[] = [];
  for (const mode of modes) {
    const ranks: JobScore["ranks"] = {};
    let h1 = 0;
    let h3 = 0;
    let rr = 0;
    for (const q of jobQuestions) {
      const accept = new Set(q.accept);
      const hits = await retriever.search(q.text, { kinds: JOB_KINDS, limit: 10, mode });
      const idx = hits.findIndex((h) => isAccepted(h.romeCodes, accept, options.family));
      const rank = idx < 0 ? undefined : idx + 1;
      ranks[q.id] = rank;
      if (rank === 1) h1++;
      if (rank !== undefined && rank <= 3) h3++;
      if (rank !== undefined) rr += 1 / rank;
    }
    const n = Math.max(1, jobQuestions.length);
    jobs.push({ mode, questions: jobQuestions.length, hitAt1: h1 / n, hitAt3: h3 / n, mrr: rr / n, ranks });
  }
  const sources: SourceKindScore[] = [];
  for (const q of questions) {
    const expected = SOURCE_KIND[q.kind];
    if (expected === undefined) continue;
    const hits = await retriever.search(q.text, { limit: 3 });
    sources.push({
      id: q.id,
      kind: q.kind,
      expected,
      inTop3: hits.some((h) => h.kind === expected),
      top3: hits.map((h) => `${h.kind}:${h.title}`),
    });
  }
  return { jobs, sources };
}
