import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { importRome } from "../../../src/knowledge/rome/importer.js";
import {
  loadRomeSnapshot,
  RomeSnapshotError,
  snapshotHeader,
  writeRomeSnapshot,
} from "../../../src/knowledge/rome/snapshot.js";
import { writeRomeFixture } from "./fixture-files.js";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rome-snapshot-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("the committed ROME snapshot", () => {
  it("validates and holds all 1,584 fiches with their attribution header", async () => {
    const snapshot = await loadRomeSnapshot(KNOWLEDGE_DIR);
    expect(snapshot.fiches).toHaveLength(1584);
    expect(snapshot.interestCentres).toHaveLength(30);
    expect(snapshot.header).toMatchObject({
      generatedBy: "scripts/import-rome.ts",
      source: "France Travail, ROME 4.0 v460",
      licence: "Licence Ouverte / Open Licence 2.0 (Etalab)",
    });
    expect(snapshot.fiches.find((f) => f.code === "A1101")?.appellations.length).toBeGreaterThan(5);
  });

  it("contains none of France Travail's sentences or centre definitions", async () => {
    const fiches = await readFile(path.join(KNOWLEDGE_DIR, "rome", "rome-fiches.json"), "utf8");
    const centres = await readFile(path.join(KNOWLEDGE_DIR, "rome", "interest-centres.json"), "utf8");
    expect(fiches).not.toContain('"texts"');
    expect(fiches).not.toContain("Réalise des travaux agricoles mécanisés");
    expect(centres).not.toContain("definition");
  });
});

describe("writeRomeSnapshot and loadRomeSnapshot", () => {
  it("round-trips fiches without texts, one fiche per line", async () => {
    const official = await writeRomeFixture();
    dirs.push(official);
    const imported = await importRome(official, { withTexts: true });
    const knowledgeDir = await tempDir();
    const header = snapshotHeader(imported.version, "2026-11-23");
    const { fichesPath } = await writeRomeSnapshot(knowledgeDir, header, imported.fiches, imported.interestCentres);

    const loaded = await loadRomeSnapshot(knowledgeDir);
    expect(loaded.fiches).toEqual(imported.fiches.map(({ texts: _texts, ...rest }) => rest));
    expect(loaded.interestCentres).toEqual([
      { code: "4", label: "J'ai le sens du contact" },
      { code: "14", label: "J'aime le travail manuel" },
    ]);
    const lines = (await readFile(fichesPath, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(3 + imported.fiches.length);
  });

  it("names the file and the field when the snapshot is invalid", async () => {
    const knowledgeDir = await tempDir();
    await mkdir(path.join(knowledgeDir, "rome"));
    const header = snapshotHeader("460", "2026-11-23");
    const bad = { header, fiches: [{ code: "A11", title: "" }] };
    await writeFile(path.join(knowledgeDir, "rome", "rome-fiches.json"), JSON.stringify(bad));
    await writeFile(path.join(knowledgeDir, "rome", "interest-centres.json"), JSON.stringify({ header, interestCentres: [] }));
    await expect(loadRomeSnapshot(knowledgeDir)).rejects.toThrow(RomeSnapshotError);
    await expect(loadRomeSnapshot(knowledgeDir)).rejects.toThrow(/rome-fiches\.json: fiches\.0\.code/);
  });

  it("tells the operator to run the import when the snapshot is missing", async () => {
    await expect(loadRomeSnapshot(await tempDir())).rejects.toThrow(/Run npm run import:rome/);
  });
});
