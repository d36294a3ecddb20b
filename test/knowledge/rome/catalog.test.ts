import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RomeCatalog } from "../../../src/knowledge/rome/catalog.js";
import { importRome } from "../../../src/knowledge/rome/importer.js";
import { writeRomeFixture } from "./fixture-files.js";

let dir = "";
let catalog: RomeCatalog;
beforeAll(async () => {
  dir = await writeRomeFixture();
  const imported = await importRome(dir);
  catalog = new RomeCatalog(imported.fiches, imported.interestCentres);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("RomeCatalog", () => {
  it("finds a fiche by code, whatever the case and spaces, and by appellation code", () => {
    expect(catalog.get(" d1102 ")?.title).toBe("Boulanger / Boulangère");
    expect(catalog.byAppellationCode("1003")?.code).toBe("D1104");
    expect(catalog.get("Z9999")).toBeUndefined();
  });

  it("lists close jobs with their titles in France Travail's order", () => {
    expect(catalog.closeJobs("D1102")).toEqual([
      { code: "D1104", title: "Pâtissier / Pâtissière", order: 1 },
      { code: "H1101", title: "Ingénieur / Ingénieure qualité", order: 2 },
    ]);
    expect(catalog.closeJobs("D1102", 1)).toHaveLength(1);
    expect(catalog.closeJobs("Z9999")).toEqual([]);
  });

  it("lists fiches of an interest centre, main-centre fiches first", () => {
    expect(catalog.fichesByInterestCentre("14").map((f) => f.code)).toEqual(["D1102", "D1104"]);
    expect(catalog.fichesByInterestCentre("4").map((f) => f.code)).toEqual(["D1102"]);
    expect(catalog.fichesByInterestCentre("4", { principalOnly: true })).toEqual([]);
  });

  it("gives a fiche's parent and its family, the parent first", () => {
    expect(catalog.parent("D1104")?.code).toBe("D1102");
    expect(catalog.family("D1104").map((f) => f.code)).toEqual(["D1102", "D1104"]);
    expect(catalog.family("H1101").map((f) => f.code)).toEqual(["H1101"]);
  });
});
