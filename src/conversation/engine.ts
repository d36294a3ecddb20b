/**
 * The conversation engine: one turn in (plain data), replies and the updated memory out. No framework types:
 * the Bot Framework adapter (src/channels/bot) and any other channel call `handle`.
 */
import type { Logger } from "../shared/logger.js";
import type { RegionCode } from "../shared/region.js";
import { composeApprenticePay, composeApprenticeshipRules } from "./composers/apprenticeship.js";
import { composeContacts } from "./composers/contacts.js";
import { composeDistress } from "./composers/distress.js";
import { defaultBooking, defaultHandoff } from "./composers/handoff-booking.js";
import { composeInterests } from "./composers/interests.js";
import { composeJob, composeJobFollowUp, composeRecruiting, jobQuery, pickOption } from "./composers/job.js";
import {
  composeDataDeleted,
  composeEmpty,
  composeGoodbye,
  composeGreeting,
  composeHelp,
  composeInsult,
  composeNotFrench,
  composeOutOfScope,
  composeThanks,
  composeUnsupportedInput,
  TRUNCATED_NOTICE,
} from "./composers/social.js";
import { shorten, type Turn } from "./composers/turn.js";
import { cleanText, type TurnInput } from "./input.js";
import type { ConversationPorts } from "./ports.js";
import { reply, withHumanOption, type Reply } from "./reply.js";
import { cloneMemory, emptyMemory, type ConversationMemory, type RememberedPlace } from "./state.js";
import { findBareAge, findBareContractYear } from "./understanding/entities.js";
import type { Intent } from "./understanding/intent-table.js";
import { understand, type Understanding } from "./understanding/understand.js";

/** What happened in a turn, for logs, metrics and tests (never the user's words). */
export type TurnOutcome = Intent | "document" | "conversationStart" | "empty" | "unsupported" | "notFrench" | "unknown" | "ignored" | "error";

export interface EngineResult {
  replies: Reply[];
  memory: ConversationMemory;
  outcome: TurnOutcome;
  /** The user asked to delete their data: the channel must also clear what it stored. */
  forget: boolean;
}

export interface EngineOptions {
  defaultRegion: RegionCode;
  logger: Logger;
  now?: () => Date;
}

export class ConversationEngine {
  constructor(
    private readonly ports: ConversationPorts,
    private readonly options: EngineOptions,
  ) {}

  async handle(input: TurnInput, previous: ConversationMemory = emptyMemory()): Promise<EngineResult> {
    const memory = cloneMemory(previous);
    if (input.region) memory.region = input.region;
    const region = memory.region ?? this.options.defaultRegion;
    const done = (replies: Reply[], outcome: TurnOutcome, forget = false): EngineResult => {
      memory.turns += 1;
      return { replies, memory, outcome, forget };
    };

    // Channels may announce a start twice (event and members added): greet once per conversation.
    if (input.type === "conversationStart") {
      return previous.turns > 0 ? { replies: [], memory, outcome: "ignored", forget: false } : done([composeGreeting(region, true)], "conversationStart");
    }
    if (input.type === "other") return { replies: [], memory, outcome: "ignored", forget: false };

    const cleaned = cleanText(input.text ?? "");
    if (cleaned.empty) {
      const hasAttachment = (input.attachments ?? []).length > 0;
      return done([hasAttachment ? composeUnsupportedInput() : composeEmpty()], hasAttachment ? "unsupported" : "empty");
    }
    const now = this.options.now?.() ?? new Date();
    const understanding = understand(cleaned.text, { hasLastJob: memory.lastJob !== undefined, lastTopic: memory.lastTopic }, now);
    const place = understanding.intent === "distress" ? undefined : this.ports.contacts.findPlace(cleaned.text);
    rememberFacts(memory, understanding, place);
    // Where the user lives says more about "recruits in your region" than the site they came from.
    const turnRegion = memory.place?.region ?? region;
    const turn: Turn = { text: cleaned.text, understanding, memory, region: turnRegion, ports: this.ports, now, place };

    try {
      const { replyOut, outcome, forget } = await this.dispatch(turn);
      if (cleaned.truncated) replyOut.notices = [TRUNCATED_NOTICE, ...(replyOut.notices ?? [])];
      this.options.logger.info({ outcome, region, turn: memory.turns }, "conversation turn");
      if (forget) {
        const fresh = emptyMemory();
        if (memory.region) fresh.region = memory.region;
        return { replies: [replyOut], memory: fresh, outcome, forget };
      }
      return done([replyOut], outcome);
    } catch (error) {
      // Details go to the logs only; the user gets a plain French sentence and a way to reach a person.
      this.options.logger.error({ err: error, intent: understanding.intent }, "conversation turn failed");
      return done(
        [reply("Une erreur est survenue de mon côté. Pouvez-vous reformuler, ou demander à parler à un conseiller ?", { suggestedActions: withHumanOption([]) })],
        "error",
      );
    }
  }

