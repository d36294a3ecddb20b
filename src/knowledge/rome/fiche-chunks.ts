/**
 * Turns a ROME fiche into the chunk retrieval indexes. Title, keywords and text carry different weights in
 * retrieval, so each gets what it is best at: the official title; every job title in both gender forms
 * (what people actually type); and readable French prose (definition, access, interest centres).
 */
import type { KnowledgeChunk } from "../types.js";
import { romeFicheUrl } from "./fiche-url.js";
import { genderForms } from "./gender-forms.js";
import type { RomeFiche, RomeFicheTexts } from "./rome-fiche.js";

/** Job titles listed in the text: enough for embeddings to see the job's vocabulary, not a wall of titles. */
const MAX_TITLES_IN_TEXT = 30;

/** Transition labels people may ask about ("métiers verts"); "Emploi Blanc" (neutral) says nothing to a reader. */
const SEARCHABLE_ECO_LABELS = new Set(["Emploi Vert", "Emploi stratégique pour la Transition écologique"]);

/** Official text types, with the French heading a reader sees; the definition needs no heading. */
const TEXT_SECTIONS: { type: string; heading?: string }[] = [
  { type: "definition" },
  { type: "acces_metier", heading: "Accès au métier" },
];

export interface RomeChunkContext {
  /** The import date of the snapshot: when these facts were taken from France Travail. */
  checkedOn: string;
  /** France Travail's sentences for this fiche, when the operator supplied them. */
  texts?: RomeFicheTexts;
  /** Labels by interest-centre code; overrides the labels stored in the fiche. */
  interestCentreLabels?: ReadonlyMap<string, string>;
}

export function romeFicheKeywords(fiche: RomeFiche): string[] {
  const labels = [fiche.title, ...fiche.appellations.flatMap((a) => [a.label, a.shortLabel])];
  return [...new Set(labels.flatMap(genderForms))];
}

/** Official activity lines often lack a final stop; without one they run into the next line when joined. */
function asSentence(text: string): string {
  return /[.!?…:;)»]$/.test(text) ? text : `${text}.`;
}

function textParagraphs(texts: RomeFicheTexts | undefined): string[] {
  if (texts === undefined) return [];
  const known = new Set(TEXT_SECTIONS.map((s) => s.type));
  const sections = [...TEXT_SECTIONS, ...Object.keys(texts).filter((t) => !known.has(t)).map((type) => ({ type }))];
  return sections.flatMap(({ type, heading }: { type: string; heading?: string }) => {
    const sentences = texts[type];
    if (sentences === undefined || sentences.length === 0) return [];
    const body = sentences.map(asSentence).join(" ");
    return [heading === undefined ? body : `${heading} : ${body}`];
  });
}

function ficheText(fiche: RomeFiche, context: RomeChunkContext): string {
  const centres = fiche.interestCentres.map((c) => context.interestCentreLabels?.get(c.code) ?? c.label);
  const otherTitles = [...new Set(fiche.appellations.map((a) => a.label))].filter((l) => l !== fiche.title);
  const eco = fiche.transitions.eco;
  const flags = [
    fiche.regulated ? "Emploi réglementé." : undefined,
    fiche.managerial ? "Emploi de cadre." : undefined,
    eco !== undefined && SEARCHABLE_ECO_LABELS.has(eco) ? asSentence(eco) : undefined,
  ].filter((f) => f !== undefined);
  return [
    `${fiche.title} (fiche ROME ${fiche.code}).`,
    ...textParagraphs(context.texts),
    centres.length > 0 ? `Centres d'intérêt : ${centres.join(" ; ")}.` : "",
    otherTitles.length > 0 ? `Autres intitulés : ${otherTitles.slice(0, MAX_TITLES_IN_TEXT).join(" ; ")}.` : "",
    flags.join(" "),
  ]
    .filter((p) => p !== "")
    .join("\n");
}

/** One chunk per fiche: a fiche is short enough, and one chunk keeps the fiche's identity in every hit. */
export function romeFicheToChunks(fiche: RomeFiche, context: RomeChunkContext): KnowledgeChunk[] {
  const url = romeFicheUrl(fiche.code);
  return [
    {
      id: `rome:${fiche.code}`,
      kind: "rome",
      entityId: `rome:${fiche.code}`,
      title: fiche.title,
      text: ficheText(fiche, context),
      keywords: romeFicheKeywords(fiche),
      romeCodes: [fiche.code],
      source: { name: `France Travail — fiche ROME ${fiche.code}`, url, checkedOn: context.checkedOn },
      url,
    },
  ];
}
