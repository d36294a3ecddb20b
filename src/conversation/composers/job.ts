/** Answers about one job (what it is, access, apprenticeship, regional demand, close jobs) and its follow-ups. */
import { REGIONS } from "../../shared/region.js";
import type { JobDescription, JobMatch, JobRef } from "../ports.js";
import { reply, uniqueCitations, withHumanOption, type Reply, type SuggestedAction } from "../reply.js";
import { stemFrench } from "../../retrieval/analysis/french-stemmer.js";
import { foldAccents, normalizeText } from "../understanding/normalize.js";
import { shorten, type Turn } from "./turn.js";

const MAX_CHOICES = 4;

/** What a turn compares of one job title, worked out once per title. */
interface TitleKeys {
  /** The title as normalizeText folds it. */
  folded: string;
  words: readonly string[];
  /** The French stem of each word. */
  wordStems: readonly string[];
  /** The gendered forms the title names (see genderedForms). */
  forms: readonly string[];
  /** The same forms, word by word as stems. */
  stemmedForms: readonly string[];
}

/**
 * Job titles come from the ROME catalog and the project's fiches, a closed list, and a turn compares the same
 * few titles several times (exact title, words named, option picked). Bounded all the same.
 */
const keysOfTitles = new Map<string, TitleKeys>();
const TITLE_CACHE_LIMIT = 20_000;

function titleKeys(title: string): TitleKeys {
  let keys = keysOfTitles.get(title);
  if (keys === undefined) {
    const folded = normalizeText(title);
    const words = folded.split(" ");
    const forms = genderedForms(title);
    keys = { folded, words, wordStems: words.map((w) => stemFrench(w)), forms, stemmedForms: forms.map(stems) };
    if (keysOfTitles.size >= TITLE_CACHE_LIMIT) keysOfTitles.clear();
    keysOfTitles.set(title, keys);
  }
  return keys;
}

/**
 * The gendered forms a title names: "Infirmier / Infirmière en soins généraux (IDE)" is "infirmier en soins
 * generaux ide" and "infirmiere en soins generaux ide" (the words after the feminine noun qualify both forms),
 * "Educateur spécialisé / Educatrice spécialisée" is "educateur specialise" and "educatrice specialisee".
 */
function genderedForms(title: string): string[] {
  const [masculine = "", feminine] = title.split(" / ").map(normalizeText);
  if (feminine === undefined) return [masculine];
  const length = masculine.split(" ").length;
  const words = feminine.split(" ");
  const qualifier = words.slice(length).join(" ");
  return [masculine, words.slice(0, length).join(" ")].map((form) => (qualifier ? `${form} ${qualifier}` : form));
}

/** "de" before a title, elided before a vowel or a mute h: "d'Électricien", "de Boulanger". */
function ofTitle(title: string): string {
  const first = foldAccents(title.replace(/^\*+/, "").charAt(0).toLowerCase());
  return /[aeiouyh]/.test(first) ? `d'${title}` : `de ${title}`;
}

/** A phrase's words by their stems: the activity and the person who does it share one ("coiffure", "coiffeur"). */
function stems(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => stemFrench(w))
    .join(" ");
}

function namesExactly(query: string, queryStems: string, keys: TitleKeys): boolean {
  return keys.forms.includes(query) || keys.stemmedForms.includes(queryStems);
}

/**
 * "Boulanger / Boulangère" is exactly "boulanger", and "boulangerie" names it too; "Chef boulanger / ..." or
 * "Infirmier / Infirmière de bloc" are not.
 */
export function isExactTitle(query: string, title: string): boolean {
  return namesExactly(query, stems(query), titleKeys(title));
}

/**
 * Fiches whose title contains every word the user typed (prefix match, so "infirmier" fits "Infirmière").
 * Several of them means the words fit several specialities ("infirmier"): the user picks.
 */
export function namedBy(query: string, matches: JobMatch[]): JobMatch[] {
  const queryStems = stems(query);
  const exact = matches.find((m) => namesExactly(query, queryStems, titleKeys(m.title)));
  if (exact) return [exact];
  const words = query
    .split(" ")
    .filter((w) => w.length >= 3 && !["les", "des", "une", "pour", "avec", "dans"].includes(w))
    .map((w) => ({ w, stem: stemFrench(w) }));
  if (words.length === 0) return [];
  return matches.filter((m) => {
    const { words: titleWords, wordStems } = titleKeys(m.title);
    return words.every(({ w, stem }) =>
      titleWords.some(
        (t, i) => t.startsWith(w.slice(0, Math.max(4, w.length - 2))) || (w.startsWith(t) && t.length >= 4) || (stem.length >= 4 && wordStems[i] === stem),
      ),
    );
  });
}

