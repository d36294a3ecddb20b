/** Turns what people type for a place ("St-Raphaël", "aix en provence") into one comparable key. */

// A Map, not an object literal: a word typed by a user ("constructor", "__proto__") must not find Object's members.
const ABBREVIATIONS = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
  ["sts", "saints"],
  ["stes", "saintes"],
]);

const PLAIN_WORD = /^[a-z0-9]+$/;

/** Lowercase, no accents, no punctuation, "st"/"ste" spelled out, single spaces. */
export function normalizePlaceName(text: string): string {
  // Most words of a message are plain once lower-cased ("Je", "vers"): they run through here one by one, on every
  // message, and need no Unicode folding.
  const lower = text.toLowerCase();
  if (PLAIN_WORD.test(lower)) return ABBREVIATIONS.get(lower) ?? lower;
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(" ");
}
