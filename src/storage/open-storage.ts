/** Chooses and opens the storage backend from configuration: PostgreSQL when DATABASE_URL is set, else SQLite. */
import path from "node:path";
import type { BookingRepository } from "../booking/booking-repository.js";
import { SqlBookingRepository } from "./booking-store.js";
import { KeyValueStore } from "./kv-store.js";
import { migrate } from "./migrations.js";
import { PostgresDatabase } from "./postgres/postgres-database.js";
import type { SqlDatabase } from "./sql.js";
import { SQLITE_FILE_NAME, SqliteDatabase } from "./sqlite/sqlite-database.js";

export interface StorageOptions {
  /** SQLite file's folder (config.dataDir); ignored with a database URL. */
  dataDir: string;
  /** config.database.url: PostgreSQL when set. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema (tests, or several deployments in one database). */
  schema?: string;
  /** SQLite file name inside dataDir. */
  sqliteFileName?: string;
  maxConnections?: number;
}

export interface AppStorage {
  readonly backend: "sqlite" | "postgres";
  readonly db: SqlDatabase;
  readonly bookings: BookingRepository;
  readonly kv: KeyValueStore;
  close(): Promise<void>;
}

/** Opens the backend and applies pending migrations before anything reads or writes. */
export async function openStorage(options: StorageOptions): Promise<AppStorage> {
  const db: SqlDatabase =
    options.databaseUrl !== undefined
      ? await PostgresDatabase.connect(options.databaseUrl, {
          ...(options.schema === undefined ? {} : { schema: options.schema }),
          ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        })
      : new SqliteDatabase(path.join(options.dataDir, options.sqliteFileName ?? SQLITE_FILE_NAME));
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    backend: db.dialect,
    db,
    bookings: new SqlBookingRepository(db),
    kv: new KeyValueStore(db),
    close: () => db.close(),
  };
}
