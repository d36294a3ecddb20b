/**
 * Turns a project fiche into knowledge chunks: one for the job as a whole, then one per section a user asks
 * about on its own (access, pay, each region's note), so retrieval can cite the precise part.
 */
import type { KnowledgeChunk, SourceRef } from "../types.js";
import { FICHE_SECTIONS, type FicheSectionKey, type ProjectFiche } from "./fiche-schema.js";

const normalize = (s: string): string => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");

/** Middle-dot suffixes and the masculine ending they replace ("serveur·euse": "eur" becomes "euse"). */
const DOT_SUFFIXES: Record<string, string> = {
  euse: "eur",
  trice: "teur",
  ère: "er",
  ière: "ier",
  ive: "if",
  ve: "f",
};

function feminineOfDotted(word: string, suffix: string): string {
  const ending = DOT_SUFFIXES[suffix];
  return ending !== undefined && word.endsWith(ending)
    ? word.slice(0, word.length - ending.length) + suffix
    : word + suffix;
}

/**
 * The forms people type for a gender-inclusive title: "Aide-soignant / Aide-soignante" gives both forms,
 * "Conducteur / Conductrice de bus" shares the tail, "aide-soignant·e" gives "aide-soignant" and "aide-soignante".
 */
export function titleForms(title: string): string[] {
  const forms: string[] = [];
  const parts = title.split(" / ");
  if (parts.length === 2) {
    const [masculine = "", feminineAndRest = ""] = parts;
    const headSize = masculine.trim().split(/\s+/).length;
    const words = feminineAndRest.trim().split(/\s+/);
    const rest = words.slice(headSize).join(" ");
    const withRest = (head: string): string => (rest === "" ? head : `${head} ${rest}`);
    forms.push(withRest(masculine), withRest(words.slice(0, headSize).join(" ")));
  } else if (title.includes("·")) {
    const dotted = /([\p{L}-]+)·([\p{L}]+)/gu;
    forms.push(
      title.replace(dotted, "$1"),
      title.replace(dotted, (_w, word: string, suffix: string) => feminineOfDotted(word, suffix)),
    );
  } else {
    forms.push(title);
  }
  // ROME appellations are written with hyphens ("aide-soignant") that people often leave out.
  const normalized = forms.map(normalize);
  return unique([...normalized, ...normalized.map((f) => f.replace(/-/g, " "))]);
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}

/**
 * A regional section that only says there is nothing specific to the region ("Pas de note régionale
 * particulière.") is not worth a chunk of its own: it would answer regional questions with nothing.
 */
export function isEmptyRegionalNote(text: string): boolean {
  const sentences = text.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== "");
  return sentences.length <= 1 && !/\d/.test(text) && /\b(aucune?|pas de)\b/i.test(text);
}

function headingOf(key: FicheSectionKey): string {
  return FICHE_SECTIONS.find((s) => s.key === key)?.heading ?? key;
}

export function projectFicheToChunks(fiche: ProjectFiche): KnowledgeChunk[] {
  const [firstSource] = fiche.sources;
  if (firstSource === undefined) throw new Error(`fiche ${fiche.id} has no source`);
  const entityId = `fiche:${fiche.id}`;
  const forms = titleForms(fiche.title);
  const chunk = (
    key: FicheSectionKey,
    title: string,
    text: string,
    keywords: string[],
    source: SourceRef,
  ): KnowledgeChunk => {
    const region = FICHE_SECTIONS.find((s) => s.key === key)?.region;
    return {
      id: `${entityId}#${key}`,
      kind: "fiche",
      entityId,
      title,
      text,
      keywords,
      romeCodes: [...fiche.romeCodes],
      ...(region === undefined ? {} : { region }),
      source,
      url: source.url,
    };
  };
  const { sections } = fiche;
  const whole = chunk(
    "metier",
    fiche.title,
    [
      fiche.title,
      sections.metier,
      `${headingOf("quotidien")} :\n${sections.quotidien}`,
      `${headingOf("qualites")} :\n${sections.qualites}`,
    ].join("\n\n"),
    unique([...forms, ...fiche.keywords]),
    firstSource,
  );
  const sectionChunk = (key: FicheSectionKey, source: SourceRef = firstSource): KnowledgeChunk =>
    chunk(
      key,
      `${fiche.title} — ${headingOf(key)}`,
      `${fiche.title} — ${headingOf(key)}\n\n${sections[key]}`,
      forms,
      source,
    );
  const regional = (["pac", "bfc"] as const).filter((key) => !isEmptyRegionalNote(sections[key]));
  return [
    whole,
    sectionChunk("acces"),
    // The pay figure is cited from the source that gave it, not from the fiche's general source.
    sectionChunk("salaire", fiche.pay?.source ?? firstSource),
    ...regional.map((key) => sectionChunk(key)),
  ];
}
