/** Shared set-up for the retrieval scripts (index, ask, eval, bench): configuration and the official ROME folder. */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig, type AppConfig } from "../config/config.js";

/** Where the shared official ROME files live on a developer machine, beside the repository. */
export const SHARED_ROME_DIR = path.resolve("../shared/data/rome-v460");

/**
 * The app configuration, with the shared official ROME folder used when none is configured and it exists:
 * the scripts are run by developers who want the full texts without setting a variable.
 */
export function scriptConfig(env: NodeJS.ProcessEnv): AppConfig {
  const config = loadConfig(env);
  if (config.knowledge.romeOfficialDir === undefined && existsSync(SHARED_ROME_DIR)) {
    return { ...config, knowledge: { ...config.knowledge, romeOfficialDir: SHARED_ROME_DIR } };
  }
  return config;
}

/** Reads `--name value` and bare flags from argv; positional arguments are returned in order. */
export function parseArgs(argv: string[]): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--") && !["--json", "--force", "--strict"].includes(a)) {
      flags.set(a.slice(2), next);
      i++;
    } else flags.set(a.slice(2), true);
  }
  return { flags, positional };
}

/** Runs a script's main function: a failure prints one readable line and exits 1 (no unhandled rejection). */
export function runScript(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    console.error(e.name === "Error" ? e.message : `${e.name}: ${e.message}`);
    process.exitCode = 1;
  });
}
