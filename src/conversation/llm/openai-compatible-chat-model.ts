/**
 * A LangChain chat model for any server speaking OpenAI chat completions (Ollama, Mistral, vLLM...), on plain
 * fetch: a deadline per attempt, bounded retries on transient failures only, and tool calling for structured
 * output. Avoids `@langchain/openai`, whose `openai` SDK declares Node >= 22.
 */
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
  type ToolChoice,
} from "@langchain/core/language_models/chat_models";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { AIMessage, isAIMessage, isToolMessage, type AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { InvalidToolCall, ToolCall } from "@langchain/core/messages/tool";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import {
  ChatCompletionResponse,
  type ChatCompletionRequest,
  type WireMessage,
  type WireTool,
  type WireToolChoice,
} from "./chat-completions-protocol.js";
import { LlmError } from "./llm-error.js";

export interface OpenAiCompatibleCallOptions extends BaseChatModelCallOptions {
  tools?: BindToolsInput[];
}

export interface OpenAiCompatibleChatModelFields extends BaseChatModelParams {
  /** Base URL such as `http://127.0.0.1:11434/v1`; a URL already ending in `/chat/completions` is used as is. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Deadline of one attempt, in milliseconds (default 10 s: a person is waiting, and a turn may ask twice). */
  timeoutMs?: number;
  /** Extra attempts after a network error, a 5xx or a 429 (default 2). Never after a timeout or a bad answer. */
  maxRetries?: number;
  /** First pause before a retry, doubled each time (default 300 ms). */
  retryDelayMs?: number;
  temperature?: number;
  maxTokens?: number;
}

export function chatCompletionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return trimmed.endsWith("/chat/completions") ? trimmed : `${trimmed}/chat/completions`;
}

function toWireMessage(message: BaseMessage): WireMessage {
  const type = message.getType();
  if (type === "system") return { role: "system", content: message.text };
  if (type === "human") return { role: "user", content: message.text };
  if (isAIMessage(message)) {
    const toolCalls = (message.tool_calls ?? []).map((tc) => ({
      id: tc.id ?? "",
      type: "function" as const,
      function: { name: tc.name, arguments: JSON.stringify(tc.args) },
    }));
    return toolCalls.length > 0
      ? { role: "assistant", content: message.text === "" ? null : message.text, tool_calls: toolCalls }
      : { role: "assistant", content: message.text };
  }
  if (isToolMessage(message)) return { role: "tool", content: message.text, tool_call_id: message.tool_call_id };
  throw new Error(`Unsupported message type for chat completions: ${type}`);
}

function toWireTool(tool: BindToolsInput): WireTool {
  const converted = convertToOpenAITool(tool);
  // zod's JSON Schema carries "$schema", which some OpenAI-compatible servers reject in tool parameters.
  const { $schema: _ignored, ...parameters } = converted.function.parameters as Record<string, unknown>;
  return {
    type: "function",
    function: {
      name: converted.function.name,
      ...(converted.function.description ? { description: converted.function.description } : {}),
      parameters,
    },
  };
}

/** LangChain's convention ("any", or a tool name to force) in the wire dialect every compatible server accepts. */
export function toWireToolChoice(choice: ToolChoice): WireToolChoice {
  if (choice === "auto" || choice === "none") return choice;
  if (choice === "any" || choice === "required") return "required";
  if (typeof choice === "string") return { type: "function", function: { name: choice } };
  return choice as WireToolChoice;
}

