/**
 * Answer guard (the pattern Albert, the French public-service assistant, applies): a generated answer
 * may only show phone numbers, e-mails and links that come from verified contact files or official
 * domains; anything else is replaced by a neutral French mention, because an invented number sends a
 * person to a stranger.
 */
import { REGIONS } from "../../shared/region.js";
import type { ContactPoint } from "./contact-point.js";

/** Official domains (and their subdomains) a link may point to even when no contact file names it. */
export const OFFICIAL_DOMAINS: readonly string[] = [
  "gouv.fr",
  "onisep.fr",
  "francetravail.fr",
  "service-public.fr",
  "info-jeunesse.fr",
  "unml.info",
  "parcoursup.fr",
  "francecompetences.fr",
  "moncompteformation.gouv.fr",
  ...Object.values(REGIONS).flatMap((r) => r.sites),
];

export const MASKED = {
  phone: "[numéro retiré : non vérifié]",
  email: "[adresse e-mail retirée : non vérifiée]",
  url: "[lien retiré : non vérifié]",
} as const;

export interface GuardResult {
  text: string;
  /** What was removed, for logs (never shown to the user). */
  masked: { kind: keyof typeof MASKED; value: string }[];
}

// Starts where a run of address characters starts: trying again from each later character of the run finds nothing more.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu;
// http(s) links, www. links and bare domains with a TLD people meet in France.
const URL = /\b(?:https?:\/\/[^\s<>()"]+|www\.[^\s<>()"]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fr|com|org|net|info|eu|gouv\.fr)(?:\/[^\s<>()"]*)?)/giu;
// 0X XX XX XX XX in any spacing, +33 forms, and "0 800 ..." numéros verts.
const PHONE = /(?:\+33\s?(?:\(0\)\s?)?|\b0)[1-9](?:[\s.-]?\d){8}\b/g;

const DETAIL = new RegExp(`(${EMAIL.source})|(${URL.source})|${PHONE.source}`, "giu");
// The e-mail pattern (Unicode letter classes, case-insensitive) was most of the guard's time on every contacts
// answer; a text without "@" cannot hold an e-mail, and this twin has the same groups with that one never set.
const DETAIL_WITHOUT_EMAIL = new RegExp(`((?!))|(${URL.source})|${PHONE.source}`, "gi");

const digitsOf = (phone: string): string => phone.replace(/\D/g, "").replace(/^33/, "0");

function hostOf(link: string): string | undefined {
  try {
    return new globalThis.URL(/^https?:\/\//i.test(link) ? link : `https://${link}`).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

interface KnownDetails {
  phones: Set<string>;
  emails: Set<string>;
  domains: readonly string[];
}

function knownDetails(contacts: readonly ContactPoint[]): KnownDetails {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const domains = new Set<string>(OFFICIAL_DOMAINS);
  for (const c of contacts) {
    if (c.phone) phones.add(digitsOf(c.phone));
    if (c.email) emails.add(c.email.toLowerCase());
    for (const link of [c.website, c.directoryUrl]) {
      const host = link && hostOf(link);
      if (host) domains.add(host);
    }
  }
  return { phones, emails, domains: [...domains] };
}

const onDomain = (host: string, domains: readonly string[]): boolean => domains.some((d) => host === d || host.endsWith(`.${d}`));

/**
 * A guard for one list of verified contacts: what they vouch for is read once (it parses every contact's
 * links), then each answer only pays for its own details.
 */
export function contactGuard(knownContacts: readonly ContactPoint[]): (text: string) => GuardResult {
  const known = knownDetails(knownContacts);
  return (text) => {
    const masked: GuardResult["masked"] = [];
    // One pass over all three patterns, so a kept e-mail's domain is never re-read as a link.
    const out = text.replace(text.includes("@") ? DETAIL : DETAIL_WITHOUT_EMAIL, (match: string, email?: string, link?: string) => {
      if (email !== undefined) {
        if (known.emails.has(email.toLowerCase())) return match;
        masked.push({ kind: "email", value: email });
        return MASKED.email;
      }
      if (link !== undefined) {
        const trimmed = link.replace(/[.,;:!?]+$/, "");
        const host = hostOf(trimmed);
        if (host && onDomain(host, known.domains)) return match;
        masked.push({ kind: "url", value: trimmed });
        return MASKED.url + link.slice(trimmed.length);
      }
      if (known.phones.has(digitsOf(match))) return match;
      masked.push({ kind: "phone", value: match });
      return MASKED.phone;
    });
    return { text: out, masked };
  };
}

/** Replaces every phone, e-mail or link of `text` that no verified contact or official domain vouches for. */
export function maskUnknownContactDetails(text: string, knownContacts: readonly ContactPoint[]): GuardResult {
  return contactGuard(knownContacts)(text);
}
