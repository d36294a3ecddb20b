/** A booking of a cabin slot, the minimal personal data it keeps, and the zod schema of that data. */
import { z } from "zod";

export type BookingStatus = "held" | "confirmed" | "cancelled" | "expired";

export interface Booking {
  /** Internal id (UUID); also the hold id given back after `hold`, and the stable iCalendar UID. */
  id: string;
  /** Confirmation code the person keeps (null while only held). */
  code: string | null;
  status: BookingStatus;
  cabinId: string;
  counsellorId: string;
  appointmentTypeId: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  holdExpiresAt: string | null;
  firstName: string | null;
  phone: string | null;
  email: string | null;
  consentAt: string | null;
  /** Bot conversation or user id, so that "supprimer mes données" can find the bookings. */
  conversationId: string | null;
  /** Unguessable visio room name; the link is the configured base URL + this name. */
  roomName: string | null;
  /** Incremented at each reschedule or cancellation (iCalendar SEQUENCE). */
  sequence: number;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
}

/** French mobile and landline numbers, written with or without spaces, dots or the +33 prefix. */
const FrenchPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^(\+33|0033|0)[1-9]\d{8}$/, "numéro de téléphone français attendu"));

export const ContactDetails = z
  .object({
    firstName: z.string().trim().min(1).max(60),
    phone: FrenchPhone.optional(),
    email: z.email().max(254).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, "phone or email is required");
export type ContactDetails = z.infer<typeof ContactDetails>;
