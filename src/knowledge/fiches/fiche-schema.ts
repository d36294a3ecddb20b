/**
 * The format of the project's own job fiches (`knowledge/fiches/<id>.md`): the YAML front matter schema and the
 * fixed list of `##` sections a fiche body must contain, in order.
 */
import { z } from "zod";
import type { RegionCode } from "../../shared/region.js";
import { IsoDate, SourceRef } from "../types.js";

export const FicheSector = z.enum([
  "sante-social",
  "petite-enfance",
  "transport-logistique",
  "hotellerie-restauration-tourisme",
  "batiment-travaux-publics",
  "industrie-maintenance",
  "energie-environnement",
  "agriculture-viticulture",
  "numerique",
  "commerce-services",
]);
export type FicheSector = z.infer<typeof FicheSector>;

/**
 * "selon-diplome": apprenticeship exists for some of the diplomas leading to the job, not all. "non-verifie": no
 * official source consulted says either way; the fiche says so in `unverified` rather than guess.
 */
export const Apprenticeship = z.enum(["oui", "non", "selon-diplome", "non-verifie"]);
export type Apprenticeship = z.infer<typeof Apprenticeship>;

export const FicheId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case ascii slug");

/**
 * Titles must name both genders ("Aide-soignant / Aide-soignante") or use a middle dot ("aide-soignant·e"):
 * a user must never read that a job is meant for one gender.
 */
export function isGenderInclusiveTitle(title: string): boolean {
  return title.includes(" / ") || title.includes("·");
}

const nonEmpty = z.string().trim().min(1);

export const FicheFrontMatter = z
  .strictObject({
    id: FicheId,
    title: nonEmpty,
    /** The title is the same word for both genders ("Cariste", "Réceptionniste"), so it needs no " / " form. */
    epicene: z.boolean().optional(),
    romeCodes: z.array(z.string().regex(/^[A-N]\d{4}$/, "expected a ROME code such as J1501")).min(1),
    sector: FicheSector,
    keywords: z.array(nonEmpty).default([]),
    apprenticeship: Apprenticeship,
    levels: z.array(nonEmpty).min(1),
    /** Only regions where a regional plan or an official source says the job is in tension or of the future. */
    tension: z.strictObject({ PAC: z.boolean().optional(), BFC: z.boolean().optional() }).default({}),
    pay: z.strictObject({ text: nonEmpty, source: SourceRef }).optional(),
    sources: z.array(SourceRef).min(1),
    checkedOn: IsoDate,
    /** What was deliberately left out because no source confirmed it. */
    unverified: nonEmpty.optional(),
  })
  .refine((f) => f.epicene === true || isGenderInclusiveTitle(f.title), {
    path: ["title"],
    message:
      'title must give both gender forms ("Aide-soignant / Aide-soignante"), a middle-dot form, or set epicene: true',
  });
export type FicheFrontMatter = z.infer<typeof FicheFrontMatter>;

export interface FicheSectionSpec {
  key: FicheSectionKey;
  heading: string;
  /** Set for the regional notes: chunks of this section only apply in that region. */
  region?: RegionCode;
}

export const FICHE_SECTION_KEYS = [
  "metier",
  "quotidien",
  "qualites",
  "acces",
  "salaire",
  "pac",
  "bfc",
] as const;
export type FicheSectionKey = (typeof FICHE_SECTION_KEYS)[number];

/** Exactly these `##` headings, in this order. */
export const FICHE_SECTIONS: readonly FicheSectionSpec[] = [
  { key: "metier", heading: "Le métier" },
  { key: "quotidien", heading: "Au quotidien" },
  { key: "qualites", heading: "Qualités utiles" },
  { key: "acces", heading: "Comment y accéder" },
  { key: "salaire", heading: "Salaire" },
  { key: "pac", heading: "En Provence-Alpes-Côte d'Azur", region: "PAC" },
  { key: "bfc", heading: "En Bourgogne-Franche-Comté", region: "BFC" },
];

export type FicheSections = Record<FicheSectionKey, string>;

/** A parsed, valid fiche: its front matter, the text of each section, and the file it came from. */
export type ProjectFiche = FicheFrontMatter & { sections: FicheSections; filePath: string };
