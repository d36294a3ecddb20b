import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { openKnowledgeRetriever } from "../../src/retrieval/knowledge-retriever.js";
import { silentLogger } from "../../src/shared/logger.js";

const header = {
  generatedBy: "scripts/import-rome.ts",
  source: "France Travail, ROME 4.0 v460",
  licence: "Licence Ouverte / Open Licence 2.0 (Etalab)",
  sourceUrl: "https://francetravail.org/opendata/repertoire-operationnel-des-meti.html?type=article",
  importedOn: "2026-11-23",
};
const fiche = (code: string, title: string, appellation: string) => ({
  code,
  title,
  appellations: [{ code: "10" + code.slice(1), label: appellation }],
  interestCentres: [],
  transitions: {},
  regulated: false,
  managerial: false,
  parentCode: code,
  mobility: [],
});

/** A knowledge folder of its own: two ROME fiches, the project's contacts and lexicon; a data folder beside it. */
async function workspace(): Promise<{ env: Record<string, string>; knowledge: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "open-retriever-"));
  const knowledge = path.join(root, "knowledge");
  await mkdir(path.join(knowledge, "rome"), { recursive: true });
  const fiches = [
    fiche("D1102", "Boulanger / Boulangère", "Mitron"),
    fiche("F1603", "Plombier / Plombière sanitaire", "Plombier"),
  ];
  await writeFile(path.join(knowledge, "rome", "rome-fiches.json"), JSON.stringify({ header, fiches }));
  await writeFile(
    path.join(knowledge, "rome", "interest-centres.json"),
    JSON.stringify({ header, interestCentres: [] }),
  );
  await cp(path.resolve("knowledge/contacts"), path.join(knowledge, "contacts"), { recursive: true });
  await cp(path.resolve("knowledge/lexicon"), path.join(knowledge, "lexicon"), { recursive: true });
  return { env: { KNOWLEDGE_DIR: knowledge, DATA_DIR: path.join(root, "data") }, knowledge };
}

describe("opening the knowledge retriever from the configuration", () => {
  it("builds, reuses, and rebuilds after a knowledge file changes", async () => {
    const { env, knowledge } = await workspace();
    const config = loadConfig({ ...env, LSA_DIMENSIONS: "16" });
    const first = await openKnowledgeRetriever(config, silentLogger, { placeHints: false });
    expect(first.index.reused).toBe(false);
    expect((await first.search("mitron", { limit: 1 }))[0]?.entityId).toBe("rome:D1102");

    expect((await openKnowledgeRetriever(config, silentLogger, { placeHints: false })).index.reused).toBe(
      true,
    );

    const file = path.join(knowledge, "rome", "rome-fiches.json");
    await writeFile(file, (await readFile(file, "utf8")).replace("Mitron", "Tourier"));
    const changed = await openKnowledgeRetriever(config, silentLogger, { placeHints: false });
    expect(changed.index.reused).toBe(false);
    expect((await changed.search("tourier", { limit: 1 }))[0]?.entityId).toBe("rome:D1102");
  });

  it("rebuilds when the LSA dimension changes", async () => {
    const { env } = await workspace();
    await openKnowledgeRetriever(loadConfig({ ...env, LSA_DIMENSIONS: "16" }), silentLogger, {
      placeHints: false,
    });
    const other = await openKnowledgeRetriever(loadConfig({ ...env, LSA_DIMENSIONS: "24" }), silentLogger, {
      placeHints: false,
    });
    expect(other.index.reused).toBe(false);
    expect(other.index.manifest.embedder.id).toBe("lsa/1:24");
  });
});
