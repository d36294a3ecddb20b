/**
 * The engine's LanguageModelPort over the intent fallback and the grounded answer writer. The user's words
 * leave the process only with phone numbers, e-mails and identity numbers masked: the model needs none of them.
 */
import { maskPersonalData } from "../../handoff/personal-data-mask.js";
import type { LanguageModelPort } from "../ports.js";
import type { Understanding } from "../understanding/understand.js";
import type { GroundedAnswerWriter } from "./grounded-answer-writer.js";
import type { IntentGuess, LlmIntentFallback } from "./intent-fallback.js";
import { profileFromMemory } from "./user-profile.js";

/** The rules' entities win; the model only fills what the rules did not find. */
export function applyGuess(understanding: Understanding, guess: IntentGuess): Understanding {
  const e = understanding.entities;
  const g = guess.entities;
  return {
    ...understanding,
    intent: guess.intent,
    explicit: true,
    entities: {
      ...e,
      ...(e.age === undefined && g.age !== undefined ? { age: g.age } : {}),
      ...(e.contractYear === undefined && g.contractYear !== undefined ? { contractYear: g.contractYear } : {}),
      ...(e.postcode === undefined && g.postcode !== undefined ? { postcode: g.postcode } : {}),
      audiences: e.audiences.length === 0 && g.audience !== undefined ? [g.audience] : e.audiences,
    },
  };
}

export function languageModelPort(deps: { intentFallback: LlmIntentFallback; answerWriter: GroundedAnswerWriter }): LanguageModelPort {
  return {
    async understand(text, understanding) {
      const guess = await deps.intentFallback.guess(maskPersonalData(text));
      if (!guess) return undefined;
      return { understanding: applyGuess(understanding, guess), ...(guess.entities.jobQuery ? { jobQuery: guess.entities.jobQuery } : {}) };
    },
    async answerFromSources({ question, hits, memory, region }) {
      const written = await deps.answerWriter.write({ question: maskPersonalData(question), hits, profile: profileFromMemory(memory, region) });
      return written.ok ? written.reply : undefined;
    },
  };
}
