import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hashChunks } from "../../src/knowledge/corpus.js";
import { embedderProviderFor } from "../../src/retrieval/embeddings/embedder-factory.js";
import { evaluateRetrieval, readEvalQuestions } from "../../src/retrieval/evaluation.js";
import { openOrBuildIndex } from "../../src/retrieval/index/open-or-build-index.js";
import { KnowledgeRetriever } from "../../src/retrieval/knowledge-retriever.js";
import { compileLexicon } from "../../src/retrieval/lexicon/lexicon.js";
import { silentLogger } from "../../src/shared/logger.js";
import { FIXTURE_CHUNKS } from "./fixtures/chunks.js";

let retriever: KnowledgeRetriever;
beforeAll(async () => {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "evaluation-")), "index");
  const provider = embedderProviderFor({
    provider: "lsa",
    model: undefined,
    url: undefined,
    apiKey: undefined,
    localModelDir: undefined,
    lsaDimensions: 16,
  });
  const index = await openOrBuildIndex({
    chunks: FIXTURE_CHUNKS,
    knowledgeHash: hashChunks(FIXTURE_CHUNKS),
    provider,
    dir,
    logger: silentLogger,
  });
  retriever = new KnowledgeRetriever(index, compileLexicon([]));
});

async function questionFile(lines: string[]): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "questions-")), "q.jsonl");
  await writeFile(file, lines.join("\n"));
  return file;
}

describe("retrieval evaluation", () => {
  it("scores job questions by the rank of the first accepted ROME code", async () => {
    const questions = await readEvalQuestions(
      await questionFile([
        JSON.stringify({ id: "a", kind: "job", text: "boulangère", accept: ["D1102"] }),
        JSON.stringify({ id: "b", kind: "job", text: "plombier", accept: ["Z9999"] }),
      ]),
    );
    const report = await evaluateRetrieval(retriever, questions, { modes: ["lexical"] });
    expect(report.jobs[0]).toMatchObject({
      questions: 2,
      hitAt1: 0.5,
      hitAt3: 0.5,
      mrr: 0.5,
      ranks: { a: 1, b: undefined },
    });
  });

  it("counts a finer fiche for its parent code when a family is given", async () => {
    const questions = [{ id: "c", kind: "job", text: "plombier", accept: ["F1600"] }];
    const without = await evaluateRetrieval(retriever, questions, { modes: ["hybrid"] });
    const withFamily = await evaluateRetrieval(retriever, questions, {
      modes: ["hybrid"],
      family: (code) => (code === "F1603" ? "F1600" : undefined),
    });
    expect(without.jobs[0]?.hitAt1).toBe(0);
    expect(withFamily.jobs[0]?.hitAt1).toBe(1);
  });

  it("checks that apprenticeship and contact questions bring the right kind of source", async () => {
    const report = await evaluateRetrieval(retriever, [
      { id: "r", kind: "apprenticeship", text: "âge pour entrer en apprentissage" },
      { id: "h", kind: "handoff", text: "parler à une personne" },
    ]);
    expect(report.sources).toEqual([expect.objectContaining({ id: "r", expected: "rule", inTop3: true })]);
  });

  it("names the line of a malformed question", async () => {
    await expect(
      readEvalQuestions(await questionFile(['{"id":"a","kind":"job","text":"x"}', "{oops"])),
    ).rejects.toThrow(/q\.jsonl:2: not valid JSON/);
    await expect(readEvalQuestions(await questionFile(['{"id":"a","kind":"job"}']))).rejects.toThrow(
      /q\.jsonl:1: text/,
    );
  });
});
