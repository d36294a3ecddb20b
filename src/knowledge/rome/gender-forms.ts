/**
 * Turns ROME job titles written with both genders into the plain forms people type:
 * "Conducteur / Conductrice d'engins agricoles" → "conducteur d'engins agricoles", "conductrice d'engins agricoles";
 * "Vendeur(se) en boulangerie" → "vendeur en boulangerie", "vendeuse en boulangerie".
 */

/** Feminine endings used in the short labels: how the masculine word ending changes. */
const SUFFIX_RULES: Record<string, { masculineEnding: string; feminineEnding: string }> = {
  "(trice)": { masculineEnding: "teur", feminineEnding: "trice" },
  "(tive)": { masculineEnding: "tif", feminineEnding: "tive" },
  "(teuse)": { masculineEnding: "teur", feminineEnding: "teuse" },
  "(euse)": { masculineEnding: "eur", feminineEnding: "euse" },
  "(se)": { masculineEnding: "eur", feminineEnding: "euse" },
  "(ère)": { masculineEnding: "er", feminineEnding: "ère" },
  "(ière)": { masculineEnding: "ier", feminineEnding: "ière" },
  "(ive)": { masculineEnding: "if", feminineEnding: "ive" },
  "(ve)": { masculineEnding: "f", feminineEnding: "ve" },
  "(e)": { masculineEnding: "", feminineEnding: "e" },
  "(ne)": { masculineEnding: "", feminineEnding: "ne" },
  "(le)": { masculineEnding: "", feminineEnding: "le" },
  "(fe)": { masculineEnding: "", feminineEnding: "fe" },
  "(sse)": { masculineEnding: "", feminineEnding: "sse" },
};

const normalize = (s: string): string => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");

/** "A / B rest": B's first n words (n = words in A) are the feminine head, the remaining words are shared. */
function expandSlashForm(label: string): string[] | undefined {
  const parts = label.split(" / ");
  if (parts.length !== 2) return undefined;
  const [masculine = "", feminineAndRest = ""] = parts;
  const headSize = masculine.trim().split(/\s+/).length;
  const words = feminineAndRest.trim().split(/\s+/);
  if (words.length < headSize) return undefined;
  const rest = words.slice(headSize).join(" ");
  const feminine = words.slice(0, headSize).join(" ");
  const join = (head: string): string => (rest === "" ? head : `${head} ${rest}`);
  return [join(masculine), join(feminine)];
}

/** "Vendeur(se)": a feminine suffix glued to a word; unknown or non-matching suffixes are left alone. */
function expandParenthesisForm(label: string): string[] | undefined {
  const pattern = /([\p{L}-]+)(\([\p{L}]+\))/gu;
  if (!pattern.test(label)) return undefined;
  let feminineOk = true;
  const masculine = label.replace(pattern, (whole, word: string, suffix: string) => {
    return SUFFIX_RULES[suffix.toLocaleLowerCase("fr")] === undefined ? whole : word;
  });
  const feminine = label.replace(pattern, (whole, word: string, suffix: string) => {
    const rule = SUFFIX_RULES[suffix.toLocaleLowerCase("fr")];
    if (rule === undefined) return whole;
    if (!word.toLocaleLowerCase("fr").endsWith(rule.masculineEnding)) {
      feminineOk = false;
      return word;
    }
    return word.slice(0, word.length - rule.masculineEnding.length) + rule.feminineEnding;
  });
  return feminineOk ? [masculine, feminine] : [masculine];
}

/** Lower-case forms a person would type, masculine first, without duplicates. */
export function genderForms(label: string): string[] {
  const forms = expandSlashForm(label) ?? expandParenthesisForm(label) ?? [label];
  return [...new Set(forms.map(normalize).filter((f) => f !== ""))];
}
