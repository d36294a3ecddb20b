import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importRome } from "../../../src/knowledge/rome/importer.js";
import { loadRomeChunks } from "../../../src/knowledge/rome/load-rome-chunks.js";
import { snapshotHeader, writeRomeSnapshot } from "../../../src/knowledge/rome/snapshot.js";
import { loadRomeTexts, writeRomeTexts } from "../../../src/knowledge/rome/texts.js";
import { writeRomeFixture } from "./fixture-files.js";

let official = "";
let knowledgeDir = "";
let dataDir = "";
beforeEach(async () => {
  official = await writeRomeFixture();
  knowledgeDir = await mkdtemp(path.join(tmpdir(), "rome-knowledge-"));
  dataDir = await mkdtemp(path.join(tmpdir(), "rome-data-"));
  const imported = await importRome(official);
  await writeRomeSnapshot(knowledgeDir, snapshotHeader("460", "2026-11-20"), imported.fiches, imported.interestCentres);
});
afterEach(async () => {
  await Promise.all([official, knowledgeDir, dataDir].map((d) => rm(d, { recursive: true, force: true })));
});

describe("loadRomeChunks", () => {
  it("builds one chunk per fiche from the snapshot alone, dated by the import", async () => {
    const result = await loadRomeChunks({ knowledgeDir });
    expect(result.textsFrom).toBe("none");
    expect(result.chunks.map((c) => c.id)).toEqual(["rome:D1102", "rome:D1104", "rome:H1101"]);
    expect(result.chunks[0]?.source.checkedOn).toBe("2026-11-20");
    expect(result.fiches[0]?.texts).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it("reads the texts straight from the official folder when data/ has none", async () => {
    const result = await loadRomeChunks({ knowledgeDir, dataDir, romeOfficialDir: official });
    expect(result.textsFrom).toBe("official");
    expect(result.chunks[0]?.text).toContain("Prépare la pâte, qu'il pétrit. Façonne et cuit le pain.");
    expect(result.fiches[0]?.texts?.acces_metier).toEqual(["Accessible avec un CAP."]);
  });

  it("prefers the texts saved in data/ by the import script", async () => {
    await writeRomeTexts(dataDir, {
      header: { generatedBy: "scripts/import-rome.ts", source: "test", importedOn: "2026-11-20" },
      texts: { D1104: { definition: ["Réalise des gâteaux."] } },
    });
    const result = await loadRomeChunks({ knowledgeDir, dataDir, romeOfficialDir: official });
    expect(result.textsFrom).toBe("data");
    expect(result.chunks[1]?.text).toContain("Réalise des gâteaux.");
    expect(result.chunks[0]?.text).not.toContain("Prépare la pâte");
  });

  it("reports an unreadable texts file and falls back to the official folder", async () => {
    await writeFile(path.join(dataDir, "rome-texts.json"), "{ not json");
    const result = await loadRomeChunks({ knowledgeDir, dataDir, romeOfficialDir: official });
    expect(result.problems).toEqual([{ file: "rome-texts.json", line: 0, reason: expect.stringContaining("unreadable JSON") }]);
    expect(result.textsFrom).toBe("official");
  });
});

describe("loadRomeTexts", () => {
  it("returns undefined when neither texts nor an official texte file are there", async () => {
    expect(await loadRomeTexts(dataDir)).toBeUndefined();
    expect(await loadRomeTexts(undefined)).toBeUndefined();
    expect(await loadRomeTexts("/nonexistent")).toBeUndefined();
  });
});
