/** Apprenticeship rules (retrieval over verified rules) and the apprentice pay calculator with its sources. */
import { reply, uniqueCitations, withHumanOption, type Reply, type SuggestedAction } from "../reply.js";
import { ruleTopicOf } from "../understanding/rule-topics.js";
import { euros, frenchDate, shorten, type Turn } from "./turn.js";

const AGE_ACTIONS: SuggestedAction[] = [
  { title: "16 ans", value: "16 ans" },
  { title: "18 ans", value: "18 ans" },
  { title: "21 ans", value: "21 ans" },
  { title: "26 ans", value: "26 ans" },
];
const YEAR_ACTIONS: SuggestedAction[] = [
  { title: "1re année", value: "1re année" },
  { title: "2e année", value: "2e année" },
  { title: "3e année", value: "3e année" },
];
const NEXT_ACTIONS: SuggestedAction[] = [
  { title: "Salaire d'un apprenti", value: "Combien gagne un apprenti ?" },
  { title: "Âge pour être apprenti", value: "Quel âge pour être apprenti ?" },
  { title: "De l'aide près de chez moi", value: "Où trouver de l'aide près de chez moi ?" },
];
/** A representative age for "mineur" without an exact age: only the under-18 band matters for the grid. */
const MINOR_AGE = 17;

function rememberEntities(turn: Turn): void {
  const e = turn.understanding.entities;
  if (e.age !== undefined) {
    turn.memory.age = e.age;
    turn.memory.minor = undefined;
  } else if (e.minor) {
    turn.memory.minor = true;
  }
  if (e.contractYear !== undefined) turn.memory.contractYear = e.contractYear;
}

export async function composeApprenticePay(turn: Turn): Promise<Reply> {
  rememberEntities(turn);
  turn.memory.lastTopic = "pay";
  const { memory } = turn;
  const age = memory.age ?? (memory.minor ? MINOR_AGE : undefined);
  if (age === undefined) {
    memory.pending = { kind: "age" };
    return reply("Pour calculer le salaire minimum d'un apprenti, j'ai besoin de votre âge. Quel âge avez-vous ?", {
      suggestedActions: withHumanOption(AGE_ACTIONS),
    });
  }
  const onDate = turn.now.toISOString().slice(0, 10);
  // From 26 the grid gives the same minimum every year of the contract: asking which year would be a useless step.
  const sameEveryYear = memory.contractYear === undefined && payIsTheSameEveryYear(turn, age, onDate);
  if (memory.contractYear === undefined && !sameEveryYear) {
    memory.pending = { kind: "contractYear" };
    return reply("En quelle année du contrat d'apprentissage êtes-vous (1re, 2e ou 3e année) ?", {
      suggestedActions: withHumanOption(YEAR_ACTIONS),
    });
  }
  memory.pending = undefined;
  const contractYear = memory.contractYear ?? 1;
  const pay = turn.ports.apprenticeship.computePay({ age, contractYear, onDate });
  if ("error" in pay) {
    return reply(`${pay.error} Un conseiller peut faire le calcul avec vous.`, { suggestedActions: withHumanOption(NEXT_ACTIONS) });
  }
  const who = memory.age !== undefined ? `à ${memory.age} ans` : "avant 18 ans";
  const when = sameEveryYear ? `Quelle que soit l'année du contrat, ${who}` : `En ${ordinal(contractYear)} année, ${who}`;
  const lines = [
    `${when}, un apprenti gagne au minimum **${pay.percentOfSmic} % du SMIC**, soit **${euros(pay.monthlyGrossEuros)} brut par mois**.`,
    `Calcul fait avec le SMIC mensuel brut de ${euros(pay.smicMonthlyEuros)}, en vigueur depuis le ${frenchDate(pay.smicEffectiveDate)}.`,
    ...pay.notes,
  ];
  return reply(lines.join("\n\n"), {
    citations: uniqueCitations(pay.citations),
    suggestedActions: withHumanOption([
      ...(sameEveryYear ? [] : [{ title: "Autre année", value: contractYear === 1 ? "Et en 2e année ?" : "Et en 1re année ?" }]),
      ...NEXT_ACTIONS.slice(1),
    ]),
  });
}

/** Whether the minimum pay at this age is the same in every year of the contract (the grid's 26-and-over band). */
function payIsTheSameEveryYear(turn: Turn, age: number, onDate: string): boolean {
  const percents = [1, 2, 3].map((contractYear) => {
    const pay = turn.ports.apprenticeship.computePay({ age, contractYear, onDate });
    return "error" in pay ? undefined : pay.percentOfSmic;
  });
  return percents[0] !== undefined && percents.every((p) => p === percents[0]);
}

function ordinal(year: number): string {
  return year === 1 ? "1re" : `${year}e`;
}

export async function composeApprenticeshipRules(turn: Turn): Promise<Reply> {
  rememberEntities(turn);
  turn.memory.lastTopic = "apprenticeship";
  const topic = ruleTopicOf(turn.understanding.normalized);
  const rules = await turn.ports.apprenticeship.findRules(turn.text, turn.region, topic);
  // A recognised topic has one rule that answers it: more would drown the answer.
  const shown = rules.slice(0, topic ? 1 : 2);
  if (shown.length === 0) {
    return reply(
      "Je n'ai pas trouvé de règle vérifiée pour cette question. Un conseiller peut vous répondre.",
      { suggestedActions: withHumanOption(NEXT_ACTIONS) },
    );
  }
  const text = shown.map((r) => `**${r.title}** : ${shorten(r.text, 700)}`).join("\n\n");
  return reply(text, { citations: uniqueCitations(shown.flatMap((r) => r.citations)), suggestedActions: withHumanOption(NEXT_ACTIONS) });
}