const FOLLOW_UP_ACTIONS: SuggestedAction[] = [
  { title: "Comment y accéder ?", value: "Comment y accéder ?" },
  { title: "En apprentissage ?", value: "Et en apprentissage ?" },
  { title: "Métiers proches", value: "Des métiers proches ?" },
  { title: "De l'aide près de chez moi", value: "Où trouver de l'aide près de chez moi ?" },
];

/** Leading words that say "a job" but name none ("je veux devenir", "c'est quoi le métier de"), stripped from the start. */
const LEAD_WORDS =
  /^(bonjour|salut|moi|et|quels? metiers? pour|quels? metiers?|pour|quelles? etudes?|quelles? formations?|quels? diplomes?|comment devenir|comment on devient|comment|combien gagne|combien|gagne|salaire|y acceder|acceder|je|j|veux|voudrais|aimerais|souhaite|souhaiterais|cherche|peux|devenir|devient|on|etre|faire|le metier|metier de|metier d|metier|fiche metier|travailler comme|travailler en tant que|c est quoi|qu est ce que|qu est ce qu|est ce que|que fait|en quoi consiste|infos? sur|parle moi de|un|une|le|la|les|l|des|de|d)\s+/;

function stripLeadWords(text: string): string {
  let current = `${text} `;
  for (let i = 0; i < 12; i++) {
    const next = current.replace(LEAD_WORDS, "");
    if (next === current) break;
    current = next;
  }
  return current.trim();
}

const FILLER = /^(un|une|des|du|de|le|la|les|metier|metiers|travail|boulot|job|emploi|svp|s il vous plait|quoi|\s)*$/;

/** The words that name the job; empty when the message only says "a job" ("je cherche un métier"). */
export function jobQuery(text: string): string {
  const normalized = normalizeText(text);
  const stripped = stripLeadWords(normalized);
  return FILLER.test(stripped) ? "" : stripped;
}

/** What a follow-up asks, not which job: "métiers proches", "en apprentissage", "le salaire". */
const FOLLOW_UP_WORDS =
  /\b(des |d |les |autres )?(metiers? (proches?|similaires?|voisins?|semblables?|du meme genre)|autres metiers|autres idees|(en |par |l )?(apprentissage|alternance)( possible)?|possible|salaire|paye|paie|remuneration|combien (ca|on|il|elle) (gagne|touche|paye))\b/g;

/** The job a follow-up names itself ("comment devenir plombier ?", "quelles études pour être infirmier ?"), if any. */
export function followUpJobQuery(text: string): string {
  return jobQuery(normalizeText(text).replace(FOLLOW_UP_WORDS, " ").replace(/\s+/g, " ").trim());
}

const ASK_JOB = "Quel métier vous intéresse ? Écrivez son nom, par exemple « boulanger » ou « aide-soignant ». Si vous ne savez pas encore, dites-moi ce que vous aimez faire.";

export function pickOption(turn: Turn, options: JobRef[]): JobRef | undefined {
  const n = turn.understanding.normalized;
  const index = /^(?:le |la |n )?(\d)$/.exec(n)?.[1];
  if (index) return options[Number(index) - 1];
  return options.find((o) => titleKeys(o.title).folded === n || (n.length >= 4 && titleKeys(o.title).folded.includes(n)) || n.includes(o.code.toLowerCase()));
}

function choiceReply(matches: JobMatch[]): Reply {
  return reply(
    ["Plusieurs métiers correspondent. Lequel vous intéresse ?", ...matches.map((m, i) => `${i + 1}. ${m.title}`)].join("\n"),
    { suggestedActions: withHumanOption(matches.map((m) => ({ title: m.title.slice(0, 60), value: m.title })), MAX_CHOICES + 1) },
  );
}

