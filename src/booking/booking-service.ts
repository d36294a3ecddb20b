/**
 * The booking domain's entry point for the dialogue, the kiosk and the REST API: list cabins, find free
 * slots, hold, confirm, cancel, reschedule, and erase personal data. The database is the referee of
 * concurrency; this class computes what may be booked and turns the rest into typed errors.
 */
import { randomUUID } from "node:crypto";
import { ContactDetails, type Booking } from "./booking.js";
import { CodeCollision, type BookingRepository } from "./booking-repository.js";
import type { CabinCatalog, CabinSite } from "./catalog.js";
import { cellOf, cellsBetween } from "./cells.js";
import { newConfirmationCode, newRoomName, normalizeCode, visioLink } from "./codes.js";
import { BookingNotActive, BookingNotFound, ConsentRequired, InvalidContact, SlotTaken, SlotUnavailable } from "./errors.js";
import { frenchHolidays, type HolidayCalendar } from "./holidays.js";
import { bookingInvitation } from "./ics.js";
import { parisToUtc, addDays } from "./paris-time.js";
import { findFreeSlots, type Slot } from "./slot-finder.js";

export interface BookingServiceOptions {
  catalog: CabinCatalog;
  repository: BookingRepository;
  visioBaseUrl: string;
  holdMinutes: number;
  retentionDays: number;
  clock?: () => Date;
  holidays?: HolidayCalendar;
}

export interface SlotRequest {
  cabinId: string;
  /** ISO instant of the slot's start, as given by `findFreeSlots`. */
  start: string;
  appointmentTypeId?: string;
  /** A given counsellor; by default the first free one. */
  counsellorId?: string;
  conversationId?: string;
}

export interface ConfirmRequest {
  /** Must be literally `true`: the person agreed to us keeping their contact until the appointment. */
  consent: boolean;
  contact: { firstName: string; phone?: string; email?: string };
  idempotencyKey?: string;
  conversationId?: string;
}

const MINUTE = 60_000;
const CODE_ATTEMPTS = 5;

export class BookingService {
  private readonly clock: () => Date;
  private readonly holidays: HolidayCalendar;

  constructor(private readonly options: BookingServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.holidays = options.holidays ?? frenchHolidays();
  }

  get catalog(): CabinCatalog {
    return this.options.catalog;
  }

  listCabins(region?: CabinSite["region"]): CabinSite[] {
    return this.options.catalog.listSites(region);
  }

  /** Free slots of a cabin starting in [from, to); UnknownCabin / UnknownAppointmentType on bad ids. */
  async findFreeSlots(query: { cabinId: string; from: Date; to: Date; appointmentTypeId?: string }): Promise<Slot[]> {
    return this.computeSlots(query, false);
  }

  /** Keeps a slot for `holdMinutes`; returns the held booking, whose `id` is the hold id to confirm. */
  async hold(request: SlotRequest): Promise<Booking> {
    const now = this.clock();
    return this.insertOnFreeCounsellor(request, now, (base) => ({
      ...base,
      status: "held",
      holdExpiresAt: new Date(now.getTime() + this.options.holdMinutes * MINUTE).toISOString(),
    }));
  }

  /** Confirms a hold. Retrying with the same idempotency key returns the same booking. */
  async confirm(holdId: string, request: ConfirmRequest): Promise<Booking> {
    const contact = this.checkPersonalData(request);
    const now = this.clock().toISOString();
    for (let attempt = 1; ; attempt++) {
      try {
        const patch = {
          ...contact,
          code: newConfirmationCode(),
          roomName: newRoomName(),
          consentAt: now,
          conversationId: request.conversationId ?? null,
        };
        const result = await this.options.repository.confirmHold(holdId, patch, now, request.idempotencyKey);
        return result.booking;
      } catch (err) {
        if (!(err instanceof CodeCollision) || attempt >= CODE_ATTEMPTS) throw err;
      }
    }
  }

