/**
 * Which apprenticeship rule a question is about, as data: cue words mapped to the rule topics of
 * knowledge/apprenticeship (front matter `topic`). First match wins, so specific topics come first.
 */

export const RULE_TOPIC_CUES: { topic: string; re: RegExp }[] = [
  { topic: "trial-period", re: /\b(periode d essai|essai)\b/ },
  { topic: "ending-contract", re: /\b(rompre|rupture|demission|demissionner|quitter|arreter (mon|le|son) contrat|licencie|licenciement|fin de contrat|virer|vire)\b/ },
  { topic: "contract-duration", re: /\b(duree|dure|durer|combien de temps|combien d annees|prolonger|prolongation)\b/ },
  { topic: "disability", re: /\b(handicap\w*|rqth|mdph|aeeh)\b/ },
  { topic: "working-time-minors", re: /\b(heures|horaires|temps de travail|la nuit|de nuit|dimanche|week end|repos|jours de conge)\b/ },
  { topic: "age", re: /\b(age|ages|quel age|trop vieux|trop vieille|trop jeune|limite d age|mineur|majeur|\d{2} ans)\b/ },
  { topic: "cfa", re: /\b(cfa|ecole|cours|centre de formation)\b/ },
  { topic: "employer-aid", re: /\b(employeur|entreprise|patron|embauche|embaucher)\b.*\b(aides?|primes?)\b|\b(aides?|primes?)\b.*\b(employeur|entreprise|patron|embauche|embaucher)\b/ },
  { topic: "apprentice-aid", re: /\b(aides?|permis|logement|transport|prime d activite)\b/ },
  { topic: "pay", re: /\b(salaire|paye|paie|smic|remuneration|gagne|gagner)\b/ },
];

export function ruleTopicOf(normalized: string): string | undefined {
  return RULE_TOPIC_CUES.find((c) => c.re.test(normalized))?.topic;
}
