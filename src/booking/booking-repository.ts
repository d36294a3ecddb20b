/** The storage port of the booking domain; `src/storage` implements it on SQLite and on PostgreSQL. */
import type { Booking } from "./booking.js";
import type { OccupiedCell } from "./cells.js";

export interface OccupiedCellsQuery {
  cabinId: string;
  counsellorIds: string[];
  fromCell: number;
  toCell: number;
  /** Holds that expired before this instant no longer count. */
  now: string;
}

export interface ConfirmPatch {
  code: string;
  firstName: string;
  phone: string | null;
  email: string | null;
  consentAt: string;
  roomName: string;
  conversationId: string | null;
}

export type ErasureFilter = { endedBefore: string } | { conversationId: string } | { code: string };

export interface BookingRepository {
  occupiedCells(query: OccupiedCellsQuery): Promise<OccupiedCell[]>;
  /**
   * Inserts a booking and its cells in one transaction, first releasing expired holds. Throws SlotTaken when a
   * cell is already used, CodeCollision when the code exists. With an idempotency key already used, inserts
   * nothing and returns the booking made under that key (`replayed: true`).
   */
  insert(booking: Booking, cells: number[], idempotencyKey?: string): Promise<{ booking: Booking; replayed: boolean }>;
  /** Turns a live hold into a confirmed booking; HoldExpired / BookingNotFound otherwise. Idempotent by key. */
  confirmHold(
    holdId: string,
    patch: ConfirmPatch,
    now: string,
    idempotencyKey?: string,
  ): Promise<{ booking: Booking; replayed: boolean }>;
  findById(id: string): Promise<Booking | undefined>;
  /** The booking made under an idempotency key, if any. */
  findByIdempotencyKey(key: string): Promise<Booking | undefined>;
  findByCode(code: string): Promise<Booking | undefined>;
  /** Cancels a confirmed booking and releases its cells. */
  cancel(code: string, now: string): Promise<Booking>;
  /** Moves a confirmed booking: old cells released and new ones taken in one transaction (SlotTaken if busy). */
  reschedule(
    code: string,
    move: { start: string; end: string; counsellorId: string; cells: number[] },
    now: string,
  ): Promise<Booking>;
  /** Confirmed bookings of a cabin starting in [from, to). */
  listConfirmed(cabinId: string, from: string, to: string): Promise<Booking[]>;
  /**
   * Erases first name, phone, e-mail and conversation id of the matching bookings; bookings still to come are
   * cancelled first (nobody could be reached for them). Returns how many bookings were erased.
   */
  erasePersonalData(filter: ErasureFilter, now: string): Promise<number>;
}

/** Raised by a repository when a generated confirmation code already exists (the service draws another). */
export class CodeCollision extends Error {
  constructor() {
    super("confirmation code collision");
  }
}
