import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GENERATED_NOTICE, GroundedAnswerWriter } from "../../../src/conversation/llm/grounded-answer-writer.js";
import { OpenAiCompatibleChatModel } from "../../../src/conversation/llm/openai-compatible-chat-model.js";
import { loadPromptLibrary, type PromptLibrary } from "../../../src/conversation/llm/prompt-library.js";
import { TALK_TO_SOMEONE } from "../../../src/conversation/reply.js";
import { maskUnknownContactDetails, MASKED } from "../../../src/knowledge/contacts/contact-guard.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { FakeChatServer, textCompletion } from "./fake-chat-server.js";
import { HITS, KNOWN_CONTACT } from "./fixtures.js";

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

function writer(timeoutMs = 5_000) {
  const model = new OpenAiCompatibleChatModel({ baseUrl: server.baseUrl, model: "fake-model", timeoutMs, retryDelayMs: 1 });
  return new GroundedAnswerWriter({
    model,
    prompt: prompts["grounded-answer"],
    maskContactDetails: (text) => maskUnknownContactDetails(text, [KNOWN_CONTACT]).text,
    logger: silentLogger,
  });
}

const request = { question: "Combien de temps dure un contrat d'apprentissage ?", hits: HITS, profile: { region: "BFC" as const, age: 17 } };

describe("grounded answers", () => {
  it("keeps an answer that cites given sources, and lists only those, renumbered in order of citation", async () => {
    server.script(textCompletion("Le contrat dure de 6 mois à 3 ans [1]. La formation se fait dans un centre de formation d'apprentis (CFA) [3]."));
    const result = await writer().write(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reply.text).toBe("Le contrat dure de 6 mois à 3 ans [1]. La formation se fait dans un centre de formation d'apprentis (CFA) [2].");
    expect(result.reply.citations.map((c) => c.url)).toEqual(["https://test.invalid/duree", "https://test.invalid/cfa"]);
    expect(result.reply.notices).toEqual([GENERATED_NOTICE]);
    expect(result.reply.suggestedActions.at(-1)).toEqual(TALK_TO_SOMEONE);
  });

  it("sends the numbered sources, the profile and the question under the French system rules", async () => {
    server.script(textCompletion("Le contrat dure de 6 mois à 3 ans [1]."));
    await writer().write(request);
    const body = server.requests[0]?.body;
    expect(body?.model).toBe("fake-model");
    expect(body?.tools).toBeUndefined();
    const [system, user] = body?.messages ?? [];
    expect(system?.role).toBe("system");
    expect(system?.content).toContain("de la région Bourgogne-Franche-Comté");
    expect(user?.role).toBe("user");
    expect(user?.content).toContain("[1] Durée du contrat d'apprentissage\nSource : Source de test, vérifiée le 2026-11-23\nLe contrat dure de 6 mois à 3 ans.");
    expect(user?.content).toContain("[3] Le rôle du CFA");
    expect(user?.content).toContain("- Âge : 17 ans");
    expect(user?.content).toContain("Combien de temps dure un contrat d'apprentissage ?");
  });

  it("falls back when the answer cites a source that does not exist", async () => {
    server.script(textCompletion("Le contrat dure 6 mois [1], et l'aide est de 6 000 euros [5]."));
    expect(await writer().write(request)).toEqual({ ok: false, reason: "unknown-source" });
  });

  it("falls back when the answer cites nothing", async () => {
    server.script(textCompletion("Les sources dont je dispose ne répondent pas à cette question."));
    expect(await writer().write(request)).toEqual({ ok: false, reason: "no-citation" });
  });

  it("masks a phone number no directory vouches for and keeps the verified one", async () => {
    server.script(textCompletion("Appelez le 01 99 00 12 34 [1] ou le CIO au 01 99 00 00 01 [2]. Voir https://arnaque.test.invalid/aide [1]."));
    const result = await writer().write(request);
    expect(result.ok && result.maskedDetails).toBe(true);
    const text = result.ok ? result.reply.text : "";
    expect(text).not.toContain("01 99 00 12 34");
    expect(text).toContain(MASKED.phone);
    expect(text).toContain("01 99 00 00 01");
    expect(text).toContain(MASKED.url);
  });

  it("falls back without throwing when the model does not answer in time", async () => {
    server.script({ hang: true });
    expect(await writer(200).write(request)).toEqual({ ok: false, reason: "llm-error", errorCode: "timeout" });
    expect(server.requests).toHaveLength(1);
  });

  it("retries once after a server error and keeps the second answer", async () => {
    server.script({ status: 500, text: "boom" }, textCompletion("Dès 16 ans [2]."));
    const result = await writer().write(request);
    expect(result.ok && result.reply.text).toBe("Dès 16 ans [1].");
    expect(server.requests).toHaveLength(2);
  });

  it("does not call the model without sources", async () => {
    expect(await writer().write({ ...request, hits: [] })).toEqual({ ok: false, reason: "no-sources" });
    expect(server.requests).toHaveLength(0);
  });
});
