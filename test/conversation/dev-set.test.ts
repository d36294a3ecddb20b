/**
 * The shared dev questions (apprenticeship, contacts, hand-off, booking, safety, out of scope) run through the
 * engine on the real knowledge: each answer must contain what a user would check. Job questions are
 * retrieval's benchmark (test/retrieval/dev-eval.test.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { emptyMemory } from "../../src/conversation/state.js";
import { openRealSetup, REPO_ROOT, type RealSetup } from "./real-ports.js";

const DEV_SET = path.resolve(REPO_ROOT, "../shared/eval/dev-questions.jsonl");

const DevItem = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  expect_regex: z.array(z.string()).optional(),
  expect_place: z.array(z.string()).optional(),
  expect: z.string().optional(),
  accept: z.array(z.string()).optional(),
});
type DevItem = z.infer<typeof DevItem>;

/** The dev set says "scope" for out-of-scope items; the engine's outcome names are more precise. */
const EXPECTED_OUTCOME: Record<string, string> = { handoff: "handoff", booking: "booking", scope: "outOfScope" };

function readDevSet(): DevItem[] {
  return readFileSync(DEV_SET, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => DevItem.parse(JSON.parse(l)))
    .filter((item) => item.kind !== "job");
}

describe.skipIf(!existsSync(DEV_SET))("shared dev questions through the conversation engine", () => {
  let setup: RealSetup;
  beforeAll(async () => {
    setup = await openRealSetup();
  });
  afterAll(async () => {
    await setup?.cleanup();
  });

  const items = existsSync(DEV_SET) ? readDevSet() : [];

  it("has non-job questions to run", () => {
    expect(items.length).toBeGreaterThan(5);
  });

  it.each(items.map((i) => [i.id, i] as const))("%s gets the expected answer", async (_id, item) => {
    const result = await setup.engine.handle({ type: "message", text: item.text }, emptyMemory());
    const text = result.replies.map((r) => r.text).join("\n");
    if (item.expect_regex) expect(item.expect_regex.some((re) => new RegExp(re).test(text)), text).toBe(true);
    if (item.expect_place) expect(item.expect_place.some((place) => text.includes(place)), text).toBe(true);
    if (item.expect) expect(result.outcome).toBe(EXPECTED_OUTCOME[item.expect] ?? item.expect);
    // Every answer offers a way to reach a person.
    expect(result.replies.every((r) => r.suggestedActions.length > 0 || /conseill/.test(r.text))).toBe(true);
  });
});
