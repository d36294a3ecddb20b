/**
 * The hand-off queue over the storage module's SQL connection (SQLite or PostgreSQL). A partial unique index
 * keeps one open request per conversation; taking a request is a conditional UPDATE inside a transaction, so
 * two advisers clicking at once, on one instance or two, never both win.
 */
import { z } from "zod";
import { RegionCode } from "../shared/region.js";
import { UniqueViolation, type Row, type SqlDatabase, type SqlRunner } from "../storage/sql.js";
import { AlreadyInQueue, type HandoffRepository, type NewHandoffRequest, type TakeResult } from "./handoff-repository.js";
import { HandoffStatus, HandoffSummary, HandoffTrigger, type Adviser, type HandoffRequest, type OutboxMessage } from "./handoff-request.js";
import { statusesAllowing, type HandoffEvent } from "./state-machine.js";

const COLUMNS =
  "id, number, region, trigger_kind, status, summary, user_conversation_id, user_channel_id, user_reference, user_instance_id, " +
  "callback_phone, adviser_id, adviser_name, card_activity_id, card_conversation_id, rating, created_at, taken_at, ended_at, updated_at";

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Rows are parsed, not trusted: a hand-edited or older row fails loudly here rather than deep in a card. */
function toRequest(r: Row): HandoffRequest {
  const adviserId = text(r.adviser_id);
  return {
    id: String(r.id),
    number: Number(r.number),
    region: RegionCode.parse(r.region),
    trigger: HandoffTrigger.parse(r.trigger_kind),
    status: HandoffStatus.parse(r.status),
    summary: HandoffSummary.parse(JSON.parse(String(r.summary))),
    userConversationId: String(r.user_conversation_id),
    userChannelId: String(r.user_channel_id),
    userReference: JSON.parse(String(r.user_reference)) as unknown,
    userInstanceId: text(r.user_instance_id),
    callbackPhone: text(r.callback_phone),
    adviser: adviserId === null ? null : { id: adviserId, name: text(r.adviser_name) ?? "" },
    cardActivityId: text(r.card_activity_id),
    cardConversationId: text(r.card_conversation_id),
    rating: r.rating === null || r.rating === undefined ? null : Number(r.rating),
    createdAt: String(r.created_at),
    takenAt: text(r.taken_at),
    endedAt: text(r.ended_at),
    updatedAt: String(r.updated_at),
  };
}

const OutboxRow = z.object({
  id: z.coerce.number(),
  request_id: z.string(),
  instance_id: z.string(),
  kind: z.enum(["taken", "adviser-message", "ended", "expired"]),
  text: z.string(),
  adviser_name: z.string().nullable(),
});

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

