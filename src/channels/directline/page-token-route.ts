/**
 * `POST /api/directline/token`: the chat page's token, minted server-side (local Direct Line or Azure's)
 * so that the Direct Line secret never reaches a browser.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "restify";
import { HttpError, readJson, route, sendJson } from "../../server/http-body.js";
import type { Logger } from "../../shared/logger.js";
import type { RegionCode } from "../../shared/region.js";
import { AzureDirectLineError, fetchAzureDirectLineToken } from "./azure-token.js";
import type { LocalDirectLine } from "./local-directline.js";
import { DIRECTLINE_PREFIX, baseUrlOf } from "./routes.js";
import { PageTokenRequest } from "./schemas.js";

export const PAGE_TOKEN_PATH = "/api/directline/token";

export type PageTokenSource =
  | { mode: "local"; directLine: LocalDirectLine; publicBaseUrl: string | undefined }
  | { mode: "azure"; domain: string; secret: string; fetchImpl?: typeof fetch };

export interface PageToken {
  token: string;
  conversationId: string;
  expires_in: number;
  /** Direct Line base URL the page must talk to. */
  domain: string;
  userId: string;
  region: RegionCode;
}

export function registerPageTokenRoute(
  server: Server,
  source: PageTokenSource,
  defaultRegion: RegionCode,
  logger: Logger,
): void {
  server.post(
    PAGE_TOKEN_PATH,
    route(
      async (req, res) => {
        const body = await readJson(req, PageTokenRequest, 4 * 1024);
        const region = body.region ?? defaultRegion;
        const userId = body.userId ?? `dl_${randomBytes(12).toString("base64url")}`;
        let result: PageToken;
        if (source.mode === "local") {
          const ticket = source.directLine.generateToken({ kind: "secret" }, userId, region);
          const domain = `${baseUrlOf(req, source.publicBaseUrl)}${DIRECTLINE_PREFIX}`;
          result = { ...ticket, domain, userId, region };
        } else {
          try {
            const ticket = await fetchAzureDirectLineToken({ ...source, userId });
            result = { ...ticket, domain: source.domain, userId, region };
          } catch (err) {
            if (!(err instanceof AzureDirectLineError)) throw err;
            logger.error({ err: err.message, status: err.status }, "azure direct line token failed");
            throw new HttpError(502, "directline_unavailable", "The chat service is unavailable.");
          }
        }
        sendJson(res, 200, result);
      },
      (err) => logger.error({ err }, "page token route failed"),
    ),
  );
}
