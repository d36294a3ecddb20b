/** What a contact point of the orientation network is (CIO, mission locale, Carif-Oref...), as knowledge files state it. */
import { z } from "zod";
import { SourceRef } from "../types.js";

export const ContactType = z.enum([
  "cio",
  "cite-des-metiers",
  "information-jeunesse",
  "mission-locale",
  "carif-oref",
  "cap-emploi",
  "france-travail",
  "regional-line",
  "regional-website",
]);
export type ContactType = z.infer<typeof ContactType>;

/** How users name each type, in French: the label and the words and acronyms they type. */
export const CONTACT_TYPE_LABELS: Record<ContactType, { label: string; keywords: string[] }> = {
  cio: { label: "Centre d'information et d'orientation (CIO)", keywords: ["CIO", "centre d'information et d'orientation", "psychologue de l'Éducation nationale"] },
  "cite-des-metiers": { label: "Cité des métiers", keywords: ["Cité des métiers", "CDM"] },
  "information-jeunesse": { label: "Information Jeunesse", keywords: ["Information Jeunesse", "Info Jeunesse", "CRIJ", "PIJ", "BIJ", "point information jeunesse"] },
  "mission-locale": { label: "Mission locale", keywords: ["mission locale", "missions locales", "16-25 ans", "jeunes"] },
  "carif-oref": { label: "Carif-Oref", keywords: ["Carif-Oref", "Carif", "Oref", "offre de formation"] },
  "cap-emploi": { label: "Cap emploi", keywords: ["Cap emploi", "handicap", "RQTH", "travailleur handicapé"] },
  "france-travail": { label: "France Travail", keywords: ["France Travail", "Pôle emploi", "agence", "demandeur d'emploi"] },
  "regional-line": { label: "Ligne téléphonique régionale de l'orientation", keywords: ["numéro vert", "téléphone", "appeler"] },
  "regional-website": { label: "Site régional de l'orientation", keywords: ["site", "orientation", "formations"] },
};

/** Types that are reached through a directory rather than one fixed place. */
export const DIRECTORY_TYPES: ReadonlySet<ContactType> = new Set(["cio", "mission-locale", "france-travail", "cap-emploi", "information-jeunesse"]);

/** French numbers as written for people: "04 91 00 00 00", "0 800 00 00 00" (numéro vert) or "3949". */
export const FrenchPhone = z
  .string()
  .regex(/^(0[1-9](?: \d{2}){4}|0 [89]\d{2} \d{2} \d{2} \d{2}|0 [89]\d{2} \d{3} \d{3}|\d{4})$/, "expected a French number such as 04 91 00 00 00");

export const ContactRegion = z.enum(["PAC", "BFC", "national"]);
export type ContactRegion = z.infer<typeof ContactRegion>;

export const ContactPoint = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id"),
    type: ContactType,
    name: z.string().min(1),
    region: ContactRegion,
    /** Department code for department-level entries (directory links for one département). */
    department: z.string().regex(/^(\d{2}|2A|2B|97\d)$/).optional(),
    /** What the place offers, in plain French. */
    description: z.string().min(1).optional(),
    address: z
      .object({
        street: z.string().min(1),
        postcode: z.string().regex(/^\d{5}$/),
        commune: z.string().min(1),
        inseeCode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
      })
      .strict()
      .optional(),
    phone: FrenchPhone.optional(),
    email: z.email().optional(),
    website: z.url({ protocol: /^https$/ }).optional(),
    hours: z.string().min(1).optional(),
    coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().optional(),
    /** Official directory where the user finds the nearest place of this type. */
    directoryUrl: z.url({ protocol: /^https$/ }).optional(),
    source: SourceRef,
    /** What could not be checked and was therefore left out. */
    unverified: z.string().min(1).optional(),
  })
  .strict();
export type ContactPoint = z.infer<typeof ContactPoint>;

export const ContactFile = z.object({ contacts: z.array(ContactPoint) }).strict();
