import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDocumentChunks } from "../../../src/knowledge/documents/document-loader.js";
import { KnowledgeChunk } from "../../../src/knowledge/types.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "documents-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Each page gets its lines drawn top-down; long pages are made of many lines. */
async function writePdf(name: string, pages: string[][]): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 780 - i * 14, size: 10, font }));
  }
  await writeFile(path.join(dir, name), await doc.save());
}

async function writeSidecar(pdfName: string, metadata: unknown): Promise<void> {
  await writeFile(path.join(dir, `${pdfName}.json`), JSON.stringify(metadata));
}

const guide = {
  title: "Guide de l'apprentissage",
  url: "https://example.org/guide-apprentissage.pdf",
  checkedOn: "2026-11-23",
  publisher: "Région Sud",
  region: "PAC",
};

describe("loadDocumentChunks", () => {
  it("chunks each page separately and cites the page", async () => {
    const longPage = Array.from({ length: 40 }, (_, i) => `Ligne ${i + 1} : le contrat d'apprentissage associe formation et travail en entreprise.`);
    await writePdf("guide.pdf", [["Page un : qui peut signer un contrat ?"], longPage]);
    await writeSidecar("guide.pdf", guide);

    const { chunks, problems } = await loadDocumentChunks(dir);
    expect(problems).toEqual([]);
    chunks.forEach((c) => KnowledgeChunk.parse(c));
    expect(chunks[0]).toMatchObject({
      id: "doc:guide.pdf#p1-1",
      entityId: "doc:guide.pdf",
      kind: "document",
      title: "Guide de l'apprentissage",
      text: "Page un : qui peut signer un contrat ?",
      page: 1,
      region: "PAC",
      url: "https://example.org/guide-apprentissage.pdf#page=1",
      source: { name: "Région Sud — Guide de l'apprentissage", url: guide.url, checkedOn: "2026-11-23" },
    });
    const secondPage = chunks.filter((c) => c.page === 2);
    expect(secondPage.length).toBeGreaterThan(1);
    expect(secondPage.every((c) => c.text.length <= 800)).toBe(true);
    expect(secondPage.map((c) => c.id)).toEqual(secondPage.map((_, i) => `doc:guide.pdf#p2-${i + 1}`));
    expect(secondPage.map((c) => c.text).join(" ")).toContain("Ligne 40 :");
  });

  it("skips a PDF without metadata and says which file to add", async () => {
    await writePdf("orphelin.pdf", [["Texte sans source."]]);
    const { chunks, problems } = await loadDocumentChunks(dir);
    expect(chunks).toEqual([]);
    expect(problems).toEqual([{ file: "orphelin.pdf", reason: expect.stringContaining("add orphelin.pdf.json") }]);
  });

  it("skips a PDF whose metadata lacks the date checked or misspells a field", async () => {
    await writePdf("guide.pdf", [["Texte."]]);
    await writeSidecar("guide.pdf", { title: "Guide", url: "https://example.org/g.pdf", checkedon: "2026-11-23" });
    const { chunks, problems } = await loadDocumentChunks(dir);
    expect(chunks).toEqual([]);
    expect(problems[0]?.reason).toMatch(/checkedOn/);
    expect(problems[0]?.reason).toMatch(/checkedon/);
  });

  it("reports a corrupt PDF and still loads the good one next to it", async () => {
    await writeFile(path.join(dir, "casse.pdf"), "%PDF-1.4\nce fichier est abîmé");
    await writeSidecar("casse.pdf", guide);
    await writePdf("guide.pdf", [["Texte lisible."]]);
    await writeSidecar("guide.pdf", guide);
    const { chunks, problems } = await loadDocumentChunks(dir);
    expect(problems).toEqual([{ file: "casse.pdf", reason: expect.stringContaining("unreadable PDF") }]);
    expect(chunks.map((c) => c.text)).toEqual(["Texte lisible."]);
  });

  it("reports a PDF with no text, metadata without a PDF, and a missing folder", async () => {
    await writePdf("scan.pdf", [[]]);
    await writeSidecar("scan.pdf", guide);
    await writeSidecar("parti.pdf", guide);
    const { problems } = await loadDocumentChunks(dir);
    expect(problems).toEqual([
      { file: "scan.pdf", reason: expect.stringContaining("no extractable text") },
      { file: "parti.pdf.json", reason: "metadata without its PDF" },
    ]);
    const missing = await loadDocumentChunks(path.join(dir, "absent"));
    expect(missing.problems[0]?.reason).toMatch(/documents folder unreadable/);
  });
});
