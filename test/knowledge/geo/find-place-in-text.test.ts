import { describe, expect, it } from "vitest";
import { findPlaceInText } from "../../../src/knowledge/geo/find-place-in-text.js";

const communeIn = (message: string): string | undefined => {
  const found = findPlaceInText(message)?.resolution.best;
  return found && `${found.commune} (${found.department.code})`;
};

describe("findPlaceInText", () => {
  it.each([
    ["je suis à Dijon, où trouver de l'aide pour mon orientation ?", "Dijon (21)"],
    ["CIO à Marseille", "Marseille (13)"],
    ["mission locale Nice", "Nice (06)"],
    ["je cherche un CAP cuisine à Aix en Provence", "Aix-en-Provence (13)"],
    ["je suis lycéen à Vesoul et je veux être plombier", "Vesoul (70)"],
    ["j'habite au 13001", "Marseille (13)"],
  ])("finds the place in %j", (message, expected) => {
    expect(communeIn(message)).toBe(expected);
  });

  it.each([
    "une veste orange",
    "je voudrais un bus pour aller en formation",
    "cela a du sens pour moi",
    "je suis à la recherche d'un emploi",
    "je cherche une formation d'aide-soignant",
    "quel salaire pour un apprenti de 18 ans",
    "je suis en terminale et je ne sais pas quoi faire",
    "je me dirige vers le social",
    "je m'oriente vers le sport",
    "un CIO vers le centre-ville",
    "mission locale vers chez moi",
    "je peux venir sur place ?",
    "je voudrais travailler au port",
    "je veux travailler à l'hôpital",
    "j'aimerais un métier à la montagne",
    "j'ai une formation à la réunion de ce soir",
  ])("finds no place in %j", (message) => {
    expect(findPlaceInText(message)).toBeUndefined();
  });

  it("accepts a commune named like a common word after a place cue", () => {
    expect(communeIn("je vis à Orange")).toBe("Orange (84)");
    expect(communeIn("j'habite près de Sens")).toBe("Sens (89)");
    expect(communeIn("mission locale cannes")).toBe("Cannes (06)");
    expect(communeIn("vers Gap")).toBe("Gap (05)");
    expect(communeIn("je travaille sur Orange")).toBe("Orange (84)");
  });

  it("never reads a place cue itself as the commune it announces", () => {
    expect(communeIn("un CIO vers Aix-en-Provence")).toBe("Aix-en-Provence (13)");
    expect(communeIn("je vais à Vers")).toBe("Vers (71)");
    expect(communeIn("Vers")).toBe("Vers (71)");
  });

  it("reads 'au' and 'aux' as the article of the name that follows", () => {
    expect(communeIn("j'habite au Creusot")).toBe("Le Creusot (71)");
    expect(communeIn("un CIO au creusot ?")).toBe("Le Creusot (71)");
    expect(communeIn("je vis au Puy-en-Velay")).toBe("Le Puy-en-Velay (43)");
    expect(communeIn("je suis au Luc")).toBe("Le Luc (83)");
    expect(communeIn("mission locale aux Pennes-Mirabeau")).toBe("Les Pennes-Mirabeau (13)");
  });

  it("takes an article and an ordinary word as a commune only when typed as a name", () => {
    expect(communeIn("j'habite à L'Hôpital")).toBe("L'Hôpital (57)");
    expect(communeIn("je vis à La Montagne")).toBe("La Montagne (70)");
    expect(communeIn("La Montagne")).toBe("La Montagne (70)");
    expect(communeIn("je suis à la ciotat")).toBe("La Ciotat (13)");
  });

  it("accepts a commune named like a common word when it is the whole answer", () => {
    expect(communeIn("Gap")).toBe("Gap (05)");
  });

  it("uses the postcode to choose between communes named in the same message", () => {
    const mention = findPlaceInText("je suis au 83700 à Saint-Raphaël");
    expect(mention?.via).toBe("postcode");
    expect(mention?.resolution.best.inseeCode).toBe("83118");
  });

  it("reports the words that named the place, as typed", () => {
    expect(findPlaceInText("CIO à Aix en Provence svp")?.matchedText).toBe("Aix en Provence");
  });
});
