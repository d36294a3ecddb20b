import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  EmbeddingsError,
  HttpEmbeddings,
  endpointFor,
} from "../../../src/retrieval/embeddings/http-embeddings.js";

interface Seen {
  path: string;
  auth: string | undefined;
  body: { model: string; input: string[] };
}

/** A local server speaking one provider's real request and response shapes; vectors are [length, index]. */
async function fakeProvider(
  kind: "ollama" | "openai",
  options: { delayMs?: number; status?: number } = {},
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as Seen["body"];
      seen.push({ path: req.url ?? "", auth: req.headers.authorization, body });
      const reply = (): void => {
        res.statusCode = options.status ?? 200;
        res.setHeader("content-type", "application/json");
        if (res.statusCode !== 200) return void res.end(JSON.stringify({ error: "nope" }));
        const vectors = body.input.map((t, i) => [t.length, i]);
        if (kind === "ollama")
          return void res.end(JSON.stringify({ model: body.model, embeddings: vectors }));
        // Reversed on purpose: clients must order by `index`, not by position.
        const data = vectors.map((embedding, index) => ({ object: "embedding", embedding, index })).reverse();
        res.end(
          JSON.stringify({
            object: "list",
            data,
            model: body.model,
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      };
      if (options.delayMs) setTimeout(reply, options.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("hosted embedding providers", () => {
  it("calls Ollama's /api/embed in batches and keeps the order", async () => {
    const fake = await fakeProvider("ollama");
    servers.push(fake.server);
    const e = new HttpEmbeddings({
      provider: "ollama",
      model: "nomic-embed-text",
      url: fake.url,
      batchSize: 2,
    });
    expect(await e.embedDocuments(["a", "bb", "ccc"])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
    expect(fake.seen.map((s) => s.path)).toEqual(["/api/embed", "/api/embed"]);
    expect(fake.seen[0]?.body).toEqual({ model: "nomic-embed-text", input: ["a", "bb"] });
  });

  it("calls Mistral's /v1/embeddings with the API key and orders vectors by index", async () => {
    const fake = await fakeProvider("openai");
    servers.push(fake.server);
    const e = new HttpEmbeddings({
      provider: "mistral",
      model: "mistral-embed",
      url: fake.url,
      apiKey: "k-123",
    });
    expect(await e.embedDocuments(["a", "bb"])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(fake.seen[0]).toMatchObject({
      path: "/v1/embeddings",
      auth: "Bearer k-123",
      body: { model: "mistral-embed" },
    });
  });

  it("accepts an OpenAI-compatible base URL that already ends in /v1", async () => {
    const fake = await fakeProvider("openai");
    servers.push(fake.server);
    const e = new HttpEmbeddings({
      provider: "openai",
      model: "text-embedding-3-small",
      url: `${fake.url}/v1`,
    });
    expect(await e.embedQuery("abcd")).toEqual([4, 0]);
    expect(fake.seen[0]?.path).toBe("/v1/embeddings");
  });

  it("fails with a timeout error when the server is too slow", async () => {
    const fake = await fakeProvider("ollama", { delayMs: 500 });
    servers.push(fake.server);
    const e = new HttpEmbeddings({ provider: "ollama", model: "m", url: fake.url, timeoutMs: 50 });
    await expect(e.embedQuery("a")).rejects.toMatchObject({ code: "timeout" });
  });

  it("reports an HTTP error status as a typed error", async () => {
    const fake = await fakeProvider("openai", { status: 401 });
    servers.push(fake.server);
    const e = new HttpEmbeddings({ provider: "openai", model: "m", url: fake.url });
    await expect(e.embedQuery("a")).rejects.toMatchObject({ code: "http" });
  });

  it("reports an unreachable server as unavailable", async () => {
    const fake = await fakeProvider("ollama");
    await new Promise((r) => fake.server.close(r));
    const e = new HttpEmbeddings({ provider: "ollama", model: "m", url: fake.url });
    await expect(e.embedQuery("a")).rejects.toBeInstanceOf(EmbeddingsError);
    await expect(e.embedQuery("a")).rejects.toMatchObject({ code: "unavailable" });
  });

  it("builds each provider's endpoint", () => {
    expect(endpointFor("ollama", "http://h:11434/")).toBe("http://h:11434/api/embed");
    expect(endpointFor("mistral", "https://api.mistral.ai")).toBe("https://api.mistral.ai/v1/embeddings");
  });
});
