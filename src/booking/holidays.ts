/** French public holidays (jours fériés), when cabins are closed: computed by date-holidays, not typed by hand. */
import Holidays from "date-holidays";
import type { LocalDate } from "./paris-time.js";

export interface HolidayCalendar {
  /** The holiday's French name when `date` is a public holiday in metropolitan France, else undefined. */
  holidayOn(date: LocalDate): string | undefined;
}

/**
 * Metropolitan France (Code du travail, art. L3133-1). Only `public` days count: date-holidays also lists
 * observances such as Mother's Day, which are not days off. Alsace-Moselle's extra days are not ours.
 */
export function frenchHolidays(): HolidayCalendar {
  const hd = new Holidays("FR");
  const byYear = new Map<number, Map<LocalDate, string>>();
  const yearTable = (year: number): Map<LocalDate, string> => {
    let table = byYear.get(year);
    if (table === undefined) {
      table = new Map();
      for (const h of hd.getHolidays(year)) {
        if (h.type === "public") table.set(h.date.slice(0, 10), h.name);
      }
      byYear.set(year, table);
    }
    return table;
  };
  return { holidayOn: (date) => yearTable(Number(date.slice(0, 4))).get(date) };
}
