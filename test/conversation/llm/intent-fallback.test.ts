import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLASSIFY_TOOL_NAME, LLM_INTENTS, LlmIntentFallback, RULE_ONLY_INTENTS } from "../../../src/conversation/llm/intent-fallback.js";
import { OpenAiCompatibleChatModel } from "../../../src/conversation/llm/openai-compatible-chat-model.js";
import { loadPromptLibrary, type PromptLibrary } from "../../../src/conversation/llm/prompt-library.js";
import { FakeChatServer, textCompletion, toolCallCompletion } from "./fake-chat-server.js";
import { recordingLogger } from "./fixtures.js";

let prompts: PromptLibrary;
let server: FakeChatServer;
beforeAll(async () => {
  prompts = await loadPromptLibrary();
});
beforeEach(async () => {
  server = await new FakeChatServer().start();
});
afterEach(async () => {
  await server.stop();
});

function fallback(logger = recordingLogger().logger) {
  const model = new OpenAiCompatibleChatModel({ baseUrl: server.baseUrl, model: "fake-model", retryDelayMs: 1, timeoutMs: 2_000 });
  return new LlmIntentFallback({ model, prompt: prompts["intent-fallback"], logger });
}

const MESSAGE = "j'ai 17 ans et je me demande combien je serais payée si je bosse en alternance";

describe("intent fallback", () => {
  it("returns the intent and the entities of a valid tool call, nulls read as absent", async () => {
    server.script(
      toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "apprenticeshipPay", entities: { age: 17, contractYear: null, audience: "lyceen", postcode: null } }),
    );
    expect(await fallback().guess(MESSAGE)).toEqual({ intent: "apprenticeshipPay", entities: { age: 17, audience: "lyceen" } });
  });

  it("asks for the classification tool by name, with the intents it may choose", async () => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "job", entities: {} }));
    await fallback().guess(MESSAGE);
    const body = server.requests[0]?.body;
    expect(body?.model).toBe("fake-model");
    expect(body?.tool_choice).toEqual({ type: "function", function: { name: CLASSIFY_TOOL_NAME } });
    const parameters = body?.tools?.[0]?.function.parameters as { properties: { intent: { enum: string[] } } };
    expect(parameters.properties.intent.enum).toEqual(["unknown", ...LLM_INTENTS]);
    expect(body?.messages.at(-1)).toEqual({ role: "user", content: `Message à classer :\n${MESSAGE}` });
  });

  it("never offers the safety intents, even when asked to", async () => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "distress", entities: {} }));
    expect(await fallback().guess("message", ["distress", "deleteData", "insult", "job"])).toBeUndefined();
    const parameters = server.requests[0]?.body.tools?.[0]?.function.parameters as { properties: { intent: { enum: string[] } } };
    expect(parameters.properties.intent.enum).toEqual(["unknown", "job"]);
    for (const intent of RULE_ONLY_INTENTS) expect(LLM_INTENTS).not.toContain(intent);
  });

  it.each([
    ["an intent outside the list", { intent: "bookFlight", entities: {} }],
    ["an age given as words", { intent: "apprenticeshipPay", entities: { age: "dix-sept" } }],
    ["an impossible contract year", { intent: "apprenticeshipPay", entities: { contractYear: 7 } }],
    ["arguments that are not JSON", "{intent: apprenticeshipPay"],
  ])("ignores %s, logs why without the user's words, and does not ask again", async (_label, args) => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, args), toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "job", entities: {} }));
    const { logger, warnings } = recordingLogger();
    expect(await fallback(logger).guess(MESSAGE)).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/intent fallback answer ignored/);
    expect(warnings.join("\n")).not.toContain("17 ans");
  });

  it("ignores a plain text answer instead of a tool call", async () => {
    server.script(textCompletion("Il s'agit d'une question sur le salaire."));
    expect(await fallback().guess(MESSAGE)).toBeUndefined();
  });

  it("treats 'unknown' as no guess", async () => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "unknown", entities: {} }));
    expect(await fallback().guess("azerty")).toBeUndefined();
  });

  it("answers undefined, without throwing, when the server keeps failing", async () => {
    server.script({ status: 503, text: "down" }, { status: 503, text: "down" }, { status: 503, text: "down" });
    expect(await fallback().guess(MESSAGE)).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });
});
