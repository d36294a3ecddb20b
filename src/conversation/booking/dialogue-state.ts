/**
 * Where a booking dialogue stands, as plain serializable data kept in the conversation memory between turns
 * (and parsed back with zod: a malformed state simply ends the dialogue).
 */
import { z } from "zod";

export const BookingMode = z.enum(["book", "cancel", "reschedule"]);
export type BookingMode = z.infer<typeof BookingMode>;

export const BookingStep = z.enum(["site", "day", "time", "contact", "consent", "code", "cancelConfirm"]);
export type BookingStep = z.infer<typeof BookingStep>;

export const DayPart = z.enum(["morning", "afternoon", "evening"]);

export const PartialContact = z.object({
  firstName: z.string().max(60).optional(),
  phone: z.string().max(20).optional(),
  email: z.string().max(254).optional(),
});
export type PartialContact = z.infer<typeof PartialContact>;

export const BookingDialogueState = z.object({
  mode: BookingMode,
  step: BookingStep,
  /** Set when the conversation runs on a kiosk: its own cabin is the default and nothing links the booking to the kiosk session. */
  kioskSiteId: z.string().max(64).optional(),
  siteId: z.string().max(64).optional(),
  /** Cabin ids offered as buttons at the "site" step, in the order shown. */
  siteChoices: z.array(z.string().max(64)).max(10).optional(),
  /** Paris days offered at the "day" step. */
  dayChoices: z.array(z.iso.date()).max(10).optional(),
  day: z.iso.date().optional(),
  dayPart: DayPart.optional(),
  /** ISO starts of the slots offered at the "time" step. */
  offered: z.array(z.string().max(40)).max(20).optional(),
  hold: z.object({ id: z.string().max(64), start: z.string().max(40), end: z.string().max(40) }).optional(),
  contact: PartialContact.optional(),
  /** Confirmation code of the booking being cancelled or moved. */
  code: z.string().max(20).optional(),
  /** Answers not understood in a row at the current step; after a few the dialogue offers a person. */
  misses: z.number().int().min(0).max(10).default(0),
});
export type BookingDialogueState = z.infer<typeof BookingDialogueState>;
