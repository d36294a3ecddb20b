/** From what a person likes to a few jobs, through ROME interest centres; titles name both genders. */
import { reply, withHumanOption, type Reply } from "../reply.js";
import { composeJob } from "./job.js";
import type { Turn } from "./turn.js";

const ASK_INTERESTS = [
  "Parlez-moi de ce que vous aimez : ce qui vous plaît, au travail, à l'école ou dans vos loisirs.",
  "Par exemple : « j'aime bricoler », « travailler dehors », « aider les autres », « les ordinateurs ».",
].join("\n");

/** A parent asking for their child: the question is about what the child likes. */
const ASK_PARENT = [
  "Parlez-moi de ce que votre enfant aime : ce qui lui plaît, à l'école ou dans ses loisirs.",
  "Par exemple : « il aime bricoler », « elle aime travailler dehors », « aider les autres », « les ordinateurs ».",
  "Vous pouvez aussi en parler avec un conseiller, avec votre enfant.",
].join("\n");

const INTEREST_EXAMPLES = [
  { title: "Bricoler", value: "J'aime bricoler" },
  { title: "Travailler dehors", value: "J'aime travailler dehors" },
  { title: "Aider les autres", value: "J'aime aider les autres" },
  { title: "Les nouvelles technologies", value: "J'aime l'informatique" },
];

export async function composeInterests(turn: Turn): Promise<Reply> {
  const centres = turn.understanding.entities.interestCentres;
  if (centres.length === 0) {
    // "Je suis passionné par les chevaux": no interest centre, but the words may still name jobs. Only a
    // message that says what the person likes is searched: "je ne sais pas quoi faire" names no job.
    if (/\b(j aime|j adore|passionne|passionnee|interesse|interessee)\b/.test(turn.understanding.normalized)) {
      const matches = await turn.ports.jobs.findJobs(turn.text, turn.region);
      if (matches.length > 0) return composeJob(turn, matches.slice(0, 1));
    }
    return askInterests(turn);
  }
  const { jobs, citations } = await turn.ports.jobs.jobsForInterests(centres, 5);
  if (jobs.length === 0) return askInterests(turn);
  turn.memory.lastTopic = "interests";
  const text = [
    "Voici quelques métiers qui pourraient vous plaire :",
    ...jobs.map((j) => `- ${j.title}`),
    "",
    "Choisissez-en un pour en savoir plus, ou dites-moi autre chose que vous aimez.",
  ].join("\n");
  return reply(text, { citations, suggestedActions: withHumanOption(jobs.map((j) => ({ title: j.title.slice(0, 60), value: j.title }))) });
}

function askInterests(turn: Turn): Reply {
  const forChild = turn.memory.audience === "parent";
  return reply(forChild ? ASK_PARENT : ASK_INTERESTS, { suggestedActions: withHumanOption(INTEREST_EXAMPLES) });
}
