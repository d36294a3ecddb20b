/**
 * Reads the project's job fiches from a folder of Markdown files with YAML front matter. A bad file never stops
 * the load: it is reported with its path and what is wrong, and the other fiches are still returned.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { FICHE_SECTIONS, FicheFrontMatter, type FicheSections, type ProjectFiche } from "./fiche-schema.js";

/** One invalid file and everything wrong with it, each issue as "path: message". */
export interface FicheProblem {
  file: string;
  issues: string[];
}

export interface LoadedFiches {
  fiches: ProjectFiche[];
  problems: FicheProblem[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SECTION_HEADING = /^##[ \t]+(.+?)[ \t]*$/gm;

/** Writers type either apostrophe; headings are compared on one form. */
const normalizeHeading = (heading: string): string =>
  heading.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();

function splitFrontMatter(content: string): Parsed<{ yaml: string; body: string }> {
  const text = content.replace(/^\uFEFF/, "");
  const match = FRONT_MATTER.exec(text);
  if (match === null)
    return { ok: false, issues: ["front matter: the file must start with a block between --- lines"] };
  return { ok: true, value: { yaml: match[1] ?? "", body: text.slice(match[0].length) } };
}

function parseFrontMatter(yaml: string): Parsed<FicheFrontMatter> {
  let raw: unknown;
  try {
    raw = parseYaml(yaml);
  } catch (error) {
    return {
      ok: false,
      issues: [`front matter: invalid YAML (${(error as Error).message.split("\n")[0] ?? ""})`],
    };
  }
  const parsed = FicheFrontMatter.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${i.path.join(".") || "front matter"}: ${i.message}`),
  };
}

/** Splits the body on `##` headings and checks they are exactly the expected ones, in order, and not empty. */
export function parseFicheSections(body: string): Parsed<FicheSections> {
  const headings = [...body.matchAll(SECTION_HEADING)];
  const issues: string[] = [];
  const preamble = body.slice(0, headings[0]?.index ?? body.length).trim();
  // A single "# Title" line above the sections is tolerated; any other text there would never be indexed.
  if (preamble !== "" && !/^#[ \t]+[^\n]+$/.test(preamble))
    issues.push("body: text before the first ## section");
  const found = headings.map((h) => normalizeHeading(h[1] ?? ""));
  const expected = FICHE_SECTIONS.map((s) => s.heading);
  if (found.join("\n") !== expected.join("\n")) {
    const missing = expected.filter((h) => !found.includes(h));
    const unknown = found.filter((h) => !expected.includes(h));
    if (missing.length > 0) issues.push(`sections: missing ${missing.map((h) => `"## ${h}"`).join(", ")}`);
    if (unknown.length > 0) issues.push(`sections: unexpected ${unknown.map((h) => `"## ${h}"`).join(", ")}`);
    if (missing.length === 0 && unknown.length === 0)
      issues.push(`sections: expected in this order: ${expected.join(" | ")}`);
  }
  if (issues.length > 0) return { ok: false, issues };
  const sections = {} as FicheSections;
  FICHE_SECTIONS.forEach((spec, i) => {
    const start = (headings[i]?.index ?? 0) + (headings[i]?.[0].length ?? 0);
    const end = headings[i + 1]?.index ?? body.length;
    sections[spec.key] = body.slice(start, end).trim();
    if (sections[spec.key] === "") issues.push(`sections: "## ${spec.heading}" is empty`);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: sections };
}

/** Parses one fiche file's content; `filePath` names the problem and gives the expected id (the file slug). */
export function parseProjectFiche(content: string, filePath: string): Parsed<ProjectFiche> {
  const split = splitFrontMatter(content);
  if (!split.ok) return split;
  const front = parseFrontMatter(split.value.yaml);
  const sections = parseFicheSections(split.value.body);
  const issues = [...(front.ok ? [] : front.issues), ...(sections.ok ? [] : sections.issues)];
  const slug = path.basename(filePath, ".md");
  if (front.ok && front.value.id !== slug)
    issues.push(`id: "${front.value.id}" differs from the file name "${slug}"`);
  if (!front.ok || !sections.ok || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...front.value, sections: sections.value, filePath } };
}

/** Loads every `*.md` of `dir` (not recursive), sorted by file name; a missing folder is one problem, not a crash. */
export async function loadProjectFiches(dir: string): Promise<LoadedFiches> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".md")).sort();
  } catch (error) {
    return {
      fiches: [],
      problems: [{ file: dir, issues: [`cannot read the folder: ${(error as Error).message}`] }],
    };
  }
  const fiches: ProjectFiche[] = [];
  const problems: FicheProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let content: string;
    try {
      content = await readFile(file, "utf8");
    } catch (error) {
      problems.push({ file, issues: [`cannot read the file: ${(error as Error).message}`] });
      continue;
    }
    const parsed = parseProjectFiche(content, file);
    if (parsed.ok) fiches.push(parsed.value);
    else problems.push({ file, issues: parsed.issues });
  }
  return { fiches, problems };
}
