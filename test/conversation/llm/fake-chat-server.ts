/**
 * A local stand-in for a remote chat-completions server (OpenAI, Ollama, Mistral speak the same protocol):
 * node:http on 127.0.0.1, port 0, answering scripted steps in order and recording every request it gets.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Step =
  | { status?: number; json: unknown }
  | { status: number; text: string }
  /** Accept the request and never answer (a stuck model). */
  | { hang: true };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
}

/** The fields the tests look at; anything else the client sends is kept too. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters: Record<string, unknown> } }[];
  tool_choice?: unknown;
  temperature?: number;
  max_tokens?: number;
  stream?: boolean;
  [key: string]: unknown;
}

export function textCompletion(content: string, model = "fake-model"): Step {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    },
  };
}

/** `args` is sent as the raw JSON string the protocol carries, so tests can send broken JSON too. */
export function toolCallCompletion(name: string, args: string | Record<string, unknown>): Step {
  return {
    json: {
      id: "chatcmpl-tool",
      object: "chat.completion",
      model: "fake-model",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "call_1", type: "function", function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } }],
          },
          finish_reason: "tool_calls",
        },
      ],
    },
  };
}

export class FakeChatServer {
  readonly requests: RecordedRequest[] = [];
  private readonly steps: Step[] = [];
  private server: Server | undefined;
  private port = 0;

  /** Steps are consumed in order; with none left the server answers 500 so a missing step fails the test. */
  script(...steps: Step[]): this {
    this.steps.push(...steps);
    return this;
  }

  /** Forgets recorded requests and unused steps (one server shared by a file's tests). */
  reset(): void {
    this.requests.length = 0;
    this.steps.length = 0;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") as ChatRequestBody });
        const step = this.steps.shift() ?? { status: 500, text: "no scripted step left" };
        if ("hang" in step) return;
        if ("text" in step) {
          res.writeHead(step.status, { "content-type": "text/plain" }).end(step.text);
          return;
        }
        res.writeHead(step.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(step.json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    // Hanging requests keep their sockets open: close them, or close() waits forever.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
