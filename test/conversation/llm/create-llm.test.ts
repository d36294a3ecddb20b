import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/config.js";
import { createLlm, LlmConfigError } from "../../../src/conversation/llm/create-llm.js";
import { silentLogger } from "../../../src/shared/logger.js";

describe("language model factory", () => {
  it("creates nothing by default: the bot stays offline and rule-based", async () => {
    const config = loadConfig({});
    expect(config.llm.provider).toBe("none");
    expect(await createLlm(config.llm, silentLogger)).toBeUndefined();
  });

  it("points Ollama and Mistral at their own chat-completions endpoints when no URL is given", async () => {
    const ollama = await createLlm(loadConfig({ LLM_PROVIDER: "ollama", LLM_MODEL: "mistral-nemo" }).llm, silentLogger);
    expect(ollama?.model.endpoint).toBe("http://127.0.0.1:11434/v1/chat/completions");
    const mistral = await createLlm(loadConfig({ LLM_PROVIDER: "mistral", LLM_MODEL: "mistral-small-latest", LLM_API_KEY: "k" }).llm, silentLogger);
    expect(mistral?.model.endpoint).toBe("https://api.mistral.ai/v1/chat/completions");
  });

  it("uses LLM_URL for a generic OpenAI-compatible server", async () => {
    const llm = await createLlm({ provider: "openai-compatible", url: "http://127.0.0.1:8000/v1", model: "m", apiKey: undefined }, silentLogger);
    expect(llm?.model.endpoint).toBe("http://127.0.0.1:8000/v1/chat/completions");
    expect(llm?.model.model).toBe("m");
  });

  it("refuses a generic server without a URL, naming the variable", async () => {
    await expect(createLlm({ provider: "openai-compatible", url: undefined, model: "m", apiKey: undefined }, silentLogger)).rejects.toThrow(LlmConfigError);
    expect(() => loadConfig({ LLM_PROVIDER: "openai-compatible", LLM_MODEL: "m" })).toThrow(/LLM_URL: required for LLM_PROVIDER=openai-compatible/);
  });

  it("refuses at start a bad URL, a missing model or a Mistral provider without key", () => {
    const issues = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return err instanceof ConfigError ? err.issues : [String(err)];
      }
    };
    expect(issues({ LLM_PROVIDER: "ollama", LLM_MODEL: "m", LLM_URL: "ftp://x" })).toEqual(["LLM_URL: expected an http(s) URL such as http://127.0.0.1:11434/v1"]);
    expect(issues({ LLM_PROVIDER: "ollama" })).toEqual(["LLM_MODEL: required for LLM_PROVIDER=ollama"]);
    expect(issues({ LLM_PROVIDER: "mistral", LLM_MODEL: "m" })).toEqual(["LLM_API_KEY: required for LLM_PROVIDER=mistral"]);
  });
});