function toAiMessage(response: ChatCompletionResponse): AIMessage {
  // The schema guarantees at least one choice.
  const choice = response.choices[0]!;
  const toolCalls: ToolCall[] = [];
  const invalid: InvalidToolCall[] = [];
  for (const [i, call] of (choice.message.tool_calls ?? []).entries()) {
    const id = call.id ?? `call_${i}`;
    const raw = call.function.arguments ?? "{}";
    try {
      const args: unknown = JSON.parse(raw === "" ? "{}" : raw);
      if (typeof args !== "object" || args === null || Array.isArray(args)) throw new Error("not an object");
      toolCalls.push({ id, name: call.function.name, args: args as Record<string, unknown>, type: "tool_call" });
    } catch {
      invalid.push({ id, name: call.function.name, args: raw, error: "arguments are not a JSON object", type: "invalid_tool_call" });
    }
  }
  const usage = response.usage;
  return new AIMessage({
    content: choice.message.content ?? "",
    tool_calls: toolCalls,
    invalid_tool_calls: invalid,
    response_metadata: { finish_reason: choice.finish_reason ?? undefined, model_name: response.model },
    ...(usage?.prompt_tokens !== undefined && usage.completion_tokens !== undefined
      ? {
          usage_metadata: {
            input_tokens: usage.prompt_tokens,
            output_tokens: usage.completion_tokens,
            total_tokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
          },
        }
      : {}),
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OpenAiCompatibleChatModel extends BaseChatModel<OpenAiCompatibleCallOptions> {
  readonly endpoint: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly temperature: number;
  readonly maxTokens: number | undefined;
  private readonly apiKey: string | undefined;

  static lc_name(): string {
    return "OpenAiCompatibleChatModel";
  }

  constructor(fields: OpenAiCompatibleChatModelFields) {
    super(fields);
    this.endpoint = chatCompletionsUrl(fields.baseUrl);
    this.model = fields.model;
    this.apiKey = fields.apiKey;
    this.timeoutMs = fields.timeoutMs ?? 10_000;
    this.maxRetries = fields.maxRetries ?? 2;
    this.retryDelayMs = fields.retryDelayMs ?? 300;
    this.temperature = fields.temperature ?? 0;
    this.maxTokens = fields.maxTokens;
  }

  _llmType(): string {
    return "openai-compatible";
  }

  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<OpenAiCompatibleCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, OpenAiCompatibleCallOptions> {
    return this.withConfig({ ...kwargs, tools });
  }

  async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const body: ChatCompletionRequest = {
      model: this.model,
      messages: messages.map(toWireMessage),
      temperature: this.temperature,
      stream: false,
      ...(this.maxTokens !== undefined ? { max_tokens: this.maxTokens } : {}),
      ...(options.stop ? { stop: options.stop } : {}),
      ...(options.tools && options.tools.length > 0 ? { tools: options.tools.map(toWireTool) } : {}),
      ...(options.tool_choice !== undefined ? { tool_choice: toWireToolChoice(options.tool_choice) } : {}),
    };
    const response = await this.postWithRetries(body, options.signal, options.maxRetries ?? this.maxRetries);
    const message = toAiMessage(response);
    return { generations: [{ text: message.text, message }], llmOutput: { tokenUsage: response.usage ?? undefined } };
  }

  private async postWithRetries(body: ChatCompletionRequest, signal: AbortSignal | undefined, maxRetries: number) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.postOnce(body, signal);
      } catch (err) {
        if (!(err instanceof LlmError) || !err.transient || attempt >= maxRetries) throw err;
        await sleep(this.retryDelayMs * 2 ** attempt);
        if (signal?.aborted) throw new LlmError("aborted", "chat completion cancelled by the caller");
      }
    }
  }

  private async postOnce(body: ChatCompletionRequest, callerSignal: AbortSignal | undefined): Promise<ChatCompletionResponse> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([deadline, callerSignal]) : deadline;
    const failure = (err: unknown): LlmError => {
      if (deadline.aborted) return new LlmError("timeout", `no answer from the language model within ${this.timeoutMs} ms`);
      if (callerSignal?.aborted) return new LlmError("aborted", "chat completion cancelled by the caller");
      return new LlmError("network", "could not reach the language model", undefined, { cause: err });
    };
    let status: number;
    let raw: string;
    try {
      const res = await fetch(this.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
      status = res.status;
      raw = await res.text();
    } catch (err) {
      throw failure(err);
    }
    // The body of an error may echo the prompt: only the status goes into the error.
    if (status < 200 || status >= 300) throw new LlmError("http", `the language model answered HTTP ${status}`, status);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new LlmError("bad-response", "the language model answered something that is not JSON");
    }
    const parsed = ChatCompletionResponse.safeParse(json);
    if (!parsed.success) throw new LlmError("bad-response", "the language model answered something that is not a chat completion");
    return parsed.data;
  }
}
