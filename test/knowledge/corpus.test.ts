import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { collectChunks, hashChunks, loadCorpus } from "../../src/knowledge/corpus.js";

const header = {
  generatedBy: "scripts/import-rome.ts",
  source: "France Travail, ROME 4.0 v460",
  licence: "Licence Ouverte / Open Licence 2.0 (Etalab)",
  sourceUrl: "https://francetravail.org/opendata/repertoire-operationnel-des-meti.html?type=article",
  importedOn: "2026-11-23",
};
const fiche = (code: string, title: string): Record<string, unknown> => ({
  code,
  title,
  appellations: [{ code: String(code.charCodeAt(0) * 10000 + Number(code.slice(1))), label: title }],
  interestCentres: [],
  transitions: {},
  regulated: false,
  managerial: false,
  parentCode: code,
  mobility: [],
});

/** A knowledge folder with a two-fiche ROME snapshot and the project's real contact files. */
async function knowledgeDir(
  titles: [string, string] = ["Boulanger / Boulangère", "Plombier / Plombière sanitaire"],
): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "knowledge-"));
  await mkdir(path.join(dir, "rome"));
  await writeFile(
    path.join(dir, "rome", "rome-fiches.json"),
    JSON.stringify({ header, fiches: [fiche("D1102", titles[0]), fiche("F1603", titles[1])] }),
  );
  await writeFile(
    path.join(dir, "rome", "interest-centres.json"),
    JSON.stringify({ header, interestCentres: [] }),
  );
  await cp(path.resolve("knowledge/contacts"), path.join(dir, "contacts"), { recursive: true });
  return dir;
}

const sources = (dir: string) => ({ dir, romeOfficialDir: undefined, dataDir: path.join(dir, "no-data") });

describe("knowledge corpus", () => {
  it("gathers ROME fiches and contacts into valid chunks", async () => {
    const corpus = await loadCorpus(sources(await knowledgeDir()));
    const kinds = new Set(corpus.chunks.map((c) => c.kind));
    expect(kinds).toEqual(new Set(["rome", "contact"]));
    expect(corpus.chunks.filter((c) => c.kind === "rome").map((c) => c.id)).toEqual([
      "rome:D1102",
      "rome:F1603",
    ]);
    expect(corpus.problems.filter((p) => p.source === "rome" || p.source === "contacts")).toEqual([]);
  });

  it("gives the same hash to the same knowledge and a new one when a text changes", async () => {
    const a = await loadCorpus(sources(await knowledgeDir()));
    const b = await loadCorpus(sources(await knowledgeDir()));
    const c = await loadCorpus(
      sources(await knowledgeDir(["Boulanger / Boulangère", "Couvreur / Couvreuse"])),
    );
    expect(a.knowledgeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.knowledgeHash).toBe(a.knowledgeHash);
    expect(c.knowledgeHash).not.toBe(a.knowledgeHash);
  });

  it("reports a missing ROME snapshot as a problem and still loads the contacts", async () => {
    const dir = await knowledgeDir();
    await writeFile(path.join(dir, "rome", "rome-fiches.json"), "{}");
    const corpus = await loadCorpus(sources(dir));
    expect(corpus.problems.some((p) => p.source === "rome")).toBe(true);
    expect(corpus.chunks.some((c) => c.kind === "contact")).toBe(true);
  });

  it("indexes a PDF document with its sidecar, citing its page", async () => {
    const dir = await knowledgeDir();
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf
      .addPage()
      .drawText("Guide des metiers du soin : aide-soignant et infirmier en region.", {
        x: 40,
        y: 700,
        size: 12,
        font,
      });
    await mkdir(path.join(dir, "documents"));
    await writeFile(path.join(dir, "documents", "guide.pdf"), await pdf.save());
    await writeFile(
      path.join(dir, "documents", "guide.pdf.json"),
      JSON.stringify({
        title: "Guide de test",
        url: "https://example.org/guide.pdf",
        checkedOn: "2026-11-23",
      }),
    );
    const corpus = await loadCorpus(sources(dir));
    const docs = corpus.chunks.filter((c) => c.kind === "document");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]).toMatchObject({ page: 1, source: { url: "https://example.org/guide.pdf" } });
    expect(docs[0]?.text).toContain("aide-soignant");
  });

  it("rejects a repeated chunk id and an invalid chunk, keeping the rest", () => {
    const ok = {
      id: "x",
      kind: "rule",
      entityId: "x",
      title: "T",
      text: "",
      source: { name: "S", url: "https://example.org", checkedOn: "2026-11-23" },
    };
    const { chunks, problems } = collectChunks([
      {
        name: "a",
        result: {
          chunks: [
            ok,
            { ...ok, id: "bad", source: { name: "S", url: "not a url", checkedOn: "2026-11-23" } },
          ],
          problems: [],
        },
      },
      { name: "b", result: { chunks: [{ ...ok, title: "Autre" }], problems: ["file.md: missing title"] } },
    ]);
    expect(chunks.map((c) => c.title)).toEqual(["T"]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^invalid chunk bad: source\.url/),
      "file.md: missing title",
      "duplicate chunk id x (kept the first)",
    ]);
  });

  it("hashes chunks independently of key order", async () => {
    const dir = await knowledgeDir();
    const { chunks } = await loadCorpus(sources(dir));
    const reordered = chunks.map(
      (c) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(c).reverse()))) as typeof c,
    );
    expect(hashChunks(reordered)).toBe(hashChunks(chunks));
    expect((await readFile(path.join(dir, "rome", "rome-fiches.json"), "utf8")).length).toBeGreaterThan(0);
  });
});
