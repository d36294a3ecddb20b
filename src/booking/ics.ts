/** The `.ics` invitation (RFC 5545) of a booking, in Europe/Paris time, with a UID stable across changes. */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from "ical-generator";
import type { Booking } from "./booking.js";
import type { CabinSite } from "./catalog.js";
import { PARIS_TZ, parisOffsetMinutes } from "./paris-time.js";

// Europe/Paris since 1996 (EU summer time directive 2000/84/EC): last Sunday of March 02:00 → 03:00,
// last Sunday of October 03:00 → 02:00.
const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * With a time zone set, ical-generator prints a native Date with the *machine's* local getters, but it asks
 * Luxon-like objects (its `ICalLuxonDateTimeStub`) for `setZone(tz).toFormat(...)`. This minimal object of that shape prints Paris wall time
 * whatever the server's TZ, for the only two formats the library uses.
 */
function parisDateTime(instant: Date): ICalLuxonDateTimeStub {
  const shifted = new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
  const iso = shifted.toISOString();
  const self: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: "iana" },
    toJSDate: () => instant,
    toJSON: () => instant.toISOString(),
    setZone: () => self,
    toFormat: (format: string) =>
      format === "yyyyLLdd" ? iso.slice(0, 10).replaceAll("-", "") : iso.slice(11, 19).replaceAll(":", ""),
  };
  return self;
}

export interface InvitationDetails {
  booking: Booking;
  site: CabinSite;
  visioUrl: string;
  /** Stamp of this version of the invitation (RFC 5545 DTSTAMP). */
  now: Date;
}

export function bookingInvitation({ booking, site, visioUrl, now }: InvitationDetails): string {
  const cancelled = booking.status === "cancelled";
  const calendar = ical({
    prodId: { company: "SPRO", product: "cabines-conseil", language: "FR" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (DTSTAMP must stay in UTC); the event's zone makes the library emit the VTIMEZONE.
    timezone: { name: null, generator: (tz) => (tz === PARIS_TZ ? PARIS_VTIMEZONE : null) },
  });
  calendar.createEvent({
    id: `${booking.id}@cabines-conseil.spro`,
    sequence: booking.sequence,
    stamp: now,
    timezone: PARIS_TZ,
    start: parisDateTime(new Date(booking.start)),
    end: parisDateTime(new Date(booking.end)),
    summary: "Rendez-vous avec un conseiller en orientation (visioconférence)",
    description:
      `Rendez-vous en visioconférence depuis la cabine-conseil « ${site.name} » (${site.commune}).\n` +
      `Lien de la visioconférence : ${visioUrl}\n` +
      (booking.code === null ? "" : `Code de réservation : ${booking.code}\n`) +
      "Pour annuler ou déplacer le rendez-vous, gardez ce code.",
    location: `${site.name}, ${site.address}, ${site.commune}`,
    url: visioUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
