/** Scores a normalised message against the intent table, then applies the few rules that need context. */
import { INTENT_TABLE, type Intent } from "./intent-table.js";
import { editDistance } from "../../shared/edit-distance.js";
import { anyOf } from "./any-of.js";
import { allowedTypos, tokenize } from "./normalize.js";
import type { Entities } from "./entities.js";

export interface ClassifyContext {
  hasLastJob: boolean;
  lastTopic?: string | undefined;
}

export interface Classification {
  intent: Intent;
  scores: Partial<Record<Intent, number>>;
  /** False when no signal matched: the engine then lets retrieval decide between a job and out of scope. */
  explicit: boolean;
}

/** Each row's patterns as one alternation, tried first: most messages match none of a row's patterns. */
const ANY_PATTERN_OF_ROW = new Map(INTENT_TABLE.map((row) => [row, row.patterns.length > 1 ? anyOf(row.patterns.map((p) => p.re)) : undefined]));

export function scoreIntents(normalized: string): Partial<Record<Intent, number>> {
  const tokens = tokenize(normalized);
  const scores: Partial<Record<Intent, number>> = {};
  for (const row of INTENT_TABLE) {
    let score = 0;
    if (ANY_PATTERN_OF_ROW.get(row)?.test(normalized) !== false) {
      for (const { re, weight } of row.patterns) if (re.test(normalized)) score += weight;
    }
    for (const { word, weight } of row.keywords ?? []) {
      const hit = tokens.some((t) => t === word || (t.length > 3 && editDistance(t, word, allowedTypos(word)) <= allowedTypos(word)));
      if (hit) score += weight;
    }
    if (score > 0) scores[row.intent] = (row.priority ?? 0) * 100 + score;
  }
  return scores;
}

const FOLLOW_UPS: Intent[] = ["followUpPay", "followUpAccess", "followUpApprenticeship", "followUpCloseJobs"];

/** Picks one intent; `undefined` scores leave room for the engine's retrieval fallback ("job" by default). */
export function classify(normalized: string, entities: Entities, context: ClassifyContext): Classification {
  const scores = scoreIntents(normalized);
  const s = (i: Intent) => scores[i] ?? 0;
  const tokens = tokenize(normalized);

  // Pay words mean apprentice pay only around apprenticeship; after a job they ask that job's pay.
  const apprenticeshipContext =
    s("apprenticeship") > 0 || context.lastTopic === "apprenticeship" || context.lastTopic === "pay";
  if (s("apprenticeshipPay") > 0) {
    if (apprenticeshipContext) scores.apprenticeshipPay = s("apprenticeshipPay") + s("apprenticeship") + 1;
    else delete scores.apprenticeshipPay;
  }
  // Age or contract year alone, right after a pay answer: the user refines the calculation.
  if (
    (context.lastTopic === "pay" || context.lastTopic === "apprenticeship") &&
    (entities.age !== undefined || entities.contractYear !== undefined || entities.minor) &&
    tokens.length <= 8
  ) {
    scores.apprenticeshipPay = Math.max(s("apprenticeshipPay"), 6);
  }

  if (!context.hasLastJob) {
    // Without a job in mind, "et en apprentissage ?" asks about apprenticeship itself; other follow-ups stay,
    // and the composer asks which job is meant.
    if (s("followUpApprenticeship") > 0) scores.apprenticeship = Math.max(s("apprenticeship"), s("followUpApprenticeship"));
    delete scores.followUpApprenticeship;
    if (s("followUpPay") > 0 && apprenticeshipContext) {
      scores.apprenticeshipPay = Math.max(s("apprenticeshipPay"), s("followUpPay"));
      delete scores.followUpPay;
    }
  } else if (tokens.length > 10) {
    // Long messages are new questions, not follow-ups.
    for (const f of FOLLOW_UPS) delete scores[f];
  } else if (s("followUpApprenticeship") > 0) {
    // "et en apprentissage ?" after a job is about that job, not the general rules.
    delete scores.apprenticeship;
    delete scores.apprenticeshipPay;
  }
  // "combien gagne un apprenti ?" names the apprentice: the pay grid answers, not the last job's pay.
  if (s("followUpPay") > 0 && s("apprenticeship") > 0) delete scores.followUpPay;

  // Interests need a cue ("j'aime", "travailler dehors") and lose to an explicit job question.
  if (s("interests") > 0 && s("job") >= s("interests")) delete scores.interests;

  // A place alone ("Dijon", "21000") is not a contact request; the engine decides with its pending question.
  const ranked = (Object.entries(scores) as [Intent, number][]).sort((a, b) => b[1] - a[1]);
  const social: Intent[] = ["greeting", "thanks", "goodbye"];
  const substantive = ranked.find(([i]) => !social.includes(i));
  // "Bonjour, je cherche un CIO" is a contact request; "merci, au revoir" stays social.
  const best = substantive ?? ranked[0];
  return { intent: best?.[0] ?? "job", scores, explicit: best !== undefined };
}
