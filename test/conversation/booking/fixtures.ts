// A small cabin catalog written for these tests (fictitious sites and counsellors) and a real booking service on SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BookingService } from "../../../src/booking/booking-service.js";
import { CabinCatalog, CatalogData } from "../../../src/booking/catalog.js";
import { openStorage, type AppStorage } from "../../../src/storage/index.js";

/** Monday 23 November 2026, 10:00 in Paris. */
export const MONDAY_10H = new Date("2026-11-23T09:00:00Z");

const weekdays = (range: string) => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range] });

export const TEST_CATALOG = CatalogData.parse({
  sites: [
    {
      id: "cabine-digne",
      name: "Cabine de Digne-les-Bains",
      commune: "Digne-les-Bains",
      address: "1 rue fictive, 04000 Digne-les-Bains",
      region: "PAC",
      accessibility: { wheelchair: true },
      openingHours: weekdays("09:00-17:00"),
      demo: true,
    },
    {
      id: "cabine-gap",
      name: "Cabine de Gap",
      commune: "Gap",
      address: "2 rue fictive, 05000 Gap",
      region: "PAC",
      accessibility: { wheelchair: true },
      openingHours: weekdays("09:00-17:00"),
      demo: true,
    },
    {
      id: "cabine-lons",
      name: "Cabine de Lons-le-Saunier",
      commune: "Lons-le-Saunier",
      address: "3 rue fictive, 39000 Lons-le-Saunier",
      region: "BFC",
      accessibility: { wheelchair: false },
      openingHours: weekdays("09:00-17:00"),
      demo: true,
    },
  ],
  counsellors: [
    { id: "conseillere-a", name: "Conseillère A (fictive)", siteIds: ["cabine-digne", "cabine-gap"], availability: weekdays("09:00-17:00"), demo: true },
    { id: "conseiller-b", name: "Conseiller B (fictif)", siteIds: ["cabine-lons"], availability: weekdays("09:00-17:00"), demo: true },
  ],
  appointmentTypes: [
    { id: "entretien-45", label: "Entretien (45 minutes)", durationMinutes: 45, bufferMinutes: 15, slotStepMinutes: 60, horizonDays: 30, minNoticeMinutes: 120 },
  ],
});

export interface TestDesk {
  service: BookingService;
  storage: AppStorage;
  clock: { now: Date };
  close(): Promise<void>;
}

/** A real BookingService over SQLite in a fresh temp folder; `clock.now` can be moved by the test. */
export async function openTestDesk(now: Date = MONDAY_10H, catalog: CatalogData = TEST_CATALOG): Promise<TestDesk> {
  const dir = mkdtempSync(path.join(tmpdir(), "booking-dialogue-"));
  const storage = await openStorage({ dataDir: dir });
  const clock = { now };
  const service = new BookingService({
    catalog: new CabinCatalog(catalog),
    repository: storage.bookings,
    visioBaseUrl: "https://visio.exemple.invalid/salle",
    holdMinutes: 10,
    retentionDays: 30,
    clock: () => clock.now,
  });
  return {
    service,
    storage,
    clock,
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
