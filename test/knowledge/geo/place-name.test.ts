import { describe, expect, it } from "vitest";
import { normalizePlaceName } from "../../../src/knowledge/geo/place-name.js";

describe("normalizePlaceName", () => {
  it("folds what people type into one key, abbreviations spelled out", () => {
    expect(normalizePlaceName("St-Raphaël")).toBe("saint raphael");
    expect(normalizePlaceName("Ste Maxime")).toBe("sainte maxime");
    expect(normalizePlaceName("Châlon-sur-Saône")).toBe("chalon sur saone");
    expect(normalizePlaceName("dijon")).toBe("dijon");
  });

  it("keeps a word that happens to name a member of Object as the word itself", () => {
    expect(normalizePlaceName("constructor")).toBe("constructor");
    expect(normalizePlaceName("Constructor")).toBe("constructor");
  });
});
