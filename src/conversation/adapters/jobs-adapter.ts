/**
 * JobsPort over the real ROME catalogue, the project fiches and the retriever: retrieval finds the fiches,
 * the catalogue and fiches give what the answer states, each part with its source.
 */
import type { ProjectFiche } from "../../knowledge/fiches/fiche-schema.js";
import type { RomeCatalog } from "../../knowledge/rome/catalog.js";
import type { RomeFiche } from "../../knowledge/rome/rome-fiche.js";
import { romeFicheUrl } from "../../knowledge/rome/fiche-url.js";
import type { RomeTexts } from "../../knowledge/rome/texts.js";
import type { KnowledgeRetriever } from "../../retrieval/knowledge-retriever.js";
import type { RetrievalHit } from "../../retrieval/types.js";
import { regionOfUrl, type RegionCode } from "../../shared/region.js";
import type { JobDescription, JobMatch, JobRef, JobsPort } from "../ports.js";
import type { Citation } from "../reply.js";
import { normalizeText } from "../understanding/normalize.js";

export interface JobsAdapterSources {
  retriever: Pick<KnowledgeRetriever, "search">;
  catalog: RomeCatalog;
  /** France Travail's sentences, when the operator supplied them (never committed). */
  texts?: RomeTexts | undefined;
  fiches: readonly ProjectFiche[];
  /** Where the ROME data comes from, for citations (snapshot header). */
  romeSource: { name: string; url: string; checkedOn: string };
}

/** Hits with no lexical evidence are embedding neighbours only: too loose to name a job to a user. */
function credible(hit: RetrievalHit): boolean {
  return hit.matchedBy.lexicalRank !== undefined;
}

function sectionText(markdown: string): string {
  return markdown
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/\n+/g, " ")
    .trim();
}

function agreed(hit: RetrievalHit): boolean {
  return (hit.matchedBy.lexicalRank ?? 99) <= 2 && (hit.matchedBy.vectorRank ?? 99) <= 2;
}

/** A fiche's sources a person of `region` should see: national ones and their own Région's, not the other's. */
function sourcesFor<S extends { url: string }>(sources: readonly S[], region: RegionCode): S[] {
  return sources.filter((s) => {
    const of = regionOfUrl(s.url);
    return of === undefined || of === region;
  });
}

const STOP = new Set(["avec", "dans", "pour", "faire", "travailler", "metier", "metiers", "quel", "quelle", "comment", "quand", "est", "veux"]);

function contentWords(query: string): string[] {
  return normalizeText(query)
    .split(" ")
    .filter((w) => w.length >= 4 && !STOP.has(w));
}

/** Prefix match on folded words, so "photos" meets "Photographe" and "chevaux" meets "cheval". */
function sharesWord(words: string[], tokens: readonly string[]): boolean {
  return words.some((w) => {
    const stem = w.slice(0, Math.max(4, w.length - 3));
    return tokens.some((t) => t.startsWith(stem));
  });
}

/** Job descriptions kept between turns: the jobs people ask about, in both regions, with room to spare. */
const DESCRIPTIONS_KEPT = 2_000;

const APPRENTICESHIP_TEXT: Record<string, string | undefined> = { "selon-diplome": "selon le diplôme préparé" };

