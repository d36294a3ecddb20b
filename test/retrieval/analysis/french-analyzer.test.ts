import { describe, expect, it } from "vitest";
import { analyze, analyzeTokens } from "../../../src/retrieval/analysis/french-analyzer.js";
import { stemFrench } from "../../../src/retrieval/analysis/french-stemmer.js";
import { foldText, tokenize } from "../../../src/retrieval/analysis/text-normalizer.js";

const same = (a: string, b: string): void => expect(analyze(a)).toEqual(analyze(b));

describe("text normalisation", () => {
  it("folds case, accents and ligatures", () => {
    expect(foldText("Âgées ŒUVRE Élève")).toBe("agees oeuvre eleve");
  });

  it("drops elided articles and pronouns, with either apostrophe", () => {
    expect(tokenize("l'électricien d’entretien qu'il jusqu'à s'occuper")).toEqual([
      "electricien",
      "entretien",
      "il",
      "a",
      "occuper",
    ]);
  });

  it("splits hyphenated compounds so both spellings meet", () => {
    expect(tokenize("aide-soignant")).toEqual(tokenize("aide soignant"));
  });
});

describe("French stemming", () => {
  it.each([
    ["boulanger", "boulangère"],
    ["boulanger", "boulangers"],
    ["boulanger", "boulangerie"],
    ["conducteur", "conductrice"],
    ["vendeur", "vendeuse"],
    ["infirmier", "infirmière"],
    ["électricien", "électricienne"],
    ["cheval", "chevaux"],
    ["jardinier", "jardinage"],
    ["animateur", "animatrice"],
    ["soignant", "soignante"],
    ["sportif", "sportive"],
    ["mécanicien", "mécanique"],
  ])("gives %s and %s the same stem", (a, b) => same(a, b));

  it("keeps unrelated jobs apart", () => {
    expect(analyze("boucher")).not.toEqual(analyze("boulanger"));
    expect(analyze("couvreur")).not.toEqual(analyze("coiffeur"));
  });

  it("leaves short words and numbers alone", () => {
    expect(stemFrench("bac")).toBe("bac");
    expect(stemFrench("2026")).toBe("2026");
  });
});

describe("analysis chain", () => {
  it("removes stop words and keeps the topic words", () => {
    expect(analyzeTokens("je veux m'occuper des personnes âgées").map((t) => t.surface)).toEqual([
      "veux",
      "occuper",
      "personnes",
      "agees",
    ]);
  });

  it("drops extra stop words such as query fillers", () => {
    expect(analyzeTokens("je veux être boulanger", new Set(["veux"])).map((t) => t.surface)).toEqual([
      "boulanger",
    ]);
  });

  it("matches both gender forms of a ROME title", () => {
    const terms = analyze("Boulanger / Boulangère");
    expect(new Set(terms).size).toBe(1);
  });
});
