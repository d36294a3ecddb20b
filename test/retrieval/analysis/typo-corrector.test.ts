import { describe, expect, it } from "vitest";
import {
  allowedEdits,
  TypoCorrector,
} from "../../../src/retrieval/analysis/typo-corrector.js";
import { foldText } from "../../../src/retrieval/analysis/text-normalizer.js";

const vocabulary = [
  "boulanger",
  "boulangerie",
  "plombier",
  "electricien",
  "electricite",
  "couvreur",
  "coiffeur",
  "cariste",
  "artiste",
  "veterinaire",
];
const corrector = new TypoCorrector(vocabulary);
const fix = (word: string): string[] => corrector.nearest(foldText(word)).map((c) => c.word);

describe("typo correction", () => {
  it("allows one edit for short words and two for long ones", () => {
    expect(allowedEdits("velo")).toBe(1);
    expect(allowedEdits("electricien")).toBe(2);
    expect(allowedEdits("bus")).toBe(0);
  });

  it("finds the job behind common misspellings", () => {
    expect(fix("boulangé")).toEqual(["boulanger"]);
    expect(fix("plombié")).toEqual(["plombier"]);
    expect(fix("electrisien")).toEqual(["electricien"]);
    expect(fix("veterinair")).toEqual(["veterinaire"]);
  });

  it("returns nothing when no word is close enough", () => {
    expect(fix("astronaute")).toEqual([]);
  });

  it("does not change the first letter, so cariste stays away from artiste", () => {
    expect(fix("kariste")).toEqual([]);
  });
});