export class SqlHandoffRepository implements HandoffRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(input: NewHandoffRequest): Promise<HandoffRequest> {
    try {
      const rows = await this.db.all(
        `INSERT INTO handoff_requests (id, region, trigger_kind, status, summary, user_conversation_id, user_channel_id,
           user_reference, user_instance_id, callback_phone, created_at, updated_at)
         VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
        [
          input.id, input.region, input.trigger, JSON.stringify(input.summary), input.userConversationId, input.userChannelId,
          JSON.stringify(input.userReference ?? null), input.userInstanceId, input.callbackPhone, input.now, input.now,
        ],
      );
      return toRequest(rows[0] ?? {});
    } catch (err) {
      if (err instanceof UniqueViolation) {
        const existing = await this.findOpenForUser(input.userConversationId);
        if (existing) throw new AlreadyInQueue(existing);
      }
      throw err;
    }
  }

  findById(id: string): Promise<HandoffRequest | undefined> {
    return this.one("id = ?", [id]);
  }

  findByNumber(number: number): Promise<HandoffRequest | undefined> {
    return this.one("number = ?", [number]);
  }

  findByCard(cardActivityId: string): Promise<HandoffRequest | undefined> {
    return this.one("card_activity_id = ?", [cardActivityId]);
  }

  findOpenForUser(userConversationId: string): Promise<HandoffRequest | undefined> {
    return this.one("user_conversation_id = ? AND status IN ('waiting', 'taken')", [userConversationId]);
  }

  findAwaitingRating(userConversationId: string, since: string): Promise<HandoffRequest | undefined> {
    return this.one(
      "user_conversation_id = ? AND status = 'ended' AND rating IS NULL AND ended_at >= ? ORDER BY ended_at DESC",
      [userConversationId, since],
    );
  }

  async listOpen(): Promise<HandoffRequest[]> {
    const rows = await this.db.all(`SELECT ${COLUMNS} FROM handoff_requests WHERE status IN ('waiting', 'taken') ORDER BY number`);
    return rows.map(toRequest);
  }

  async positionOf(id: string): Promise<number> {
    // Callback requests wait for a phone call, not for a live chat: each kind has its own line.
    const rows = await this.db.all<{ position: unknown }>(
      `SELECT COUNT(*) AS position FROM handoff_requests w JOIN handoff_requests r ON r.id = ?
       WHERE r.status = 'waiting' AND w.status = 'waiting' AND w.number <= r.number
         AND (w.trigger_kind = 'callback') = (r.trigger_kind = 'callback')`,
      [id],
    );
    return Number(rows[0]?.position ?? 0);
  }

  async attachCard(id: string, cardActivityId: string, cardConversationId: string): Promise<void> {
    await this.db.run("UPDATE handoff_requests SET card_activity_id = ?, card_conversation_id = ? WHERE id = ?", [
      cardActivityId,
      cardConversationId,
      id,
    ]);
  }

  async take(id: string, adviser: Adviser, now: string): Promise<TakeResult> {
    return this.db.transaction(async (tx) => {
      const won = await this.transition(tx, id, "take", now, ", adviser_id = ?, adviser_name = ?, taken_at = ?", [adviser.id, adviser.name, now]);
      if (won) return { won: true, request: won };
      const current = (await tx.all(`SELECT ${COLUMNS} FROM handoff_requests WHERE id = ?`, [id]))[0];
      return { won: false, request: current === undefined ? undefined : toRequest(current) };
    });
  }

  end(id: string, now: string): Promise<HandoffRequest | undefined> {
    return this.db.transaction((tx) => this.transition(tx, id, "end", now, ", ended_at = ?", [now]));
  }

  cancel(id: string, now: string): Promise<HandoffRequest | undefined> {
    return this.db.transaction((tx) => this.transition(tx, id, "cancel", now, ", ended_at = ?", [now]));
  }

  async expireOverdue(before: string, now: string): Promise<HandoffRequest[]> {
    const rows = await this.db.all(
      `UPDATE handoff_requests SET status = 'expired', ended_at = ?, updated_at = ?
       WHERE status = 'waiting' AND trigger_kind <> 'callback' AND created_at < ? RETURNING ${COLUMNS}`,
      [now, now, before],
    );
    return rows.map(toRequest);
  }

  async rate(id: string, rating: number, now: string): Promise<void> {
    if (!Number.isInteger(rating) || rating < 0 || rating > 5) throw new RangeError("rating must be 0 to 5");
    await this.db.run("UPDATE handoff_requests SET rating = ?, updated_at = ? WHERE id = ? AND rating IS NULL", [rating, now, id]);
  }

  async enqueueOutbox(message: Omit<OutboxMessage, "id">, now: string): Promise<void> {
    await this.db.run(
      "INSERT INTO handoff_outbox (request_id, instance_id, kind, text, adviser_name, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      [message.requestId, message.instanceId, message.kind, message.text, message.adviserName, now],
    );
  }

  async pendingOutbox(instanceId: string, limit = 50): Promise<OutboxMessage[]> {
    const rows = await this.db.all(
      "SELECT id, request_id, instance_id, kind, text, adviser_name FROM handoff_outbox WHERE instance_id = ? ORDER BY id LIMIT ?",
      [instanceId, limit],
    );
    return rows.map((r) => {
      const row = OutboxRow.parse(r);
      return { id: row.id, requestId: row.request_id, instanceId: row.instance_id, kind: row.kind, text: row.text, adviserName: row.adviser_name };
    });
  }

  async deleteOutbox(id: number): Promise<void> {
    await this.db.run("DELETE FROM handoff_outbox WHERE id = ?", [id]);
  }

  async saveChannelReference(key: string, reference: unknown, now: string): Promise<void> {
    await this.db.run(
      `INSERT INTO handoff_channel_references (key, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      [key, JSON.stringify(reference), now],
    );
  }

  async channelReference(key: string): Promise<unknown> {
    const row = (await this.db.all<{ reference: string }>("SELECT reference FROM handoff_channel_references WHERE key = ?", [key]))[0];
    return row === undefined ? undefined : (JSON.parse(row.reference) as unknown);
  }

  private async one(where: string, params: Array<string | number>): Promise<HandoffRequest | undefined> {
    const row = (await this.db.all(`SELECT ${COLUMNS} FROM handoff_requests WHERE ${where} LIMIT 1`, params))[0];
    return row === undefined ? undefined : toRequest(row);
  }

  /** Conditional UPDATE: the row moves only from a status the state machine allows; undefined otherwise. */
  private async transition(
    tx: SqlRunner,
    id: string,
    event: HandoffEvent,
    now: string,
    extraSet: string,
    extraParams: string[],
  ): Promise<HandoffRequest | undefined> {
    const from = statusesAllowing(event);
    const to = { take: "taken", end: "ended", cancel: "cancelled", expire: "expired" }[event];
    const rows = await tx.all(
      `UPDATE handoff_requests SET status = ?, updated_at = ?${extraSet}
       WHERE id = ? AND status IN (${placeholders(from)}) RETURNING ${COLUMNS}`,
      [to, now, ...extraParams, id, ...from],
    );
    return rows[0] === undefined ? undefined : toRequest(rows[0]);
  }
}
