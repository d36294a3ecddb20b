/**
 * Routes of the kiosk: `GET /kiosk?site=ID` (optional `inactivite=SECONDS` for the idle reset) and its two
 * static files. Cabin sites come from the booking catalog (knowledge/cabins), read once on first request.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { CabinCatalog } from "../../booking/catalog.js";
import { loadCatalog } from "../../booking/catalog-loader.js";
import type { AppConfig } from "../../config/config.js";
import type { Logger } from "../../shared/logger.js";
import { PAGE_TOKEN_PATH } from "../directline/page-token-route.js";
import { baseUrlOf } from "../directline/routes.js";
import { chatPageCsp } from "../web/page.js";
import { renderKioskPage, renderUnknownSitePage } from "./kiosk-page.js";

export const DEFAULT_IDLE_SECONDS = 180;
const WARNING_SECONDS = 30;

const KioskQuery = z.object({
  site: z.string().trim().max(200).default(""),
  /** Seconds of inactivity before the reset; bounded so a typo cannot leave a session open for hours. */
  inactivite: z.coerce.number().int().min(10).max(1800).optional().catch(undefined),
});

export interface KioskRouteOptions {
  config: Pick<AppConfig, "knowledge" | "booking" | "server" | "directLine">;
  logger: Logger;
  /** A catalog already loaded (tests); by default read from knowledge/cabins. */
  catalog?: CabinCatalog;
}

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const ASSETS: Record<string, string> = { "kiosk.js": "text/javascript; charset=utf-8", "kiosk.css": "text/css; charset=utf-8" };

function send(res: Response, status: number, contentType: string, body: string | Buffer): void {
  res.status(status);
  res.setHeader("Content-Type", contentType);
  res.end(body);
}

export function registerKioskRoutes(server: Server, options: KioskRouteOptions): void {
  const files = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(path.join(PUBLIC_DIR, name))]));
  let catalog: Promise<CabinCatalog | undefined> | undefined = options.catalog ? Promise.resolve(options.catalog) : undefined;
  const sites = () =>
    (catalog ??= loadCatalog(path.join(options.config.knowledge.dir, "cabins"), { includeDemo: options.config.booking.demoData })
      .then((loaded) => loaded.catalog)
      .catch((err: unknown) => {
        options.logger.error({ err }, "kiosk: cabin catalog could not be read");
        return undefined;
      }));

  server.get("/kiosk", async (req: Request, res: Response) => {
    const query = KioskQuery.safeParse(Object.fromEntries(new URLSearchParams(req.getQuery())));
    const siteId = query.success ? query.data.site : "";
    const site = (await sites())?.listSites().find((s) => s.id === siteId);
    res.setHeader("Cache-Control", "no-store");
    if (!site) {
      res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'self'");
      send(res, 404, "text/html; charset=utf-8", renderUnknownSitePage(siteId));
      return;
    }
    let selfOrigin: string;
    try {
      selfOrigin = baseUrlOf(req, options.config.server.publicBaseUrl);
    } catch {
      send(res, 400, "text/plain; charset=utf-8", "En-tête Host invalide.");
      return;
    }
    const azure = options.config.directLine.mode === "azure" ? new URL(options.config.directLine.azureDomain).origin : undefined;
    res.setHeader("Content-Security-Policy", chatPageCsp({ selfOrigin, ...(azure ? { directLineOrigin: azure } : {}) }));
    const idleSeconds = (query.success ? query.data.inactivite : undefined) ?? DEFAULT_IDLE_SECONDS;
    const html = renderKioskPage({
      site,
      tokenUrl: PAGE_TOKEN_PATH,
      idleSeconds,
      warningSeconds: Math.min(WARNING_SECONDS, Math.floor(idleSeconds / 2)),
    });
    send(res, 200, "text/html; charset=utf-8", html);
  });

  server.get("/kiosk/static/:name", async (req: Request, res: Response) => {
    const name = String(req.params.name);
    const body = files.get(name);
    if (!body) {
      send(res, 404, "application/json; charset=utf-8", JSON.stringify({ error: "not_found", message: "Not found." }));
      return;
    }
    res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
    send(res, 200, ASSETS[name] ?? "application/octet-stream", body);
  });
}
