import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AzureDirectLineError, fetchAzureDirectLineToken } from "../../../src/channels/directline/azure-token.js";
import { postJson, startTestServer, type TestServer } from "../../server/start-test-server.js";

const SECRET = "azure-secret";

/** A local stand-in for Azure's Direct Line token API: checks the secret, binds the user id. */
async function startFakeAzure(behaviour: "ok" | "down" = "ok") {
  const seen: Array<{ authorization: string | undefined; body: unknown }> = [];
  const fake: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      seen.push({ authorization: req.headers.authorization, body: raw === "" ? undefined : JSON.parse(raw) });
      const reply = (status: number, body?: unknown) => {
        res.statusCode = status;
        res.setHeader("Content-Type", "application/json");
        res.end(body === undefined ? "" : JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== "/v3/directline/tokens/generate") reply(404);
      else if (behaviour === "down") reply(500);
      else if (req.headers.authorization !== `Bearer ${SECRET}`) reply(403, { error: { code: "BadArgument" } });
      else reply(200, { conversationId: "azconv-1", token: "azure-token", expires_in: 3600 });
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  const domain = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v3/directline`;
  return { domain, seen, close: () => new Promise<void>((resolve) => fake.close(() => resolve())) };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("Azure Direct Line tokens", () => {
  it("exchanges the secret for a token bound to the user id", async () => {
    const fake = await startFakeAzure();
    cleanups.push(fake.close);
    const ticket = await fetchAzureDirectLineToken({ domain: fake.domain, secret: SECRET, userId: "dl_abc" });
    expect(ticket).toEqual({ conversationId: "azconv-1", token: "azure-token", expires_in: 3600 });
    expect(fake.seen[0]).toEqual({ authorization: `Bearer ${SECRET}`, body: { user: { id: "dl_abc" } } });
  });

  it("fails with a typed error when Azure refuses the secret", async () => {
    const fake = await startFakeAzure();
    cleanups.push(fake.close);
    await expect(fetchAzureDirectLineToken({ domain: fake.domain, secret: "wrong", userId: "u" })).rejects.toMatchObject({
      name: "AzureDirectLineError",
      status: 403,
    });
  });

  it("fails with a typed error when Azure is unreachable", async () => {
    await expect(
      fetchAzureDirectLineToken({ domain: "http://127.0.0.1:9/v3/directline", secret: SECRET, userId: "u", timeoutMs: 2_000 }),
    ).rejects.toBeInstanceOf(AzureDirectLineError);
  });

  it("serves the page an Azure token in DIRECTLINE_MODE=azure, and 502 when Azure is down", async () => {
    const fake = await startFakeAzure();
    cleanups.push(fake.close);
    const env = { DIRECTLINE_MODE: "azure", DIRECTLINE_SECRET: SECRET, DIRECTLINE_AZURE_DOMAIN: fake.domain };
    const server: TestServer = await startTestServer(env);
    cleanups.push(server.close);
    const { status, json } = await postJson(`${server.url}/api/directline/token`, { region: "BFC" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ token: "azure-token", domain: fake.domain, region: "BFC" });
    expect(JSON.stringify(json)).not.toContain(SECRET);
    // The local Direct Line is not exposed in azure mode.
    expect((await fetch(`${server.url}/v3/directline/tokens/generate`, { method: "POST" })).status).toBe(404);

    const down = await startFakeAzure("down");
    cleanups.push(down.close);
    const downServer = await startTestServer({ ...env, DIRECTLINE_AZURE_DOMAIN: down.domain });
    cleanups.push(downServer.close);
    const failed = await postJson(`${downServer.url}/api/directline/token`, {});
    expect(failed.status).toBe(502);
    expect(failed.json["error"]).toBe("directline_unavailable");
  });
});
