/**
 * The small SQL surface both backends share: queries with `?` placeholders, transactions, and unique-index
 * violations reported the same way, so the stores above are written once.
 */

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** Rows of a SELECT or of an INSERT/UPDATE/DELETE … RETURNING. */
  all<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Number of rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: "sqlite" | "postgres";
  /**
   * Runs `work` in one transaction that holds the write lock from its first statement on SQLite (BEGIN
   * IMMEDIATE) and is READ COMMITTED on PostgreSQL, where the unique indexes do the arbitration.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * `run` for data whose very last writes may be lost on a power cut but never corrupted (conversation
   * state): SQLite does not wait for the disk on that commit. Bookings never use it.
   */
  runRelaxed(sql: string, params?: SqlValue[]): Promise<number>;
  close(): Promise<void>;
}

/** A unique index refused a row; `target` names the index or its columns, as the backend reported it. */
export class UniqueViolation extends Error {
  constructor(readonly target: string) {
    super(`unique constraint violated: ${target}`);
    this.name = "UniqueViolation";
  }
}
