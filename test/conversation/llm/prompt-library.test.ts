import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from "../../../src/conversation/llm/prompt-library.js";

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function copyOfPrompts(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "prompts-"));
  temps.push(dir);
  await cp(DEFAULT_PROMPTS_DIR, dir, { recursive: true });
  return dir;
}

describe("prompt files", () => {
  it("render a French system prompt that binds the answer to the numbered sources", async () => {
    const prompts = await loadPromptLibrary();
    const [system, human] = await prompts["grounded-answer"].formatMessages({
      region: "Bourgogne-Franche-Comté",
      profile: "- Âge : 17 ans",
      sources: "[1] Rémunération de l'apprenti\nTexte de la source.",
      question: "Combien gagne un apprenti ?",
    });
    expect(system?.getType()).toBe("system");
    const rules = system?.text ?? "";
    expect(rules).toContain("Service public régional de l'orientation (SPRO) de la région Bourgogne-Franche-Comté");
    expect(rules).toMatch(/vouvoyant/);
    expect(rules).toMatch(/UNIQUEMENT avec les informations des sources numérotées/);
    expect(rules).toMatch(/citez sa source par son numéro entre crochets/);
    expect(rules).toMatch(/N'inventez jamais une adresse, un numéro de téléphone/);
    expect(rules).toMatch(/Les sources dont je dispose ne répondent pas à cette question/);
    expect(rules).toMatch(/aucun conseil médical ou juridique/);
    expect(human?.text).toContain("[1] Rémunération de l'apprenti");
    expect(human?.text).toMatch(/Question de la personne :\nCombien gagne un apprenti \?$/);
  });

  it("insert the user's words as they are, braces included", async () => {
    const prompts = await loadPromptLibrary();
    const [, human] = await prompts["intent-fallback"].formatMessages({ intents: "- job", audiences: "lyceen", toolName: "classify_message", message: "je veux {question} faire" });
    expect(human?.text).toContain("je veux {question} faire");
  });

  it("offer the classifier its intents and name the tool it must call", async () => {
    const prompts = await loadPromptLibrary();
    const [system] = await prompts["intent-fallback"].formatMessages({ intents: "- job : un métier", audiences: "lyceen (lycéen)", toolName: "classify_message", message: "x" });
    expect(system?.text).toContain("- job : un métier");
    expect(system?.text).toContain("en appelant l'outil classify_message");
    expect(system?.text).toContain("« unknown »");
  });

  it("stop the start with the file's name when a placeholder is misspelt", async () => {
    const dir = await copyOfPrompts();
    await writeFile(path.join(dir, "grounded-answer.human.md"), "Sources :\n{source}\nQuestion : {question}\nProfil : {profile}");
    const error: unknown = await loadPromptLibrary(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptFileError);
    expect((error as Error).message).toMatch(/grounded-answer\.human\.md: missing \{sources\}; unknown \{source\}/);
  });

  it("stop the start when a prompt file is missing", async () => {
    const dir = await copyOfPrompts();
    await rm(path.join(dir, "intent-fallback.system.md"));
    await expect(loadPromptLibrary(dir)).rejects.toThrow(/Cannot read prompt .*intent-fallback\.system\.md/);
  });
});
