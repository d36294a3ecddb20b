/**
 * Loads `pay-grid.json` and `smic.json` from the apprenticeship knowledge folder, parsed with zod.
 * A bad file throws ApprenticeshipDataError naming the file and the field, at start-up rather than mid-chat.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { PayGrid, SmicHistory } from "./rule-schema.js";

export class ApprenticeshipDataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "ApprenticeshipDataError";
  }
}

async function loadJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ApprenticeshipDataError(file, (error as Error).message);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ApprenticeshipDataError(file, issues.join("; "));
  }
  return parsed.data;
}

export const PAY_GRID_FILE = "pay-grid.json";
export const SMIC_FILE = "smic.json";

export function loadPayGrid(dir: string): Promise<PayGrid> {
  return loadJson(path.join(dir, PAY_GRID_FILE), PayGrid);
}

export function loadSmicHistory(dir: string): Promise<SmicHistory> {
  return loadJson(path.join(dir, SMIC_FILE), SmicHistory);
}
