// The two real storage backends for tests: a SQLite file in a temp folder, a PostgreSQL schema dropped after.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openStorage, type AppStorage, type StorageOptions } from "../../../src/storage/index.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BackendUnderTest {
  name: "sqlite" | "postgres";
  /** What a child process needs to open the same storage. */
  options: StorageOptions;
  open(extra?: Partial<StorageOptions>): Promise<AppStorage>;
  /** Removes the temp folder or drops the schema. */
  destroy(): Promise<void>;
}

export function sqliteBackend(label: string): BackendUnderTest {
  const dataDir = mkdtempSync(path.join(tmpdir(), `spro-${label}-`));
  const options: StorageOptions = { dataDir };
  return {
    name: "sqlite",
    options,
    open: (extra = {}) => openStorage({ ...options, ...extra }),
    destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function postgresBackend(label: string): BackendUnderTest {
  const schema = `t_${label.replace(/[^a-z0-9]/g, "_")}_${randomBytes(4).toString("hex")}`;
  const options: StorageOptions = { dataDir: tmpdir(), databaseUrl: TEST_DATABASE_URL, schema };
  return {
    name: "postgres",
    options,
    open: (extra = {}) => openStorage({ ...options, ...extra }),
    destroy: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Both backends, for `describe.each`. */
export function bothBackends(label: string): Array<() => BackendUnderTest> {
  return [() => sqliteBackend(label), () => postgresBackend(label)];
}
