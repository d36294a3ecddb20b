/**
 * Composition root: reads the configuration, builds the bot and the server, starts listening at once and
 * flips readiness when the knowledge index has loaded in the background.
 */
import { ConfigError, loadConfig, type AppConfig } from "./config/config.js";
import { openTeamsHandoff } from "./channels/teams/teams-handoff.js";
import { loadBot } from "./server/bot-loader.js";
import { installProcessHandlers, installShutdownHandlers } from "./server/process-handlers.js";
import { assertSafeBinding, createAppServer } from "./server/server.js";
import { createLogger } from "./shared/logger.js";

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  installProcessHandlers(logger);
  assertSafeBinding(config); // before loading anything: an unsafe HOST is a configuration error

  const handoff = config.handoff.mode === "teams" ? await openTeamsHandoff(config, logger) : undefined;
  const loaded = await loadBot({ config, logger, ...(handoff ? { handoff: handoff.handoff } : {}) });
  // Extra route modules (booking API…) go in `routes: [registerXRoutes]`.
  const closers = [...(loaded.close ? [loaded.close] : []), ...(handoff ? [handoff.close] : [])];
  const app = createAppServer({ config, logger, bot: loaded.bot, closers });
  handoff?.handoff.attach(app.adapter, app.directLine);
  const url = await app.listen();
  logger.info({ url, bot: loaded.kind, directLine: config.directLine.mode, region: config.defaultRegion }, "server listening");
  installShutdownHandlers(app, logger);
  await app.readiness.follow(loaded.ready ?? Promise.resolve());
  logger.info({ ready: app.readiness.isReady, reason: app.readiness.failureReason }, "knowledge loading finished");
}

main().catch((err: unknown) => {
  console.error("Startup failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
