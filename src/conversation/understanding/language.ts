/**
 * Tells French from other languages cheaply: script for non-Latin alphabets, common function words for
 * Latin ones. Good enough to answer "this service answers in French", not a general detector.
 */
import { normalizeText, tokenize } from "./normalize.js";

export type DetectedLanguage = "fr" | "en" | "es" | "de" | "it" | "pt" | "ar" | "other";

const SCRIPTS: [RegExp, DetectedLanguage][] = [
  [/\p{Script=Arabic}/gu, "ar"],
  [/[\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}\p{Script=Greek}\p{Script=Thai}]/gu, "other"],
];

const FUNCTION_WORDS: Record<Exclude<DetectedLanguage, "ar" | "other">, string[]> = {
  fr: "je j tu il elle nous vous le la les un une des de du et est ou que qui pour pas ne dans sur avec mon ma mes quel quelle comment combien bonjour merci ai suis veux voudrais metier au aux ca c".split(" "),
  en: "i you he she we they the a an is are am and or what which how my your to of in for with do does can want would like hello please work".split(" "),
  es: "yo el los las una es son y o que como mi tu para con por quiero trabajo trabajar estudiar puedo necesito ayuda hola gracias donde soy estoy".split(" "),
  de: "ich du er sie wir ihr der die das ein eine ist sind und oder was wie mein dein fur mit arbeit hallo danke bitte".split(" "),
  it: "io tu lui lei noi il lo gli una sono e che come mio per con lavoro ciao grazie dove voglio".split(" "),
  pt: "eu voce ele ela nos o os as um uma sou e que como meu para com trabalho ola obrigado onde quero".split(" "),
};

const FUNCTION_WORD_SETS = Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang as DetectedLanguage, new Set(words)] as const);

/** `normalized` is `normalizeText(text)` when the caller already has it. */
export function detectLanguage(text: string, normalized: string = normalizeText(text)): DetectedLanguage {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return "fr";
  for (const [re, lang] of SCRIPTS) {
    // String.match with a global pattern starts from the beginning whatever lastIndex says.
    const matches = text.match(re)?.length ?? 0;
    if (matches / letters.length > 0.3) return lang;
  }
  // Inverted marks and ñ are Spanish only.
  if (/[¿¡ñ]/.test(text)) return "es";
  const tokens = tokenize(normalized);
  if (tokens.length < 3) return "fr"; // too short to tell; French is the safe default.
  let best: DetectedLanguage = "fr";
  let bestScore = 0;
  const scores = FUNCTION_WORD_SETS.map(([lang, set]) => [lang, tokens.filter((t) => set.has(t)).length] as const);
  const french = scores.find(([l]) => l === "fr")?.[1] ?? 0;
  for (const [lang, score] of scores) {
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  // French wins ties: many French messages borrow a word or two ("job", "le planning").
  return best !== "fr" && bestScore >= 2 && bestScore > french ? best : "fr";
}
