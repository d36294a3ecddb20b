import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  projectFicheToChunks,
  titleForms,
  isEmptyRegionalNote,
} from "../../../src/knowledge/fiches/fiche-chunks.js";
import { loadProjectFiches } from "../../../src/knowledge/fiches/fiche-loader.js";
import type { ProjectFiche } from "../../../src/knowledge/fiches/fiche-schema.js";
import { KnowledgeChunk } from "../../../src/knowledge/types.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

async function fixture(dir: string, id: string): Promise<ProjectFiche> {
  const { fiches } = await loadProjectFiches(path.join(FIXTURES, dir));
  const fiche = fiches.find((f) => f.id === id);
  if (fiche === undefined) throw new Error(`fixture ${id} missing`);
  return fiche;
}

describe("projectFicheToChunks", () => {
  it("makes one chunk for the job, one for access, one for pay and one per regional note with content", async () => {
    const chunks = projectFicheToChunks(await fixture("valid", "testeur-de-fiches"));
    expect(chunks.map((c) => c.id)).toEqual([
      "fiche:testeur-de-fiches#metier",
      "fiche:testeur-de-fiches#acces",
      "fiche:testeur-de-fiches#salaire",
      "fiche:testeur-de-fiches#pac",
    ]);
    expect(chunks.every((c) => c.kind === "fiche" && c.entityId === "fiche:testeur-de-fiches")).toBe(true);
    expect(chunks.every((c) => KnowledgeChunk.safeParse(c).success)).toBe(true);
  });

  it("describes the whole job with its tasks and qualities, findable by both gender forms and the keywords", async () => {
    const [whole] = projectFicheToChunks(await fixture("valid", "testeur-de-fiches"));
    expect(whole?.title).toBe("Testeur / Testeuse de fiches");
    expect(whole?.text).toContain("Vous relisez des fiches de test.");
    expect(whole?.text).toContain("- Signaler une erreur.");
    expect(whole?.text).toContain("- Patience.");
    expect(whole?.text).not.toContain("CAP fictif");
    expect(whole?.keywords).toEqual(["testeur de fiches", "testeuse de fiches", "TDF", "relecteur"]);
    expect(whole?.romeCodes).toEqual(["J1501", "J1301"]);
    expect(whole?.region).toBeUndefined();
  });

  it("scopes a regional note to its region and cites the fiche's first source", async () => {
    const chunks = projectFicheToChunks(await fixture("valid", "testeur-de-fiches"));
    const pac = chunks.find((c) => c.id.endsWith("#pac"));
    expect(pac?.region).toBe("PAC");
    expect(pac?.text).toContain("Il compte 12 postes.");
    expect(pac?.source.url).toBe("https://example.org/fiche");
    expect(pac?.url).toBe("https://example.org/fiche");
  });

  it("cites the pay source on the pay chunk", async () => {
    const salaire = projectFicheToChunks(await fixture("valid", "testeur-de-fiches")).find((c) =>
      c.id.endsWith("#salaire"),
    );
    expect(salaire?.source.name).toBe("Grille fictive");
    expect(salaire?.text).toContain("1 234 € brut par mois");
  });

  it("falls back to the first source for pay and drops regional notes that say there is nothing specific", async () => {
    const chunks = projectFicheToChunks(await fixture("mixed", "bonne-fiche"));
    expect(chunks.map((c) => c.id.split("#")[1])).toEqual(["metier", "acces", "salaire"]);
    expect(chunks[2]?.source.name).toBe("Source fictive");
  });
});

describe("titleForms", () => {
  it("splits a slash title with a shared tail and adds the forms without hyphens", () => {
    expect(titleForms("Conducteur / Conductrice de bus")).toEqual([
      "conducteur de bus",
      "conductrice de bus",
    ]);
    expect(titleForms("Aide-soignant / Aide-soignante")).toEqual([
      "aide-soignant",
      "aide-soignante",
      "aide soignant",
      "aide soignante",
    ]);
  });

  it("expands a middle-dot title into both forms", () => {
    expect(titleForms("Aide-soignant·e").slice(0, 2)).toEqual(["aide-soignant", "aide-soignante"]);
    expect(titleForms("Serveur·euse en restauration").slice(0, 2)).toEqual([
      "serveur en restauration",
      "serveuse en restauration",
    ]);
    expect(titleForms("Conducteur·trice de bus").slice(0, 2)).toEqual([
      "conducteur de bus",
      "conductrice de bus",
    ]);
  });
});

describe("isEmptyRegionalNote", () => {
  it("recognises a one-sentence 'nothing specific' note but not a real fact", () => {
    expect(isEmptyRegionalNote("Pas de note régionale particulière pour ce métier.")).toBe(true);
    expect(isEmptyRegionalNote("Aucune information régionale spécifique.")).toBe(true);
    expect(isEmptyRegionalNote("Le plan régional classe ce métier en tension. Aucune autre précision.")).toBe(
      false,
    );
    expect(isEmptyRegionalNote("Le métier figure parmi les 20 métiers en tension du plan.")).toBe(false);
  });
});
