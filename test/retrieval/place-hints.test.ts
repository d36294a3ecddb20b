import { describe, expect, it } from "vitest";
import { communePlaceHints } from "../../src/retrieval/place-hints.js";

describe("place hints from the question", () => {
  it("turns a commune into its department name and number", () => {
    expect(communePlaceHints("je suis à Dijon, où trouver de l'aide ?")).toEqual(["Côte-d'Or", "21"]);
  });

  it("reads a postcode too", () => {
    expect(communePlaceHints("mission locale 06000")).toEqual(["Alpes-Maritimes", "06"]);
  });

  it("adds nothing when the question names no place", () => {
    expect(communePlaceHints("je veux devenir plombier")).toEqual([]);
  });
});
