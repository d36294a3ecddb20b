/**
 * Masks personal identifiers before a summary leaves the conversation (French phone numbers, e-mails, social
 * security numbers, IBANs). Advisers see that something was given, never the value.
 */

/** Order matters: IBAN and social security numbers are long digit runs a phone pattern would partly eat. */
const MASKS: Array<{ pattern: RegExp; label: string }> = [
  { pattern: /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b/gi, label: "[IBAN masqué]" },
  { pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, label: "[e-mail masqué]" },
  // NIR: sex digit, year, month, department (2A/2B for Corsica), commune, order, optional key.
  {
    pattern: /\b[12][ .-]?\d{2}[ .-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?\b/gi,
    label: "[numéro de sécurité sociale masqué]",
  },
  { pattern: /(?:\+33[ .-]?|0033[ .-]?|\b0)[1-9](?:[ .-]?\d{2}){4}\b/g, label: "[téléphone masqué]" },
];

export function maskPersonalData(text: string): string {
  return MASKS.reduce((masked, { pattern, label }) => masked.replace(pattern, label), text);
}

/** A French phone number typed by the person for a callback, normalised to "06 12 34 56 78", or undefined. */
export function findPhoneNumber(text: string): string | undefined {
  const match = /(?:\+33[ .-]?|0033[ .-]?|\b0)([1-9](?:[ .-]?\d{2}){4})\b/.exec(text);
  if (!match?.[1]) return undefined;
  const digits = `0${match[1].replace(/\D/g, "")}`;
  return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
}
