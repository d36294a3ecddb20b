/** Reads the booking catalog from `knowledge/cabins/*.json`; demo files are skipped unless asked for. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppointmentType, CabinCatalog, CabinSite, Counsellor } from "./catalog.js";

export const CatalogFile = z.object({
  /** Demo data (fake addresses, fictitious counsellors): only loaded when DEMO_DATA is on. */
  demo: z.boolean(),
  description: z.string().optional(),
  /** Where the facts of the file come from (e.g. the commune names), and when they were checked. */
  source: z.object({ name: z.string(), url: z.url().optional(), checkedOn: z.iso.date() }).optional(),
  sites: z.array(CabinSite).default([]),
  counsellors: z.array(Counsellor).default([]),
  appointmentTypes: z.array(AppointmentType).default([]),
});

export interface LoadedCatalog {
  catalog: CabinCatalog;
  /** Files read, with whether they are demo data. */
  files: Array<{ file: string; demo: boolean }>;
  /** Files skipped because they are demo data and demo data is off. */
  skipped: string[];
}

export class CatalogError extends Error {}

export async function loadCatalog(dir: string, options: { includeDemo: boolean }): Promise<LoadedCatalog> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const merged = { sites: [] as CabinSite[], counsellors: [] as Counsellor[], appointmentTypes: [] as AppointmentType[] };
  const files: LoadedCatalog["files"] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, "utf8"));
    } catch (err) {
      throw new CatalogError(`${name}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = CatalogFile.safeParse(raw);
    if (!parsed.success) {
      throw new CatalogError(`${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    if (parsed.data.demo && !options.includeDemo) {
      skipped.push(name);
      continue;
    }
    files.push({ file: name, demo: parsed.data.demo });
    merged.sites.push(...parsed.data.sites);
    merged.counsellors.push(...parsed.data.counsellors);
    merged.appointmentTypes.push(...parsed.data.appointmentTypes);
  }
  const siteIds = new Set(merged.sites.map((s) => s.id));
  if (siteIds.size !== merged.sites.length) throw new CatalogError("duplicate cabin site id");
  for (const c of merged.counsellors) {
    const unknown = c.siteIds.filter((id) => !siteIds.has(id));
    if (unknown.length > 0) throw new CatalogError(`counsellor ${c.id}: unknown site(s) ${unknown.join(", ")}`);
  }
  if (merged.appointmentTypes.length === 0) {
    merged.appointmentTypes.push(DEFAULT_APPOINTMENT_TYPE);
  }
  return { catalog: new CabinCatalog(merged), files, skipped };
}

/** Used when no file defines one: a 45-minute visio with a 15-minute breather, bookable 2 h to 30 days ahead. */
export const DEFAULT_APPOINTMENT_TYPE: AppointmentType = {
  id: "entretien-45",
  label: "Entretien d'orientation (45 minutes)",
  durationMinutes: 45,
  bufferMinutes: 15,
  slotStepMinutes: 15,
  horizonDays: 30,
  minNoticeMinutes: 120,
};