  /** Hold and confirm in one transaction: the kiosk's "réserver ce créneau". Idempotent by key. */
  async book(slot: SlotRequest, request: ConfirmRequest): Promise<Booking> {
    const contact = this.checkPersonalData(request);
    const now = this.clock();
    // A retry after success finds its slot taken (by itself): answer with the booking made under the key.
    const earlier = await this.bookedUnder(request.idempotencyKey);
    if (earlier !== undefined) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insertOnFreeCounsellor(
          { ...slot, conversationId: request.conversationId ?? slot.conversationId },
          now,
          (base) => ({
            ...base,
            ...contact,
            status: "confirmed",
            code: newConfirmationCode(),
            roomName: newRoomName(),
            consentAt: now.toISOString(),
          }),
          request.idempotencyKey,
        );
      } catch (err) {
        if (err instanceof SlotTaken) {
          // The same request may have committed between our check and our own attempt.
          const concurrent = await this.bookedUnder(request.idempotencyKey);
          if (concurrent !== undefined) return concurrent;
        }
        if (!(err instanceof CodeCollision) || attempt >= CODE_ATTEMPTS) throw err;
      }
    }
  }

  private async bookedUnder(idempotencyKey: string | undefined): Promise<Booking | undefined> {
    return idempotencyKey === undefined ? undefined : this.options.repository.findByIdempotencyKey(idempotencyKey);
  }

  async findByCode(code: string): Promise<Booking> {
    const normalized = normalizeCode(code);
    const booking = normalized === undefined ? undefined : await this.options.repository.findByCode(normalized);
    if (booking === undefined) throw new BookingNotFound();
    return booking;
  }

  /** A booking by its id (the hold id given by `hold`); BookingNotFound otherwise. */
  async findHold(holdId: string): Promise<Booking> {
    const booking = await this.options.repository.findById(holdId);
    if (booking === undefined) throw new BookingNotFound();
    return booking;
  }

  async cancel(code: string): Promise<Booking> {
    const booking = await this.findByCode(code);
    return this.options.repository.cancel(booking.code ?? "", this.clock().toISOString());
  }

  /** Moves a confirmed booking to another free slot of the same cabin; code, room and UID stay the same. */
  async reschedule(code: string, start: string): Promise<Booking> {
    const booking = await this.findByCode(code);
    if (booking.status !== "confirmed") throw new BookingNotActive(booking.status);
    const slot = await this.requireSlot({
      cabinId: booking.cabinId,
      start,
      appointmentTypeId: booking.appointmentTypeId,
    });
    const type = this.options.catalog.appointmentType(booking.appointmentTypeId);
    const counsellorId = slot.counsellorIds.includes(booking.counsellorId) ? booking.counsellorId : slot.counsellorIds[0];
    if (counsellorId === undefined) throw new SlotTaken("counsellor");
    const begin = new Date(slot.start);
    const cells = cellsBetween(begin, new Date(begin.getTime() + (type.durationMinutes + type.bufferMinutes) * MINUTE));
    return this.options.repository.reschedule(
      booking.code ?? "",
      { start: slot.start, end: slot.end, counsellorId, cells },
      this.clock().toISOString(),
    );
  }

  /** Confirmed bookings of a cabin on a Paris calendar day, for advisers. */
  async bookingsOn(cabinId: string, date: string): Promise<Booking[]> {
    this.options.catalog.site(cabinId);
    const from = parisToUtc(date, "00:00").toISOString();
    const to = parisToUtc(addDays(date, 1), "00:00").toISOString();
    return this.options.repository.listConfirmed(cabinId, from, to);
  }

  /** Erases personal data of bookings that ended more than `retentionDays` ago; the server runs it periodically. */
  async sweepRetention(): Promise<number> {
    const now = this.clock();
    const limit = new Date(now.getTime() - this.options.retentionDays * 24 * 60 * MINUTE).toISOString();
    return this.options.repository.erasePersonalData({ endedBefore: limit }, now.toISOString());
  }

  /** "Supprimer mes données": everything linked to a conversation or user id. */
  async eraseForConversation(conversationId: string): Promise<number> {
    return this.options.repository.erasePersonalData({ conversationId }, this.clock().toISOString());
  }

  async eraseByCode(code: string): Promise<number> {
    const normalized = normalizeCode(code);
    if (normalized === undefined) throw new BookingNotFound();
    return this.options.repository.erasePersonalData({ code: normalized }, this.clock().toISOString());
  }

  visioUrl(booking: Booking): string | undefined {
    return booking.roomName === null ? undefined : visioLink(this.options.visioBaseUrl, booking.roomName);
  }

  /** The `.ics` invitation (text/calendar) of a booking; a cancelled one yields a METHOD:CANCEL. */
  invitation(booking: Booking): string {
    const site = this.options.catalog.site(booking.cabinId);
    return bookingInvitation({ booking, site, visioUrl: this.visioUrl(booking) ?? "", now: this.clock() });
  }

  private checkPersonalData(request: ConfirmRequest): { firstName: string; phone: string | null; email: string | null } {
    if (request.consent !== true) throw new ConsentRequired();
    const parsed = ContactDetails.safeParse(request.contact);
    if (!parsed.success) throw new InvalidContact(parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", "));
    return { firstName: parsed.data.firstName, phone: parsed.data.phone ?? null, email: parsed.data.email ?? null };
  }

  private async computeSlots(
    query: { cabinId: string; from: Date; to: Date; appointmentTypeId?: string },
    ignoreBookings: boolean,
  ): Promise<Slot[]> {
    const { catalog, repository } = this.options;
    const site = catalog.site(query.cabinId);
    const type = catalog.appointmentType(query.appointmentTypeId);
    const counsellors = catalog.counsellorsFor(site.id);
    const now = this.clock();
    const occupied = ignoreBookings
      ? []
      : await repository.occupiedCells({
          cabinId: site.id,
          counsellorIds: counsellors.map((c) => c.id),
          fromCell: cellOf(query.from),
          toCell: cellOf(query.to) + (type.durationMinutes + type.bufferMinutes) / 5 + 1,
          now: now.toISOString(),
        });
    return findFreeSlots({ site, counsellors, type, from: query.from, to: query.to, now, holidays: this.holidays, occupied });
  }

  /** The free slot starting at `request.start`; SlotTaken if it exists but is busy, SlotUnavailable otherwise. */
  private async requireSlot(request: SlotRequest): Promise<Slot> {
    const start = new Date(request.start);
    if (Number.isNaN(start.getTime())) throw new SlotUnavailable(request.start);
    const window = { cabinId: request.cabinId, from: start, to: new Date(start.getTime() + MINUTE), appointmentTypeId: request.appointmentTypeId };
    const free = (await this.computeSlots(window, false)).find((s) => s.start === start.toISOString());
    if (free !== undefined) return free;
    const possible = (await this.computeSlots(window, true)).some((s) => s.start === start.toISOString());
    throw possible ? new SlotTaken("cabin") : new SlotUnavailable(request.start);
  }

  /** Tries each free counsellor in turn: losing a race on one counsellor is not losing the slot. */
  private async insertOnFreeCounsellor(
    request: SlotRequest,
    now: Date,
    complete: (base: Booking) => Booking,
    idempotencyKey?: string,
  ): Promise<Booking> {
    const slot = await this.requireSlot(request);
    const type = this.options.catalog.appointmentType(request.appointmentTypeId);
    const candidates =
      request.counsellorId === undefined ? slot.counsellorIds : slot.counsellorIds.filter((id) => id === request.counsellorId);
    if (candidates.length === 0) throw new SlotTaken("counsellor");
    const start = new Date(slot.start);
    const cells = cellsBetween(start, new Date(start.getTime() + (type.durationMinutes + type.bufferMinutes) * MINUTE));
    let lastError: unknown = new SlotTaken("counsellor");
    for (const counsellorId of candidates) {
      const base: Booking = {
        id: randomUUID(),
        code: null,
        status: "held",
        cabinId: slot.cabinId,
        counsellorId,
        appointmentTypeId: type.id,
        start: slot.start,
        end: slot.end,
        holdExpiresAt: null,
        firstName: null,
        phone: null,
        email: null,
        consentAt: null,
        conversationId: request.conversationId ?? null,
        roomName: null,
        sequence: 0,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        erasedAt: null,
      };
      try {
        const result = await this.options.repository.insert(complete(base), cells, idempotencyKey);
        return result.booking;
      } catch (err) {
        if (!(err instanceof SlotTaken) || err.by === "cabin") throw err;
        lastError = err;
      }
    }
    throw lastError;
  }
}
