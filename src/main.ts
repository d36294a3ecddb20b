/**
 * Composition root: reads the configuration, opens the one storage everything shares (bookings, conversation
 * state, hand-off queue), builds the booking API, the hand-off and the bot, starts listening at once and flips
 * readiness when the knowledge index has loaded in the background.
 */
import { createBookingSetup } from "./channels/api/booking-setup.js";
import { DbStorage } from "./channels/bot/db-storage.js";
import { createOrientationBot } from "./channels/bot/index.js";
import { startMemoryExpiry } from "./channels/bot/memory-expiry.js";
import { openTeamsHandoff } from "./channels/teams/teams-handoff.js";
import { ConfigError, loadConfig, type AppConfig } from "./config/config.js";
import { installProcessHandlers, installShutdownHandlers } from "./server/process-handlers.js";
import { assertSafeBinding, createAppServer } from "./server/server.js";
import { createLogger } from "./shared/logger.js";
import { openStorage } from "./storage/open-storage.js";

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
  assertSafeBinding(config); // before opening anything: an unsafe HOST is a configuration error

  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.database.url });
  logger.info({ backend: storage.backend }, "storage ready");
  const memoryExpiry = startMemoryExpiry(storage.kv, { maxIdleHours: config.conversationMemoryHours, logger });
  const booking = await createBookingSetup(config, logger, storage);
  const handoff =
    config.handoff.mode === "teams" ? openTeamsHandoff(config, logger, { storage, catalog: booking.catalog }) : undefined;
  const loaded = createOrientationBot({
    config,
    logger,
    storage: new DbStorage(storage.kv),
    bookingService: booking.service,
    ...(handoff ? { handoff: handoff.handoff } : {}),
  });
  // Closed in this order after the turns in flight: the bot, the hand-off timers, the sweeps, then the database.
  const closers = [
    ...(loaded.close ? [loaded.close] : []),
    ...(handoff ? [handoff.close] : []),
    async () => memoryExpiry.stop(),
    () => booking.close(),
    () => storage.close(),
  ];
  const app = createAppServer({ config, logger, bot: loaded.bot, closers, routes: [(server) => booking.registerRoutes(server)] });
  handoff?.handoff.attach(app.adapter, app.directLine);
  booking.startRetentionSweep();
  const url = await app.listen();
  logger.info(
    { url, directLine: config.directLine.mode, region: config.defaultRegion, storage: storage.backend, handoff: config.handoff.mode },
    "server listening",
  );
  installShutdownHandlers(app, logger);
  await app.readiness.follow(loaded.ready);
  logger.info({ ready: app.readiness.isReady, reason: app.readiness.failureReason }, "knowledge loading finished");
}

main().catch((err: unknown) => {
  console.error("Startup failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