  private async dispatch(turn: Turn): Promise<{ replyOut: Reply; outcome: TurnOutcome; forget?: boolean }> {
    const u = turn.understanding;
    const out = (replyOut: Reply, outcome: TurnOutcome, forget = false) => ({ replyOut, outcome, forget });

    // Safety first, whatever the language or the rest of the message.
    if (u.intent === "distress") return out(composeDistress(u.distress ?? "emergency"), "distress");
    if (u.intent === "deleteData") return out(composeDataDeleted(), "deleteData", true);
    if (u.language !== "fr") return out(composeNotFrench(), "notFrench");

    const answered = await this.answerPending(turn);
    if (answered) return answered;

    switch (u.intent) {
      case "insult":
        return out(composeInsult(), "insult");
      case "handoff":
        return out(await (this.ports.handoff ?? defaultHandoff(this.ports.contacts)).requestHandoff({ region: turn.region, memory: turn.memory, reason: "user-asked" }), "handoff");
      case "booking":
        return out(await (this.ports.booking ?? defaultBooking(this.ports.contacts)).startBooking({ region: turn.region, memory: turn.memory, text: turn.text }), "booking");
      case "apprenticeshipPay":
        return out(await composeApprenticePay(turn), "apprenticeshipPay");
      case "apprenticeship":
        return out(await composeApprenticeshipRules(turn), "apprenticeship");
      case "contacts":
        return out(await composeContacts(turn), "contacts");
      case "recruiting":
        return out(await composeRecruiting(turn), "recruiting");
      case "interests":
        return out(await composeInterests(turn), "interests");
      case "followUpPay":
      case "followUpAccess":
      case "followUpApprenticeship":
      case "followUpCloseJobs":
        return out(await composeJobFollowUp(turn, u.intent), u.intent);
      case "help":
        return out(composeHelp(), "help");
      case "greeting":
        return out(composeGreeting(turn.region, turn.memory.turns === 0), "greeting");
      case "thanks":
        return out(composeThanks(), "thanks");
      case "goodbye":
        return out(composeGoodbye(), "goodbye");
      case "outOfScope":
        return out(composeOutOfScope(), "outOfScope");
      case "job":
        return u.explicit ? out(await composeJob(turn), "job") : this.answerUnclassified(turn);
    }
  }

  /** A bare answer to the bot's last question ("17", "2e année", "Dijon", "le 2"). */
  private async answerPending(turn: Turn): Promise<{ replyOut: Reply; outcome: TurnOutcome } | undefined> {
    const pending = turn.memory.pending;
    const u = turn.understanding;
    if (!pending || (u.explicit && !["job", "apprenticeshipPay", "contacts", "greeting"].includes(u.intent))) return undefined;
    switch (pending.kind) {
      case "age": {
        const age = u.entities.age ?? findBareAge(u.normalized);
        if (age === undefined && !u.entities.minor) return undefined;
        if (age !== undefined) u.entities.age = age;
        return { replyOut: await composeApprenticePay(turn), outcome: "apprenticeshipPay" };
      }
      case "contractYear": {
        const year = u.entities.contractYear ?? findBareContractYear(u.normalized);
        if (year === undefined) return undefined;
        u.entities.contractYear = year;
        return { replyOut: await composeApprenticePay(turn), outcome: "apprenticeshipPay" };
      }
      case "place":
        if (!turn.place) return undefined;
        return { replyOut: await composeContacts(turn), outcome: "contacts" };
      case "jobChoice":
        if (!pickOption(turn, pending.options)) {
          turn.memory.pending = undefined;
          return undefined;
        }
        return { replyOut: await composeJob(turn), outcome: "job" };
    }
  }

