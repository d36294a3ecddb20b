/** Public API of durable storage: one factory, two backends (SQLite, PostgreSQL). */
export { openStorage, type AppStorage, type StorageOptions } from "./open-storage.js";
export { KeyValueStore, ETagConflict, type KvItem } from "./kv-store.js";
export { SqlBookingRepository } from "./booking-store.js";
export { MIGRATIONS, migrate, type Migration } from "./migrations.js";
export { UniqueViolation, type SqlDatabase, type SqlRunner } from "./sql.js";
