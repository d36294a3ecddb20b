/**
 * Builds the optional language-model layer from `config.llm`: nothing when the provider is "none" (the
 * default, fully offline), else one OpenAI-compatible chat model with the prompts of `prompts/`.
 */
import type { AppConfig } from "../../config/config.js";
import type { Logger } from "../../shared/logger.js";
import type { ContactsPort, LanguageModelPort } from "../ports.js";
import { GroundedAnswerWriter } from "./grounded-answer-writer.js";
import { LlmIntentFallback } from "./intent-fallback.js";
import { languageModelPort } from "./language-model-port.js";
import { OpenAiCompatibleChatModel } from "./openai-compatible-chat-model.js";
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary, type PromptLibrary } from "./prompt-library.js";

export type LlmConfig = AppConfig["llm"];

/**
 * Where each provider serves chat completions when LLM_URL is not set. Ollama's OpenAI-compatible API and
 * Mistral's API, both checked on 2026-11-23 (https://ollama.com/blog/openai-compatibility,
 * https://docs.mistral.ai/api/). 127.0.0.1 rather than localhost: Ollama listens on IPv4 by default.
 */
export const DEFAULT_BASE_URLS: Partial<Record<LlmConfig["provider"], string>> = {
  ollama: "http://127.0.0.1:11434/v1",
  mistral: "https://api.mistral.ai/v1",
};

export interface LlmOptions {
  promptsDir?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryDelayMs?: number;
}

export interface LlmServices {
  model: OpenAiCompatibleChatModel;
  prompts: PromptLibrary;
  intentFallback: LlmIntentFallback;
  /** The engine's port; `contacts` vouches for the phone numbers, e-mails and links an answer may show. */
  port(contacts: Pick<ContactsPort, "maskUnknownContactDetails">): LanguageModelPort;
}

export class LlmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LlmConfigError";
  }
}

export async function createLlm(llm: LlmConfig, logger: Logger, options: LlmOptions = {}): Promise<LlmServices | undefined> {
  if (llm.provider === "none") return undefined;
  const baseUrl = llm.url ?? DEFAULT_BASE_URLS[llm.provider];
  if (baseUrl === undefined) throw new LlmConfigError(`LLM_URL: required for LLM_PROVIDER=${llm.provider}`);
  if (!/^https?:\/\//i.test(baseUrl)) throw new LlmConfigError("LLM_URL: expected an http(s) URL");
  if (llm.model === undefined) throw new LlmConfigError(`LLM_MODEL: required for LLM_PROVIDER=${llm.provider}`);

  const prompts = await loadPromptLibrary(options.promptsDir ?? DEFAULT_PROMPTS_DIR);
  const model = new OpenAiCompatibleChatModel({
    baseUrl,
    model: llm.model,
    apiKey: llm.apiKey,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    maxTokens: 500,
  });
  const child = logger.child({ component: "llm" });
  const intentFallback = new LlmIntentFallback({ model, prompt: prompts["intent-fallback"], logger: child });
  // The API key and URL are not logged: the URL may carry credentials.
  child.info({ provider: llm.provider, model: llm.model }, "language model enabled");
  return {
    model,
    prompts,
    intentFallback,
    port(contacts) {
      const answerWriter = new GroundedAnswerWriter({
        model,
        prompt: prompts["grounded-answer"],
        maskContactDetails: (text) => contacts.maskUnknownContactDetails(text),
        logger: child,
      });
      return languageModelPort({ intentFallback, answerWriter });
    },
  };
}
