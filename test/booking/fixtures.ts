// Small catalog factories for booking tests: every field has a sensible default, tests override what matters.
import { AppointmentType, CabinCatalog, CabinSite, Counsellor } from "../../src/booking/catalog.js";


const ALL_WEEK = (range: string) => ({
  mon: [range], tue: [range], wed: [range], thu: [range], fri: [range], sat: [range], sun: [range],
});

export const WEEKDAYS_9_17 = { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] };
export const EVERY_DAY_ALL_DAY = ALL_WEEK("00:00-24:00");
export const EVERY_DAY_9_17 = ALL_WEEK("09:00-17:00");

export function makeSite(overrides: Record<string, unknown> = {}): CabinSite {
  return CabinSite.parse({
    id: "cabine-test",
    name: "Cabine de test",
    commune: "Digne-les-Bains",
    address: "Adresse de démonstration",
    region: "PAC",
    accessibility: { wheelchair: true },
    openingHours: WEEKDAYS_9_17,
    ...overrides,
  });
}

export function makeCounsellor(overrides: Record<string, unknown> = {}): Counsellor {
  return Counsellor.parse({
    id: "conseillere-a",
    name: "Conseillère A",
    siteIds: ["cabine-test"],
    availability: WEEKDAYS_9_17,
    ...overrides,
  });
}

export function makeType(overrides: Record<string, unknown> = {}): AppointmentType {
  return AppointmentType.parse({
    id: "entretien-45",
    label: "Entretien",
    durationMinutes: 45,
    bufferMinutes: 15,
    slotStepMinutes: 15,
    horizonDays: 60,
    minNoticeMinutes: 0,
    ...overrides,
  });
}

export function makeCatalog(parts: { sites?: CabinSite[]; counsellors?: Counsellor[]; types?: AppointmentType[] } = {}): CabinCatalog {
  return new CabinCatalog({
    sites: parts.sites ?? [makeSite()],
    counsellors: parts.counsellors ?? [makeCounsellor(), makeCounsellor({ id: "conseiller-b", name: "Conseiller B" })],
    appointmentTypes: parts.types ?? [makeType()],
  });
}

