/** Today's confirmed cabin bookings, for the advisers' "cabines" command (first names only, no contact details). */
import type { BookingRepository } from "../../booking/booking-repository.js";
import type { CabinCatalog } from "../../booking/catalog.js";
import { addDays } from "../../booking/paris-time.js";
import { parisToUtc, toParisWallClock } from "../../booking/paris-time.js";

export interface CabinAgenda {
  /** One French line per booking of the day, in time order. */
  todaysBookings(now: Date): Promise<string[]>;
}

export function cabinAgenda(catalog: CabinCatalog, bookings: BookingRepository): CabinAgenda {
  return {
    async todaysBookings(now) {
      const today = toParisWallClock(now).date;
      const from = parisToUtc(today, "00:00").toISOString();
      const to = parisToUtc(addDays(today, 1), "00:00").toISOString();
      const lines: Array<{ start: string; text: string }> = [];
      for (const site of catalog.listSites()) {
        for (const b of await bookings.listConfirmed(site.id, from, to)) {
          const time = toParisWallClock(new Date(b.start)).time.slice(0, 5).replace(":", " h ");
          lines.push({ start: b.start, text: `${time} — ${site.name} (${site.commune})${b.firstName ? ` — ${b.firstName}` : ""}` });
        }
      }
      return lines.sort((a, b) => a.start.localeCompare(b.start)).map((l) => l.text);
    },
  };
}