export function describeJob(d: JobDescription, turn: Turn): Reply {
  const regionName = REGIONS[turn.region].shortName;
  const parts = [`**${d.title}** (fiche ROME ${d.code})`];
  if (d.definition) parts.push(shorten(d.definition));
  if (d.access) parts.push(`**Comment y accéder** : ${shorten(d.access, 300)}`);
  if (d.apprenticeship) {
    parts.push(
      d.apprenticeship.possible
        ? `**Apprentissage** : oui, ce métier peut s'apprendre en apprentissage${d.apprenticeship.text ? ` (${d.apprenticeship.text})` : ""}.`
        : "**Apprentissage** : ce métier ne s'apprend généralement pas en apprentissage.",
    );
  }
  if (d.recruitsInRegion?.recruits) parts.push(`**En ${regionName}** : ce métier recrute${d.recruitsInRegion.text ? ` — ${d.recruitsInRegion.text}` : "."}`);
  if (d.regionalNote) parts.push(shorten(d.regionalNote, 300));
  if (d.closeJobs.length > 0) parts.push(`**Métiers proches** : ${d.closeJobs.slice(0, 4).map((j) => j.title).join(" ; ")}`);
  parts.push(`La fiche officielle détaille les compétences et les conditions de travail : [fiche ${d.code} sur France Travail](${d.officialUrl})`);
  turn.memory.lastJob = { code: d.code, title: d.title };
  turn.memory.lastTopic = "job";
  return reply(parts.join("\n\n"), { citations: uniqueCitations(d.citations), suggestedActions: withHumanOption(FOLLOW_UP_ACTIONS) });
}

async function describeOrApologise(turn: Turn, job: JobRef): Promise<Reply> {
  const d = await turn.ports.jobs.describe(job.code, turn.region);
  return d ? describeJob(d, turn) : notFound();
}

function notFound(): Reply {
  return reply(
    "Je n'ai pas trouvé de métier qui corresponde. Pouvez-vous le dire autrement, par exemple avec le nom du métier ou ce que vous aimeriez faire ?",
    { suggestedActions: withHumanOption([{ title: "Trouver selon mes goûts", value: "Je ne sais pas quoi faire" }]) },
  );
}

/** Answers a job question, asking which one when several fiches fit equally well; `named` is the job's words if known. */
export async function composeJob(turn: Turn, matches?: JobMatch[], named?: string): Promise<Reply> {
  const pending = turn.memory.pending;
  if (pending?.kind === "jobChoice") {
    turn.memory.pending = undefined;
    const chosen = pickOption(turn, pending.options);
    if (chosen) return describeOrApologise(turn, chosen);
  }
  const query = named ?? jobQuery(turn.text);
  if (matches === undefined && query === "") {
    return reply(ASK_JOB, { suggestedActions: withHumanOption([{ title: "Trouver selon mes goûts", value: "Je ne sais pas quoi faire" }]) });
  }
  const found = matches ?? (await turn.ports.jobs.findJobs(query, turn.region));
  const top = found[0];
  if (!top) return notFound();
  // A title clicked in a list names one fiche exactly: no need to ask again.
  const exact = found.find((m) => titleKeys(m.title).folded === turn.understanding.normalized);
  if (exact) return describeOrApologise(turn, exact);
  const close = namedBy(query || turn.understanding.normalized, found).slice(0, MAX_CHOICES);
  if (close.length === 1 && close[0]) return describeOrApologise(turn, close[0]);
  if (close.length > 1) {
    turn.memory.pending = { kind: "jobChoice", options: close.map(({ code, title }) => ({ code, title })) };
    return choiceReply(close);
  }
  return describeOrApologise(turn, top);
}

async function lastJobDescription(turn: Turn): Promise<JobDescription | undefined> {
  const last = turn.memory.lastJob;
  return last ? turn.ports.jobs.describe(last.code, turn.region) : undefined;
}

/** "Quels métiers recrutent ?": the fiches that say so for the user's region, each with its source. */
export async function composeRecruiting(turn: Turn): Promise<Reply> {
  const regionName = REGIONS[turn.region].shortName;
  const { jobs, citations } = await turn.ports.jobs.recruitingJobs(turn.region, 8);
  if (jobs.length === 0) {
    return reply(`Je n'ai pas de liste vérifiée des métiers qui recrutent en ${regionName}. Un conseiller peut vous renseigner.`, {
      suggestedActions: withHumanOption([]),
    });
  }
  const text = [
    `D'après le plan régional, ces métiers recrutent en ${regionName} :`,
    ...jobs.map((j) => `- ${j.title}`),
    "",
    "Choisissez-en un pour savoir ce qu'on y fait et comment y accéder.",
  ].join("\n");
  return reply(text, {
    citations: uniqueCitations(citations),
    suggestedActions: withHumanOption(jobs.slice(0, 4).map((j) => ({ title: j.title.slice(0, 60), value: j.title }))),
  });
}

