/** ApprenticeshipPort over the real pay calculator (pay grid + SMIC history files) and the rules in retrieval. */
import { computeApprenticePay } from "../../knowledge/apprenticeship/pay-calculator.js";
import { isApprenticePayError } from "../../knowledge/apprenticeship/pay-errors.js";
import type { ApprenticeshipRule, PayGrid, SmicHistory } from "../../knowledge/apprenticeship/rule-schema.js";
import type { KnowledgeRetriever } from "../../retrieval/knowledge-retriever.js";
import type { ApprenticeshipPort, PayAnswer, RuleAnswer } from "../ports.js";
import type { Citation } from "../reply.js";
import { normalizeText } from "../understanding/normalize.js";

type IdentifiedRule = RuleAnswer & { id: string };

export interface ApprenticeshipAdapterSources {
  retriever: Pick<KnowledgeRetriever, "search" | "chunks">;
  grid: PayGrid;
  smic: SmicHistory;
  rules: readonly ApprenticeshipRule[];
}

/** Rule bodies are Markdown written for people; the chat shows them as one short paragraph. */
function plain(markdown: string): string {
  return markdown
    .replace(/^#+\s+/gm, "")
    .replace(/^\s*[-*]\s+/gm, "• ")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

export function apprenticeshipAdapter(sources: ApprenticeshipAdapterSources): ApprenticeshipPort {
  const ruleById = new Map(sources.rules.map((r) => [`rule:${r.id}`, r]));
  // An index built before the rules were indexed has none: then keyword overlap over the rule files stands in.
  const indexHasRules = sources.retriever.chunks.some((c) => c.kind === "rule");
  return {
    computePay({ age, contractYear, onDate }): PayAnswer | { error: string } {
      const result = computeApprenticePay({ age, contractYear, on: new Date(`${onDate}T12:00:00Z`) }, sources.grid, sources.smic);
      if (isApprenticePayError(result)) return { error: result.userMessageFr };
      const notes: string[] = [];
      if (age >= 21) {
        notes.push("À partir de 21 ans, le calcul se fait sur le salaire minimum de la convention collective s'il est plus élevé que le SMIC.");
      }
      notes.push(`Pour votre cas exact, consultez [${result.officialInfo.name}](${result.officialInfo.url}).`);
      const citations: Citation[] = [result.officialInfo, ...result.sources].map((s) => ({ name: s.name, url: s.url }));
      return {
        percentOfSmic: result.percent,
        monthlyGrossEuros: result.monthlyGross,
        smicMonthlyEuros: result.smic.monthly,
        smicEffectiveDate: result.smic.effectiveFrom,
        notes,
        citations,
      };
    },

    async findRules(query, region, topic): Promise<RuleAnswer[]> {
      // A rule is quoted only when the rules speak of every topic word asked about ("congés" is in none of them).
      const hits = await sources.retriever.search(query, { kinds: ["rule"], region, limit: 3, everyWordKnown: true });
      const answers: IdentifiedRule[] = hits.map((hit) => {
        const rule = ruleById.get(hit.entityId);
        const cited = rule?.sources ?? [hit.source];
        return { id: hit.entityId, title: hit.title, text: plain(hit.chunk.text), citations: cited.map((s) => ({ name: s.name, url: s.url })) };
      });
      const topicRule = topic === undefined ? undefined : sources.rules.find((r) => r.topic === topic);
      if (topicRule) {
        // Retrieval picks the best section of the rule when it found it; otherwise its first section is the general case.
        // The general case first, then the section retrieval found closest to the question when it is another one.
        const general = ruleAnswer(topicRule);
        const fromHits = answers.find((a) => a.id === `rule:${topicRule.id}`);
        const merged =
          fromHits && fromHits.text !== general.text
            ? { ...general, title: topicRule.title, text: `${general.text}\n${fromHits.title.replace(`${topicRule.title} — `, "")} : ${fromHits.text}` }
            : general;
        return [merged, ...answers.filter((a) => a.id !== merged.id)].map(({ title, text, citations }) => ({ title, text, citations }));
      }
      // With rules indexed, none found means none speaks of every word asked about: no rule answers this.
      if (answers.length === 0) return indexHasRules ? [] : rulesByKeywords(sources.rules, query);
      return answers.map(({ title, text, citations }) => ({ title, text, citations }));
    },
  };
}

/** Used when the index holds no rule chunks (older index, rules not wired yet): keyword overlap over the rule files. */
export function rulesByKeywords(rules: readonly ApprenticeshipRule[], query: string): RuleAnswer[] {
  const words = new Set(normalizeText(query).split(" ").filter((w) => w.length > 3));
  return rules
    .map((rule) => {
      const haystack = normalizeText(`${rule.title} ${rule.keywords.join(" ")}`);
      const score = [...words].filter((w) => haystack.includes(w)).length;
      return { rule, score };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map(({ rule }) => ({ title: rule.title, text: plain(rule.body), citations: rule.sources.map((s) => ({ name: s.name, url: s.url })) }));
}

/** The rule's first section (the general case), as an answer. */
function ruleAnswer(rule: ApprenticeshipRule): IdentifiedRule {
  const [intro, ...rest] = rule.body.split(/^## +/m);
  const firstSection = intro?.trim() ? intro : (rest[0] ?? "");
  const newline = firstSection.indexOf("\n");
  const heading = intro?.trim() ? undefined : firstSection.slice(0, newline).trim();
  const text = intro?.trim() ? intro.trim() : firstSection.slice(newline + 1).trim();
  return {
    id: `rule:${rule.id}`,
    title: heading ? `${rule.title} — ${heading}` : rule.title,
    text: plain(text),
    citations: rule.sources.map((s) => ({ name: s.name, url: s.url })),
  };
}
