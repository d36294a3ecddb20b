/** The few sentences that steer a booking dialogue whatever its step: stop, yes, no, cancel or move a booking, another place. */
import { normalizeCode } from "../../booking/codes.js";
import { normalizeText } from "../understanding/normalize.js";
import type { BookingMode } from "./dialogue-state.js";

const STOP = /^(annuler|annule|annulez|stop|stopper|arret|arreter|arretez|arrete|j arrete|on arrete|laisse tomber|laissez tomber|laisser tomber|abandonner|abandon|quitter|fin|non merci|annuler la reservation|arreter la reservation|je ne veux plus|finalement non)$/;
const YES = /^(oui|ouais|ok|okay|d accord|j accepte|accepte|j accepte les conditions|je suis d accord|bien sur|parfait|valider|je valide|confirmer|je confirme|c est bon|oui d accord|oui j accepte|oui je confirme|oui merci|oui annuler le rendez vous|oui annuler)\b/;
const NO = /^(non|nan|pas d accord|je refuse|refuse|je ne suis pas d accord|non je refuse|non le garder|je le garde|garder)\b/;
const BOOKING_WORDS = "(rendez vous|rdv|reservation|creneau)";
const CANCEL_BOOKING = new RegExp(`\\b(annul\\w*|supprim\\w*) (mon|ma|le|la|un|une) ${BOOKING_WORDS}`);
const MOVE_BOOKING = new RegExp(`\\b(deplac\\w*|decal\\w*|chang\\w*|modifi\\w*|report\\w*) (mon|ma|le|la) ${BOOKING_WORDS}`);
const OTHER_PLACE = /\b(autre (lieu|cabine|endroit|ville|commune)|changer de (lieu|cabine|ville|commune)|ailleurs)\b/;
const OTHER_DAY = /\b(autre (jour|date)|changer de (jour|date)|un autre moment)\b/;
/** A lookahead so candidates may overlap: "vous ABCD-EFGH" must still find ABCD-EFGH after rejecting "vous ABCD". */
const CODE_CANDIDATE = /(?=\b([a-z0-9]{4}[\s-]?[a-z0-9]{4})\b)/gi;

export const isStop = (text: string): boolean => STOP.test(normalizeText(text));
export const isYes = (text: string): boolean => YES.test(normalizeText(text));
export const isNo = (text: string): boolean => NO.test(normalizeText(text));
export const asksOtherPlace = (text: string): boolean => OTHER_PLACE.test(normalizeText(text));
export const asksOtherDay = (text: string): boolean => OTHER_DAY.test(normalizeText(text));

/** "annuler mon rendez-vous" → cancel, "déplacer mon rendez-vous" → reschedule, anything else → undefined. */
export function requestedMode(text: string): Exclude<BookingMode, "book"> | undefined {
  const normalized = normalizeText(text);
  if (CANCEL_BOOKING.test(normalized)) return "cancel";
  if (MOVE_BOOKING.test(normalized)) return "reschedule";
  return undefined;
}

/** A confirmation code typed anywhere in the message ("mon code est abcd efgh"). */
export function codeIn(text: string): string | undefined {
  for (const match of text.matchAll(CODE_CANDIDATE)) {
    const code = normalizeCode(match[1] ?? "");
    if (code !== undefined) return code;
  }
  return undefined;
}
