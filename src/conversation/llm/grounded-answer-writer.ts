/**
 * Writes a short French answer from retrieved knowledge only, through the `grounded-answer` prompt. The answer
 * is kept only if every citation names a source we gave and at least one does; contact details no verified
 * directory vouches for are masked. Anything else returns a reason, and the caller keeps its rule-based answer.
 */
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Runnable } from "@langchain/core/runnables";
import { REGIONS } from "../../shared/region.js";
import type { Logger } from "../../shared/logger.js";
import { shorten } from "../composers/turn.js";
import type { KnowledgeHit } from "../ports.js";
import { reply, withHumanOption, type Citation, type Reply } from "../reply.js";
import { LlmError, type LlmErrorCode } from "./llm-error.js";
import { checkCitations, renumberCitations } from "./source-citations.js";
import { describeProfile, type UserProfile } from "./user-profile.js";

export interface GroundedAnswerRequest {
  question: string;
  /** Retrieved hits, best first; the first `maxSources` become sources [1], [2]... */
  hits: readonly KnowledgeHit[];
  profile: UserProfile;
}

export type GroundedAnswerFailure = "no-sources" | "llm-error" | "empty" | "no-citation" | "unknown-source";

export type GroundedAnswer =
  | { ok: true; reply: Reply; maskedDetails: boolean }
  | { ok: false; reason: GroundedAnswerFailure; errorCode?: LlmErrorCode };

export interface GroundedAnswerWriterDeps {
  model: Runnable<BaseLanguageModelInput, BaseMessage>;
  prompt: ChatPromptTemplate;
  /** Hides phone numbers, e-mails and links that no verified contact file vouches for. */
  maskContactDetails: (text: string) => string;
  logger: Logger;
  maxSources?: number;
  maxSourceChars?: number;
}

/** Said before every generated answer: people should know a machine wrote it. */
export const GENERATED_NOTICE = "Réponse rédigée automatiquement à partir des sources citées. En cas de doute, demandez à un conseiller.";

export function formatSources(hits: readonly KnowledgeHit[], maxChars: number): string {
  return hits
    .map((h, i) => `[${i + 1}] ${h.title}\nSource : ${h.source.name}, vérifiée le ${h.source.checkedOn}\n${shorten(h.text, maxChars)}`)
    .join("\n\n");
}

export class GroundedAnswerWriter {
  private readonly maxSources: number;
  private readonly maxSourceChars: number;

  constructor(private readonly deps: GroundedAnswerWriterDeps) {
    this.maxSources = deps.maxSources ?? 4;
    this.maxSourceChars = deps.maxSourceChars ?? 1200;
  }

  async write(request: GroundedAnswerRequest): Promise<GroundedAnswer> {
    const sources = request.hits.slice(0, this.maxSources);
    if (sources.length === 0) return this.fail("no-sources");
    let text: string;
    try {
      const messages = await this.deps.prompt.formatMessages({
        region: REGIONS[request.profile.region].name,
        profile: describeProfile(request.profile),
        sources: formatSources(sources, this.maxSourceChars),
        question: request.question,
      });
      text = (await this.deps.model.invoke(messages)).text.trim();
    } catch (err) {
      return this.fail("llm-error", err);
    }
    if (text === "") return this.fail("empty");

    const check = checkCitations(text, sources.length);
    if (!check.ok) return this.fail(check.reason);

    // Sources sharing a URL become one entry, numbered in the order the answer first cites them.
    const citations: Citation[] = [];
    const mapping = new Map<number, number>();
    for (const n of check.cited) {
      const hit = sources[n - 1]!;
      let index = citations.findIndex((c) => c.url === hit.url);
      if (index === -1) index = citations.push({ name: hit.title, url: hit.url, text: shorten(hit.text, 150) }) - 1;
      mapping.set(n, index + 1);
    }
    const renumbered = renumberCitations(text, mapping);
    const masked = this.deps.maskContactDetails(renumbered);
    if (masked !== renumbered) this.deps.logger.warn("generated answer showed contact details no directory vouches for: masked");
    return {
      ok: true,
      maskedDetails: masked !== renumbered,
      reply: reply(masked, { citations, notices: [GENERATED_NOTICE], suggestedActions: withHumanOption([{ title: "Aide", value: "aide" }]) }),
    };
  }

  private fail(reason: GroundedAnswerFailure, err?: unknown): GroundedAnswer {
    const errorCode = err instanceof LlmError ? err.code : undefined;
    // No question or answer text in logs: only why the rule-based answer is kept.
    this.deps.logger.warn({ reason, errorCode, err: err instanceof LlmError || err === undefined ? undefined : err }, "generated answer discarded");
    return errorCode ? { ok: false, reason, errorCode } : { ok: false, reason };
  }
}