/**
 * The job a follow-up is about when it names one: "comment devenir plombier ?" right after a question about
 * bakers is about plumbers. With a job already in mind only a title match counts, so stray words never
 * replace it; without one, the best match will do. Several fitting titles get the "which one?" question.
 */
async function jobFromText(turn: Turn): Promise<JobRef | Reply | undefined> {
  const query = followUpJobQuery(turn.text);
  if (query === "") return undefined;
  const matches = await turn.ports.jobs.findJobs(query, turn.region);
  const named = namedBy(query, matches);
  if (named.length > 1) return composeJob(turn, matches, query);
  return named[0] ?? (turn.memory.lastJob ? undefined : matches[0]);
}

export async function composeJobFollowUp(
  turn: Turn,
  kind: "followUpPay" | "followUpAccess" | "followUpApprenticeship" | "followUpCloseJobs",
): Promise<Reply> {
  const found = await jobFromText(turn);
  if (found && "text" in found) return found;
  if (found) turn.memory.lastJob = { code: found.code, title: found.title };
  const d = await lastJobDescription(turn);
  if (!d) return reply(ASK_JOB, { suggestedActions: withHumanOption([{ title: "Trouver selon mes goûts", value: "Je ne sais pas quoi faire" }]) });
  const fiche = `[fiche ${d.code} sur France Travail](${d.officialUrl})`;
  const actions = withHumanOption(FOLLOW_UP_ACTIONS);
  turn.memory.lastTopic = "job";
  switch (kind) {
    case "followUpPay": {
      if (d.pay) {
        return reply(`**Salaire — ${d.title}** : ${d.pay.text}`, { citations: uniqueCitations([d.pay.source, ...d.citations]), suggestedActions: actions });
      }
      return reply(
        `Je n'ai pas de montant vérifié pour le salaire ${ofTitle(d.title)}. Il dépend de l'expérience, de l'employeur et de la convention collective. Un conseiller peut vous renseigner. Voir la ${fiche}.`,
        { citations: [...d.citations], suggestedActions: actions },
      );
    }
    case "followUpAccess": {
      const text = d.access
        ? `**Comment devenir ${d.title}** : ${shorten(d.access, 600)}\n\nPlus de détails : ${fiche}.`
        : `Les diplômes et les parcours pour devenir ${d.title} sont décrits sur la ${fiche}. Un conseiller peut vous aider à choisir une formation.`;
      return reply(text, { citations: [...d.citations], suggestedActions: actions });
    }
    case "followUpApprenticeship": {
      turn.memory.lastTopic = "apprenticeship";
      const a = d.apprenticeship;
      const text = !a
        ? `Je n'ai pas d'information vérifiée sur l'apprentissage pour ${d.title}. Voir la ${fiche}, ou demandez à un conseiller.`
        : a.possible
          ? `Oui, on peut devenir ${d.title} par l'apprentissage${a.text ? ` (${a.text})` : ""}. Vous alternez entre l'entreprise et le centre de formation, avec un salaire.`
          : `Pour ${d.title}, l'apprentissage n'est généralement pas la voie d'accès. Voir la ${fiche}.`;
      return reply(text, {
        citations: [...d.citations],
        suggestedActions: withHumanOption([{ title: "Salaire d'un apprenti", value: "Combien gagne un apprenti ?" }, ...FOLLOW_UP_ACTIONS.slice(0, 1)]),
      });
    }
    case "followUpCloseJobs": {
      if (d.closeJobs.length === 0) return reply(`Je n'ai pas de métiers proches pour ${d.title}. Voir la ${fiche}.`, { citations: [...d.citations], suggestedActions: actions });
      const jobs = d.closeJobs.slice(0, 5);
      return reply([`Métiers proches ${ofTitle(`**${d.title}**`)} :`, ...jobs.map((j) => `- ${j.title}`)].join("\n"), {
        citations: [...d.citations],
        suggestedActions: withHumanOption(jobs.map((j) => ({ title: j.title.slice(0, 60), value: j.title }))),
      });
    }
  }
}
