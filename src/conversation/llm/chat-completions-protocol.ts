/**
 * The subset of the OpenAI chat-completions protocol (`POST {base}/chat/completions`) we speak, as zod schemas:
 * OpenAI-compatible servers, Ollama (`/v1`) and Mistral all accept it.
 */
import { z } from "zod";

export interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type WireMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: WireToolCall[] }
  | { role: "tool"; content: string; tool_call_id: string };

export interface WireTool {
  type: "function";
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

export type WireToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

export interface ChatCompletionRequest {
  model: string;
  messages: WireMessage[];
  temperature?: number;
  max_tokens?: number;
  stop?: string[];
  tools?: WireTool[];
  tool_choice?: WireToolChoice;
  stream: false;
}

const ToolCallSchema = z.object({
  id: z.string().optional(),
  type: z.literal("function").optional(),
  function: z.object({ name: z.string(), arguments: z.string().nullish() }),
});

export const ChatCompletionResponse = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        message: z.object({
          role: z.string().optional(),
          content: z.string().nullish(),
          tool_calls: z.array(ToolCallSchema).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional(), total_tokens: z.number().optional() })
    .nullish(),
});
export type ChatCompletionResponse = z.infer<typeof ChatCompletionResponse>;
