/** The advisers' text commands in Teams, as a table: French words (with or without accents) to a command. */

export type AdviserCommand =
  | { kind: "list" }
  | { kind: "take"; number?: number }
  | { kind: "end"; number?: number }
  | { kind: "transcript"; number?: number }
  | { kind: "bookings" }
  | { kind: "help" };

const COMMANDS: Array<{ pattern: RegExp; make: (n?: number) => AdviserCommand }> = [
  { pattern: /^(file|liste|queue|demandes)$/, make: () => ({ kind: "list" }) },
  { pattern: /^(prendre|prends|je prends|take)$/, make: (number) => ({ kind: "take", ...(number ? { number } : {}) }) },
  { pattern: /^(terminer|termine|fin|end|cloturer)$/, make: (number) => ({ kind: "end", ...(number ? { number } : {}) }) },
  { pattern: /^(transcription|conversation|historique|resume)$/, make: (number) => ({ kind: "transcript", ...(number ? { number } : {}) }) },
  { pattern: /^(cabines|rendez vous|rdv|reservations)( du jour| aujourd hui)?$/, make: () => ({ kind: "bookings" }) },
  { pattern: /^(aide|help|\?)$/, make: () => ({ kind: "help" }) },
];

/** Teams puts `<at>Bot</at>` in channel messages that mention the bot; commands are read without it. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, " ").replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
}

function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-'’]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "prendre 12", "Terminer n° 12", "file" → a command; anything else → undefined (a message to relay). */
export function parseAdviserCommand(raw: string): AdviserCommand | undefined {
  const text = normalize(stripMentions(raw));
  const match = /^(.*?)(?:\s+(?:n\s*°?|no|numero|#)?\s*(\d{1,9}))?$/.exec(text.replace(/°/g, " °"));
  const words = (match?.[1] ?? text).replace(/\s*°$/, "").trim();
  const number = match?.[2] === undefined ? undefined : Number(match[2]);
  for (const { pattern, make } of COMMANDS) {
    if (pattern.test(words)) return make(number);
  }
  return undefined;
}

export const ADVISER_HELP = [
  "Commandes disponibles :",
  "- **file** : les demandes en attente et en cours",
  "- **prendre 12** : prendre en charge la demande n° 12",
  "- **terminer** (dans le fil d'une demande) ou **terminer 12** : rendre la personne au bot",
  "- **transcription 12** : le résumé et les derniers messages de la demande n° 12",
  "- **cabines** : les rendez-vous en cabine-conseil du jour",
  "",
  "Dans le fil d'une demande que vous avez prise, tout autre message est transmis à la personne.",
].join("\n");
