/**
 * Pure check of the age conditions to sign an apprenticeship contract (L6222-1, L6222-2, D6222-1), answering
 * "j'ai 31 ans, je peux être apprenti ?" with the rule that applies and the questions still to ask.
 */

export type EligibilityInput = {
  age: number;
  /** Finished the first cycle of secondary school (classe de 3e). */
  finishedCollege?: boolean;
  /** RQTH: reconnaissance de la qualité de travailleur handicapé. */
  rqth?: boolean;
  highLevelAthlete?: boolean;
  businessCreationNeedsDiploma?: boolean;
  /** Failed the diploma and signs a new contract with another employer to sit it again. */
  failedExamNewEmployer?: boolean;
  /** New contract for a diploma higher than the one already obtained. */
  higherDiplomaAfterPreviousContract?: boolean;
  /** Previous contract broken for reasons beyond the apprentice's control, or temporary physical unfitness. */
  previousContractEndedBeyondControl?: boolean;
  monthsSincePreviousContract?: number;
};

export type EligibilityCase =
  | "invalid-age"
  | "too-young"
  | "fifteen-after-college"
  | "fifteen-without-college"
  | "general"
  | "no-age-limit"
  | "up-to-35"
  | "too-old";

export type Eligibility = {
  status: "eligible" | "not-eligible" | "depends";
  case: EligibilityCase;
  /** Ids of the knowledge rules to cite (knowledge/apprenticeship/<id>.md). */
  ruleIds: string[];
  explanationFr: string;
  /** What to ask the user when the answer depends on facts we do not know yet. */
  questionsFr: string[];
};

const GENERAL_MIN = 16;
const GENERAL_MAX = 29;
const EXTENDED_MAX = 35;
const MAX_MONTHS_BETWEEN_CONTRACTS = 12;

const QUESTIONS = {
  college: "Avez-vous terminé la classe de 3e ?",
  noLimit:
    "Avez-vous la RQTH (reconnaissance de la qualité de travailleur handicapé), êtes-vous sportif de haut niveau, avez-vous un projet de création ou de reprise d'entreprise qui demande ce diplôme, ou repassez-vous un diplôme échoué avec un nouvel employeur ?",
  extended:
    "Avez-vous déjà été apprenti ? Si oui, préparez-vous un diplôme plus élevé, ou votre contrat a-t-il été rompu pour une raison qui ne dépendait pas de vous ?",
  gap: "Combien de mois se sont écoulés depuis la fin de votre contrat précédent ?",
};

const result = (
  status: Eligibility["status"],
  kase: EligibilityCase,
  explanationFr: string,
  questionsFr: string[] = [],
  ruleIds: string[] = ["age-limits"],
): Eligibility => ({ status, case: kase, ruleIds, explanationFr, questionsFr });

function fromThirty(input: EligibilityInput): Eligibility {
  const noLimitFlags = [
    input.rqth,
    input.highLevelAthlete,
    input.businessCreationNeedsDiploma,
    input.failedExamNewEmployer,
  ];
  if (noLimitFlags.some((f) => f === true)) {
    const ruleIds = input.rqth === true ? ["age-limits", "disability"] : ["age-limits"];
    return result(
      "eligible",
      "no-age-limit",
      "Oui. Dans votre situation, il n'y a pas d'âge maximum.",
      [],
      ruleIds,
    );
  }
  const extendedFlags = [input.higherDiplomaAfterPreviousContract, input.previousContractEndedBeyondControl];
  const questions: string[] = [];
  if (input.age <= EXTENDED_MAX && extendedFlags.some((f) => f === true)) {
    const months = input.monthsSincePreviousContract;
    if (months === undefined) questions.push(QUESTIONS.gap);
    else if (months <= MAX_MONTHS_BETWEEN_CONTRACTS) {
      return result(
        "eligible",
        "up-to-35",
        "Oui, jusqu'à 35 ans, car votre nouveau contrat suit un contrat d'apprentissage de moins d'un an.",
      );
    }
  } else if (input.age <= EXTENDED_MAX && extendedFlags.some((f) => f === undefined)) {
    questions.push(QUESTIONS.extended);
  }
  if (noLimitFlags.some((f) => f === undefined)) questions.unshift(QUESTIONS.noLimit);
  if (questions.length > 0) {
    return result(
      "depends",
      "too-old",
      "Après 29 ans, l'apprentissage reste possible dans certains cas : jusqu'à 35 ans après un premier contrat, ou sans limite d'âge (RQTH, sportif de haut niveau, création d'entreprise…).",
      questions,
    );
  }
  return result(
    "not-eligible",
    "too-old",
    "Non : après 29 ans, aucune des exceptions prévues par la loi ne s'applique à votre situation.",
  );
}

export function checkApprenticeEligibility(input: EligibilityInput): Eligibility {
  const { age } = input;
  if (!Number.isInteger(age) || age < 0 || age > 120) {
    return result("depends", "invalid-age", "Nous n'avons pas compris votre âge.", ["Quel âge avez-vous ?"]);
  }
  if (age < 15)
    return result("not-eligible", "too-young", "Non : l'apprentissage commence au plus tôt à 15 ans.");
  if (age < GENERAL_MIN) {
    if (input.finishedCollege === true) {
      return result(
        "eligible",
        "fifteen-after-college",
        "Oui : à 15 ans, c'est possible si vous avez terminé la 3e.",
      );
    }
    if (input.finishedCollege === false) {
      return result(
        "not-eligible",
        "fifteen-without-college",
        "Pas encore : à 15 ans, il faut avoir terminé la 3e.",
      );
    }
    return result(
      "depends",
      "fifteen-after-college",
      "À 15 ans, c'est possible si vous avez terminé la 3e.",
      [QUESTIONS.college],
    );
  }
  if (age <= GENERAL_MAX)
    return result(
      "eligible",
      "general",
      "Oui : de 16 à 29 ans, vous pouvez signer un contrat d'apprentissage.",
    );
  return fromThirty(input);
}
