/** Typed booking errors, each with a stable English code and the French sentence a user reads. */

export abstract class BookingError extends Error {
  abstract readonly code: string;
  /** What the person booking reads: short, plain French, vouvoiement. */
  abstract readonly french: string;
}

export class UnknownCabin extends BookingError {
  readonly code = "unknown_cabin";
  readonly french = "Cette cabine-conseil n'existe pas. Choisissez un lieu dans la liste.";
  constructor(readonly cabinId: string) {
    super(`unknown cabin ${cabinId}`);
  }
}

export class UnknownAppointmentType extends BookingError {
  readonly code = "unknown_appointment_type";
  readonly french = "Ce type de rendez-vous n'existe pas.";
  constructor(readonly typeId: string) {
    super(`unknown appointment type ${typeId}`);
  }
}

export class SlotTaken extends BookingError {
  readonly code = "slot_taken";
  readonly french = "Ce créneau vient d'être réservé par quelqu'un d'autre. Choisissez un autre horaire.";
  constructor(readonly by: "cabin" | "counsellor") {
    super(`slot already taken (${by})`);
  }
}

export class SlotUnavailable extends BookingError {
  readonly code = "slot_unavailable";
  readonly french =
    "Ce créneau n'est pas proposé : la cabine est fermée, c'est trop tôt ou trop loin. Choisissez un horaire dans la liste.";
  constructor(readonly start: string) {
    super(`no bookable slot starts at ${start}`);
  }
}

export class HoldExpired extends BookingError {
  readonly code = "hold_expired";
  readonly french = "Le créneau n'a été gardé que quelques minutes et il a été libéré. Choisissez à nouveau un horaire.";
  constructor() {
    super("hold expired");
  }
}

export class BookingNotFound extends BookingError {
  readonly code = "booking_not_found";
  readonly french = "Nous ne trouvons pas de rendez-vous avec ce code. Vérifiez le code reçu à la réservation.";
  constructor() {
    super("booking not found");
  }
}

export class BookingNotActive extends BookingError {
  readonly code = "booking_not_active";
  readonly french = "Ce rendez-vous est déjà annulé ou passé.";
  constructor(readonly status: string) {
    super(`booking is ${status}`);
  }
}

export class ConsentRequired extends BookingError {
  readonly code = "consent_required";
  readonly french =
    "Pour réserver, nous avons besoin de votre accord pour garder votre prénom et votre contact jusqu'au rendez-vous.";
  constructor() {
    super("explicit consent is required");
  }
}

export class InvalidContact extends BookingError {
  readonly code = "invalid_contact";
  readonly french = "Indiquez votre prénom et un numéro de téléphone ou une adresse e-mail valide.";
  constructor(readonly reason: string) {
    super(`invalid contact: ${reason}`);
  }
}

const GENERIC_FRENCH = "Une erreur est survenue pendant la réservation. Réessayez dans un instant.";

/** The French sentence for any error: a domain error's own, otherwise a generic one (details stay in logs). */
export function frenchMessage(error: unknown): string {
  return error instanceof BookingError ? error.french : GENERIC_FRENCH;
}
