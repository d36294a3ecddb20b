/**
 * Builds the HTTP server: restify with the Bot Framework endpoint, the local Direct Line, the website,
 * health probes and any extra routes (booking API…), plus a graceful close.
 */
import type { AddressInfo } from "node:net";
import restify, { type Server } from "restify";
import type { AppConfig } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import type { ConversationStoreLimits } from "../channels/directline/conversation-store.js";
import { LocalDirectLine } from "../channels/directline/local-directline.js";
import { registerPageTokenRoute, type PageTokenSource } from "../channels/directline/page-token-route.js";
import { LOCAL_SERVICE_URL, createInProcessConnectorClient } from "../channels/directline/in-process-connector.js";
import { registerDirectLineRoutes } from "../channels/directline/routes.js";
import { attachDirectLineStream, type DirectLineStream } from "../channels/directline/stream.js";
import { generateSecret } from "../channels/directline/token.js";
import { registerKioskRoutes } from "../channels/kiosk/kiosk-routes.js";
import { registerWebRoutes } from "../channels/web/routes.js";
import { createAdapter, type SproCloudAdapter, type TurnHandler } from "./adapter.js";
import { registerBotRoutes, registerHealthRoutes } from "./bot-routes.js";
import { Readiness } from "./readiness.js";
import { TurnTracker } from "./turn-tracker.js";

/** What extra route modules receive; register with `registerRoutes(server, deps)` functions. */
export interface RouteContext {
  config: AppConfig;
  logger: Logger;
}
export type RouteRegistrar = (server: Server, context: RouteContext) => void;

export interface AppServerDeps {
  config: AppConfig;
  logger: Logger;
  bot: TurnHandler;
  readiness?: Readiness;
  /** Extra routes, e.g. the booking API: `[registerBookingRoutes]`. */
  routes?: RouteRegistrar[];
  /** Called last on close, in order (stores, pools). */
  closers?: Array<() => Promise<void>>;
  directLine?: { tokenTtlSeconds?: number; storeLimits?: ConversationStoreLimits; now?: () => number };
  /** Only for tests of DIRECTLINE_MODE=azure against a local fake. */
  azureFetch?: typeof fetch;
}

export interface AppServer {
  readonly server: Server;
  readonly adapter: SproCloudAdapter;
  readonly readiness: Readiness;
  readonly tracker: TurnTracker;
  /** Undefined in DIRECTLINE_MODE=azure. */
  readonly directLine: LocalDirectLine | undefined;
  /** Starts listening; resolves with the base URL (e.g. http://127.0.0.1:3978). */
  listen(): Promise<string>;
  /** Stops taking new work, lets turns in flight finish (up to `timeoutMs`), then closes everything. */
  close(timeoutMs?: number): Promise<void>;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export class UnsafeBindingError extends Error {}

/**
 * Without Bot Framework credentials CloudAdapter skips authentication entirely (any bearer is accepted and
 * replies go to any serviceUrl), so local mode must stay on the loopback interface.
 */
export function assertSafeBinding(config: AppConfig): void {
  if (config.botFramework.localMode && !LOOPBACK.test(config.server.host)) {
    throw new UnsafeBindingError(
      `HOST=${config.server.host} is not a loopback address, but no MICROSOFT_APP_ID is set (local mode, no ` +
        "authentication). Set Bot Framework credentials or keep HOST=127.0.0.1.",
    );
  }
}

export function createAppServer(deps: AppServerDeps): AppServer {
  const { config, logger, bot } = deps;
  assertSafeBinding(config);
  const readiness = deps.readiness ?? new Readiness();
  const tracker = new TurnTracker();
  const server = restify.createServer({ name: "spro-orientation", handleUncaughtExceptions: false });
  let draining = false;

  server.pre((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (draining) {
      res.setHeader("Connection", "close");
      res.status(503);
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(JSON.stringify({ error: "shutting_down", message: "Server is shutting down." }));
      return next(false);
    }
    return next();
  });
  // restify's own errors (unknown route, wrong method) in the same shape as ours.
  server.on("restifyError", (_req, _res, err: Error & { restCode?: string; toJSON?: () => unknown }, callback: () => void) => {
    const name = err.restCode ?? err.name.replace(/Error$/, "");
    const code = name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
    err.toJSON = () => ({ error: code, message: err.message });
    return callback();
  });

  let directLine: LocalDirectLine | undefined;
  if (config.directLine.mode === "local") {
    if (config.directLine.secret === undefined) logger.info("DIRECTLINE_SECRET not set: generated a secret for this run");
    directLine = new LocalDirectLine({
      secret: config.directLine.secret ?? generateSecret(),
      defaultRegion: config.defaultRegion,
      botId: config.botFramework.appId ?? "spro-bot",
      logger,
      ...deps.directLine,
    });
  }
  const local = directLine;
  const adapter = createAdapter(
    config,
    logger,
    local ? createInProcessConnectorClient((conversationId, activity) => local.receiveFromBot(conversationId, activity)) : undefined,
  );
  local?.connectBot(
    // The activity comes from our own store and has every field botbuilder needs.
    (activity) => tracker.track(() => adapter.processLocalActivity(activity as never, (context) => bot.run(context))),
    LOCAL_SERVICE_URL,
  );

  registerHealthRoutes(server, readiness);
  registerBotRoutes(server, { adapter, bot, tracker, logger });

  let stream: DirectLineStream | undefined;
  let pageSource: PageTokenSource;
  if (directLine) {
    registerDirectLineRoutes(server, { directLine, publicBaseUrl: config.server.publicBaseUrl, logger });
    stream = attachDirectLineStream(server.server, directLine, logger);
    pageSource = { mode: "local", directLine, publicBaseUrl: config.server.publicBaseUrl };
  } else {
    pageSource = {
      mode: "azure",
      domain: config.directLine.azureDomain,
      secret: config.directLine.secret ?? "",
      ...(deps.azureFetch ? { fetchImpl: deps.azureFetch } : {}),
    };
  }
  registerPageTokenRoute(server, pageSource, config.defaultRegion, logger);
  registerWebRoutes(server, {
    defaultRegion: config.defaultRegion,
    publicBaseUrl: config.server.publicBaseUrl,
    embedOrigins: config.server.embedOrigins,
    ...(config.directLine.mode === "azure" ? { azureDirectLineDomain: config.directLine.azureDomain } : {}),
  });
  registerKioskRoutes(server, { config, logger });
  for (const register of deps.routes ?? []) register(server, { config, logger });

  return {
    server,
    adapter,
    readiness,
    tracker,
    directLine,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.server.once("error", reject);
        server.listen(config.server.port, config.server.host, () => {
          server.server.off("error", reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      if (config.botFramework.localMode) {
        logger.warn("local mode: no MICROSOFT_APP_ID, Bot Framework authentication is OFF (loopback only)");
      }
      return `http://${host}:${address.port}`;
    },
    async close(timeoutMs = 10_000) {
      draining = true;
      await stream?.close();
      const finished = await tracker.drain(timeoutMs);
      if (!finished) logger.warn({ inFlight: tracker.size }, "shutdown: turns still running after the timeout");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      });
      directLine?.store.clear();
      for (const closer of deps.closers ?? []) {
        try {
          await closer();
        } catch (err) {
          logger.error({ err }, "shutdown: a store failed to close");
        }
      }
    },
  };
}
