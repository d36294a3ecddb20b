import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/retrieval/analysis/french-analyzer.js";
import {
  compileLexicon,
  expandWithLexicon,
  loadLexicon,
  LexiconError,
  LexiconFile,
} from "../../../src/retrieval/lexicon/lexicon.js";

const lexicon = compileLexicon([
  LexiconFile.parse({
    about: "test",
    queryFillers: ["métier"],
    equivalents: [["vétérinaire", "véto"]],
    expansions: [{ when: ["personnes âgées"], add: ["gériatrie", "aide à domicile"] }],
  }),
]);

describe("retrieval lexicon", () => {
  it("adds the other words of an equivalence group", () => {
    const added = expandWithLexicon(lexicon, analyze("véto"));
    expect([...added.keys()]).toEqual(analyze("vétérinaire"));
  });

  it("adds topic words only when the whole phrase is present", () => {
    expect(
      expandWithLexicon(lexicon, analyze("personnes âgées")).has(analyze("gériatrie")[0] as string),
    ).toBe(true);
    expect(expandWithLexicon(lexicon, analyze("personnes")).size).toBe(0);
  });

  it("gives topic words less weight than equivalents", () => {
    const topic = Math.max(...expandWithLexicon(lexicon, analyze("personnes âgées")).values());
    const equivalent = Math.max(...expandWithLexicon(lexicon, analyze("véto")).values());
    expect(topic).toBeLessThan(equivalent);
  });

  it("collects query fillers in folded form", () => {
    expect(lexicon.fillers.has("metier")).toBe(true);
  });

  it("names the file and the field of an invalid lexicon", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lexicon-"));
    await writeFile(path.join(dir, "bad.json"), JSON.stringify({ about: "x", equivalents: [["seul"]] }));
    await expect(loadLexicon(dir)).rejects.toThrow(LexiconError);
    await expect(loadLexicon(dir)).rejects.toThrow(/bad\.json.*equivalents/);
  });

  it("loads the project's own lexicon files", async () => {
    const real = await loadLexicon(path.resolve("knowledge/lexicon"));
    expect(real.rules.length).toBeGreaterThan(50);
  });
});
