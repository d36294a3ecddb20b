/**
 * One hit per job: a project fiche (knowledge/fiches) and the ROME fiche of its code describe the same job,
 * and were two results side by side. They become one, with the project fiche's text (written for our users,
 * richer than the ROME labels) and the sources of both.
 */
import type { SourceRef } from "../knowledge/types.js";
import type { RetrievalHit } from "./types.js";

/** The job a hit is about: the ROME code of a ROME fiche, the first code of a project fiche. */
function jobCode(hit: RetrievalHit): string | undefined {
  return hit.kind === "rome" || hit.kind === "fiche" ? hit.chunk.romeCodes[0] : undefined;
}

function minRank(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.url === b.url && a.name === b.name;
}

function merge(first: RetrievalHit, second: RetrievalHit): RetrievalHit {
  const [project, rome] = first.kind === "fiche" ? [first, second] : [second, first];
  const sources = [project.source, ...(project.otherSources ?? []), rome.source, ...(rome.otherSources ?? [])];
  const otherSources = sources.slice(1).filter((s, i, all) => !sameSource(s, project.source) && all.findIndex((t) => sameSource(s, t)) === i);
  const lexicalRank = minRank(first.matchedBy.lexicalRank, second.matchedBy.lexicalRank);
  const vectorRank = minRank(first.matchedBy.vectorRank, second.matchedBy.vectorRank);
  return {
    ...project,
    score: Math.max(first.score, second.score),
    otherChunkIds: [...new Set([...project.otherChunkIds, rome.chunk.id, ...rome.otherChunkIds])],
    romeCodes: [...new Set([...project.romeCodes, ...rome.romeCodes])],
    ...(otherSources.length > 0 ? { otherSources } : {}),
    matchedBy: { ...(lexicalRank === undefined ? {} : { lexicalRank }), ...(vectorRank === undefined ? {} : { vectorRank }) },
  };
}

/** Merges each project fiche with the ROME fiche of its code, at the better-ranked one's place; order kept. */
export function oneHitPerJob(hits: readonly RetrievalHit[]): RetrievalHit[] {
  const out: RetrievalHit[] = [];
  const byCode = new Map<string, number>();
  for (const hit of hits) {
    const code = jobCode(hit);
    const at = code === undefined ? undefined : byCode.get(code);
    const earlier = at === undefined ? undefined : out[at];
    if (at !== undefined && earlier !== undefined && earlier.kind !== hit.kind) {
      out[at] = merge(earlier, hit);
      continue;
    }
    if (code !== undefined && at === undefined) byCode.set(code, out.length);
    out.push(hit);
  }
  return out;
}
