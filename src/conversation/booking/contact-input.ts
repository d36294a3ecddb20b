/**
 * Reads a first name, a phone number and an e-mail address from what a person types ("Marie, 06 12 34 56 78")
 * or from the contact card's submission, and checks them with the booking domain's own schema.
 */
import { z } from "zod";
import { ContactDetails } from "../../booking/booking.js";
import type { PartialContact } from "./dialogue-state.js";

const EMAIL = /[^\s@<>,;:()]+@[^\s@<>,;:()]+\.[a-z]{2,}/i;
/** French numbers as people write them: 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78. */
const PHONE = /(?:\+33|0033|0)\s*[1-9](?:[\s.-]*\d{2}){4}/;
/** Anything that looks like an attempt at a number, to say it is wrong rather than ignore it. */
const DIGITS = /\d[\d\s.+-]{2,}\d/;
const FILLERS =
  /\b(je m appelle|je suis|mon prenom est|mon prenom c est|prenom|c est|moi c est|mon numero est|mon numero|numero|telephone|tel|portable|mail|e mail|email|adresse|mon|ma|et|est|ou|bonjour)\b/g;

export interface ContactReading {
  contact: PartialContact;
  /** The person typed something that looks like a phone number or an e-mail, but it is not valid. */
  badPhone: boolean;
  badEmail: boolean;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]/g, " ");
}

/** A first name: letters, hyphens and apostrophes, capitalised as people expect to read it back. */
function firstNameFrom(rest: string): string | undefined {
  const words = fold(rest)
    .replace(FILLERS, " ")
    .split(/[^\p{L}-]+/u)
    .filter((w) => w.length >= 2 && w.length <= 30);
  if (words.length === 0 || words.length > 2) return undefined;
  // Keep the person's own spelling (accents) by finding the word in the original text.
  const wanted = words[0] ?? "";
  const raw = [...rest.matchAll(/[\p{L}-]+/gu)].map((m) => m[0]).find((w) => fold(w) === wanted) ?? wanted;
  return raw.charAt(0).toUpperCase() + raw.slice(1);
}

/** Reads free text; what is absent stays absent, what is present but invalid is flagged. */
export function readContactText(text: string, known: PartialContact = {}): ContactReading {
  const contact: PartialContact = { ...known };
  let rest = text;
  let badPhone = false;
  let badEmail = false;
  const email = text.match(EMAIL)?.[0];
  if (email) {
    rest = rest.replace(email, " ");
    if (z.email().safeParse(email).success) contact.email = email.toLowerCase();
    else badEmail = true;
  } else if (text.includes("@")) {
    badEmail = true;
    rest = rest.replace(/\S*@\S*/, " ");
  }
  const phone = rest.match(PHONE)?.[0];
  if (phone) {
    rest = rest.replace(phone, " ");
    contact.phone = phone.replace(/[\s.-]/g, "");
  } else if (DIGITS.test(rest)) {
    badPhone = true;
    rest = rest.replace(DIGITS, " ");
  }
  const firstName = firstNameFrom(rest);
  if (firstName) contact.firstName = firstName;
  return { contact, badPhone, badEmail };
}

/** The contact card's submission, as Web Chat sends it (Input.Toggle gives "true"/"false"). */
export const ContactCardSubmission = z.object({
  action: z.literal("bookingContact"),
  firstName: z.string().max(60).default(""),
  reach: z.string().max(254).default(""),
  consent: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
});
export type ContactCardSubmission = z.infer<typeof ContactCardSubmission>;

/** Reads a card submission; undefined when `value` is not one. */
export function readContactCard(value: unknown): { reading: ContactReading; consent: boolean } | undefined {
  const parsed = ContactCardSubmission.safeParse(value);
  if (!parsed.success) return undefined;
  const reach = readContactText(parsed.data.reach);
  const name = firstNameFrom(parsed.data.firstName);
  const contact: PartialContact = { ...reach.contact };
  if (name) contact.firstName = name;
  else delete contact.firstName;
  return { reading: { ...reach, contact }, consent: parsed.data.consent };
}

/** The complete, valid contact the booking service accepts, or undefined if something is still missing. */
export function completeContact(contact: PartialContact): ContactDetails | undefined {
  const parsed = ContactDetails.safeParse(contact);
  return parsed.success ? parsed.data : undefined;
}
