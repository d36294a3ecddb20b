/** `npm run ask -- "question" [--json] [--kind job] [--region BFC] [--limit 5] [--mode lexical]`: ranked results. */
import { z } from "zod";
import { KnowledgeKind } from "../src/knowledge/types.js";
import { openKnowledgeRetriever } from "../src/retrieval/knowledge-retriever.js";
import { parseArgs, runScript, scriptConfig } from "../src/retrieval/script-support.js";
import { RegionCode } from "../src/shared/region.js";
import { createLogger } from "../src/shared/logger.js";

runScript(async () => {
  /** "job" is how people say it; the chunk kinds for jobs are ROME fiches and project fiches. */
  const KIND_ALIASES: Record<string, KnowledgeKind[]> = { job: ["rome", "fiche"], apprenticeship: ["rule"] };

  const Args = z.object({
    question: z
      .string()
      .min(1, 'usage: npm run ask -- "votre question" [--json] [--kind job] [--region BFC]'),
    kind: z.string().optional(),
    region: RegionCode.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(5),
    mode: z.enum(["hybrid", "lexical", "vector"]).default("hybrid"),
  });

  const { flags, positional } = parseArgs(process.argv.slice(2));
  const str = (name: string): string | undefined =>
    typeof flags.get(name) === "string" ? (flags.get(name) as string) : undefined;
  const parsed = Args.safeParse({
    question: positional.join(" "),
    kind: str("kind"),
    region: str("region"),
    limit: str("limit"),
    mode: str("mode"),
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  let kinds: KnowledgeKind[] | undefined;
  if (args.kind !== undefined) {
    kinds = KIND_ALIASES[args.kind] ?? [KnowledgeKind.parse(args.kind)];
  }

  const config = scriptConfig(process.env);
  const retriever = await openKnowledgeRetriever(config, createLogger("warn"));
  const started = performance.now();
  const hits = await retriever.search(args.question, {
    kinds,
    region: args.region,
    limit: args.limit,
    mode: args.mode,
  });
  const ms = performance.now() - started;

  if (flags.has("json")) {
    console.log(JSON.stringify({ question: args.question, ms: Math.round(ms * 10) / 10, hits }, null, 2));
  } else {
    console.log(`« ${args.question} » — ${hits.length} résultat(s) en ${ms.toFixed(1)} ms (${args.mode})\n`);
    hits.forEach((h, i) => {
      const ranks = [
        h.matchedBy.lexicalRank && `lex #${h.matchedBy.lexicalRank}`,
        h.matchedBy.vectorRank && `vec #${h.matchedBy.vectorRank}`,
      ]
        .filter(Boolean)
        .join(", ");
      console.log(
        `${i + 1}. [${h.kind}] ${h.title}${h.romeCodes.length ? ` (${h.romeCodes.join(", ")})` : ""}`,
      );
      console.log(
        `   score ${h.score.toFixed(4)} (${ranks}) — ${h.source.name}, vérifié le ${h.source.checkedOn}`,
      );
      console.log(`   ${h.url}${h.page === undefined ? "" : ` p. ${h.page}`}`);
    });
  }
});
