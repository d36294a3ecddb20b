import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { loadRomeSnapshot } from "../../../src/knowledge/rome/snapshot.js";
import { writeRomeFixture } from "./fixture-files.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function importScript(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  try {
    const { stdout, stderr } = await run(tsx, [path.join(ROOT, "scripts", "import-rome.ts"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run import:rome", () => {
  it("writes the snapshot to the knowledge folder and the texts to the data folder, and prints counts", async () => {
    const official = await writeRomeFixture();
    const work = await mkdtemp(path.join(tmpdir(), "rome-script-"));
    dirs.push(official, work);
    const env = { KNOWLEDGE_DIR: path.join(work, "knowledge"), DATA_DIR: path.join(work, "data") };

    const result = await importScript(["--from", official, "--imported-on", "2026-11-20"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 fiches, 4 appellations, 3 mobility links, 2 interest centres");
    expect(result.stdout).toContain("0 problem(s)");
    const snapshot = await loadRomeSnapshot(env.KNOWLEDGE_DIR);
    expect(snapshot.header.importedOn).toBe("2026-11-20");
    const texts = JSON.parse(await readFile(path.join(env.DATA_DIR, "rome-texts.json"), "utf8")) as { texts: Record<string, unknown> };
    expect(Object.keys(texts.texts)).toEqual(["D1102"]);
  });

  it("exits with a clear message when no folder is given", async () => {
    const result = await importScript([], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No ROME folder: pass --from <dir> or set ROME_OFFICIAL_DIR.");
  });
});
