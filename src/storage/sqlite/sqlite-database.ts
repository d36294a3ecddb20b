/**
 * SQLite backend (better-sqlite3, WAL): the default, one file in DATA_DIR. better-sqlite3 is synchronous, so
 * this class queues work per connection; several processes may share the file (WAL + busy timeout).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { UniqueViolation, type Row, type SqlDatabase, type SqlRunner, type SqlValue } from "../sql.js";

export const SQLITE_FILE_NAME = "spro.sqlite";

/** FULL: an acknowledged commit survives a power cut (bookings); NORMAL: a crash of the process only. */
type Durability = "FULL" | "NORMAL";

export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
}

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The connection's current `synchronous` setting, so a commit changes it only when it needs the other one. */
  private synchronous: Durability = "FULL";
  private readonly setSynchronous: Record<Durability, Database.Statement>;

  constructor(readonly file: string, options: SqliteOptions = {}) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // FULL: an acknowledged booking survives a power cut too, not only a crash of the process.
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    this.setSynchronous = { FULL: this.db.prepare("PRAGMA synchronous = FULL"), NORMAL: this.db.prepare("PRAGMA synchronous = NORMAL") };
  }

  async all<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.exclusive(async () => {
      // A read commits nothing; "INSERT … RETURNING" does, and then it waits for the disk like `run`.
      if (!this.prepare(sql).readonly) this.commitsWith("FULL");
      return this.allNow<T>(sql, params);
    });
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.exclusive(async () => {
      this.commitsWith("FULL");
      return this.runNow(sql, params);
    });
  }

  async runRelaxed(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.exclusive(async () => {
      this.commitsWith("NORMAL");
      return this.runNow(sql, params);
    });
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.commitsWith("FULL");
      // IMMEDIATE takes the write lock at once: two processes never both read "free" and then both write.
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work({
          all: async <R extends Row = Row>(sql: string, params: SqlValue[] = []) => this.allNow<R>(sql, params),
          run: async (sql: string, params: SqlValue[] = []) => this.runNow(sql, params),
        });
        this.db.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.exclusive(async () => this.db.close());
  }

  /**
   * The setting belongs to the connection and is read at each commit; `exclusive` keeps other work out until
   * the statement is done. Switching only on a change: state writes come every turn, bookings seldom, and two
   * pragmas around each state write were a measurable share of a turn.
   */
  private commitsWith(durability: Durability): void {
    if (this.synchronous === durability) return;
    this.setSynchronous[durability].run();
    this.synchronous = durability;
  }

  /** Statements of one caller never interleave with another's open transaction on this connection. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow<T>(sql: string, params: SqlValue[]): T[] {
    return translate(() => {
      const statement = this.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    });
  }

  private runNow(sql: string, params: SqlValue[]): number {
    if (params.length === 0 && sql.includes(";")) {
      translate(() => this.db.exec(sql));
      return 0;
    }
    return translate(() => this.prepare(sql).run(...params).changes);
  }
}

function translate<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
      // "UNIQUE constraint failed: booking_cells.cabin_id, booking_cells.cell"
      throw new UniqueViolation((e.message ?? "").replace(/^.*failed:\s*/, ""));
    }
    throw err;
  }
}
