/** What every composer receives for one turn: the message understood, the memory to update, the ports. */
import type { RegionCode } from "../../shared/region.js";
import type { ConversationPorts } from "../ports.js";
import type { ConversationMemory, RememberedPlace } from "../state.js";
import type { Understanding } from "../understanding/understand.js";

export interface Turn {
  /** Cleaned text (no HTML, at most 5,000 characters). */
  text: string;
  understanding: Understanding;
  /** Mutable: composers record what later turns need (last job, age, pending question). */
  memory: ConversationMemory;
  region: RegionCode;
  ports: ConversationPorts;
  now: Date;
  /** The place this message names, read once per turn (never read from a distress message). */
  place?: RememberedPlace | undefined;
}

/** "2026-01-01" → "1er janvier 2026", as French readers expect dates. */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return `${d === 1 ? "1er" : d} ${months[m - 1]} ${y}`;
}

// Built once: creating an Intl formatter costs far more than formatting with it.
const EUROS = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1112.05 → "1 112,05 €" (narrow spaces replaced by plain ones for every renderer). */
export function euros(amount: number): string {
  return `${EUROS.format(amount).replace(/\s/g, " ")} €`;
}

/** Cuts prose at a sentence end near `max` characters, so answers stay short. */
export function shorten(text: string, max = 420): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(" ; "));
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}
