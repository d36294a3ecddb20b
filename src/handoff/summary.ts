/** The short summary an adviser reads before answering: need, profile and last messages, identifiers masked. */
import type { ConversationMemory } from "../conversation/state.js";
import type { HandoffProfile, HandoffSummary, HandoffTrigger, TranscriptLine } from "./handoff-request.js";
import { maskPersonalData } from "./personal-data-mask.js";

export const DEFAULT_SUMMARY_LINES = 10;
const LINE_MAX = 500;

/** The audience labels the conversation recognises, in the words an adviser uses. */
const STATUS_LABELS: Record<string, string> = {
  collegien: "collégien ou collégienne",
  lyceen: "lycéen ou lycéenne",
  etudiant: "étudiant ou étudiante",
  parent: "parent",
  demandeurEmploi: "demandeur ou demandeuse d'emploi",
  salarie: "salarié ou salariée",
  handicap: "en situation de handicap",
};

const TRIGGER_NEEDS: Record<HandoffTrigger, string> = {
  "user-asked": "La personne a demandé à parler à un conseiller.",
  "no-answer": "Le bot n'a pas su répondre deux fois de suite.",
  complex: "Situation complexe (handicap, reconversion ou décrochage).",
  distress: "Message de détresse : les numéros d'urgence ont été donnés.",
  kiosk: "Demande faite depuis la borne (bouton « parler à un conseiller maintenant »).",
  callback: "La personne demande à être rappelée.",
};

const TOPIC_LABELS: Record<NonNullable<ConversationMemory["lastTopic"]>, string> = {
  job: "un métier",
  apprenticeship: "l'apprentissage",
  pay: "la rémunération en apprentissage",
  contacts: "un lieu d'accueil près de chez elle",
  interests: "ses centres d'intérêt",
};

export function profileFrom(memory: ConversationMemory): HandoffProfile {
  const profile: HandoffProfile = {};
  if (memory.age !== undefined) profile.age = memory.age;
  if (memory.place) profile.commune = memory.place.postcode ? `${memory.place.name} (${memory.place.postcode})` : memory.place.name;
  if (memory.audience) profile.status = STATUS_LABELS[memory.audience] ?? memory.audience;
  return profile;
}

export function needFrom(memory: ConversationMemory, trigger: HandoffTrigger): string {
  const parts = [TRIGGER_NEEDS[trigger]];
  if (memory.lastTopic) parts.push(`Sujet abordé : ${TOPIC_LABELS[memory.lastTopic]}.`);
  if (memory.lastJob) parts.push(`Dernier métier consulté : ${memory.lastJob.title} (ROME ${memory.lastJob.code}).`);
  return parts.join(" ");
}

export function buildSummary(input: {
  memory: ConversationMemory;
  trigger: HandoffTrigger;
  transcript: readonly TranscriptLine[];
  maxLines?: number;
}): HandoffSummary {
  const max = input.maxLines ?? DEFAULT_SUMMARY_LINES;
  return {
    need: needFrom(input.memory, input.trigger),
    profile: profileFrom(input.memory),
    lastMessages: input.transcript.slice(-max).map((line) => ({ ...line, text: maskLine(line.text) })),
  };
}

/** Masks and shortens one message for a summary or a relay. */
export function maskLine(text: string): string {
  const masked = maskPersonalData(text.replace(/\s+/g, " ").trim());
  return masked.length <= LINE_MAX ? masked : `${masked.slice(0, LINE_MAX - 1)}…`;
}

/** The profile in one French line for cards and transcripts ("17 ans · Dijon (21000) · lycéen ou lycéenne"). */
export function profileLine(profile: HandoffProfile): string {
  const parts = [
    profile.age === undefined ? undefined : `${profile.age} ans`,
    profile.commune,
    profile.status,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(" · ") : "Non renseigné";
}
