import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTransformersEmbeddings } from "../../../src/retrieval/embeddings/transformers-embeddings.js";

describe("local transformers embeddings", () => {
  it("says which folder is missing", async () => {
    await expect(loadTransformersEmbeddings("/nonexistent/model")).rejects.toMatchObject({
      code: "missing_model",
    });
  });

  it("says the optional package is missing instead of crashing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "model-"));
    await expect(loadTransformersEmbeddings(dir)).rejects.toMatchObject({ code: "missing_package" });
  });

  it("switches remote loading off and loads from the folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "model-"));
    const env = { allowRemoteModels: true, allowLocalModels: false, localModelPath: "" };
    let asked = "";
    const fakePackage = {
      env,
      pipeline: (_task: string, model: string, options: { local_files_only: boolean }) => {
        asked = `${model}:${options.local_files_only}`;
        return Promise.resolve((texts: string[]) =>
          Promise.resolve({ tolist: () => texts.map((t) => [t.length]) }),
        );
      },
    };
    const e = await loadTransformersEmbeddings(dir, () => Promise.resolve(fakePackage));
    expect(env.allowRemoteModels).toBe(false);
    expect(env.localModelPath).toBe(path.dirname(dir));
    expect(asked).toBe(`${path.basename(dir)}:true`);
    expect(await e.embedQuery("abc")).toEqual([3]);
  });
});
