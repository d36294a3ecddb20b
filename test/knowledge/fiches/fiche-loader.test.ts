import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProjectFiches, parseFicheSections } from "../../../src/knowledge/fiches/fiche-loader.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

describe("loadProjectFiches", () => {
  it("reads the front matter and the text of every section of a valid fiche", async () => {
    const { fiches, problems } = await loadProjectFiches(path.join(FIXTURES, "valid"));
    expect(problems).toEqual([]);
    expect(fiches).toHaveLength(1);
    const [fiche] = fiches;
    expect(fiche?.id).toBe("testeur-de-fiches");
    expect(fiche?.romeCodes).toEqual(["J1501", "J1301"]);
    expect(fiche?.tension).toEqual({ PAC: true });
    expect(fiche?.pay?.source.url).toBe("https://example.org/grille");
    expect(fiche?.sections.quotidien).toBe("- Lire une fiche.\n- Signaler une erreur.");
    expect(fiche?.sections.pac).toBe("Le plan régional fictif cite ce métier. Il compte 12 postes.");
    expect(fiche?.filePath).toBe(path.join(FIXTURES, "valid", "testeur-de-fiches.md"));
  });

  it("keeps the good fiches and reports each bad file with its path instead of failing", async () => {
    const dir = path.join(FIXTURES, "mixed");
    const { fiches, problems } = await loadProjectFiches(dir);
    expect(fiches.map((f) => f.id)).toEqual(["bonne-fiche"]);
    expect(problems.map((p) => path.basename(p.file))).toEqual([
      "mauvais-front-matter.md",
      "sans-front-matter.md",
      "sections-en-desordre.md",
      "yaml-casse.md",
    ]);
    expect(problems.every((p) => p.file.startsWith(dir) && p.issues.length > 0)).toBe(true);
  });

  it("names the front matter fields zod rejected", async () => {
    const { problems } = await loadProjectFiches(path.join(FIXTURES, "mixed"));
    const issues = problems.find((p) => p.file.endsWith("mauvais-front-matter.md"))?.issues.join("\n") ?? "";
    expect(issues).toMatch(/^romeCodes\.0: expected a ROME code/m);
    expect(issues).toMatch(/^apprenticeship: /m);
    expect(issues).toMatch(/^levels: /m);
    expect(issues).toMatch(/^sources: /m);
    expect(issues).toMatch(/sections: missing "## Au quotidien"/);
  });

  it("reports broken YAML and a file without front matter in plain words", async () => {
    const { problems } = await loadProjectFiches(path.join(FIXTURES, "mixed"));
    const issuesOf = (name: string): string =>
      problems.find((p) => p.file.endsWith(name))?.issues.join("\n") ?? "";
    expect(issuesOf("yaml-casse.md")).toMatch(/^front matter: invalid YAML/);
    expect(issuesOf("sans-front-matter.md")).toMatch(/must start with a block between --- lines/);
  });

  it("reports an id that differs from the file name", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fiches-"));
    try {
      const valid = await readFile(path.join(FIXTURES, "valid", "testeur-de-fiches.md"), "utf8");
      await writeFile(path.join(dir, "autre-nom.md"), valid, "utf8");
      const { fiches, problems } = await loadProjectFiches(dir);
      expect(fiches).toEqual([]);
      expect(problems[0]?.issues).toEqual(['id: "testeur-de-fiches" differs from the file name "autre-nom"']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects a title in one gender only unless the fiche declares the title epicene", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fiches-"));
    try {
      const valid = await readFile(path.join(FIXTURES, "valid", "testeur-de-fiches.md"), "utf8");
      const masculineOnly = valid.replace("title: Testeur / Testeuse de fiches", "title: Testeur de fiches");
      await writeFile(path.join(dir, "testeur-de-fiches.md"), masculineOnly, "utf8");
      const rejected = await loadProjectFiches(dir);
      expect(rejected.problems[0]?.issues).toEqual([
        expect.stringMatching(/^title: title must give both gender forms/),
      ]);
      await writeFile(
        path.join(dir, "testeur-de-fiches.md"),
        masculineOnly.replace("title:", "epicene: true\ntitle:"),
        "utf8",
      );
      expect((await loadProjectFiches(dir)).problems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("returns a problem, not an exception, for a folder that does not exist", async () => {
    const missing = path.join(FIXTURES, "absent");
    const { fiches, problems } = await loadProjectFiches(missing);
    expect(fiches).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(missing);
  });
});

describe("parseFicheSections", () => {
  const body = (headings: string[]): string => headings.map((h) => `## ${h}\nTexte.\n`).join("\n");
  const all = [
    "Le métier",
    "Au quotidien",
    "Qualités utiles",
    "Comment y accéder",
    "Salaire",
    "En Provence-Alpes-Côte d'Azur",
    "En Bourgogne-Franche-Comté",
  ];

  it("rejects sections written in another order", () => {
    const swapped = [all[1], all[0], ...all.slice(2)] as string[];
    const parsed = parseFicheSections(body(swapped));
    expect(parsed.ok ? [] : parsed.issues).toEqual([`sections: expected in this order: ${all.join(" | ")}`]);
  });

  it("rejects an extra section and an empty one", () => {
    expect(parseFicheSections(`${body(all)}\n## Débouchés\nTexte.\n`)).toEqual({
      ok: false,
      issues: ['sections: unexpected "## Débouchés"'],
    });
    const empty = body(all).replace("## Salaire\nTexte.", "## Salaire\n");
    expect(parseFicheSections(empty)).toEqual({ ok: false, issues: ['sections: "## Salaire" is empty'] });
  });

  it("keeps ### subheadings inside their section and rejects loose text above the first section", () => {
    const withSub = body(all).replace(
      "## Comment y accéder\nTexte.",
      "## Comment y accéder\n### Diplômes\nDEAS.",
    );
    const parsed = parseFicheSections(withSub);
    expect(parsed.ok && parsed.value.acces).toBe("### Diplômes\nDEAS.");
    expect(parseFicheSections(`Intro perdue.\n\n${body(all)}`).ok).toBe(false);
  });
});
