/**
 * Adaptive Cards (schema 1.4, Universal Actions) for the advisers' channel: one card per request, updated
 * for everyone as the request moves on. Action.Execute reaches the bot as an `adaptiveCard/action` invoke.
 */
import type { HandoffRequest, TranscriptLine } from "../../handoff/handoff-request.js";
import { profileLine } from "../../handoff/summary.js";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export const CARD_VERBS = { take: "handoff.take", end: "handoff.end" } as const;
export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

const TRIGGER_LABELS: Record<HandoffRequest["trigger"], string> = {
  "user-asked": "demande de la personne",
  "no-answer": "le bot n'a pas su répondre",
  complex: "situation complexe",
  distress: "après un message de détresse",
  kiosk: "borne : bouton conseiller",
  callback: "demande de rappel",
};

const SPEAKERS: Record<TranscriptLine["from"], string> = { user: "Personne", bot: "Bot", adviser: "Conseiller" };

function statusLine(request: HandoffRequest): { text: string; color: string } {
  switch (request.status) {
    case "waiting":
      return { text: "En attente d'un conseiller", color: "Attention" };
    case "taken":
      return { text: `Pris en charge par ${request.adviser?.name ?? "un conseiller"}`, color: "Good" };
    case "ended":
      return { text: `Terminé${request.adviser ? ` (${request.adviser.name})` : ""}`, color: "Default" };
    case "cancelled":
      return { text: "Annulé par la personne", color: "Default" };
    case "expired":
      return { text: "Personne n'a pris la demande à temps : d'autres solutions ont été proposées", color: "Warning" };
  }
}

function transcriptBlocks(lines: readonly TranscriptLine[]): object[] {
  if (lines.length === 0) return [{ type: "TextBlock", text: "Aucun message avant la demande.", wrap: true, isSubtle: true }];
  return lines.map((l) => ({ type: "TextBlock", text: `**${SPEAKERS[l.from]}** : ${l.text}`, wrap: true, spacing: "Small" }));
}

/** The card of one request; buttons depend on its status (take while waiting, end while taken). */
export function requestCard(request: HandoffRequest): Record<string, unknown> {
  const status = statusLine(request);
  const data = { requestId: request.id };
  const actions: object[] = [];
  if (request.status === "waiting") actions.push({ type: "Action.Execute", title: "Prendre en charge", verb: CARD_VERBS.take, data, style: "positive" });
  if (request.status === "taken") actions.push({ type: "Action.Execute", title: "Terminer", verb: CARD_VERBS.end, data });
  actions.push({
    type: "Action.ShowCard",
    title: "Voir la conversation",
    card: { type: "AdaptiveCard", body: transcriptBlocks(request.summary.lastMessages) },
  });
  const facts = [
    { title: "Besoin", value: request.summary.need },
    { title: "Profil", value: profileLine(request.summary.profile) },
    { title: "Région", value: request.region },
    { title: "Origine", value: TRIGGER_LABELS[request.trigger] },
    ...(request.callbackPhone ? [{ title: "Rappeler au", value: request.callbackPhone }] : []),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body: [
      { type: "TextBlock", text: `Demande n° ${request.number}`, weight: "Bolder", size: "Medium", wrap: true },
      { type: "TextBlock", text: status.text, color: status.color, weight: "Bolder", wrap: true, spacing: "None" },
      { type: "FactSet", facts },
      {
        type: "TextBlock",
        text: "Répondez dans le fil de ce message : vos réponses sont transmises à la personne.",
        wrap: true,
        isSubtle: true,
        size: "Small",
      },
    ],
    actions,
  };
}

export function cardAttachment(card: Record<string, unknown>): { contentType: string; content: Record<string, unknown> } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** A one-line card, for invoke answers that are not a request card (refusals, errors). */
export function messageCard(text: string): Record<string, unknown> {
  return { type: "AdaptiveCard", version: "1.4", body: [{ type: "TextBlock", text, wrap: true }] };
}
