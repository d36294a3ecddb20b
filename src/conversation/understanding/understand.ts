/** Turns one cleaned French message into an intent and entities, offline and deterministic. */
import { classify, type ClassifyContext } from "./classify.js";
import { findEntities, type Entities } from "./entities.js";
import type { Intent } from "./intent-table.js";
import { detectLanguage, type DetectedLanguage } from "./language.js";
import { normalizeText } from "./normalize.js";

export interface Understanding {
  intent: Intent;
  /** False when nothing in the table matched: retrieval decides (job or out of scope). */
  explicit: boolean;
  entities: Entities;
  language: DetectedLanguage;
  normalized: string;
  /** Distress sub-kind, so the answer names the right number first. */
  distress?: DistressKind;
}

export type DistressKind = "suicide" | "child" | "harassment" | "emergency";

const DISTRESS_KINDS: [RegExp, DistressKind][] = [
  [/\b(suicid|suisid|sucid|sucide|suiside|disparaitre|plus envie de rien|plus la force|me tuer|me pendre|mettre fin a|en finir|mourir|plus envie de vivre|marre de vivre|idees noires|scarifi|me faire du mal|foutre en l air|ouvrir les veines|jeter sous|envie de tout (arreter|lacher|abandonner)|n en peux plus|au bout du rouleau|plus gout a rien|je me sens (si |tellement |tres )?(seul|seule|vide|inutile))/, "suicide"],
  [/\b(frappe|frappent|bat|battent|battu|battue|viol|maltrait|inceste|attouchement|enfant en danger|agresse)/, "child"],
  [/\b(harcel|cyberharcel)/, "harassment"],
];

export function understand(text: string, context: ClassifyContext, now: Date = new Date()): Understanding {
  const normalized = normalizeText(text);
  const language = detectLanguage(text, normalized);
  const entities = findEntities(normalized, text, now);
  const { intent, explicit } = classify(normalized, entities, context);
  const result: Understanding = { intent, explicit, entities, language, normalized };
  if (intent === "distress") {
    result.distress = DISTRESS_KINDS.find(([re]) => re.test(normalized))?.[1] ?? "emergency";
  }
  return result;
}