  /** A passage of a rule or an official document that contains the user's words, quoted with its source. */
  private async documentAnswer(turn: Turn, query: string): Promise<Reply | undefined> {
    // With a language model, a few passages become numbered sources of a written answer; else the best is quoted.
    // Every word must be one the rules and documents use: "quel temps fait-il demain ?" shares "temps" with the
    // CFA's training time, and quoting it would answer a question nobody asked.
    const hits = await this.ports.knowledge.search(query, {
      kinds: ["document", "rule"],
      region: turn.region,
      limit: this.ports.llm ? 4 : 1,
      everyWordKnown: true,
    });
    const [hit] = hits;
    if (!hit?.lexical) return undefined;
    const written = await this.ports.llm?.answerFromSources({ question: turn.text, hits, memory: turn.memory, region: turn.region });
    if (written) return written;
    return reply(`Voici ce que dit **${hit.title}** :\n\n${shorten(hit.text, 500)}`, {
      citations: [{ name: hit.source.name, url: hit.url }],
      suggestedActions: withHumanOption([{ title: "Aide", value: "aide" }]),
    });
  }

  /**
   * Whether the job fiches speak of every word of a description ("fabriquer des meubles en bois"): "quel temps
   * fait-il demain ?" or "combien coûte un iphone ?" also find fiches through one word, but are no job.
   */
  private describesWork(turn: Turn, query: string): boolean {
    return this.ports.knowledge.speaksOfEveryWord(query, { kinds: ["rome", "fiche"], region: turn.region });
  }

  /** No intent signal: a place alone means contacts, words that name a job mean a job, else we say what we do. */
  private async answerUnclassified(turn: Turn): Promise<{ replyOut: Reply; outcome: TurnOutcome }> {
    // "je suis à Besançon", "Dijon": a short message naming a place asks where to get help there.
    if (turn.place && turn.understanding.normalized.split(" ").length <= 8) {
      return { replyOut: await composeContacts(turn), outcome: "contacts" };
    }
    // The optional language model may place what the rules could not; a job guess still goes through retrieval.
    const guess = await this.ports.llm?.understand(turn.text, turn.understanding);
    if (guess && guess.understanding.intent !== "job") {
      turn.understanding = guess.understanding;
      rememberFacts(turn.memory, guess.understanding, undefined);
      return this.dispatch(turn);
    }
    const query = guess?.jobQuery ?? jobQuery(turn.text);
    // Without a job cue, words must name a job (title or job titles) before we describe one; otherwise a
    // document or rule that contains them is a better answer than a job found through its body text.
    const matches = query === "" ? [] : await this.ports.jobs.findJobs(query, turn.region);
    // Asked at most once a turn, and only when a job is in sight.
    let worded: boolean | undefined;
    const describesWork = () => (worded ??= this.describesWork(turn, query));
    if (matches[0]?.titleMatch && describesWork()) return { replyOut: await composeJob(turn, matches), outcome: "job" };
    const found = query === "" ? undefined : await this.documentAnswer(turn, query);
    if (found) return { replyOut: found, outcome: "document" };
    const likelyJob = matches[0]?.agreed === true || (matches.length > 0 && query.split(" ").length >= 3);
    if (likelyJob && describesWork()) {
      return { replyOut: await composeJob(turn, matches), outcome: "job" };
    }
    return {
      replyOut: reply(
        "Je ne suis pas sûr d'avoir compris. Je peux vous parler d'un métier, de l'apprentissage, ou vous indiquer où trouver de l'aide. Pouvez-vous reformuler ?",
        { suggestedActions: withHumanOption([{ title: "Aide", value: "aide" }, { title: "Découvrir un métier", value: "Je cherche un métier" }]) },
      ),
      outcome: "unknown",
    };
  }
}

/** Age, contract year, audience and commune, once said, hold for the rest of the conversation. */
function rememberFacts(memory: ConversationMemory, u: Understanding, place: RememberedPlace | undefined): void {
  if (u.intent === "deleteData") return;
  const e = u.entities;
  if (e.age !== undefined) {
    memory.age = e.age;
    memory.minor = undefined;
  } else if (e.minor) {
    memory.minor = true;
  }
  if (e.contractYear !== undefined) memory.contractYear = e.contractYear;
  if (e.audiences[0]) memory.audience = e.audiences[0];
  if (place) memory.place = place;
}
