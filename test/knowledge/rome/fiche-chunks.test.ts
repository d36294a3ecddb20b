import { describe, expect, it } from "vitest";
import { romeFicheToChunks } from "../../../src/knowledge/rome/fiche-chunks.js";
import { romeFicheUrl } from "../../../src/knowledge/rome/fiche-url.js";
import type { RomeFiche } from "../../../src/knowledge/rome/rome-fiche.js";
import { KnowledgeChunk } from "../../../src/knowledge/types.js";

function makeFiche(overrides: Partial<RomeFiche> = {}): RomeFiche {
  return {
    code: "D1102",
    title: "Boulanger / Boulangère",
    appellations: [
      { code: "1001", label: "Boulanger / Boulangère", shortLabel: "Boulanger / Boulangère" },
      { code: "1002", label: "Vendeur / Vendeuse en boulangerie", shortLabel: "Vendeur(se) en boulangerie" },
      { code: "1003", label: "Mitron / Mitronne", shortLabel: "Mitron(ne)" },
    ],
    interestCentres: [{ code: "14", label: "J'aime le travail manuel", principal: true }],
    transitions: {},
    regulated: false,
    managerial: false,
    parentCode: "D1102",
    mobility: [],
    ...overrides,
  };
}

describe("romeFicheToChunks", () => {
  it("makes one valid chunk per fiche, cited to the fiche's France Travail page on the import date", () => {
    const chunks = romeFicheToChunks(makeFiche(), { checkedOn: "2026-11-23" });
    expect(chunks).toHaveLength(1);
    const chunk = KnowledgeChunk.parse(chunks[0]);
    expect(chunk).toMatchObject({
      id: "rome:D1102",
      entityId: "rome:D1102",
      kind: "rome",
      title: "Boulanger / Boulangère",
      romeCodes: ["D1102"],
      url: "https://candidat.francetravail.fr/metierscope/fiche-metier/D1102",
      source: {
        name: "France Travail — fiche ROME D1102",
        url: "https://candidat.francetravail.fr/metierscope/fiche-metier/D1102",
        checkedOn: "2026-11-23",
      },
    });
  });

  it("lists every job title in both gender forms as keywords, including short labels", () => {
    const [chunk] = romeFicheToChunks(makeFiche(), { checkedOn: "2026-11-23" });
    expect(chunk?.keywords).toEqual([
      "boulanger",
      "boulangère",
      "vendeur en boulangerie",
      "vendeuse en boulangerie",
      "mitron",
      "mitronne",
    ]);
  });

  it("puts the definition, the access text and the interest centres in the text, in that order, as sentences", () => {
    const texts = { definition: ["Prépare la pâte", "Cuit le pain."], acces_metier: ["Accessible avec un CAP."] };
    const [chunk] = romeFicheToChunks(makeFiche({ regulated: true }), { checkedOn: "2026-11-23", texts });
    expect(chunk?.text).toBe(
      [
        "Boulanger / Boulangère (fiche ROME D1102).",
        "Prépare la pâte. Cuit le pain.",
        "Accès au métier : Accessible avec un CAP.",
        "Centres d'intérêt : J'aime le travail manuel.",
        "Autres intitulés : Vendeur / Vendeuse en boulangerie ; Mitron / Mitronne.",
        "Emploi réglementé.",
      ].join("\n"),
    );
  });

  it("still describes the fiche by its titles and centres when the official sentences are absent", () => {
    const labels = new Map([["14", "J'aime travailler de mes mains"]]);
    const [chunk] = romeFicheToChunks(makeFiche(), { checkedOn: "2026-11-23", interestCentreLabels: labels });
    expect(chunk?.text).toContain("Centres d'intérêt : J'aime travailler de mes mains.");
    expect(chunk?.text).not.toContain("Accès au métier");
  });

  it("mentions a green-job label but not the neutral one", () => {
    const green = romeFicheToChunks(makeFiche({ transitions: { eco: "Emploi Vert" } }), { checkedOn: "2026-11-23" });
    const neutral = romeFicheToChunks(makeFiche({ transitions: { eco: "Emploi Blanc" } }), { checkedOn: "2026-11-23" });
    expect(green[0]?.text.split("\n").at(-1)).toBe("Emploi Vert.");
    expect(neutral[0]?.text).not.toContain("Emploi Blanc");
  });
});

describe("romeFicheUrl", () => {
  it("refuses a malformed code instead of building a broken link", () => {
    expect(romeFicheUrl("A1101")).toBe("https://candidat.francetravail.fr/metierscope/fiche-metier/A1101");
    expect(() => romeFicheUrl("A11")).toThrow();
  });
});
