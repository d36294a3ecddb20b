/** Cabin sites, counsellors and appointment types: the zod schemas of the booking catalog and a lookup over it. */
import { z } from "zod";
import { RegionCode } from "../shared/region.js";
import { UnknownAppointmentType, UnknownCabin } from "./errors.js";

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "expected HH:MM");
export const TimeRange = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, "expected HH:MM-HH:MM")
  .transform((v, ctx) => {
    const [from = "", to = ""] = v.split("-");
    if (!Hhmm.safeParse(from).success || !Hhmm.safeParse(to).success || from >= to) {
      ctx.addIssue({ code: "custom", message: `invalid time range ${v}` });
      return z.NEVER;
    }
    return { from, to };
  });
export type TimeRange = z.infer<typeof TimeRange>;

const IsoDay = z.iso.date();
export const DateRange = z
  .object({ from: IsoDay, to: IsoDay, reason: z.string().max(200).optional() })
  .refine((r) => r.from <= r.to, "from must not be after to");
export type DateRange = z.infer<typeof DateRange>;

/** Week days by their English short names; the index is `Date.getUTCDay()`. */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export const WeeklyHours = z.partialRecord(z.enum(WEEKDAYS), z.array(TimeRange));
export type WeeklyHours = z.infer<typeof WeeklyHours>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "lowercase id (a-z, 0-9, -)");

export const CabinSite = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  commune: z.string().min(1).max(100),
  address: z.string().min(1).max(300),
  region: RegionCode,
  accessibility: z.object({ wheelchair: z.boolean(), notes: z.string().max(300).optional() }),
  equipment: z.array(z.string().max(100)).default([]),
  openingHours: WeeklyHours,
  closures: z.array(DateRange).default([]),
  closedOnPublicHolidays: z.boolean().default(true),
  demo: z.boolean().default(false),
});
export type CabinSite = z.infer<typeof CabinSite>;

export const Counsellor = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Microsoft Entra object id of the counsellor's Teams account, to invite them to the visio. */
  entraObjectId: z.uuid().optional(),
  siteIds: z.array(Id).min(1),
  availability: WeeklyHours,
  absences: z.array(DateRange).default([]),
  demo: z.boolean().default(false),
});
export type Counsellor = z.infer<typeof Counsellor>;

/** Cells in the database are 5 minutes long, so every duration is a multiple of 5. */
const Minutes5 = z.number().int().min(0).max(240).multipleOf(5);

export const AppointmentType = z.object({
  id: Id,
  label: z.string().min(1).max(200),
  durationMinutes: z.union([z.literal(30), z.literal(45)]),
  /** Free time after each appointment, for both the cabin and the counsellor. */
  bufferMinutes: Minutes5,
  slotStepMinutes: Minutes5.refine((v) => v > 0, "must be positive").default(15),
  horizonDays: z.number().int().min(1).max(365),
  minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 30),
});
export type AppointmentType = z.infer<typeof AppointmentType>;

export const CatalogData = z.object({
  sites: z.array(CabinSite),
  counsellors: z.array(Counsellor),
  appointmentTypes: z.array(AppointmentType).min(1),
});
export type CatalogData = z.infer<typeof CatalogData>;

export class CabinCatalog {
  private readonly sites: Map<string, CabinSite>;
  private readonly types: Map<string, AppointmentType>;

  constructor(readonly data: CatalogData) {
    this.sites = new Map(data.sites.map((s) => [s.id, s]));
    this.types = new Map(data.appointmentTypes.map((t) => [t.id, t]));
  }

  listSites(region?: RegionCode): CabinSite[] {
    return this.data.sites.filter((s) => region === undefined || s.region === region);
  }

  site(id: string): CabinSite {
    const site = this.sites.get(id);
    if (site === undefined) throw new UnknownCabin(id);
    return site;
  }

  /** The first listed type is the default one. */
  appointmentType(id?: string): AppointmentType {
    const type = id === undefined ? this.data.appointmentTypes[0] : this.types.get(id);
    if (type === undefined) throw new UnknownAppointmentType(id ?? "(default)");
    return type;
  }

  counsellorsFor(siteId: string): Counsellor[] {
    return this.data.counsellors.filter((c) => c.siteIds.includes(siteId));
  }
}
