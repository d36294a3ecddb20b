/**
 * Versioned schema migrations, SQL per backend, applied at start in one transaction. Add a new entry at the
 * end (never edit an applied one): the handoff queue tables will be migration 2.
 */
import { HANDOFF_MIGRATION } from "./handoff-migration.js";
import type { SqlDatabase } from "./sql.js";

export interface Migration {
  version: number;
  name: string;
  sqlite: string[];
  postgres: string[];
}

/*
 * Why occupied cells rather than PostgreSQL exclusion constraints (tstzrange + btree_gist): SQLite has no
 * exclusion constraints, and btree_gist is an extension that managed databases may not let us create. One
 * row per 5-minute cell with UNIQUE(cabin_id, cell) and UNIQUE(counsellor_id, cell) gives the SAME guarantee
 * with plain unique indexes on both backends: whatever the number of bot instances, the database refuses
 * the second booking of a cell, for the cabin and for the counsellor. The cost (a dozen small rows per
 * booking, times on a 5-minute grid) is negligible for advice appointments.
 */
const bookingTables = (cellType: string) => [
  `CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    code TEXT UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired')),
    cabin_id TEXT NOT NULL,
    counsellor_id TEXT NOT NULL,
    appointment_type_id TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    hold_expires_at TEXT,
    first_name TEXT,
    phone TEXT,
    email TEXT,
    consent_at TEXT,
    conversation_id TEXT,
    room_name TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    erased_at TEXT,
    CHECK (status <> 'confirmed' OR (code IS NOT NULL AND consent_at IS NOT NULL) OR erased_at IS NOT NULL)
  )`,
  "CREATE INDEX bookings_cabin_start ON bookings (cabin_id, start_at)",
  "CREATE INDEX bookings_conversation ON bookings (conversation_id)",
  "CREATE INDEX bookings_status_end ON bookings (status, end_at)",
  `CREATE TABLE booking_cells (
    cell ${cellType} NOT NULL,
    cabin_id TEXT NOT NULL,
    counsellor_id TEXT NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings (id),
    CONSTRAINT booking_cells_cabin_unique UNIQUE (cabin_id, cell),
    CONSTRAINT booking_cells_counsellor_unique UNIQUE (counsellor_id, cell)
  )`,
  "CREATE INDEX booking_cells_booking ON booking_cells (booking_id)",
  `CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    booking_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  // Bot state for botbuilder's Storage (conversation and user state), with an eTag per item.
  `CREATE TABLE kv_items (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    etag TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "bookings, occupied cells, idempotency keys, bot state",
    sqlite: bookingTables("INTEGER"),
    postgres: bookingTables("INTEGER"),
  },
  HANDOFF_MIGRATION,
];

/** Applies the missing migrations; concurrent starts of several instances wait for each other. */
export async function migrate(db: SqlDatabase, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === "postgres") {
      // Serialises instances starting together; released at commit.
      await tx.all("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))");
    }
    await tx.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const rows = await tx.all<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => Number(r.version)));
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const statement of m[db.dialect]) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      done.push(m.version);
    }
    return done;
  });
}
