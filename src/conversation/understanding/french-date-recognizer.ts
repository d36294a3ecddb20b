/**
 * Microsoft's French date-time recognizer, run only on messages that may name a day, a date or a time of day.
 * The recognizer costs 10 to 50 ms of CPU per message whatever the message holds, which alone made the bot
 * miss its latency target; a cheap word check first keeps it for the few messages where it can find something.
 */
import { Culture, DateTimeRecognizer } from "@microsoft/recognizers-text-date-time";
import { foldAccents } from "./normalize.js";

/** One reading of a date or time, as the recognizer resolves it (`value`, or `start`/`end` for a range). */
export interface DateTimeResolution {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

const WEEKDAYS = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?";
const MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr?|avr|juil|sept|oct|nov|dec";
const RELATIVE_DAYS =
  "aujourd ?hui|demain|hier|lendemain|veille|maintenant|week[ -]?end|quinzaine|noel|paques|toussaint|jour de l an|reveillon|(?:au|le) plus tot|des que possible|(?:cet|en|l|d) ete|printemps|automne|hiver|ferie|fete (?:du travail|nationale)|ascension|pentecote|assomption|armistice";
const DAY_PARTS = "matin|matinee|midi|apres[ -]?midi|aprem|soir|soiree|minuit|nuit|(?:dans|toute) la journee";
// "prochain" or "dernier" after a calendar word ("la semaine prochaine", "le mois dernier").
const CALENDAR_WORDS = "(?:semaine|mois|annee|an|jour)s? (?:prochaine?|derniere?|suivante?|passee?)";
const NUMBER_WORDS =
  "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix[ -](?:sept|huit|neuf)|vingt(?:[ -]et[ -]une|[ -](?:deux|trois))?";
const COUNT = `(?:\\d+|${NUMBER_WORDS})`;
const NUMERIC = [
  "\\b\\d{1,2} ?h(?:eures?)?(?![a-z])", // 14h, 14h30, 14 h 30, 10 heures
  `\\b(?:${NUMBER_WORDS}) heures?\\b`, // quinze heures
  "\\b\\d{1,2}:\\d{2}\\b", // 14:30
  "\\b\\d{1,2} ?[/.-] ?\\d{1,2}\\b", // 03/12, 3.12.2026, 2026-12-03
  "\\b(?:le|du|au) \\d{1,2}(?:er)?\\b", // "le 3", "du 1er au 5"
  "\\b(?:19|20)\\d{2}\\b", // a year
  `\\b(?:dans|il y a) ${COUNT} (?:jours?|semaines?|mois|ans?|heures?|minutes?)\\b`,
].join("|");

const DATE_CUE = new RegExp(`\\b(?:${WEEKDAYS}|${MONTHS}|${RELATIVE_DAYS}|${DAY_PARTS}|${CALENDAR_WORDS})\\b|${NUMERIC}`);

/** Lower case, no accents, apostrophes as spaces: "aujourd'hui" → "aujourd hui". */
function fold(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/['’‘`´]/g, " ").replace(/\s+/g, " ");
}

/** True when `text` may name a day, a date or a time of day; false means the recognizer would find none. */
export function mayNameDateOrTime(text: string): boolean {
  return DATE_CUE.test(fold(text));
}

type DateTimeModel = ReturnType<DateTimeRecognizer["getDateTimeModel"]>;
let frenchModel: DateTimeModel | undefined;

/** Built on first use, then shared: the model is read-only once built. */
function model(): DateTimeModel {
  frenchModel ??= new DateTimeRecognizer(Culture.French).getDateTimeModel(Culture.French, true);
  return frenchModel;
}

/** Runs the recognizer once: its first parse compiles its patterns (seconds of CPU), better at start than in a turn. */
export function warmUpDateRecognizer(): void {
  recognizeDateTimes("demain à 14 h", new Date());
}

/**
 * Each date or time named in `text`, as the list of its possible readings (past and future "jeudi", 10:00 and
 * 22:00 for "10 heures"), resolved against `reference`'s local fields. Empty when there is none.
 */
export function recognizeDateTimes(text: string, reference: Date): DateTimeResolution[][] {
  if (!mayNameDateOrTime(text)) return [];
  try {
    return model()
      .parse(text, reference)
      .map((r) => ((r.resolution as { values?: DateTimeResolution[] } | undefined)?.values ?? []).filter((v) => v.type !== undefined));
  } catch {
    // Third-party code that throws on some odd inputs: for us that simply means "no date here".
    return [];
  }
}
