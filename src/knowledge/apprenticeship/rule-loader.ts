/**
 * Reads the apprenticeship rule files (Markdown with YAML front matter) and turns them into knowledge chunks.
 * A bad file is reported as a problem and skipped, so one typo does not take the other rules down.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { KnowledgeChunk } from "../types.js";
import { RuleFrontMatter, type ApprenticeshipRule } from "./rule-schema.js";

export type RuleProblem = { file: string; message: string };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one rule file's text; returns the rule or a readable problem. */
export function parseRuleFile(file: string, text: string): ApprenticeshipRule | RuleProblem {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return { file, message: "missing YAML front matter between --- lines" };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    return { file, message: `invalid YAML: ${(error as Error).message}` };
  }
  const parsed = RuleFrontMatter.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return { file, message: issues.join("; ") };
  }
  const body = (match[2] ?? "").trim();
  if (body === "") return { file, message: "empty body" };
  return { ...parsed.data, body, file };
}

const isProblem = (x: ApprenticeshipRule | RuleProblem): x is RuleProblem => "message" in x;

/** Loads every `*.md` rule in `dir` (README.md excluded), sorted by file name. */
export async function loadApprenticeshipRules(
  dir: string,
): Promise<{ rules: ApprenticeshipRule[]; problems: RuleProblem[] }> {
  const files = (await readdir(dir))
    .filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md")
    .sort();
  const rules: ApprenticeshipRule[] = [];
  const problems: RuleProblem[] = [];
  const seenIds = new Map<string, string>();
  for (const file of files) {
    const result = parseRuleFile(file, await readFile(path.join(dir, file), "utf8"));
    if (isProblem(result)) {
      problems.push(result);
      continue;
    }
    const other = seenIds.get(result.id);
    if (other !== undefined) {
      problems.push({ file, message: `id "${result.id}" already used by ${other}` });
      continue;
    }
    seenIds.set(result.id, file);
    rules.push(result);
  }
  return { rules, problems };
}

/** Splits the body on "## " headings so a chunk answers one question; text before the first heading stays whole. */
function sections(body: string): { heading?: string; text: string }[] {
  const parts = body.split(/^## +/m);
  const out: { heading?: string; text: string }[] = [];
  const intro = parts[0]?.trim() ?? "";
  if (intro !== "") out.push({ text: intro });
  for (const part of parts.slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    const text = newline === -1 ? "" : part.slice(newline + 1).trim();
    if (text !== "") out.push({ heading, text });
  }
  return out;
}

/** One chunk per body section; all share entityId `rule:<id>` so retrieval can deduplicate them. */
export function ruleToChunks(rule: ApprenticeshipRule): KnowledgeChunk[] {
  const [source] = rule.sources;
  if (source === undefined) return []; // unreachable: the schema requires one source
  return sections(rule.body).map((section, i) => ({
    id: `rule:${rule.id}#${i + 1}`,
    kind: "rule",
    entityId: `rule:${rule.id}`,
    title: section.heading === undefined ? rule.title : `${rule.title} — ${section.heading}`,
    text: section.text,
    keywords: rule.keywords,
    romeCodes: [],
    source,
    url: source.url,
  }));
}
