/**
 * Builds the booking part of the app from configuration: storage (SQLite or PostgreSQL), the catalog of
 * knowledge/cabins (demo files only with DEMO_DATA), the API keys, the service, its routes and the
 * periodic retention sweep. The composition root calls `createBookingSetup` once and `close` on shutdown.
 */
import path from "node:path";
import type { Server } from "restify";
import type { AppConfig } from "../../config/config.js";
import { loadCatalog } from "../../booking/catalog-loader.js";
import type { CabinCatalog } from "../../booking/catalog.js";
import { BookingService } from "../../booking/booking-service.js";
import type { Logger } from "../../shared/logger.js";
import { repeatInBackground } from "../../shared/repeat-in-background.js";
import { openStorage, type AppStorage } from "../../storage/index.js";
import { loadApiKeyring } from "./api-keys.js";
import { registerBookingRoutes } from "./booking-routes.js";

export interface BookingSetup {
  service: BookingService;
  /** The cabin sites, counsellors and appointment types (also used by the advisers' agenda in Teams). */
  catalog: CabinCatalog;
  storage: AppStorage;
  /** Pass to `createAppServer({ routes: [setup.registerRoutes] })`. */
  registerRoutes(server: Server): void;
  /** Runs the retention sweep now and then every `intervalMs` (default: hourly). */
  startRetentionSweep(intervalMs?: number): void;
  /** Stops the sweep; closes the storage only when this setup opened it. */
  close(): Promise<void>;
}

/**
 * `shared`: the application's storage, when the composition root opened it for everything (bookings, state,
 * hand-off); without it the setup opens its own and closes it with `close()`.
 */
export async function createBookingSetup(config: AppConfig, logger: Logger, shared?: AppStorage): Promise<BookingSetup> {
  const storage = shared ?? (await openStorage({ dataDir: config.dataDir, databaseUrl: config.database.url }));
  const closeOwnStorage = async () => {
    if (!shared) await storage.close();
  };
  try {
    const loaded = await loadCatalog(path.join(config.knowledge.dir, "cabins"), { includeDemo: config.booking.demoData });
    logger.info(
      { files: loaded.files.map((f) => f.file), skipped: loaded.skipped, sites: loaded.catalog.listSites().length },
      config.booking.demoData ? "booking catalog loaded WITH DEMO DATA (DEMO_DATA=true)" : "booking catalog loaded",
    );
    if (config.booking.visioBaseUrl.includes(".invalid")) logger.warn("VISIO_BASE_URL not set: visio links are placeholders");
    const keyring = await loadApiKeyring(config.booking.apiKeysFile);
    const service = new BookingService({
      catalog: loaded.catalog,
      repository: storage.bookings,
      visioBaseUrl: config.booking.visioBaseUrl,
      holdMinutes: config.booking.holdMinutes,
      retentionDays: config.booking.retentionDays,
    });
    let stopSweep: (() => void) | undefined;
    const sweep = async () => {
      try {
        const erased = await service.sweepRetention();
        if (erased > 0) logger.info({ erased }, "retention sweep erased personal data of past bookings");
      } catch (err) {
        logger.error({ err }, "retention sweep failed");
      }
    };
    return {
      service,
      catalog: loaded.catalog,
      storage,
      registerRoutes: (server) => registerBookingRoutes(server, { service, keyring, logger }),
      startRetentionSweep(intervalMs = 3_600_000) {
        stopSweep = repeatInBackground(sweep, intervalMs);
      },
      async close() {
        stopSweep?.();
        await closeOwnStorage();
      },
    };
  } catch (err) {
    await closeOwnStorage();
    throw err;
  }
}
