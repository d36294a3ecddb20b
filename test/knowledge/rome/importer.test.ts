import { access, rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { importRome } from "../../../src/knowledge/rome/importer.js";
import { RomeImportError } from "../../../src/knowledge/rome/rome-fiche.js";
import { APPELLATION, CODE_ROME, fixtureFileName, MOBILITE, writeRomeFixture } from "./fixture-files.js";

const OFFICIAL_DIR = "/work/shared/data/rome-v460";
const dirs: string[] = [];
async function fixture(...args: Parameters<typeof writeRomeFixture>): Promise<string> {
  const dir = await writeRomeFixture(...args);
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("importRome on a small folder", () => {
  it("builds fiches with appellations, interest centres, flags, parent and mobility sorted by order", async () => {
    const result = await importRome(await fixture());
    expect(result.problems).toEqual([]);
    expect(result.version).toBe("460");
    expect(result.fiches.map((f) => f.code)).toEqual(["D1102", "D1104", "H1101"]);
    const boulanger = result.fiches[0];
    expect(boulanger?.title).toBe("Boulanger / Boulangère");
    expect(boulanger?.appellations).toContainEqual({
      code: "1002",
      label: "Vendeur / Vendeuse en boulangerie",
      shortLabel: "Vendeur(se) en boulangerie",
    });
    expect(boulanger?.interestCentres).toEqual([
      { code: "14", label: "J'aime le travail manuel", principal: true },
      { code: "4", label: "J'ai le sens du contact", principal: false },
    ]);
    expect(boulanger?.mobility).toEqual([
      { code: "D1104", order: 1 },
      { code: "H1101", order: 2 },
    ]);
    expect(boulanger?.transitions).toEqual({ eco: "Emploi Blanc", num: "N" });
    expect(result.fiches[1]?.parentCode).toBe("D1102");
    expect(result.fiches[2]).toMatchObject({ regulated: true, managerial: true, transitions: { eco: "Emploi Vert" } });
    expect(boulanger?.texts).toBeUndefined();
  });

  it("reads interest centres whose definitions span several lines, keeping definitions out of fiches", async () => {
    const result = await importRome(await fixture());
    expect(result.interestCentres).toEqual([
      { code: "4", label: "J'ai le sens du contact", definition: "Autre définition." },
      { code: "14", label: "J'aime le travail manuel", definition: "Une définition sur deux lignes." },
    ]);
  });

  it("orders texts by position, groups them by official type and undoes the doubled apostrophes", async () => {
    const result = await importRome(await fixture(), { withTexts: true });
    expect(result.fiches[0]?.texts).toEqual({
      acces_metier: ["Accessible avec un CAP."],
      definition: ["Prépare la pâte, qu'il pétrit.", "Façonne et cuit le pain."],
    });
    expect(result.fiches[1]?.texts).toBeUndefined();
  });

  it("reports malformed fiche rows with their file and line and keeps the good ones", async () => {
    const codeRome = `${CODE_ROME}"X123","4","103","Mauvais code","","","","N","N","X123"
"K2111","5","104","","","","","N","N","K2111"
"K2112","6","105","Trop court"
"D1102","7","106","Doublon","","","","N","N","D1102"
"K2113","8","107","Formateur / Formatrice","","","","N","N","Z9999"
`;
    const result = await importRome(await fixture({ code_rome: codeRome }));
    const file = fixtureFileName("code_rome");
    expect(result.problems).toEqual([
      { file, line: 5, reason: expect.stringContaining("code_rome: expected a ROME code") },
      { file, line: 6, reason: expect.stringContaining("libelle_rome: missing label") },
      { file, line: 7, reason: "expected 10 fields, found 4" },
      { file, line: 8, reason: "duplicate ROME code D1102" },
      { file, line: 9, reason: expect.stringContaining("code_rome_parent") },
    ]);
    expect(result.fiches.map((f) => f.code)).toEqual(["D1102", "D1104", "H1101"]);
  });

  it("reports appellations and mobility links that point to unknown codes", async () => {
    const appellation = `${APPELLATION}"1005","Fantôme / Fantômette","Fantôme","K9999","","","","","","SYNONYME","","K9999","N"\n`;
    const mobilite = `${MOBILITE}"D1102","K9999","3"\n"K9998","D1102","1"\n"D1104","D1104","2"\n`;
    const result = await importRome(await fixture({ appellation, mobilite }));
    expect(result.problems).toEqual([
      { file: fixtureFileName("appellation"), line: 6, reason: "appellation 1005 refers to unknown ROME code K9999" },
      { file: fixtureFileName("mobilite"), line: 5, reason: "mobility to unknown ROME code K9999" },
      { file: fixtureFileName("mobilite"), line: 6, reason: "mobility from unknown ROME code K9998" },
      { file: fixtureFileName("mobilite"), line: 7, reason: "mobility from D1104 to itself" },
    ]);
    expect(result.fiches[0]?.mobility.map((m) => m.code)).toEqual(["D1104", "H1101"]);
  });

  it("gives line numbers after a multi-line record and reports broken quoting without stopping", async () => {
    const centre = `"code_centre_interet","libelle_centre_interet","definition_centre_interet"
"14","J'aime le travail manuel","Sur
trois
lignes."
"x4","Code non numérique","Def."
"5","Guillemet "cassé","Def."
"4","J'ai le sens du contact","Def."
`;
    const result = await importRome(await fixture({ centre_interet: centre }));
    const file = fixtureFileName("centre_interet");
    expect(result.problems).toEqual([
      { file, line: 5, reason: expect.stringContaining("code_centre_interet: expected a numeric code") },
      { file, line: 6, reason: expect.stringContaining("unreadable CSV record") },
    ]);
    expect(result.interestCentres.map((c) => c.code)).toEqual(["4", "14"]);
  });

  it("reports a missing optional file as a problem and still imports the fiches", async () => {
    const result = await importRome(await fixture({ mobilite: null, texte: null }), { withTexts: true });
    expect(result.fiches).toHaveLength(3);
    expect(result.fiches.every((f) => f.mobility.length === 0)).toBe(true);
    expect(result.problems.map((p) => p.file)).toEqual([
      "unix_rubrique_mobilite_v<version>_utf8.csv",
      "unix_texte_v<version>_utf8.csv",
    ]);
  });

  it("fails with a clear message when the fiche list is missing", async () => {
    const dir = await fixture({ code_rome: null });
    await expect(importRome(dir)).rejects.toThrow(RomeImportError);
    await expect(importRome(dir)).rejects.toThrow(/unix_referentiel_code_rome_v<version>_utf8\.csv.*required/);
  });

  it("fails with a clear message when the folder does not exist", async () => {
    await expect(importRome("/nonexistent/rome")).rejects.toThrow("ROME folder not found: /nonexistent/rome");
  });

  it("fails with a clear message when the fiche list has a wrong header", async () => {
    const dir = await fixture({ code_rome: `"code","label"\n"A1101","Test"\n` });
    await expect(importRome(dir)).rejects.toThrow(/no usable fiche: header lacks column\(s\) code_rome/);
  });
});

const officialPresent = await access(`${OFFICIAL_DIR}/${fixtureFileName("code_rome")}`).then(
  () => true,
  () => false,
);
if (!officialPresent) console.warn(`Skipping the official ROME test: ${OFFICIAL_DIR} is absent.`);

describe.skipIf(!officialPresent)("importRome on the official v460 files", () => {
  it("imports 1,584 fiches with appellations, resolved mobility links, centres and texts, without problems", async () => {
    const result = await importRome(OFFICIAL_DIR, { withTexts: true });
    expect(result.problems).toEqual([]);
    expect(result.fiches).toHaveLength(1584);
    expect(result.interestCentres).toHaveLength(30);
    expect(result.fiches.reduce((n, f) => n + f.appellations.length, 0)).toBe(13120);
    expect(result.fiches.reduce((n, f) => n + f.mobility.length, 0)).toBe(14912);
    const codes = new Set(result.fiches.map((f) => f.code));
    expect(result.fiches.every((f) => f.appellations.length > 0 && f.mobility.every((m) => codes.has(m.code)))).toBe(true);
    expect(new Set(result.fiches.map((f) => f.parentCode)).size).toBe(532);
    const a1101 = result.fiches.find((f) => f.code === "A1101");
    expect(a1101?.title).toBe("Conducteur / Conductrice d'engins agricoles");
    expect(a1101?.appellations.map((a) => a.label)).toContain("Tractoriste agricole");
    expect(Object.keys(a1101?.texts ?? {}).sort()).toEqual(["acces_metier", "definition"]);
  });
});
