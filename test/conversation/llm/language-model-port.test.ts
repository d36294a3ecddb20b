import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GroundedAnswerWriter } from "../../../src/conversation/llm/grounded-answer-writer.js";
import { CLASSIFY_TOOL_NAME, LlmIntentFallback } from "../../../src/conversation/llm/intent-fallback.js";
import { applyGuess, languageModelPort } from "../../../src/conversation/llm/language-model-port.js";
import { OpenAiCompatibleChatModel } from "../../../src/conversation/llm/openai-compatible-chat-model.js";
import { loadPromptLibrary, type PromptLibrary } from "../../../src/conversation/llm/prompt-library.js";
import { emptyMemory } from "../../../src/conversation/state.js";
import { understand } from "../../../src/conversation/understanding/understand.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { FakeChatServer, textCompletion, toolCallCompletion } from "./fake-chat-server.js";
import { HITS } from "./fixtures.js";

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

function port() {
  const model = new OpenAiCompatibleChatModel({ baseUrl: server.baseUrl, model: "fake-model", retryDelayMs: 1 });
  return languageModelPort({
    intentFallback: new LlmIntentFallback({ model, prompt: prompts["intent-fallback"], logger: silentLogger }),
    answerWriter: new GroundedAnswerWriter({ model, prompt: prompts["grounded-answer"], maskContactDetails: (t) => t, logger: silentLogger }),
  });
}

const NOW = new Date("2026-11-23T10:00:00Z");

describe("language model port", () => {
  it("keeps the rules' entities and lets the model fill only the missing ones", () => {
    const rules = understand("j'ai 19 ans", { hasLastJob: false }, NOW);
    const merged = applyGuess(rules, { intent: "apprenticeshipPay", entities: { age: 25, contractYear: 2, audience: "etudiant" } });
    expect(merged.intent).toBe("apprenticeshipPay");
    expect(merged.explicit).toBe(true);
    expect(merged.entities.age).toBe(19);
    expect(merged.entities.contractYear).toBe(2);
    expect(merged.entities.audiences).toEqual(["etudiant"]);
  });

  it("passes the model's job words on for retrieval", async () => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "job", entities: { jobQuery: "soigner les animaux" } }));
    const result = await port().understand("je kiffe les bêtes, je voudrais les soigner", understand("x", { hasLastJob: false }, NOW));
    expect(result?.jobQuery).toBe("soigner les animaux");
    expect(result?.understanding.intent).toBe("job");
  });

  it("never sends the person's phone number or e-mail to the model", async () => {
    server.script(
      toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "handoff", entities: {} }),
      textCompletion("Le contrat dure de 6 mois à 3 ans [1]."),
    );
    const p = port();
    const text = "rappelez-moi au 06 12 34 56 78 ou à lea.martin@example.org";
    await p.understand(text, understand(text, { hasLastJob: false }, NOW));
    const answer = await p.answerFromSources({ question: text, hits: HITS, memory: emptyMemory(), region: "PAC" });
    expect(answer?.citations).toHaveLength(1);
    const sent = JSON.stringify(server.requests.map((r) => r.body.messages));
    expect(server.requests).toHaveLength(2);
    expect(sent).not.toContain("06 12 34 56 78");
    expect(sent).not.toContain("lea.martin@example.org");
    expect(sent).toContain("[téléphone masqué]");
  });
});
