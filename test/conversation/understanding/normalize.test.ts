import { describe, expect, it } from "vitest";
import { allowedTypos, editDistance, normalizeText } from "../../../src/conversation/understanding/normalize.js";

describe("normalizeText", () => {
  it("folds case, accents, elisions and punctuation", () => {
    expect(normalizeText("J'ai 17 ans, où est l’Œuvre ?")).toBe("j ai 17 ans ou est l oeuvre");
  });
});

describe("editDistance (typo tolerance)", () => {
  it("counts substitutions, insertions, deletions and swapped neighbours as one edit each", () => {
    expect(editDistance("apprentisage", "apprentissage")).toBe(1);
    expect(editDistance("salarie", "salaire")).toBe(1);
    expect(editDistance("aprentisage", "apprentissage")).toBe(2);
    expect(editDistance("aprpentissage", "apprentissage")).toBe(1);
    expect(editDistance("conseiler", "conseiller")).toBe(1);
    expect(editDistance("identique", "identique")).toBe(0);
  });

  it("stops at the bound: anything further is max + 1", () => {
    expect(editDistance("boulanger", "plombier", 2)).toBe(3);
    expect(editDistance("cio", "orientation", 2)).toBe(3);
    expect(editDistance("abc", "", 3)).toBe(3);
  });

  it("tolerates typos on long words only", () => {
    expect(allowedTypos("cio")).toBe(0);
    expect(allowedTypos("stage")).toBe(1);
    expect(allowedTypos("apprentissage")).toBe(2);
  });
});
