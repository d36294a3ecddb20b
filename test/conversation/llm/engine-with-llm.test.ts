import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/config.js";
import { openConversationPorts } from "../../../src/conversation/adapters/open-ports.js";
import { ConversationEngine } from "../../../src/conversation/engine.js";
import { GENERATED_NOTICE } from "../../../src/conversation/llm/grounded-answer-writer.js";
import { CLASSIFY_TOOL_NAME } from "../../../src/conversation/llm/intent-fallback.js";
import type { ConversationPorts } from "../../../src/conversation/ports.js";
import { emptyMemory } from "../../../src/conversation/state.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { REPO_ROOT, TODAY } from "../real-ports.js";
import { FakeChatServer, textCompletion, toolCallCompletion } from "./fake-chat-server.js";

let server: FakeChatServer;
let dataDir: string;
let ports: ConversationPorts;
let engine: ConversationEngine;

beforeAll(async () => {
  server = await new FakeChatServer().start();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "engine-llm-test-"));
  const config = loadConfig(
    { DATA_DIR: dataDir, KNOWLEDGE_DIR: "knowledge", REGION: "PAC", LLM_PROVIDER: "openai-compatible", LLM_URL: server.baseUrl, LLM_MODEL: "fake-model" },
    REPO_ROOT,
  );
  ports = await openConversationPorts(config, silentLogger);
  engine = new ConversationEngine(ports, { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY });
});
beforeEach(() => server.reset());
afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const say = (text: string, e: ConversationEngine = engine) => e.handle({ type: "message", text }, emptyMemory());
const noGuess = toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "unknown", entities: {} });

describe("conversation engine with the optional language model", () => {
  it("never calls the model when it is not configured", async () => {
    const offline = new ConversationEngine({ ...ports, llm: undefined }, { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY });
    expect((await say("parcoursup", offline)).outcome).toBe("unknown");
    expect(server.requests).toHaveLength(0);
  });

  it("lets the model place a message the rules could not", async () => {
    server.script(toolCallCompletion(CLASSIFY_TOOL_NAME, { intent: "help", entities: {} }));
    const result = await say("parcoursup");
    expect(result.outcome).toBe("help");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body.tools?.[0]?.function.name).toBe(CLASSIFY_TOOL_NAME);
  });

  it("writes the answer from numbered passages of the knowledge, with its notice and sources", async () => {
    server.script(noGuess, textCompletion("Voici ce que dit la règle sur le repos [1]."));
    const result = await say("les heures de repos");
    expect(result.outcome).toBe("document");
    const answer = result.replies[0];
    expect(answer?.text).toBe("Voici ce que dit la règle sur le repos [1].");
    expect(answer?.notices).toContain(GENERATED_NOTICE);
    expect(answer?.citations).toHaveLength(1);
    expect(server.requests[1]?.body.messages[1]?.content).toMatch(/^\[1\] /m);
  });

  it("quotes the passage itself when the model cites a source it was not given", async () => {
    server.script(noGuess, textCompletion("Vous pouvez travailler sans repos [9]."));
    const result = await say("les heures de repos");
    expect(result.outcome).toBe("document");
    expect(result.replies[0]?.text).toMatch(/^Voici ce que dit \*\*/);
    expect(result.replies[0]?.text).not.toContain("sans repos");
  });

  it("answers distress with the rules alone, without calling the model", async () => {
    const result = await say("je veux mourir");
    expect(result.outcome).toBe("distress");
    expect(server.requests).toHaveLength(0);
  });
});
