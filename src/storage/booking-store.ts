/** The booking repository over either SQL backend: every write is one transaction guarded by unique indexes. */
import type { Booking, BookingStatus } from "../booking/booking.js";
import {
  CodeCollision,
  type BookingRepository,
  type ConfirmPatch,
  type ErasureFilter,
  type OccupiedCellsQuery,
} from "../booking/booking-repository.js";
import type { OccupiedCell } from "../booking/cells.js";
import { BookingNotActive, BookingNotFound, HoldExpired, SlotTaken } from "../booking/errors.js";
import { UniqueViolation, type Row, type SqlDatabase, type SqlRunner, type SqlValue } from "./sql.js";

const COLUMNS =
  "id, code, status, cabin_id, counsellor_id, appointment_type_id, start_at, end_at, hold_expires_at, first_name, " +
  "phone, email, consent_at, conversation_id, room_name, sequence, created_at, updated_at, erased_at";

function toBooking(r: Row): Booking {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    code: s(r.code),
    status: String(r.status) as BookingStatus,
    cabinId: String(r.cabin_id),
    counsellorId: String(r.counsellor_id),
    appointmentTypeId: String(r.appointment_type_id),
    start: String(r.start_at),
    end: String(r.end_at),
    holdExpiresAt: s(r.hold_expires_at),
    firstName: s(r.first_name),
    phone: s(r.phone),
    email: s(r.email),
    consentAt: s(r.consent_at),
    conversationId: s(r.conversation_id),
    roomName: s(r.room_name),
    sequence: Number(r.sequence),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    erasedAt: s(r.erased_at),
  };
}

function bookingValues(b: Booking): SqlValue[] {
  return [
    b.id, b.code, b.status, b.cabinId, b.counsellorId, b.appointmentTypeId, b.start, b.end, b.holdExpiresAt,
    b.firstName, b.phone, b.email, b.consentAt, b.conversationId, b.roomName, b.sequence, b.createdAt,
    b.updatedAt, b.erasedAt,
  ];
}

/** Which index refused the row, in domain terms. */
function translateViolation(err: unknown): never {
  if (err instanceof UniqueViolation) {
    if (err.target.includes("counsellor")) throw new SlotTaken("counsellor");
    if (err.target.includes("cabin")) throw new SlotTaken("cabin");
    if (err.target.includes("code")) throw new CodeCollision();
  }
  throw err;
}

export class SqlBookingRepository implements BookingRepository {
  constructor(private readonly db: SqlDatabase) {}

  async occupiedCells(q: OccupiedCellsQuery): Promise<OccupiedCell[]> {
    const ids = q.counsellorIds.length > 0 ? q.counsellorIds : [""];
    const rows = await this.db.all(
      `SELECT c.cell, c.cabin_id, c.counsellor_id FROM booking_cells c JOIN bookings b ON b.id = c.booking_id
       WHERE c.cell >= ? AND c.cell < ? AND (c.cabin_id = ? OR c.counsellor_id IN (${ids.map(() => "?").join(", ")}))
         AND NOT (b.status = 'held' AND b.hold_expires_at <= ?)`,
      [q.fromCell, q.toCell, q.cabinId, ...ids, q.now],
    );
    return rows.map((r) => ({ cell: Number(r.cell), cabinId: String(r.cabin_id), counsellorId: String(r.counsellor_id) }));
  }

  async insert(booking: Booking, cells: number[], idempotencyKey?: string): Promise<{ booking: Booking; replayed: boolean }> {
    try {
      return await this.db.transaction(async (tx) => {
        if (idempotencyKey !== undefined) {
          // First statement: a concurrent request with the same key waits here for the first one's outcome.
          const claimed = await tx.run(
            "INSERT INTO idempotency_keys (key, booking_id, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [idempotencyKey, booking.id, booking.createdAt],
          );
          if (claimed === 0) return { booking: await this.bookingForKey(tx, idempotencyKey), replayed: true };
        }
        await releaseExpiredHolds(tx, booking.createdAt);
        await tx.run(`INSERT INTO bookings (${COLUMNS}) VALUES (${COLUMNS.split(",").map(() => "?").join(", ")})`, bookingValues(booking));
        await insertCells(tx, booking, cells);
        return { booking, replayed: false };
      });
    } catch (err) {
      translateViolation(err);
    }
  }

  async confirmHold(
    holdId: string,
    patch: ConfirmPatch,
    now: string,
    idempotencyKey?: string,
  ): Promise<{ booking: Booking; replayed: boolean }> {
    try {
      return await this.db.transaction(async (tx) => {
        if (idempotencyKey !== undefined) {
          const claimed = await tx.run(
            "INSERT INTO idempotency_keys (key, booking_id, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [idempotencyKey, holdId, now],
          );
          if (claimed === 0) return { booking: await this.bookingForKey(tx, idempotencyKey), replayed: true };
        }
        const rows = await tx.all(
          `UPDATE bookings SET status = 'confirmed', code = ?, first_name = ?, phone = ?, email = ?, consent_at = ?,
             room_name = ?, conversation_id = COALESCE(?, conversation_id), hold_expires_at = NULL, updated_at = ?
           WHERE id = ? AND status = 'held' AND hold_expires_at > ? RETURNING ${COLUMNS}`,
          [patch.code, patch.firstName, patch.phone, patch.email, patch.consentAt, patch.roomName, patch.conversationId, now, holdId, now],
        );
        const row = rows[0];
        if (row !== undefined) return { booking: toBooking(row), replayed: false };
        const existing = (await tx.all(`SELECT ${COLUMNS} FROM bookings WHERE id = ?`, [holdId]))[0];
        if (existing === undefined) throw new BookingNotFound();
        // A hold confirmed without an idempotency key, then confirmed again: same answer, nothing booked twice.
        if (existing.status === "confirmed") return { booking: toBooking(existing), replayed: true };
        throw new HoldExpired();
      });
    } catch (err) {
      translateViolation(err);
    }
  }

