/**
 * What the language model may know about the person: only what they told the bot and that changes the answer
 * (region, age, situation, contract year, last job looked at). Never their place, name or contact details.
 */
import { REGIONS, type RegionCode } from "../../shared/region.js";
import type { ConversationMemory } from "../state.js";
import type { Audience } from "../understanding/entities.js";

export interface UserProfile {
  region: RegionCode;
  age?: number;
  audience?: string;
  contractYear?: number;
  lastJobTitle?: string;
}

const AUDIENCE_LABELS: Record<Audience, string> = {
  collegien: "collégien ou collégienne",
  lyceen: "lycéen ou lycéenne",
  etudiant: "étudiant ou étudiante",
  parent: "parent",
  demandeurEmploi: "demandeur ou demandeuse d'emploi",
  salarie: "salarié ou salariée",
  handicap: "personne en situation de handicap",
};

export const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];

export const isAudience = (value: string): value is Audience => Object.hasOwn(AUDIENCE_LABELS, value);

export function profileFromMemory(memory: ConversationMemory, region: RegionCode): UserProfile {
  return {
    region,
    ...(memory.age !== undefined ? { age: memory.age } : {}),
    ...(memory.audience !== undefined ? { audience: memory.audience } : {}),
    ...(memory.contractYear !== undefined ? { contractYear: memory.contractYear } : {}),
    ...(memory.lastJob ? { lastJobTitle: memory.lastJob.title } : {}),
  };
}

/** The profile as French lines for the prompt. */
export function describeProfile(profile: UserProfile): string {
  const region = REGIONS[profile.region];
  const lines = [`- Région : ${region.name}${region.shortName !== region.name ? ` (${region.shortName})` : ""}`];
  if (profile.age !== undefined) lines.push(`- Âge : ${profile.age} ans`);
  if (profile.audience !== undefined && isAudience(profile.audience)) lines.push(`- Situation : ${AUDIENCE_LABELS[profile.audience]}`);
  if (profile.contractYear !== undefined) lines.push(`- Année du contrat d'apprentissage : ${profile.contractYear}`);
  if (profile.lastJobTitle !== undefined) lines.push(`- Dernier métier consulté : ${profile.lastJobTitle}`);
  return lines.join("\n");
}

/** Labels offered to the intent classifier, as "code (label)". */
export function describeAudiences(): string {
  return AUDIENCES.map((a) => `${a} (${AUDIENCE_LABELS[a]})`).join(", ");
}
