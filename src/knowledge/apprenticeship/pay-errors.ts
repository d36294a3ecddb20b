/**
 * Typed errors of the apprentice pay calculator, each with a code for logs and a short French sentence for
 * the user; callers map them at the edge (chat reply, HTTP 400).
 */

export abstract class ApprenticePayError extends Error {
  abstract readonly code:
    "OutsideApprenticeAge" | "NoSmicForDate" | "InvalidContractYear" | "InvalidPayInput";
  abstract readonly userMessageFr: string;
}

export class OutsideApprenticeAge extends ApprenticePayError {
  readonly code = "OutsideApprenticeAge";
  readonly userMessageFr =
    "L'apprentissage commence au plus tôt à 15 ans. Le calcul n'est pas possible pour cet âge.";
  constructor(readonly age: number) {
    super(`age ${age} is below the minimum apprenticeship age`);
    this.name = "OutsideApprenticeAge";
  }
}

export class NoSmicForDate extends ApprenticePayError {
  readonly code = "NoSmicForDate";
  readonly userMessageFr =
    "Nous n'avons pas le montant du SMIC pour cette date. Consultez la fiche officielle de Service-Public.fr.";
  constructor(readonly date: string) {
    super(`no SMIC amount known for ${date}`);
    this.name = "NoSmicForDate";
  }
}

export class InvalidContractYear extends ApprenticePayError {
  readonly code = "InvalidContractYear";
  readonly userMessageFr =
    "Le calcul couvre les années 1, 2 et 3 du contrat. Pour un autre cas, demandez à votre CFA ou à un conseiller.";
  constructor(
    readonly contractYear: number | undefined,
    reason: string,
  ) {
    super(reason);
    this.name = "InvalidContractYear";
  }
}

export class InvalidPayInput extends ApprenticePayError {
  readonly code = "InvalidPayInput";
  readonly userMessageFr =
    "Certaines informations ne sont pas valides. Vérifiez les dates et les montants saisis.";
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidPayInput";
  }
}

export const isApprenticePayError = (x: unknown): x is ApprenticePayError => x instanceof ApprenticePayError;
