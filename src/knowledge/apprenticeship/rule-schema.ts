/**
 * zod schemas for the apprenticeship knowledge files: rule front matter, the pay grid and the SMIC history.
 * Types are inferred from the schemas so the files and the code cannot drift apart.
 */
import { z } from "zod";
import { IsoDate, SourceRef } from "../types.js";

/** A source a user can follow: only https pages are cited to users. */
export const HttpsSourceRef = SourceRef.refine((s) => s.url.startsWith("https://"), {
  message: "source url must start with https://",
  path: ["url"],
});

export const RuleTopic = z.enum([
  "age",
  "contract-duration",
  "trial-period",
  "pay",
  "cfa",
  "employer-aid",
  "working-time-minors",
  "ending-contract",
  "apprentice-aid",
  "disability",
]);
export type RuleTopic = z.infer<typeof RuleTopic>;

export const RuleFrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be kebab-case"),
    title: z.string().min(1),
    topic: RuleTopic,
    keywords: z.array(z.string().min(1)).min(1),
    sources: z.array(HttpsSourceRef).min(1),
    effectiveFrom: IsoDate,
    effectiveUntil: IsoDate.optional(),
    /** What could not be checked against an official text; kept out of the body on purpose. */
    unverified: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((r) => r.effectiveUntil === undefined || r.effectiveUntil >= r.effectiveFrom, {
    message: "effectiveUntil must not be before effectiveFrom",
    path: ["effectiveUntil"],
  });
export type RuleFrontMatter = z.infer<typeof RuleFrontMatter>;

export type ApprenticeshipRule = RuleFrontMatter & {
  /** French body in Markdown, as written in the file. */
  body: string;
  /** File name the rule was read from, for error messages and reviews. */
  file: string;
};

export const AgeBand = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    minAge: z.number().int().nonnegative(),
    /** Absent for the last, open-ended band. */
    maxAgeExclusive: z.number().int().positive().optional(),
    percentByContractYear: z.array(z.number().positive().max(100)).length(3),
    /** From 21 the base is the SMIC or the conventional minimum if higher (D6222-26). */
    conventionalMinimumApplies: z.boolean(),
  })
  .strict();
export type AgeBand = z.infer<typeof AgeBand>;

const SourcedText = z.object({
  text: z.string().min(1),
  sources: z.array(HttpsSourceRef).min(1),
});

export const PayGrid = z
  .object({
    $comment: z.string().optional(),
    id: z.string().min(1),
    effectiveFrom: IsoDate,
    appliesTo: z.string().min(1),
    bands: z.array(AgeBand).min(1),
    baseRule: SourcedText,
    bandChangeRule: SourcedText.extend({
      kind: z.literal("first-day-of-month-after-birthday"),
      ages: z.array(z.number().int().positive()).min(1),
    }),
    contractYearRule: z.object({ text: z.string().min(1), unverified: z.string().optional() }),
    sources: z.array(HttpsSourceRef).min(1),
    officialInfo: HttpsSourceRef,
    unverified: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((grid, ctx) => {
    // Bands must tile the ages with no gap or overlap, otherwise some age would have no pay.
    grid.bands.forEach((band, i) => {
      const next = grid.bands[i + 1];
      if (next === undefined) {
        if (band.maxAgeExclusive !== undefined) {
          ctx.addIssue({ code: "custom", message: "the last band must be open-ended", path: ["bands", i] });
        }
      } else if (band.maxAgeExclusive !== next.minAge) {
        ctx.addIssue({
          code: "custom",
          message: "bands must follow each other without gap",
          path: ["bands", i],
        });
      }
    });
  });
export type PayGrid = z.infer<typeof PayGrid>;

export const SmicEntry = z
  .object({
    effectiveFrom: IsoDate,
    hourly: z.number().positive(),
    monthly35h: z.number().positive(),
    sources: z.array(HttpsSourceRef).min(1),
    note: z.string().optional(),
    /** Set when the amount was read only in a secondary source; the bot then asks users to check it. */
    unverified: z.string().optional(),
  })
  .strict();
export type SmicEntry = z.infer<typeof SmicEntry>;

export const SmicHistory = z
  .object({
    $comment: z.string().optional(),
    checkedOn: IsoDate,
    coverageNote: z.string().optional(),
    entries: z.array(SmicEntry).min(1),
  })
  .strict()
  .refine(
    (h) => h.entries.every((e, i) => i === 0 || (h.entries[i - 1]?.effectiveFrom ?? "") < e.effectiveFrom),
    { message: "entries must be sorted by effectiveFrom, without duplicates", path: ["entries"] },
  );
export type SmicHistory = z.infer<typeof SmicHistory>;
