/**
 * What the conversation needs from the rest of the product, as small interfaces. Adapters in `adapters/`
 * connect them to the real knowledge, geo and retrieval modules; tests may pass the same real adapters.
 */
import type { RegionCode } from "../shared/region.js";
import type { Citation, Reply } from "./reply.js";
import type { ConversationMemory, RememberedPlace } from "./state.js";
import type { Understanding } from "./understanding/understand.js";

export type KnowledgeKind = "rome" | "fiche" | "rule" | "contact" | "document";

export interface KnowledgeHit {
  entityId: string;
  kind: KnowledgeKind;
  title: string;
  /** Higher is better, comparable only within one search. */
  score: number;
  text: string;
  romeCodes: string[];
  source: { name: string; url: string; checkedOn: string };
  url: string;
  /** The words themselves matched (not only a nearby meaning): strong enough to quote to a user. */
  lexical: boolean;
}

export interface KnowledgePort {
  /** `everyWordKnown`: nothing unless the knowledge searched speaks of every topic word of the question. */
  search(query: string, options?: { kinds?: KnowledgeKind[]; region?: RegionCode; limit?: number; everyWordKnown?: boolean }): Promise<KnowledgeHit[]>;
  /** Whether the knowledge of these kinds speaks of every topic word of the question (see everyWordKnown). */
  speaksOfEveryWord(query: string, options?: { kinds?: KnowledgeKind[]; region?: RegionCode }): boolean;
}

export interface JobRef {
  code: string;
  title: string;
}

export interface JobMatch extends JobRef {
  score: number;
  /** A word of the question is in the fiche's title or job titles (not only in its body text). */
  titleMatch: boolean;
  /** Word search and meaning search both rank it at the top: a strong match even without shared title words. */
  agreed: boolean;
}

/** Everything the job answer may say; every optional part is absent rather than guessed. */
export interface JobDescription extends JobRef {
  definition?: string;
  access?: string;
  /** From the project fiche: the job can be learnt through apprenticeship, with the levels offered. */
  apprenticeship?: { possible: boolean; text?: string };
  /** From the project fiche: the job recruits (tension) in the region asked about. */
  recruitsInRegion?: { recruits: boolean; text?: string };
  pay?: { text: string; source: Citation };
  /** Extra regional paragraph of the project fiche, if any. */
  regionalNote?: string;
  closeJobs: readonly JobRef[];
  officialUrl: string;
  citations: readonly Citation[];
}

export interface JobsPort {
  /** Jobs matching free text, best first. */
  findJobs(query: string, region: RegionCode): Promise<JobMatch[]>;
  /** Shared between turns (the knowledge does not change while the bot runs): read it, never change it. */
  describe(code: string, region: RegionCode): Promise<Readonly<JobDescription> | undefined>;
  /** Jobs the project fiches mark as recruiting (in tension) in a region, with the sources saying so. */
  recruitingJobs(region: RegionCode, limit: number): Promise<{ jobs: JobRef[]; citations: Citation[] }>;
  /** A few jobs for ROME interest centres (codes "1".."30"), diverse rather than the same family. */
  jobsForInterests(centreCodes: readonly string[], limit: number): Promise<{ jobs: JobRef[]; citations: Citation[] }>;
}

export interface PayQuestion {
  age: number;
  contractYear: number;
  onDate: string;
}

export interface PayAnswer {
  percentOfSmic: number;
  monthlyGrossEuros: number;
  smicMonthlyEuros: number;
  smicEffectiveDate: string;
  /** Short French caveats (convention minimum above 21, band change after a birthday...). */
  notes: string[];
  citations: Citation[];
}

export interface RuleAnswer {
  title: string;
  text: string;
  citations: Citation[];
}

export interface ApprenticeshipPort {
  computePay(question: PayQuestion): PayAnswer | { error: string };
  /** Rules relevant to a question, best first; `topic` (see understanding/rule-topics.ts) puts that rule first. */
  findRules(query: string, region: RegionCode, topic?: string): Promise<RuleAnswer[]>;
}

export interface ContactPoint {
  name: string;
  kind?: string;
  address?: string;
  hours?: string;
  phone?: string;
  url?: string;
  distanceKm?: number;
  source: Citation;
}

export interface RegionalService {
  name: string;
  description?: string;
  phone?: string;
  url?: string;
  source: Citation;
}

export interface ContactsPort {
  /** A commune or postcode named in the text, if any. */
  findPlace(text: string): RememberedPlace | undefined;
  nearest(place: RememberedPlace, region: RegionCode, limit: number): Promise<ContactPoint[]>;
  regionalServices(region: RegionCode): Promise<RegionalService[]>;
  /** Hides URLs, phones and e-mails that are not in the verified directory. */
  maskUnknownContactDetails(text: string): string;
}

export interface HandoffRequest {
  region: RegionCode;
  memory: ConversationMemory;
  reason: "user-asked" | "distress" | "no-answer";
}

/** The seam for a real hand-off to a counsellor (separate issue); the default answers with regional lines. */
export interface HandoffPort {
  requestHandoff(request: HandoffRequest): Promise<Reply>;
}

/** The seam for booking a cabine-conseil (separate issue); the default answers with regional lines. */
export interface BookingPort {
  startBooking(request: { region: RegionCode; memory: ConversationMemory; text: string }): Promise<Reply>;
}

/**
 * Seam for the optional language model (config.llm, "none" by default; src/conversation/llm). It only sees
 * messages the rules could not place (never distress), and writes answers only from the hits it is given;
 * `undefined` means "keep the rule-based path".
 */
export interface LanguageModelPort {
  understand(text: string, understanding: Understanding): Promise<{ understanding: Understanding; jobQuery?: string } | undefined>;
  answerFromSources(request: { question: string; hits: KnowledgeHit[]; memory: ConversationMemory; region: RegionCode }): Promise<Reply | undefined>;
}

/** Everything the engine needs; `handoff` and `booking` fall back to defaults built on `contacts`. */
export interface ConversationPorts {
  knowledge: KnowledgePort;
  jobs: JobsPort;
  apprenticeship: ApprenticeshipPort;
  contacts: ContactsPort;
  handoff?: HandoffPort;
  booking?: BookingPort;
  llm?: LanguageModelPort;
}
