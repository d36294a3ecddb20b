import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmError } from "../../../src/conversation/llm/llm-error.js";
import { chatCompletionsUrl, OpenAiCompatibleChatModel, toWireToolChoice } from "../../../src/conversation/llm/openai-compatible-chat-model.js";
import { FakeChatServer, textCompletion, toolCallCompletion } from "./fake-chat-server.js";

let server: FakeChatServer;
beforeEach(async () => {
  server = await new FakeChatServer().start();
});
afterEach(async () => {
  await server.stop();
});

const modelFor = (s: FakeChatServer, extra: Partial<ConstructorParameters<typeof OpenAiCompatibleChatModel>[0]> = {}) =>
  new OpenAiCompatibleChatModel({ baseUrl: s.baseUrl, model: "mistral-small-latest", apiKey: "test-key", retryDelayMs: 1, ...extra });

const question = [new SystemMessage("Vous êtes un assistant."), new HumanMessage("Bonjour")];

describe("OpenAI-compatible chat model", () => {
  it("posts the model and the messages with their roles, and returns the answer's content", async () => {
    server.script(textCompletion("Bonjour, que puis-je faire pour vous ?"));
    const answer = await modelFor(server).invoke(question);
    expect(answer.text).toBe("Bonjour, que puis-je faire pour vous ?");
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer test-key");
    expect(request?.body.model).toBe("mistral-small-latest");
    expect(request?.body.stream).toBe(false);
    expect(request?.body.messages).toEqual([
      { role: "system", content: "Vous êtes un assistant." },
      { role: "user", content: "Bonjour" },
    ]);
    expect(request?.body.tools).toBeUndefined();
  });

  it("sends bound tools as functions with a JSON Schema, forces the named one, and parses the call's arguments", async () => {
    server.script(toolCallCompletion("classify_message", { intent: "job" }));
    const tool = { name: "classify_message", description: "Classe le message.", schema: z.object({ intent: z.enum(["job", "help"]) }) };
    const answer = await modelFor(server).bindTools([tool], { tool_choice: "classify_message" }).invoke(question);
    expect(answer.tool_calls).toEqual([{ id: "call_1", name: "classify_message", args: { intent: "job" }, type: "tool_call" }]);
    const body = server.requests[0]?.body;
    expect(body?.tool_choice).toEqual({ type: "function", function: { name: "classify_message" } });
    expect(body?.tools?.[0]?.function.name).toBe("classify_message");
    expect(body?.tools?.[0]?.function.parameters).toMatchObject({ type: "object", properties: { intent: { enum: ["job", "help"] } } });
    expect(body?.tools?.[0]?.function.parameters).not.toHaveProperty("$schema");
  });

  it("keeps arguments that are not JSON as an invalid tool call instead of throwing", async () => {
    server.script(toolCallCompletion("classify_message", "{intent: job"));
    const answer = await modelFor(server).invoke(question);
    expect(answer.tool_calls).toEqual([]);
    expect(answer.invalid_tool_calls?.[0]).toMatchObject({ name: "classify_message", args: "{intent: job" });
  });

  it("retries once after a 500 and returns the second answer", async () => {
    server.script({ status: 500, text: "overloaded" }, textCompletion("Réponse"));
    expect((await modelFor(server).invoke(question)).text).toBe("Réponse");
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 429 rate limit but stops after its retry budget", async () => {
    server.script({ status: 429, json: {} }, { status: 429, json: {} }, { status: 429, json: {} });
    await expect(modelFor(server, { maxRetries: 2 }).invoke(question)).rejects.toMatchObject({ code: "http", status: 429 });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a client error such as 401", async () => {
    server.script({ status: 401, json: { error: { message: "bad key" } } });
    await expect(modelFor(server).invoke(question)).rejects.toMatchObject({ code: "http", status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry an answer that is not a chat completion", async () => {
    server.script({ json: { choices: [] } }, textCompletion("never asked for"));
    await expect(modelFor(server).invoke(question)).rejects.toMatchObject({ code: "bad-response" });
    expect(server.requests).toHaveLength(1);
  });

  it("gives up at the deadline with a timeout error, without retrying", async () => {
    server.script({ hang: true });
    const started = Date.now();
    const error: unknown = await modelFor(server, { timeoutMs: 200 }).invoke(question).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unreachable server as a network error after its retries", async () => {
    const url = server.baseUrl;
    await server.stop();
    const model = new OpenAiCompatibleChatModel({ baseUrl: url, model: "m", retryDelayMs: 1, maxRetries: 1 });
    await expect(model.invoke(question)).rejects.toMatchObject({ code: "network" });
  });
});

describe("chat-completions addressing", () => {
  it.each([
    ["http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1/chat/completions"],
    ["https://api.mistral.ai/v1/", "https://api.mistral.ai/v1/chat/completions"],
    ["https://llm.example.invalid/v1/chat/completions", "https://llm.example.invalid/v1/chat/completions"],
  ])("posts to the chat completions path of %s", (base, url) => {
    expect(chatCompletionsUrl(base)).toBe(url);
  });

  it("translates LangChain's tool choices to the wire format", () => {
    expect(toWireToolChoice("any")).toBe("required");
    expect(toWireToolChoice("auto")).toBe("auto");
    expect(toWireToolChoice("lookup")).toEqual({ type: "function", function: { name: "lookup" } });
  });
});
