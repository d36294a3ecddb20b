/**
 * Place awareness for retrieval: a commune or postcode in the question ("je suis à Dijon") adds its
 * department's name and number to the query, which is how contact points are labelled ("CIO — Côte-d'Or (21)").
 */
import { findPlaceInText } from "../knowledge/geo/find-place-in-text.js";

/** Extra words for a question; [] when it names no place. */
export type PlaceHints = (question: string) => string[];

export const communePlaceHints: PlaceHints = (question) => {
  const mention = findPlaceInText(question);
  if (mention === undefined) return [];
  // An ambiguous name ("Saint-Denis") would pull in a department the user may not mean.
  if (mention.resolution.ambiguous) return [];
  const { department } = mention.resolution.best;
  return [department.name, department.code];
};

/** Loads the commune directory now, so the first user with a place in the question does not wait for it. */
export function warmPlaceHints(hints: PlaceHints): void {
  hints("à Paris");
}
