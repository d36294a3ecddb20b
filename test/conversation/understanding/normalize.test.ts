import { describe, expect, it } from "vitest";
import { allowedTypos, normalizeText } from "../../../src/conversation/understanding/normalize.js";

describe("normalizeText", () => {
  it("folds case, accents, elisions and punctuation", () => {
    expect(normalizeText("J'ai 17 ans, où est l’Œuvre ?")).toBe("j ai 17 ans ou est l oeuvre");
  });
});

describe("allowedTypos", () => {
  it("tolerates typos on long words only", () => {
    expect(allowedTypos("cio")).toBe(0);
    expect(allowedTypos("stage")).toBe(1);
    expect(allowedTypos("apprentissage")).toBe(2);
  });
});