export function jobsAdapter(sources: JobsAdapterSources): JobsPort {
  const { catalog, fiches, texts, romeSource } = sources;
  const ficheByRome = new Map<string, ProjectFiche>();
  for (const f of fiches) for (const code of f.romeCodes) if (!ficheByRome.has(code)) ficheByRome.set(code, f);

  const romeCitation = (code: string, title: string): Citation => ({
    name: `France Travail — fiche ROME ${code} (${title})`,
    url: romeFicheUrl(code),
    text: `Référentiel ROME 4.0 — ${romeSource.name}`,
  });

  // The folded words naming each fiche (its title, keywords, job titles), kept once computed: a job search
  // compares the question with up to eight fiches, each with dozens of job titles.
  const namingWords = new Map<string, readonly string[]>();
  const namingWordsOf = (hit: RetrievalHit, code: string, labels: () => string[]): readonly string[] => {
    const key = `${hit.chunk.id}|${code}`;
    let words = namingWords.get(key);
    if (words === undefined) {
      words = normalizeText(`${hit.chunk.title} ${hit.chunk.keywords.join(" ")} ${labels().join(" ")}`).split(" ");
      namingWords.set(key, words);
    }
    return words;
  };

  // Per interest centre, its fiches with the better-known jobs first: the order never changes, and sorting a
  // centre's hundreds of fiches again on every question was most of an interests turn.
  const byInterest = new Map<string, RomeFiche[]>();
  const betterKnownFirst = (centreCode: string): RomeFiche[] => {
    let list = byInterest.get(centreCode);
    if (list === undefined) {
      const known = (f: RomeFiche) => (ficheByRome.has(f.code) ? 1000 : 0) + f.appellations.length;
      list = catalog.fichesByInterestCentre(centreCode, { principalOnly: true }).sort((a, b) => known(b) - known(a));
      byInterest.set(centreCode, list);
    }
    return list;
  };

  /** What the answers state about one job for a person of `region`, each part with its source. */
  const buildDescription = (code: string, region: RegionCode): JobDescription | undefined => {
    const rome = catalog.get(code);
    if (!rome) return undefined;
    const project = ficheByRome.get(rome.code);
    const official = texts?.[rome.code];
    const citations: Citation[] = [romeCitation(rome.code, rome.title)];
    const d: JobDescription = {
      code: rome.code,
      title: project?.title ?? rome.title,
      closeJobs: catalog.closeJobs(rome.code, 5).map(({ code: c, title }) => ({ code: c, title })),
      officialUrl: romeFicheUrl(rome.code),
      citations,
    };
    const definition = project?.sections.metier ?? official?.["definition"]?.join(" ");
    if (definition) d.definition = sectionText(definition);
    const access = project?.sections.acces ?? official?.["acces_metier"]?.join(" ");
    if (access) d.access = sectionText(access);
    if (project) {
      // The project fiche often cites the ROME fiche page itself: one job, one entry per page.
      citations.push(...sourcesFor(project.sources, region).filter((s) => s.url !== romeSource.url && s.url !== d.officialUrl).slice(0, 3));
      if (project.apprenticeship === "oui" || project.apprenticeship === "selon-diplome") {
        const levels = project.levels.join(", ");
        d.apprenticeship = { possible: true, text: [APPRENTICESHIP_TEXT[project.apprenticeship], levels].filter(Boolean).join(" : ") };
      } else if (project.apprenticeship === "non") {
        d.apprenticeship = { possible: false };
      }
      if (project.tension[region] === true) d.recruitsInRegion = { recruits: true };
      const note = region === "PAC" ? project.sections.pac : project.sections.bfc;
      if (note) d.regionalNote = sectionText(note);
      if (project.pay) d.pay = { text: project.pay.text, source: project.pay.source };
    }
    return d;
  };
  const descriptions = new Map<string, Readonly<JobDescription>>();

  return {
    async findJobs(query: string, region: RegionCode): Promise<JobMatch[]> {
      if (query.trim() === "") return [];
      const hits = await sources.retriever.search(query, { kinds: ["rome", "fiche"], region, limit: 8 });
      const words = contentWords(query);
      const byCode = new Map<string, JobMatch>();
      for (const hit of hits.filter(credible)) {
        for (const code of hit.romeCodes.slice(0, 1)) {
          const fiche = catalog.get(code);
          if (!fiche || byCode.has(code)) continue;
          const named = namingWordsOf(hit, code, () => fiche.appellations.map((a) => a.label));
          byCode.set(code, { code, title: fiche.title, score: hit.score, titleMatch: sharesWord(words, named), agreed: agreed(hit) });
        }
      }
      return [...byCode.values()];
    },

    async describe(code: string, region: RegionCode): Promise<Readonly<JobDescription> | undefined> {
      // Every follow-up ("et le salaire ?", "comment y accéder ?") describes the job again, and a description
      // depends only on knowledge loaded once: each is built once per region and kept, up to a bound.
      const key = `${code}|${region}`;
      const known = descriptions.get(key);
      if (known !== undefined) return known;
      const built = buildDescription(code, region);
      if (built === undefined) return undefined;
      if (descriptions.size >= DESCRIPTIONS_KEPT) descriptions.delete(descriptions.keys().next().value as string);
      // Frozen: a composer that changed a shared description would change the next person's answer.
      Object.freeze(built.citations);
      Object.freeze(built.closeJobs);
      descriptions.set(key, Object.freeze(built));
      return built;
    },

    async recruitingJobs(region: RegionCode, limit: number) {
      const recruiting = fiches.filter((f) => f.tension[region] === true && f.romeCodes[0] !== undefined).slice(0, limit);
      // The Région's own plan names the job in tension: the other Région's plan proves nothing here.
      const regional = (f: ProjectFiche) => sourcesFor(f.sources, region).find((s) => /cprdfop/i.test(s.name)) ?? f.sources[0];
      const citations = recruiting.flatMap((f) => {
        const s = regional(f);
        return s ? [{ name: s.name, url: s.url }] : [];
      });
      return { jobs: recruiting.map((f) => ({ code: f.romeCodes[0] as string, title: f.title })), citations };
    },

    async jobsForInterests(centreCodes: readonly string[], limit: number) {
      // Round-robin over the centres so "bricoler + dehors" shows both, and skip fiches of one family twice.
      // Better-known jobs first: those with a project fiche, then those with many job titles (appellations).
      const lists = centreCodes.map(betterKnownFirst);
      const jobs: JobRef[] = [];
      const families = new Set<string>();
      for (let i = 0; jobs.length < limit && lists.some((l) => i < l.length); i++) {
        for (const list of lists) {
          const fiche = list[i];
          if (!fiche || families.has(fiche.code.slice(0, 3)) || jobs.length >= limit) continue;
          families.add(fiche.code.slice(0, 3));
          jobs.push({ code: fiche.code, title: fiche.title });
        }
      }
      const centres = catalog.interestCentres().filter((c) => centreCodes.includes(c.code));
      const citations: Citation[] = [
        {
          name: `France Travail — ROME 4.0, centres d'intérêt${centres.length ? ` (${centres.map((c) => c.label).join(" ; ")})` : ""}`,
          url: romeSource.url,
        },
      ];
      return { jobs, citations };
    },
  };
}
