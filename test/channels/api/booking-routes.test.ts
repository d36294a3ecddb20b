import type { AddressInfo } from "node:net";
import restify, { type Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingService } from "../../../src/booking/booking-service.js";
import { parisToUtc } from "../../../src/booking/paris-time.js";
import { ApiKeyring, hashApiKey } from "../../../src/channels/api/api-keys.js";
import { registerBookingRoutes } from "../../../src/channels/api/booking-routes.js";
import { silentLogger } from "../../../src/shared/logger.js";
import type { AppStorage } from "../../../src/storage/index.js";
import { makeCatalog, makeCounsellor, makeSite } from "../../booking/fixtures.js";
import { sqliteBackend, type BackendUnderTest } from "../../storage/helpers/backends.js";

const KIOSK = "kiosque-digne-cle-de-test";
const OTHER_KIOSK = "kiosque-lons-cle-de-test";
const ADVISER = "conseillere-cle-de-test";
const now = parisToUtc("2027-01-04", "08:00");
const at = (time: string, day = "2027-01-04") => parisToUtc(day, time).toISOString();

let backend: BackendUnderTest;
let storage: AppStorage;
let server: Server;
let base: string;

beforeAll(async () => {
  backend = sqliteBackend("api");
  storage = await backend.open();
  const service = new BookingService({
    catalog: makeCatalog({
      sites: [makeSite(), makeSite({ id: "cabine-lons", region: "BFC", commune: "Lons-le-Saunier" })],
      counsellors: [makeCounsellor({ siteIds: ["cabine-test", "cabine-lons"] })],
    }),
    repository: storage.bookings,
    visioBaseUrl: "https://visio.exemple.invalid",
    holdMinutes: 10,
    retentionDays: 30,
    clock: () => now,
  });
  const keyring = new ApiKeyring([
    { id: "kiosque-digne", role: "kiosk", siteId: "cabine-test", sha256: hashApiKey(KIOSK) },
    { id: "kiosque-lons", role: "kiosk", siteId: "cabine-lons", sha256: hashApiKey(OTHER_KIOSK) },
    { id: "conseillere", role: "adviser", sha256: hashApiKey(ADVISER) },
  ]);
  server = restify.createServer({ handleUncaughtExceptions: false });
  registerBookingRoutes(server, { service, keyring, logger: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await storage?.close();
  await backend?.destroy();
});

function call(method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
}

const contact = { firstName: "Camille", phone: "0612345678" };

describe("booking REST API", () => {
  it("answers 401 in French without a key or with a wrong key", async () => {
    for (const key of [undefined, "mauvaise-cle"]) {
      const res = await call("GET", "/api/cabins", key === undefined ? {} : { key });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthorized", message: expect.stringContaining("clé d'accès") });
    }
  });

  it("shows a kiosk only its own cabin and an adviser all of them", async () => {
    const kiosk = (await (await call("GET", "/api/cabins", { key: KIOSK })).json()) as { cabins: Array<{ id: string }> };
    expect(kiosk.cabins.map((c) => c.id)).toEqual(["cabine-test"]);
    const adviser = (await (await call("GET", "/api/cabins", { headers: { "x-api-key": ADVISER } })).json()) as { cabins: unknown[] };
    expect(adviser.cabins).toHaveLength(2);
  });

  it("lists free slots, refuses another site's kiosk with 403, an unknown cabin with 404, bad dates with 400", async () => {
    const res = await call("GET", "/api/cabins/cabine-test/slots?from=2027-01-04&to=2027-01-05", { key: KIOSK });
    expect(res.status).toBe(200);
    const { slots } = (await res.json()) as { slots: Array<{ localTime: string }> };
    expect(slots[0]?.localTime).toBe("09:00");
    expect((await call("GET", "/api/cabins/cabine-test/slots", { key: OTHER_KIOSK })).status).toBe(403);
    expect((await call("GET", "/api/cabins/inconnue/slots", { key: ADVISER })).status).toBe(404);
    const bad = await call("GET", "/api/cabins/cabine-test/slots?from=hier", { key: KIOSK });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid_request", message: expect.any(String), reasons: [expect.stringContaining("from")] });
  });

  it("books a slot, returns the same booking to a retry with the same Idempotency-Key, and 409 to anyone else", async () => {
    const body = { cabinId: "cabine-test", start: at("09:00"), contact, consent: true };
    const headers = { "idempotency-key": "borne-digne-0001" };
    const first = await call("POST", "/api/bookings", { key: KIOSK, body, headers });
    expect(first.status).toBe(201);
    const { booking } = (await first.json()) as { booking: { code: string; visioUrl: string; status: string } };
    expect(booking).toMatchObject({ status: "confirmed", visioUrl: expect.stringMatching(/^https:\/\/visio\.exemple\.invalid\/spro-/) });
    const retry = (await (await call("POST", "/api/bookings", { key: KIOSK, body, headers })).json()) as { booking: { code: string } };
    expect(retry.booking.code).toBe(booking.code);
    const other = await call("POST", "/api/bookings", { key: KIOSK, body, headers: { "idempotency-key": "borne-digne-0002" } });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: "slot_taken", message: expect.stringContaining("créneau") });
  });

  it("rejects bad bodies with 400 and reasons: no consent, malformed JSON, unknown fields", async () => {
    const noConsent = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("10:00"), contact, consent: false } });
    expect(noConsent.status).toBe(400);
    expect(((await noConsent.json()) as { reasons: string[] }).reasons.join()).toContain("consent");
    expect((await call("POST", "/api/bookings", { key: KIOSK, body: "{pas du json" })).status).toBe(400);
    const extra = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("10:00"), contact, consent: true, admin: true } });
    expect(extra.status).toBe(400);
    const badPhone = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("10:00"), contact: { firstName: "A", phone: "12" }, consent: true } });
    expect(await badPhone.json()).toMatchObject({ error: "invalid_contact" });
  });

  it("holds then confirms a hold, and serves the invitation as text/calendar", async () => {
    const held = await call("POST", "/api/holds", { key: KIOSK, body: { cabinId: "cabine-test", start: at("14:00") } });
    expect(held.status).toBe(201);
    const { booking: hold } = (await held.json()) as { booking: { id: string; status: string } };
    expect(hold.status).toBe("held");
    const confirmed = await call("POST", "/api/bookings", { key: KIOSK, body: { holdId: hold.id, contact, consent: true } });
    expect(confirmed.status).toBe(201);
    const { booking } = (await confirmed.json()) as { booking: { code: string; invitationUrl: string } };
    const ics = await call("GET", booking.invitationUrl, { key: KIOSK });
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ics.text()).toContain("DTSTART;TZID=Europe/Paris:20270104T140000");
    expect((await call("GET", booking.invitationUrl, { key: OTHER_KIOSK })).status).toBe(403);
  });

  it("cancels by code with DELETE, then answers 409 to a second cancel and 404 to an unknown code", async () => {
    const made = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("15:00"), contact, consent: true } });
    const { booking } = (await made.json()) as { booking: { code: string } };
    const cancelled = await call("DELETE", `/api/bookings/${booking.code}`, { key: KIOSK });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ booking: { status: "cancelled" } });
    expect((await call("DELETE", `/api/bookings/${booking.code}`, { key: KIOSK })).status).toBe(409);
    expect((await call("DELETE", "/api/bookings/ZZZZ-ZZZZ", { key: KIOSK })).status).toBe(404);
  });

  it("moves a booking by code with PATCH, keeping its code, and answers 409 when the new slot is taken", async () => {
    const made = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("10:00"), contact, consent: true } });
    const { booking } = (await made.json()) as { booking: { code: string } };
    const moved = await call("PATCH", `/api/bookings/${booking.code}`, { key: KIOSK, body: { start: at("11:00") } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ booking: { code: booking.code, localTime: "11:00", status: "confirmed" } });
    const other = await call("POST", "/api/bookings", { key: KIOSK, body: { cabinId: "cabine-test", start: at("10:00"), contact, consent: true } });
    expect(other.status).toBe(201);
    expect((await call("PATCH", `/api/bookings/${booking.code}`, { key: KIOSK, body: { start: at("10:00") } })).status).toBe(409);
    expect((await call("PATCH", `/api/bookings/${booking.code}`, { key: KIOSK, body: { start: "demain" } })).status).toBe(400);
    expect((await call("PATCH", `/api/bookings/${booking.code}`, { key: OTHER_KIOSK, body: { start: at("12:00") } })).status).toBe(403);
    expect(await (await call("DELETE", `/api/bookings/${booking.code}`, { key: KIOSK })).json()).toMatchObject({ booking: { status: "cancelled" } });
    await call("DELETE", `/api/bookings/${((await other.json()) as { booking: { code: string } }).booking.code}`, { key: KIOSK });
  });

  it("gives advisers a cabin's bookings of the day, without phone or e-mail, and refuses kiosks", async () => {
    const res = await call("GET", "/api/cabins/cabine-test/bookings?date=2027-01-04", { key: ADVISER });
    expect(res.status).toBe(200);
    const { bookings } = (await res.json()) as { bookings: Array<Record<string, unknown>> };
    expect(bookings.map((b) => b.localTime)).toEqual(["09:00", "14:00"]);
    expect(bookings[0]).not.toHaveProperty("phone");
    expect((await call("GET", "/api/cabins/cabine-test/bookings?date=2027-01-04", { key: KIOSK })).status).toBe(403);
    expect((await call("GET", "/api/cabins/cabine-test/bookings", { key: ADVISER })).status).toBe(400);
  });
});
