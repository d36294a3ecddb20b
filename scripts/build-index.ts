/** `npm run index [-- --force]`: builds or refreshes the retrieval index and prints what it did. */
import { openKnowledgeRetriever } from "../src/retrieval/knowledge-retriever.js";
import { parseArgs, runScript, scriptConfig } from "../src/retrieval/script-support.js";
import { createLogger } from "../src/shared/logger.js";

runScript(async () => {
  const { flags } = parseArgs(process.argv.slice(2));
  const config = scriptConfig(process.env);
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const started = performance.now();
  const retriever = await openKnowledgeRetriever(config, logger, { forceRebuild: flags.has("force") });
  const { manifest, reused } = retriever.index;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(`Index ${reused ? "reused (knowledge and embedder unchanged)" : "rebuilt"} in ${seconds} s`);
  console.log(`  folder:     ${config.dataDir}/index`);
  console.log(`  ROME texts: ${config.knowledge.romeOfficialDir ?? "(none: titles and labels only)"}`);
  console.log(`  embedder:   ${manifest.embedder.id} (${manifest.embedder.dimensions} dimensions)`);
  console.log(
    `  chunks:     ${manifest.counts.chunks} (${manifest.counts.vectors} vectors, ${manifest.counts.entities} entities)`,
  );
  for (const [kind, n] of Object.entries(manifest.counts.byKind)) console.log(`    ${kind.padEnd(10)} ${n}`);
  console.log(
    `  knowledge:  ${manifest.knowledgeHash.slice(0, 16)}…  built ${manifest.createdAt} in ${manifest.buildMs} ms`,
  );
});
