/**
 * Migration 2: the hand-off queue (requests, the outbox of relayed messages for users on another instance,
 * and the advisers' Teams channel reference). One SQL list per backend; only the serial columns differ.
 */
import type { Migration } from "./migrations.js";

const tables = (serial: string) => [
  `CREATE TABLE handoff_requests (
    number ${serial},
    id TEXT NOT NULL UNIQUE,
    region TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'taken', 'ended', 'cancelled', 'expired')),
    summary TEXT NOT NULL,
    user_conversation_id TEXT NOT NULL,
    user_channel_id TEXT NOT NULL,
    user_reference TEXT NOT NULL,
    user_instance_id TEXT,
    callback_phone TEXT,
    adviser_id TEXT,
    adviser_name TEXT,
    card_activity_id TEXT,
    card_conversation_id TEXT,
    rating INTEGER CHECK (rating BETWEEN 0 AND 5),
    created_at TEXT NOT NULL,
    taken_at TEXT,
    ended_at TEXT,
    updated_at TEXT NOT NULL,
    CHECK (status <> 'taken' OR adviser_id IS NOT NULL)
  )`,
  // One open request per conversation, whatever the number of instances.
  `CREATE UNIQUE INDEX handoff_requests_one_open ON handoff_requests (user_conversation_id)
    WHERE status IN ('waiting', 'taken')`,
  "CREATE INDEX handoff_requests_status_created ON handoff_requests (status, created_at)",
  "CREATE INDEX handoff_requests_card ON handoff_requests (card_activity_id)",
  "CREATE INDEX handoff_requests_user ON handoff_requests (user_conversation_id, ended_at)",
  `CREATE TABLE handoff_outbox (
    id ${serial},
    request_id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    adviser_name TEXT,
    created_at TEXT NOT NULL
  )`,
  "CREATE INDEX handoff_outbox_instance ON handoff_outbox (instance_id, id)",
  `CREATE TABLE handoff_channel_references (
    key TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

export const HANDOFF_MIGRATION: Migration = {
  version: 2,
  name: "hand-off queue, outbox and advisers' channel reference",
  sqlite: tables("INTEGER PRIMARY KEY AUTOINCREMENT"),
  postgres: tables("BIGSERIAL PRIMARY KEY"),
};
