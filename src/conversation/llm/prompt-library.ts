/**
 * Loads the prompt templates of `prompts/` once at start and checks that each one uses exactly the
 * placeholders the code fills in, so a typo in a prompt stops the process instead of reaching the model.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";

/** The repository's `prompts/` folder, wherever the process was started from. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL("../../../prompts/", import.meta.url));

/** Placeholders of each prompt's system and human parts; the files must use these and no others. */
export const PROMPT_VARIABLES = {
  "grounded-answer": { system: ["region"], human: ["profile", "sources", "question"] },
  "intent-fallback": { system: ["intents", "audiences", "toolName"], human: ["message"] },
} as const;

export type PromptName = keyof typeof PROMPT_VARIABLES;
export type PromptLibrary = Record<PromptName, ChatPromptTemplate>;

export class PromptFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PromptFileError";
  }
}

async function readTemplate(dir: string, file: string, expected: readonly string[]): Promise<string> {
  const fullPath = path.join(dir, file);
  let text: string;
  try {
    text = (await readFile(fullPath, "utf8")).trim();
  } catch (err) {
    throw new PromptFileError(`Cannot read prompt ${fullPath}: ${(err as Error).message}`);
  }
  let found: string[];
  try {
    found = PromptTemplate.fromTemplate(text).inputVariables;
  } catch (err) {
    throw new PromptFileError(`Prompt ${fullPath} is not a valid template (write {{ and }} for braces): ${(err as Error).message}`);
  }
  const missing = expected.filter((v) => !found.includes(v));
  const unknown = found.filter((v) => !expected.includes(v));
  if (missing.length > 0 || unknown.length > 0) {
    throw new PromptFileError(
      `Prompt ${fullPath}: ${[missing.length > 0 ? `missing {${missing.join("}, {")}}` : "", unknown.length > 0 ? `unknown {${unknown.join("}, {")}}` : ""]
        .filter(Boolean)
        .join("; ")}`,
    );
  }
  return text;
}

export async function loadPromptLibrary(dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptLibrary> {
  const entries = await Promise.all(
    (Object.keys(PROMPT_VARIABLES) as PromptName[]).map(async (name) => {
      const vars = PROMPT_VARIABLES[name];
      const [system, human] = await Promise.all([
        readTemplate(dir, `${name}.system.md`, vars.system),
        readTemplate(dir, `${name}.human.md`, vars.human),
      ]);
      return [name, ChatPromptTemplate.fromMessages([["system", system], ["human", human]])] as const;
    }),
  );
  return Object.fromEntries(entries) as PromptLibrary;
}
