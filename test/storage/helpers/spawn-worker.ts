// Starts booking-worker.ts in a child Node process (through tsx) and exposes its output lines.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { StorageOptions } from "../../../src/storage/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

export interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Resolves when a line matching `predicate` has been printed. */
  waitFor(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function spawnWorker(args: { mode: "race" | "loop"; options: StorageOptions; attempts?: number }): Worker {
  const child = spawn(process.execPath, ["--import", tsxLoader, path.join(here, "booking-worker.ts"), JSON.stringify(args)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters: Array<{ predicate: (l: string) => boolean; resolve: (l: string) => void }> = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.predicate(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor: (predicate, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(predicate);
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(() => reject(new Error(`worker timed out; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        void exited.then(() => setTimeout(() => reject(new Error(`worker exited; stderr: ${stderr.slice(-2000)}`)), 200));
        waiters.push({ predicate, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      }),
  };
}
