/** `POST /api/messages` (Bot Framework channels, Emulator, tests) and the health probes. */
import type { Server } from "restify";
import { z } from "zod";
import type { Logger } from "../shared/logger.js";
import type { SproCloudAdapter, TurnHandler } from "./adapter.js";
import { readJson, route, sendJson } from "./http-body.js";
import type { Readiness } from "./readiness.js";
import type { TurnTracker } from "./turn-tracker.js";

/** The fields botbuilder relies on before it authenticates; anything else passes through untouched. */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().max(512) }).optional(),
});

export const MAX_ACTIVITY_BYTES = 256 * 1024;

export function registerBotRoutes(
  server: Server,
  deps: { adapter: SproCloudAdapter; bot: TurnHandler; tracker: TurnTracker; logger: Logger },
): void {
  const { adapter, bot, tracker, logger } = deps;
  server.post(
    "/api/messages",
    route(
      async (req, res) => {
        // botbuilder expects a parsed body (restify's bodyParser would set it); ours is parsed with zod.
        req.body = await readJson(req, IncomingActivity, MAX_ACTIVITY_BYTES);
        await tracker.track(() => adapter.process(req, res, (context) => bot.run(context)));
      },
      (err) => logger.error({ err }, "/api/messages failed"),
    ),
  );
}

export function registerHealthRoutes(server: Server, readiness: Readiness): void {
  server.get("/healthz", async (_req, res) => {
    sendJson(res, 200, { status: "ok" });
  });
  server.get("/readyz", async (_req, res) => {
    if (readiness.isReady) {
      sendJson(res, 200, { status: "ready" });
      return;
    }
    const failed = readiness.failureReason !== undefined;
    sendJson(res, 503, { status: failed ? "failed" : "loading", ...(failed ? { reason: readiness.failureReason } : {}) });
  });
}
