/**
 * `npm run bench:retrieval`: full index build time, query latency (p50/p95 over 1,000 realistic queries per
 * mode), peak RSS, and as the floor the raw hnswlib-node searchKnn time on the same query vectors.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadCorpus } from "../src/knowledge/corpus.js";
import { embedderProviderFor } from "../src/retrieval/embeddings/embedder-factory.js";
import { LsaEmbeddings } from "../src/retrieval/embeddings/lsa-embeddings.js";
import { readEvalQuestions } from "../src/retrieval/evaluation.js";
import { buildIndex } from "../src/retrieval/index/open-or-build-index.js";
import { KnowledgeRetriever, VECTOR_CANDIDATES } from "../src/retrieval/knowledge-retriever.js";
import { communePlaceHints, warmPlaceHints } from "../src/retrieval/place-hints.js";
import { loadLexicon } from "../src/retrieval/lexicon/lexicon.js";
import { seededRandom } from "../src/retrieval/embeddings/randomized-svd.js";
import { runScript, scriptConfig } from "../src/retrieval/script-support.js";
import type { RetrievalMode } from "../src/retrieval/types.js";
import { silentLogger } from "../src/shared/logger.js";

runScript(async () => {
  const QUERIES = 1000;
  const rand = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  /** One letter dropped or two swapped: the typos people make on a phone. */
  function typo(word: string): string {
    if (word.length < 5) return word;
    const i = 1 + Math.floor(rand() * (word.length - 2));
    return rand() < 0.5
      ? word.slice(0, i) + word.slice(i + 1)
      : word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2);
  }

  const config = scriptConfig(process.env);
  const corpusStarted = performance.now();
  const corpus = await loadCorpus({ ...config.knowledge, dataDir: config.dataDir });
  const corpusMs = performance.now() - corpusStarted;

  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "bench-")), "index");
  const buildStarted = performance.now();
  const index = await buildIndex({
    chunks: corpus.chunks,
    knowledgeHash: corpus.knowledgeHash,
    provider: embedderProviderFor(config.embeddings),
    dir,
    logger: silentLogger,
  });
  const buildMs = performance.now() - buildStarted;
  // The same retriever the bot opens: default fusion and place hints, commune list loaded up front.
  const lexicon = await loadLexicon(path.join(config.knowledge.dir, "lexicon"));
  const retriever = new KnowledgeRetriever(index, lexicon, { placeHints: communePlaceHints });
  warmPlaceHints(communePlaceHints);

  // A realistic mix: shared and project questions, plain job titles, "je veux être ...", and typos.
  const questions: string[] = [];
  for (const file of [
    path.resolve("../shared/eval/dev-questions.jsonl"),
    path.resolve("test/retrieval/fixtures/extra-job-questions.jsonl"),
  ]) {
    try {
      questions.push(...(await readEvalQuestions(file)).map((q) => q.text));
    } catch {
      // The shared set is absent on a fresh clone; the generated queries are enough.
    }
  }
  const titles = corpus.chunks
    .filter((c) => c.kind === "rome")
    .map((c) => (c.title.split(" / ")[0] ?? c.title).toLowerCase());
  const queries: string[] = [];
  while (queries.length < QUERIES) {
    const r = rand();
    const title = pick(titles);
    if (r < 0.3 && questions.length > 0) queries.push(pick(questions));
    else if (r < 0.55) queries.push(title);
    else if (r < 0.8) queries.push(`je voudrais devenir ${title}`);
    else queries.push(title.split(" ").map(typo).join(" "));
  }

  const percentile = (xs: number[], p: number): number =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
  const rows: Array<[string, number, number, number]> = [];
  for (const mode of ["lexical", "vector", "hybrid"] as RetrievalMode[]) {
    for (const q of queries.slice(0, 50)) await retriever.search(q, { mode }); // warm-up
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await retriever.search(q, { mode, limit: 5 });
      times.push(performance.now() - t);
    }
    rows.push([`search ${mode}`, percentile(times, 50), percentile(times, 95), Math.max(...times)]);
  }

  // Floor: the same query vectors straight into hnswlib-node, no filtering, fusion or LangChain.
  const raw = index.vectors.rawIndex;
  const embeddings = index.embedder.embeddings;
  if (raw !== undefined) {
    const vectors: number[][] = [];
    for (const q of queries) {
      const v =
        embeddings instanceof LsaEmbeddings ? embeddings.model.embed(q) : await embeddings.embedQuery(q);
      if (v.some((x) => x !== 0)) vectors.push(v);
    }
    // As deep as the retriever reads the vector list.
    const k = Math.min(VECTOR_CANDIDATES, raw.getCurrentCount());
    const times: number[] = [];
    for (const v of vectors) {
      const t = performance.now();
      raw.searchKnn(v, k);
      times.push(performance.now() - t);
    }
    rows.push([`raw searchKnn k=${k}`, percentile(times, 50), percentile(times, 95), Math.max(...times)]);
  }
  await rm(path.dirname(dir), { recursive: true, force: true });

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const ms = (x: number): string => `${x.toFixed(2)} ms`.padStart(11);
  console.log(
    `Retrieval benchmark — ${os.cpus().length} CPU(s), Node ${process.version}, embedder ${index.manifest.embedder.id}`,
  );
  console.log(
    `Corpus: ${corpus.chunks.length} chunks, ${index.manifest.counts.entities} entities; ROME texts: ${config.knowledge.romeOfficialDir ?? "none"}\n`,
  );
  console.log(`| measure                 |     value | target   |`);
  console.log(`| ----------------------- | --------- | -------- |`);
  console.log(`| load knowledge          | ${(corpusMs / 1000).toFixed(2).padStart(7)} s |          |`);
  console.log(`| full index build        | ${(buildMs / 1000).toFixed(2).padStart(7)} s | ≤ 60 s   |`);
  console.log(`| peak RSS                | ${peakRssMb.toFixed(0).padStart(6)} MB | ≤ 500 MB |`);
  console.log(`\n| ${QUERIES} queries            |         p50 |         p95 |         max |`);
  console.log(`| ----------------------- | ----------- | ----------- | ----------- |`);
  for (const [name, p50, p95, max] of rows)
    console.log(`| ${name.padEnd(23)} | ${ms(p50)} | ${ms(p95)} | ${ms(max)} |`);
  console.log(`\nTarget: hybrid p95 ≤ 10 ms.`);
});
