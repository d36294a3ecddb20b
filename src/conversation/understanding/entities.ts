/** Entities in a normalised French message: age, contract year, postcode, audience, interests, dates. */
import { recognizeDateTimes } from "./french-date-recognizer.js";
import { matchInterests } from "./interest-table.js";

export type Audience =
  | "collegien"
  | "lyceen"
  | "etudiant"
  | "parent"
  | "demandeurEmploi"
  | "salarie"
  | "handicap";

export interface Entities {
  age?: number;
  /** "mineur" without an exact age. */
  minor?: boolean;
  contractYear?: number;
  postcode?: string;
  audiences: Audience[];
  /** ROME interest centre codes ("1".."30"). */
  interestCentres: string[];
  /** ISO dates or date-times recognised in the message (Microsoft Recognizers, French culture); not durations. */
  dates: string[];
}

// An age must read as one ("j'ai 17 ans", "apprenti de 22 ans", "17 ans" alone), not as a duration ("dure 3 ans").
const AGE_PATTERNS = [
  /\b(?:j ai|j aurai|ai|age de|agee? de|de|suis|moi|il a|elle a|a)\s+(\d{1,2})\s*ans?\b/,
  /^(\d{1,2})\s*ans?\b/,
  /\b(\d{1,2})\s*ans?\s*(?:et|,)?\s*(?:en|je|suis|apprenti|premiere|deuxieme|troisieme|\d)/,
];
const DURATION_BEFORE = /\b(dure|duree|pendant|depuis|durant|pour|sur|en|moins de|plus de|maximum|max|jusqu a|dans)\s+$/;

export function findAge(text: string): number | undefined {
  for (const re of AGE_PATTERNS) {
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const before = text.slice(0, m.index + m[0].indexOf(m[1]));
    if (DURATION_BEFORE.test(before)) continue;
    const age = Number(m[1]);
    if (age >= 13 && age <= 99) return age;
  }
  return undefined;
}

const YEAR_WORDS: [RegExp, number][] = [
  [/\b(1re|1ere|1er|1e|premiere|1 ere|1ere)\s*annee\b/, 1],
  [/\b(2e|2eme|2nde|deuxieme|seconde|2 eme)\s*annee\b/, 2],
  [/\b(3e|3eme|troisieme|3 eme)\s*annee\b/, 3],
  [/\b(4e|4eme|quatrieme)\s*annee\b/, 4],
  [/\bannee\s*(1|2|3|4)\b/, 0],
];

export function findContractYear(text: string): number | undefined {
  for (const [re, year] of YEAR_WORDS) {
    const m = re.exec(text);
    if (m) return year === 0 ? Number(m[1]) : year;
  }
  return undefined;
}

/** A bare answer to "en quelle année ?" ("la 2", "deuxième", "2e"). */
export function findBareContractYear(text: string): number | undefined {
  const m = /^(?:la |en |ma )?(1|2|3|1re|1ere|premiere|2e|2eme|deuxieme|seconde|3e|3eme|troisieme)$/.exec(text);
  if (!m?.[1]) return findContractYear(text);
  const v = m[1];
  if (/^(1|1re|1ere|premiere)$/.test(v)) return 1;
  if (/^(2|2e|2eme|deuxieme|seconde)$/.test(v)) return 2;
  return 3;
}

export function findBareAge(text: string): number | undefined {
  const m = /^(\d{1,2})( ans?)?$/.exec(text);
  const age = m?.[1] ? Number(m[1]) : undefined;
  return age !== undefined && age >= 13 && age <= 99 ? age : findAge(text);
}

export function findPostcode(text: string): string | undefined {
  return /\b((?:0[1-9]|[1-8]\d|9[0-5]|2a|2b)\d{3})\b/.exec(text)?.[1];
}

const AUDIENCES: [RegExp, Audience][] = [
  [/\b(collegien|collegienne|au college|en (6e|5e|4e|3e|6eme|5eme|4eme|3eme|troisieme|quatrieme))\b/, "collegien"],
  [/\b(lyceen|lyceenne|au lycee|en (seconde|premiere|terminale|1ere|tle|2nde)|bac pro|cap)\b/, "lyceen"],
  [/\b(etudiant|etudiante|a la fac|universite|bts|but|licence|master|parcoursup)\b/, "etudiant"],
  [/\b(parent|mon fils|ma fille|mon enfant|mes enfants|maman|papa)\b/, "parent"],
  [/\b(demandeur d emploi|demandeuse d emploi|au chomage|chomeur|chomeuse|sans emploi|sans travail|je cherche (du|un) (travail|emploi|boulot))\b/, "demandeurEmploi"],
  [/\b(salarie|salariee|je travaille (deja|comme|dans)|en poste|en cdi|en cdd)\b/, "salarie"],
  [/\b(handicap|handicape|handicapee|rqth|situation de handicap|mdph|aah)\b/, "handicap"],
];

export function findAudiences(text: string): Audience[] {
  return AUDIENCES.filter(([re]) => re.test(text)).map(([, a]) => a);
}

export function findDates(original: string, now: Date): string[] {
  return recognizeDateTimes(original, now).flatMap((values) => values.flatMap((v) => (v.value ? [v.value] : [])));
}

export function findEntities(normalized: string, original: string, now: Date): Entities {
  const age = findAge(normalized);
  const minor = /\b(mineur|mineure|moins de 18 ans)\b/.test(normalized) || undefined;
  return {
    ...(age !== undefined ? { age } : {}),
    ...(minor ? { minor } : {}),
    ...(findContractYear(normalized) !== undefined ? { contractYear: findContractYear(normalized)! } : {}),
    ...(findPostcode(normalized) !== undefined ? { postcode: findPostcode(normalized)! } : {}),
    audiences: findAudiences(normalized),
    interestCentres: matchInterests(normalized),
    dates: findDates(original, now),
  };
}