  async findById(id: string): Promise<Booking | undefined> {
    const row = (await this.db.all(`SELECT ${COLUMNS} FROM bookings WHERE id = ?`, [id]))[0];
    return row === undefined ? undefined : toBooking(row);
  }

  async findByIdempotencyKey(key: string): Promise<Booking | undefined> {
    return this.bookingForKey(this.db, key).catch((err: unknown) => {
      if (err instanceof BookingNotFound) return undefined;
      throw err;
    });
  }

  async findByCode(code: string): Promise<Booking | undefined> {
    const row = (await this.db.all(`SELECT ${COLUMNS} FROM bookings WHERE code = ?`, [code]))[0];
    return row === undefined ? undefined : toBooking(row);
  }

  async cancel(code: string, now: string): Promise<Booking> {
    return this.db.transaction(async (tx) => {
      const booking = await activeByCode(tx, code);
      await tx.run("DELETE FROM booking_cells WHERE booking_id = ?", [booking.id]);
      const rows = await tx.all(
        `UPDATE bookings SET status = 'cancelled', sequence = sequence + 1, updated_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
        [now, booking.id],
      );
      return toBooking(rows[0] ?? {});
    });
  }

  async reschedule(
    code: string,
    move: { start: string; end: string; counsellorId: string; cells: number[] },
    now: string,
  ): Promise<Booking> {
    try {
      return await this.db.transaction(async (tx) => {
        const booking = await activeByCode(tx, code);
        await tx.run("DELETE FROM booking_cells WHERE booking_id = ?", [booking.id]);
        await releaseExpiredHolds(tx, now);
        const rows = await tx.all(
          `UPDATE bookings SET start_at = ?, end_at = ?, counsellor_id = ?, sequence = sequence + 1, updated_at = ?
           WHERE id = ? RETURNING ${COLUMNS}`,
          [move.start, move.end, move.counsellorId, now, booking.id],
        );
        const moved = toBooking(rows[0] ?? {});
        await insertCells(tx, moved, move.cells);
        return moved;
      });
    } catch (err) {
      translateViolation(err);
    }
  }

  async listConfirmed(cabinId: string, from: string, to: string): Promise<Booking[]> {
    const rows = await this.db.all(
      `SELECT ${COLUMNS} FROM bookings WHERE cabin_id = ? AND status = 'confirmed' AND start_at >= ? AND start_at < ?
       ORDER BY start_at`,
      [cabinId, from, to],
    );
    return rows.map(toBooking);
  }

  async erasePersonalData(filter: ErasureFilter, now: string): Promise<number> {
    const [where, params]: [string, SqlValue[]] =
      "endedBefore" in filter
        ? ["end_at < ?", [filter.endedBefore]]
        : "conversationId" in filter
          ? ["conversation_id = ?", [filter.conversationId]]
          : ["code = ?", [filter.code]];
    return this.db.transaction(async (tx) => {
      const targets = await tx.all<{ id: string }>(`SELECT id FROM bookings WHERE ${where} AND erased_at IS NULL`, params);
      for (const { id } of targets) {
        // A booking still to come cannot be kept without a way to reach the person: it is cancelled and freed.
        await tx.run("DELETE FROM booking_cells WHERE booking_id = ?", [id]);
        await tx.run(
          `UPDATE bookings SET first_name = NULL, phone = NULL, email = NULL, conversation_id = NULL, erased_at = ?,
             updated_at = ?, status = CASE WHEN status IN ('held', 'confirmed') AND end_at > ? THEN 'cancelled' ELSE status END
           WHERE id = ?`,
          [now, now, now, id],
        );
      }
      return targets.length;
    });
  }

  private async bookingForKey(tx: SqlRunner, key: string): Promise<Booking> {
    const row = (
      await tx.all(`SELECT ${COLUMNS.split(", ").map((c) => `b.${c}`).join(", ")} FROM idempotency_keys k
                    JOIN bookings b ON b.id = k.booking_id WHERE k.key = ?`, [key])
    )[0];
    if (row === undefined) throw new BookingNotFound();
    return toBooking(row);
  }
}

async function activeByCode(tx: SqlRunner, code: string): Promise<Booking> {
  const row = (await tx.all(`SELECT ${COLUMNS} FROM bookings WHERE code = ?`, [code]))[0];
  if (row === undefined) throw new BookingNotFound();
  const booking = toBooking(row);
  if (booking.status !== "confirmed") throw new BookingNotActive(booking.status);
  return booking;
}

/** Expired holds give their cells back; done inside each writing transaction, so no sweeper is needed. */
async function releaseExpiredHolds(tx: SqlRunner, now: string): Promise<void> {
  const expired = await tx.all<{ id: string }>(
    "UPDATE bookings SET status = 'expired', updated_at = ? WHERE status = 'held' AND hold_expires_at <= ? RETURNING id",
    [now, now],
  );
  for (const { id } of expired) await tx.run("DELETE FROM booking_cells WHERE booking_id = ?", [id]);
}

async function insertCells(tx: SqlRunner, booking: Booking, cells: number[]): Promise<void> {
  for (const cell of cells) {
    await tx.run("INSERT INTO booking_cells (cell, cabin_id, counsellor_id, booking_id) VALUES (?, ?, ?, ?)", [
      cell,
      booking.cabinId,
      booking.counsellorId,
      booking.id,
    ]);
  }
}
