/** `npm run eval [-- file.jsonl] [--json]`: retrieval quality on a question set, lexical / vector / hybrid side by side. */
import path from "node:path";
import { evaluateRetrieval, readEvalQuestions, romeFamilyFromSnapshot } from "../src/retrieval/evaluation.js";
import { openKnowledgeRetriever } from "../src/retrieval/knowledge-retriever.js";
import { parseArgs, runScript, scriptConfig } from "../src/retrieval/script-support.js";
import { createLogger } from "../src/shared/logger.js";

runScript(async () => {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const file = path.resolve(positional[0] ?? "../shared/eval/dev-questions.jsonl");
  const config = scriptConfig(process.env);
  const questions = await readEvalQuestions(file);
  const retriever = await openKnowledgeRetriever(config, createLogger("warn"));
  // A finer v460 fiche counts for its classic parent code (see romeFamilyFromSnapshot); --strict turns that off.
  const family = flags.has("strict") ? undefined : await romeFamilyFromSnapshot(config.knowledge.dir);
  const report = await evaluateRetrieval(retriever, questions, { family });

  if (flags.has("json")) {
    console.log(JSON.stringify({ file, embedder: retriever.index.manifest.embedder.id, ...report }, null, 2));
  } else {
    const pct = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8);
    console.log(`Questions: ${file}\nEmbedder: ${retriever.index.manifest.embedder.id}\n`);
    console.log(
      `Job questions (${report.jobs[0]?.questions ?? 0}), ${family === undefined ? "exact ROME codes" : "a finer fiche counts for its parent code"}:`,
    );
    console.log(`  ${"mode".padEnd(8)} ${"hit@1".padStart(8)} ${"hit@3".padStart(8)} ${"MRR".padStart(6)}`);
    for (const j of report.jobs)
      console.log(`  ${j.mode.padEnd(8)} ${pct(j.hitAt1)} ${pct(j.hitAt3)} ${j.mrr.toFixed(3).padStart(6)}`);
    const ids = Object.keys(report.jobs[0]?.ranks ?? {});
    const misses = ids.filter((id) => report.jobs.some((j) => (j.ranks[id] ?? 99) > 3));
    if (misses.length > 0) {
      console.log(`\n  Not in the top 3 for some mode (rank per mode, - = not in top 10):`);
      for (const id of misses) {
        const q = questions.find((x) => x.id === id);
        console.log(
          `    ${id.padEnd(12)} ${report.jobs.map((j) => `${j.mode}=${j.ranks[id] ?? "-"}`).join(" ")}  « ${q?.text} »`,
        );
      }
    }
    console.log(`\nSource kind in the top 3 (hybrid):`);
    for (const s of report.sources)
      console.log(
        `  ${s.inTop3 ? "ok  " : "MISS"} ${s.id.padEnd(12)} expects ${s.expected.padEnd(8)} got ${s.top3.join(" | ")}`,
      );
  }
});
