/**
 * Asks the language model to place a message the rules could not: one intent of the table and a few entities,
 * returned as the arguments of a forced tool call and parsed with zod. Invalid content is ignored, never
 * retried: the rules' own path then answers. Safety intents (distress, data deletion, insults) stay with the
 * rules, which run first.
 */
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { BaseChatModelCallOptions, BindToolsInput } from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk } from "@langchain/core/messages";
import type { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Runnable } from "@langchain/core/runnables";
import { z } from "zod";
import type { Logger } from "../../shared/logger.js";
import type { Audience } from "../understanding/entities.js";
import { INTENTS, type Intent } from "../understanding/intent-table.js";
import { LlmError } from "./llm-error.js";
import { AUDIENCES, describeAudiences } from "./user-profile.js";

export const CLASSIFY_TOOL_NAME = "classify_message";

/** Only the rules may decide these: they must never depend on a remote model being up or right. */
export const RULE_ONLY_INTENTS: readonly Intent[] = ["distress", "deleteData", "insult"];

/** What each intent the model may choose means, in the prompt's language. */
export const INTENT_DESCRIPTIONS: Partial<Record<Intent, string>> = {
  handoff: "la personne veut parler à un conseiller ou à une personne",
  booking: "la personne veut réserver un rendez-vous ou une cabine de conseil à distance",
  apprenticeshipPay: "le salaire ou la rémunération d'un apprenti",
  apprenticeship: "l'apprentissage ou l'alternance en général (contrat, règles, CFA, aides)",
  contacts: "où trouver de l'aide près de chez soi (CIO, mission locale, France Travail...)",
  interests: "la personne ne sait pas quel métier choisir ou décrit ce qu'elle aime faire",
  job: "un métier précis : en quoi il consiste, comment y accéder",
  recruiting: "les métiers ou secteurs qui recrutent",
  help: "ce que l'assistant sait faire",
  greeting: "une simple salutation",
  thanks: "un remerciement",
  goodbye: "un au revoir",
  outOfScope: "un sujet sans rapport avec l'orientation, la formation ou l'emploi",
};

/** The intents offered to the model by default: every described intent that is not rule-only. */
export const LLM_INTENTS: readonly Intent[] = INTENTS.filter((i) => INTENT_DESCRIPTIONS[i] !== undefined && !RULE_ONLY_INTENTS.includes(i));

export interface GuessedEntities {
  age?: number;
  contractYear?: number;
  postcode?: string;
  audience?: Audience;
  /** The words naming a job, as the person wrote them. */
  jobQuery?: string;
}

export interface IntentGuess {
  intent: Intent;
  entities: GuessedEntities;
}

/** Tool arguments: models often send null for what they did not find, which means absent. */
export function classifyToolSchema(intents: readonly Intent[]) {
  return z.object({
    intent: z.enum(["unknown", ...intents] as [string, ...string[]]),
    entities: z
      .object({
        age: z.number().int().min(13).max(99).nullish(),
        contractYear: z.number().int().min(1).max(4).nullish(),
        postcode: z.string().regex(/^\d{5}$|^2[AB]\d{3}$/).nullish(),
        audience: z.enum(AUDIENCES as [Audience, ...Audience[]]).nullish(),
        jobQuery: z.string().trim().min(2).max(80).nullish(),
      })
      .default({}),
  });
}

export type ToolCallingModel = {
  bindTools?(tools: BindToolsInput[], kwargs?: Partial<BaseChatModelCallOptions>): Runnable<BaseLanguageModelInput, AIMessageChunk>;
};

export interface LlmIntentFallbackDeps {
  model: ToolCallingModel;
  prompt: ChatPromptTemplate;
  logger: Logger;
}

function withoutNulls(entities: Record<string, unknown>): GuessedEntities {
  return Object.fromEntries(Object.entries(entities).filter(([, v]) => v !== null && v !== undefined)) as GuessedEntities;
}

export class LlmIntentFallback {
  constructor(private readonly deps: LlmIntentFallbackDeps) {}

  /** An intent among `intents` (rule-only ones removed) and entities, or undefined to keep the rules' path. */
  async guess(message: string, intents: readonly Intent[] = LLM_INTENTS): Promise<IntentGuess | undefined> {
    const allowed = intents.filter((i) => !RULE_ONLY_INTENTS.includes(i));
    if (allowed.length === 0 || !this.deps.model.bindTools) return undefined;
    const schema = classifyToolSchema(allowed);
    const tool = { name: CLASSIFY_TOOL_NAME, description: "Classe le message et relève ses entités.", schema };
    let args: unknown;
    try {
      const messages = await this.deps.prompt.formatMessages({
        intents: allowed.map((i) => `- ${i} : ${INTENT_DESCRIPTIONS[i] ?? i}`).join("\n"),
        audiences: describeAudiences(),
        toolName: CLASSIFY_TOOL_NAME,
        message,
      });
      const answer = await this.deps.model.bindTools([tool], { tool_choice: CLASSIFY_TOOL_NAME }).invoke(messages);
      args = answer.tool_calls?.find((c) => c.name === CLASSIFY_TOOL_NAME)?.args;
    } catch (err) {
      this.deps.logger.warn({ errorCode: err instanceof LlmError ? err.code : "unexpected", err: err instanceof LlmError ? undefined : err }, "intent fallback unavailable");
      return undefined;
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      // Only the paths of the problems are logged: the arguments may repeat the user's words.
      this.deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join(".") || "(root)") }, "intent fallback answer ignored");
      return undefined;
    }
    if (parsed.data.intent === "unknown") return undefined;
    return { intent: parsed.data.intent as Intent, entities: withoutNulls(parsed.data.entities) };
  }
}
