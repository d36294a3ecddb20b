import { describe, expect, it } from "vitest";
import { checkCitations, citedNumbers, renumberCitations } from "../../../src/conversation/llm/source-citations.js";

describe("numbered citations of a generated answer", () => {
  it("lists cited sources in order of first appearance, grouped markers included", () => {
    expect(citedNumbers("Le contrat dure 6 mois [2]. Il est signé avec un CFA [1, 3]. Voir aussi [2].")).toEqual([2, 1, 3]);
  });

  it("does not take the text of a markdown link for a citation", () => {
    expect(citedNumbers("Voir [1](https://www.onisep.fr) et la règle [2].")).toEqual([2]);
  });

  it("refuses an answer without any citation", () => {
    expect(checkCitations("Les sources dont je dispose ne répondent pas à cette question.", 3)).toEqual({ ok: false, reason: "no-citation" });
  });

  it("refuses a citation of a source that was not given", () => {
    expect(checkCitations("Vrai [1], inventé [4], absurde [0].", 3)).toEqual({ ok: false, reason: "unknown-source", unknown: [4, 0] });
  });

  it("renumbers markers to match the list shown under the answer", () => {
    const mapping = new Map([
      [3, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(renumberCitations("A [3]. B [1, 2]. C [2, 3].", mapping)).toBe("A [1]. B [1, 2]. C [1].");
  });
});
