/**
 * REST API of the cabins-conseil for kiosks and advisers: cabins, free slots, bookings (hold, confirm,
 * reschedule, cancel), invitations and a cabin's day for advisers. Authenticated by API key; bodies parsed with zod.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { Booking } from "../../booking/booking.js";
import type { BookingService } from "../../booking/booking-service.js";
import { BookingError } from "../../booking/errors.js";
import { toParisWallClock } from "../../booking/paris-time.js";
import { HttpError, readBody, sendJson } from "../../server/http-body.js";
import type { Logger } from "../../shared/logger.js";
import { ApiError, forbidden, httpStatusOf, invalidRequest, unauthorized, type ApiErrorBody } from "./api-errors.js";
import type { ApiKeyring, ApiPrincipal } from "./api-keys.js";

export interface BookingRoutesDeps {
  service: BookingService;
  keyring: ApiKeyring;
  logger: Logger;
}

const MAX_BODY_BYTES = 16 * 1024;
const DAY = 86_400_000;
const MAX_SLOT_RANGE_DAYS = 31;

const Contact = z.object({
  firstName: z.string().min(1).max(60),
  phone: z.string().max(30).optional(),
  email: z.string().max(254).optional(),
});
const ConfirmHoldBody = z.strictObject({
  holdId: z.uuid(),
  contact: Contact,
  consent: z.literal(true),
  conversationId: z.string().max(200).optional(),
});
const BookSlotBody = z.strictObject({
  cabinId: z.string().min(1).max(64),
  start: z.iso.datetime({ offset: true }),
  appointmentTypeId: z.string().max(64).optional(),
  contact: Contact,
  consent: z.literal(true),
  conversationId: z.string().max(200).optional(),
});
const HoldBody = z.strictObject({
  cabinId: z.string().min(1).max(64),
  start: z.iso.datetime({ offset: true }),
  appointmentTypeId: z.string().max(64).optional(),
});
const RescheduleBody = z.strictObject({ start: z.iso.datetime({ offset: true }) });
const IdempotencyKey = z.string().regex(/^[\w.:-]{8,128}$/, "8 to 128 letters, digits, '.', ':', '_' or '-'");
const SlotsQuery = z.object({
  from: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  to: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  appointmentTypeId: z.string().max(64).optional(),
});
const DayQuery = z.object({ date: z.iso.date() });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalidRequest(parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`));
  }
  return parsed.data;
}

async function jsonBody(req: Request): Promise<unknown> {
  const text = (await readBody(req, MAX_BODY_BYTES)).toString("utf8").trim();
  try {
    return text === "" ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw invalidRequest(["(body): not valid JSON"]);
  }
}

function query(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
}

/** Accepts `YYYY-MM-DD` (Paris midnight) or an ISO instant. */
function instant(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+01:00` : value);
}

function principalOf(req: Request, keyring: ApiKeyring): ApiPrincipal {
  const header = req.headers.authorization;
  const bearer = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  const apiKey = req.headers["x-api-key"];
  const principal = keyring.authenticate(bearer ?? (typeof apiKey === "string" ? apiKey : undefined));
  if (principal === undefined) throw unauthorized();
  return principal;
}

function requireSite(principal: ApiPrincipal, siteId: string): void {
  if (principal.role === "kiosk" && principal.siteId !== siteId) throw forbidden();
}

/** What a kiosk or adviser sees of a booking: no phone or e-mail, they stay in the database for the counsellor. */
function bookingView(service: BookingService, b: Booking) {
  const wall = toParisWallClock(new Date(b.start));
  return {
    id: b.id,
    code: b.code,
    status: b.status,
    cabinId: b.cabinId,
    counsellorId: b.counsellorId,
    appointmentTypeId: b.appointmentTypeId,
    start: b.start,
    end: b.end,
    localDate: wall.date,
    localTime: wall.time,
    holdExpiresAt: b.holdExpiresAt,
    firstName: b.firstName,
    visioUrl: service.visioUrl(b) ?? null,
    invitationUrl: b.code === null ? null : `/api/bookings/${b.code}/invitation.ics`,
  };
}

export function registerBookingRoutes(server: Server, deps: BookingRoutesDeps): void {
  const { service, keyring, logger } = deps;
  if (keyring.size === 0) logger.warn("booking API: no API key configured (API_KEYS_FILE), every request will get 401");

  const handle =
    (work: (req: Request, res: Response, who: ApiPrincipal) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await work(req, res, principalOf(req, keyring));
      } catch (err) {
        const [status, body] = errorResponse(err);
        if (status >= 500) logger.error({ err, url: req.url, method: req.method }, "booking API failed");
        if (!res.headersSent) sendJson(res, status, body);
      }
    };

  server.get("/api/cabins", handle(async (_req, res, who) => {
    const sites = service.listCabins().filter((s) => who.role === "adviser" || s.id === who.siteId);
    sendJson(res, 200, { cabins: sites });
  }));

  server.get("/api/cabins/:id/slots", handle(async (req, res, who) => {
    const cabinId = String(req.params.id);
    const q = parse(SlotsQuery, query(req));
    service.catalog.site(cabinId);
    requireSite(who, cabinId);
    const from = q.from === undefined ? new Date() : instant(q.from);
    const to = q.to === undefined ? new Date(from.getTime() + 7 * DAY) : instant(q.to);
    if (!(from < to) || to.getTime() - from.getTime() > MAX_SLOT_RANGE_DAYS * DAY) {
      throw invalidRequest([`from/to: 'to' must be after 'from', at most ${MAX_SLOT_RANGE_DAYS} days later`]);
    }
    const slots = await service.findFreeSlots({ cabinId, from, to, ...(q.appointmentTypeId ? { appointmentTypeId: q.appointmentTypeId } : {}) });
    sendJson(res, 200, { slots });
  }));

  server.post("/api/holds", handle(async (req, res, who) => {
    const body = parse(HoldBody, await jsonBody(req));
    service.catalog.site(body.cabinId);
    requireSite(who, body.cabinId);
    const hold = await service.hold(body);
    sendJson(res, 201, { booking: bookingView(service, hold) });
  }));

  server.post("/api/bookings", handle(async (req, res, who) => {
    const raw = await jsonBody(req);
    const header = req.headers["idempotency-key"];
    const idempotencyKey = header === undefined ? undefined : parse(IdempotencyKey, header);
    const common = (b: { contact: z.infer<typeof Contact>; conversationId?: string | undefined }) => ({
      consent: true,
      contact: b.contact,
      ...(b.conversationId === undefined ? {} : { conversationId: b.conversationId }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    let booking: Booking;
    if (typeof raw === "object" && raw !== null && "holdId" in raw) {
      const body = parse(ConfirmHoldBody, raw);
      requireSite(who, (await service.findHold(body.holdId)).cabinId);
      booking = await service.confirm(body.holdId, common(body));
    } else {
      const body = parse(BookSlotBody, raw);
      service.catalog.site(body.cabinId);
      requireSite(who, body.cabinId);
      const slot = { cabinId: body.cabinId, start: body.start, ...(body.appointmentTypeId ? { appointmentTypeId: body.appointmentTypeId } : {}) };
      booking = await service.book(slot, common(body));
    }
    sendJson(res, 201, { booking: bookingView(service, booking) });
  }));

  server.get("/api/bookings/:code/invitation.ics", handle(async (req, res, who) => {
    const booking = await service.findByCode(String(req.params.code));
    requireSite(who, booking.cabinId);
    res.status(200);
    res.setHeader("Content-Type", "text/calendar; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="rendez-vous.ics"');
    res.setHeader("Cache-Control", "no-store");
    res.end(service.invitation(booking));
  }));

  server.del("/api/bookings/:code", handle(async (req, res, who) => {
    const booking = await service.findByCode(String(req.params.code));
    requireSite(who, booking.cabinId);
    const cancelled = await service.cancel(booking.code ?? "");
    sendJson(res, 200, { booking: bookingView(service, cancelled) });
  }));

  // Same code, room and invitation UID: the person's calendar updates the event instead of adding one.
  server.patch("/api/bookings/:code", handle(async (req, res, who) => {
    const body = parse(RescheduleBody, await jsonBody(req));
    const booking = await service.findByCode(String(req.params.code));
    requireSite(who, booking.cabinId);
    const moved = await service.reschedule(booking.code ?? "", body.start);
    sendJson(res, 200, { booking: bookingView(service, moved) });
  }));

  server.get("/api/cabins/:id/bookings", handle(async (req, res, who) => {
    if (who.role !== "adviser") throw forbidden();
    const cabinId = String(req.params.id);
    const { date } = parse(DayQuery, query(req));
    const bookings = await service.bookingsOn(cabinId, date);
    sendJson(res, 200, { date, bookings: bookings.map((b) => bookingView(service, b)) });
  }));
}

function errorResponse(err: unknown): [number, ApiErrorBody] {
  if (err instanceof ApiError) return [err.status, err.body];
  if (err instanceof BookingError) return [httpStatusOf(err), { error: err.code, message: err.french }];
  if (err instanceof HttpError && err.status < 500) {
    return [err.status, { error: err.code, message: "La demande est trop volumineuse ou mal formée." }];
  }
  return [500, { error: "internal_error", message: "Une erreur est survenue de notre côté. Réessayez dans un instant." }];
}
