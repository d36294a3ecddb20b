/**
 * HTTP routes of the local Direct Line 3.0: the subset Web Chat's DirectLineJS uses. The bot's replies come
 * back in-process (in-process-connector.ts).
 */
import type { Request, Server } from "restify";
import { HttpError, bearer, readJson, route, sendJson } from "../../server/http-body.js";
import type { Logger } from "../../shared/logger.js";
import type { LocalDirectLine } from "./local-directline.js";
import { ClientActivity, ConversationIdParam, TokenRequest, WatermarkQuery } from "./schemas.js";

export const DIRECTLINE_PREFIX = "/v3/directline";

export interface DirectLineRouteOptions {
  directLine: LocalDirectLine;
  /** Public base URL (e.g. https://orientation.example.fr); else derived from the Host header. */
  publicBaseUrl: string | undefined;
  logger: Logger;
}

const HOST_HEADER = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function baseUrlOf(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl !== undefined) return publicBaseUrl.replace(/\/+$/, "");
  const host = req.headers.host;
  if (typeof host !== "string" || !HOST_HEADER.test(host)) {
    throw new HttpError(400, "bad_host", "Missing or invalid Host header.");
  }
  return `http://${host}`;
}

function watermarkOf(req: Request): string | undefined {
  const raw = new URLSearchParams(req.getQuery()).get("watermark") ?? undefined;
  // DirectLineJS sends an empty watermark at first ("?watermark="): that means "from the start".
  const parsed = WatermarkQuery.safeParse(raw === "" || raw === "-" ? undefined : raw);
  if (!parsed.success) throw new HttpError(400, "invalid_watermark", "The watermark must be a number.");
  return parsed.data;
}

function conversationIdOf(req: Request): string {
  const id = ConversationIdParam.safeParse(req.params?.["conversationId"]);
  if (!id.success) throw new HttpError(400, "invalid_conversation", "Invalid conversation id.");
  return id.data;
}

export function registerDirectLineRoutes(server: Server, options: DirectLineRouteOptions): void {
  const { directLine, logger } = options;
  const wrap = (handler: Parameters<typeof route>[0]) =>
    route(handler, (err) => logger.error({ err }, "direct line route failed"));
  const caller = (req: Request) => directLine.authenticate(bearer(req));

  server.post(
    `${DIRECTLINE_PREFIX}/tokens/generate`,
    wrap(async (req, res) => {
      const who = caller(req);
      const body = await readJson(req, TokenRequest);
      sendJson(res, 200, directLine.generateToken(who, body.user?.id));
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/tokens/refresh`,
    wrap(async (req, res) => {
      sendJson(res, 200, directLine.refreshToken(caller(req)));
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/conversations`,
    wrap(async (req, res) => {
      const who = caller(req);
      const body = await readJson(req, TokenRequest);
      const { ticket, created } = directLine.startConversation(who, body.user?.id, baseUrlOf(req, options.publicBaseUrl));
      sendJson(res, created ? 201 : 200, ticket);
    }),
  );

  server.get(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId`,
    wrap(async (req, res) => {
      const ticket = directLine.resumeConversation(
        caller(req),
        conversationIdOf(req),
        watermarkOf(req),
        baseUrlOf(req, options.publicBaseUrl),
      );
      sendJson(res, 200, ticket);
    }),
  );

  server.get(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
    wrap(async (req, res) => {
      sendJson(res, 200, directLine.activities(caller(req), conversationIdOf(req), watermarkOf(req)));
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
    wrap(async (req, res) => {
      const who = caller(req);
      const conversationId = conversationIdOf(req);
      directLine.conversationFor(who, conversationId);
      const activity = await readJson(req, ClientActivity);
      const id = await directLine.postActivity(who, conversationId, activity);
      sendJson(res, 200, { id });
    }),
  );
}
