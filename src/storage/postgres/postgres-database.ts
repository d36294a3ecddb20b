/**
 * PostgreSQL backend (pg pool): used when DATABASE_URL is set, so that several bot instances share bookings
 * and bot state. An optional schema isolates a deployment (or a test file) inside one database.
 */
import pg from "pg";
import { UniqueViolation, type Row, type SqlDatabase, type SqlRunner, type SqlValue } from "../sql.js";

export interface PostgresOptions {
  /** Created if missing and put first on the search_path of every connection. */
  schema?: string;
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` → `$1, $2…`: the stores write SQL once for both backends and never put `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = "postgres" as const;

  private constructor(private readonly pool: pg.Pool) {}

  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
    const { schema } = options;
    if (schema !== undefined) {
      if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    });
    // An idle client losing its server must not become an unhandled 'error' event.
    pool.on("error", () => undefined);
    return new PostgresDatabase(pool);
  }

  async all<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return translate(async () => (await this.pool.query(numbered(sql), params)).rows as T[]);
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return translate(async () => (await this.pool.query(numbered(sql), params)).rowCount ?? 0);
  }

  /** Same as `run`: relaxing PostgreSQL's commit (synchronous_commit) would cost a transaction per write. */
  async runRelaxed(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work({
        all: async <R extends Row = Row>(sql: string, params: SqlValue[] = []) =>
          translate(async () => (await client.query(numbered(sql), params)).rows as R[]),
        run: async (sql: string, params: SqlValue[] = []) =>
          translate(async () => (await client.query(numbered(sql), params)).rowCount ?? 0),
      });
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; detail?: string };
    // 23505 unique_violation: the constraint name says which index refused the row.
    if (e.code === "23505") throw new UniqueViolation(e.constraint ?? e.detail ?? "unknown");
    throw err;
  }
}
