/**
 * Hosted embedding providers spoken over plain fetch: Ollama (POST /api/embed), Mistral and any
 * OpenAI-compatible server (POST /v1/embeddings). Batched, each request with a timeout; responses parsed with zod.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { z } from "zod";

export type HttpEmbeddingsProvider = "ollama" | "mistral" | "openai";

export class EmbeddingsError extends Error {
  constructor(
    readonly code: "unavailable" | "http" | "timeout" | "bad_response" | "missing_package" | "missing_model",
    message: string,
  ) {
    super(message);
    this.name = "EmbeddingsError";
  }
}

export interface HttpEmbeddingsOptions {
  provider: HttpEmbeddingsProvider;
  model: string;
  /** Base URL; defaults to the provider's public endpoint (Ollama: the local daemon). */
  url?: string;
  apiKey?: string;
  batchSize?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const DEFAULT_URLS: Record<HttpEmbeddingsProvider, string> = {
  ollama: "http://127.0.0.1:11434",
  mistral: "https://api.mistral.ai",
  openai: "https://api.openai.com",
};

const OllamaResponse = z.object({ embeddings: z.array(z.array(z.number())) });
const OpenAiResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/** `…/v1` or a bare host both work, because providers document their base URLs both ways. */
export function endpointFor(provider: HttpEmbeddingsProvider, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (provider === "ollama") return `${base}/api/embed`;
  return base.endsWith("/v1") ? `${base}/embeddings` : `${base}/v1/embeddings`;
}

export class HttpEmbeddings extends Embeddings {
  private readonly endpoint: string;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpEmbeddingsOptions) {
    super({ maxRetries: 0 });
    this.endpoint = endpointFor(options.provider, options.url ?? DEFAULT_URLS[options.provider]);
    this.batchSize = options.batchSize ?? 64;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.batchSize) {
      out.push(...(await this.embedBatch(documents.slice(i, i + this.batchSize))));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [v] = await this.embedBatch([document]);
    if (v === undefined)
      throw new EmbeddingsError("bad_response", `${this.options.provider} returned no vector`);
    return v;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    if (input.length === 0) return [];
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.apiKey !== undefined) headers.authorization = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: this.options.model, input }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new EmbeddingsError(
          "timeout",
          `${this.options.provider} embeddings timed out after ${this.timeoutMs} ms`,
        );
      }
      throw new EmbeddingsError(
        "unavailable",
        `${this.options.provider} embeddings unreachable at ${this.endpoint}: ${(err as Error).message}`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new EmbeddingsError(
        "http",
        `${this.options.provider} embeddings answered HTTP ${response.status}`,
      );
    }
    const vectors = this.parse(body);
    if (vectors.length !== input.length) {
      throw new EmbeddingsError(
        "bad_response",
        `${this.options.provider} returned ${vectors.length} vectors for ${input.length} inputs`,
      );
    }
    return vectors;
  }

  private parse(body: unknown): number[][] {
    if (this.options.provider === "ollama") {
      const parsed = OllamaResponse.safeParse(body);
      if (!parsed.success)
        throw new EmbeddingsError("bad_response", "ollama /api/embed response has no embeddings array");
      return parsed.data.embeddings;
    }
    const parsed = OpenAiResponse.safeParse(body);
    if (!parsed.success)
      throw new EmbeddingsError(
        "bad_response",
        `${this.options.provider} /v1/embeddings response has no data array`,
      );
    // The API does not promise order; `index` does.
    return [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
  }
}
