/** Routes of the website: the chat page at `/` and its static assets under `/static/`. */
import type { Request, Response, Server } from "restify";
import type { RegionCode } from "../../shared/region.js";
import { RegionCode as RegionCodeSchema } from "../../shared/region.js";
import { PAGE_TOKEN_PATH } from "../directline/page-token-route.js";
import { baseUrlOf } from "../directline/routes.js";
import { chatPageCsp, renderChatPage } from "./page.js";
import { StaticAssets } from "./static-files.js";

export interface WebRouteOptions {
  defaultRegion: RegionCode;
  publicBaseUrl: string | undefined;
  /** Origins allowed to embed the page (EMBED_ORIGINS). */
  embedOrigins?: string[];
  /** Set in DIRECTLINE_MODE=azure: the page then talks to Azure's Direct Line. */
  azureDirectLineDomain?: string;
}

function regionOf(req: Request, fallback: RegionCode): RegionCode {
  const raw = new URLSearchParams(req.getQuery()).get("region")?.toUpperCase();
  const parsed = RegionCodeSchema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

function sendText(res: Response, status: number, contentType: string, body: string | Buffer): void {
  res.status(status);
  res.setHeader("Content-Type", contentType);
  res.end(body);
}

export function registerWebRoutes(server: Server, options: WebRouteOptions): void {
  const assets = new StaticAssets();

  server.get("/", async (req, res) => {
    let selfOrigin: string;
    try {
      selfOrigin = baseUrlOf(req, options.publicBaseUrl);
    } catch {
      sendText(res, 400, "text/plain; charset=utf-8", "En-tête Host invalide.");
      return;
    }
    const directLineOrigin =
      options.azureDirectLineDomain === undefined ? undefined : new URL(options.azureDirectLineDomain).origin;
    const csp = chatPageCsp({
      selfOrigin,
      embedOrigins: options.embedOrigins ?? [],
      ...(directLineOrigin ? { directLineOrigin } : {}),
    });
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("Cache-Control", "no-cache");
    sendText(
      res,
      200,
      "text/html; charset=utf-8",
      renderChatPage({ region: regionOf(req, options.defaultRegion), tokenUrl: PAGE_TOKEN_PATH }),
    );
  });

  // Browsers ask for it on every page; no icon of ours, and a 404 would litter the console.
  server.get("/favicon.ico", async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.status(204);
    res.end();
  });

  server.get("/static/*", async (req, res) => {
    const name = req.path().slice("/static/".length);
    const file = assets.get(name);
    if (!file) {
      sendText(res, 404, "application/json; charset=utf-8", JSON.stringify({ error: "not_found", message: "Not found." }));
      return;
    }
    res.setHeader("ETag", file.etag);
    res.setHeader("Cache-Control", file.cacheControl);
    res.setHeader("Vary", "Accept-Encoding");
    if (req.headers["if-none-match"] === file.etag) {
      res.status(304);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (acceptsGzip) res.setHeader("Content-Encoding", "gzip");
    sendText(res, 200, file.contentType, acceptsGzip ? assets.gzipped(file) : file.body);
  });
}
