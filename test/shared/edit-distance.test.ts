import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/shared/edit-distance.js";

describe("editDistance (optimal string alignment)", () => {
  it("counts substitutions, insertions, deletions and swapped neighbours as one edit each", () => {
    expect(editDistance("apprentisage", "apprentissage")).toBe(1);
    expect(editDistance("salarie", "salaire")).toBe(1);
    expect(editDistance("aprentisage", "apprentissage")).toBe(2);
    expect(editDistance("aprpentissage", "apprentissage")).toBe(1);
    expect(editDistance("electricein", "electricien")).toBe(1);
    expect(editDistance("couvreur", "coiffeur")).toBe(3);
    expect(editDistance("identique", "identique")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });

  it("stops at the bound: anything further is max + 1", () => {
    expect(editDistance("boulanger", "plombier", 2)).toBe(3);
    expect(editDistance("boulanger", "veterinaire", 2)).toBe(3);
    expect(editDistance("cio", "orientation", 2)).toBe(3);
    expect(editDistance("abc", "", 3)).toBe(3);
  });

  it("gives the same answer whatever was compared before (its rows are reused)", () => {
    const long = "anticonstitutionnellement-intergouvernementalisation";
    expect(editDistance(long, `${long}s`)).toBe(1);
    expect(editDistance("plombie", "plombier")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance(long, long.replace("tion", "toin"))).toBe(1);
    expect(editDistance("salarie", "salaire", 1)).toBe(1);
  });
});
