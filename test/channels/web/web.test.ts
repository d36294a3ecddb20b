import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../server/start-test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Raw GET, so that the path is sent exactly as written (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("chat page", () => {
  it("serves a French page branded for the default region, with a strict CSP", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = String(res.headers.get("content-security-policy"));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Région Sud – Provence-Alpes-Côte d&#39;Azur");
    expect(html).toContain('data-region="PAC"');
    expect(html).toContain('class="skip-link" href="#chat"');
    expect(html).toMatch(/role="banner"[\s\S]*role="main"[\s\S]*role="contentinfo"/);
    expect(html).toContain('src="/static/webchat.js"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toContain("test-secret");
  });

  it("allows only the configured sites to embed the page", async () => {
    server = await startTestServer({ EMBED_ORIGINS: "https://www.example-region.fr" });
    const csp = String((await fetch(`${server.url}/`)).headers.get("content-security-policy"));
    expect(csp).toContain("frame-ancestors 'self' https://www.example-region.fr");
  });

  it("lets ?region=BFC override the default region and ignores unknown regions", async () => {
    server = await startTestServer();
    const bfc = await (await fetch(`${server.url}/?region=BFC`)).text();
    expect(bfc).toContain('data-region="BFC"');
    expect(bfc).toContain("<title>Assistant orientation – Bourgogne-Franche-Comté</title>");
    const unknown = await (await fetch(`${server.url}/?region=%3Cscript%3E`)).text();
    expect(unknown).toContain('data-region="PAC"');
    expect(unknown).not.toContain("<script>");
  });
});

describe("static assets", () => {
  it("serves Web Chat's bundle from node_modules as JavaScript, with caching", async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/static/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("max-age=86400");
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
  });

  it("serves the page's own CSS with an ETag and answers 304 when it did not change", async () => {
    server = await startTestServer();
    const first = await fetch(`${server.url}/static/chat.css`);
    expect(first.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const etag = String(first.headers.get("etag"));
    const again = await fetch(`${server.url}/static/chat.css`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    "/static/../package.json",
    "/static/..%2fpackage.json",
    "/static/%2e%2e/%2e%2e/package.json",
    "/static/public/chat.js",
    "/static//etc/passwd",
    "/static/..\\package.json",
  ])("never serves a file outside the asset list: %s", async (path) => {
    server = await startTestServer();
    const res = await rawGet(server.url, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("spro-orientation-assistant");
    expect(res.body).not.toContain("root:");
  });
});
