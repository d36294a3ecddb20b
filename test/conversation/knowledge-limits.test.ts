/**
 * What the bot does with a question its knowledge does not cover: it says so and offers a person, instead of
 * quoting a rule or describing a job that shares one word with the question.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyMemory } from "../../src/conversation/state.js";
import { openRealSetup, type RealSetup } from "./real-ports.js";

let setup: RealSetup;
beforeAll(async () => {
  setup = await openRealSetup();
}, 120_000);
afterAll(() => setup?.cleanup());

const say = (text: string) => setup.engine.handle({ type: "message", text }, emptyMemory());
const offersPerson = (titles: string[]) => titles.some((t) => /conseill/i.test(t));

describe("questions outside the knowledge", () => {
  it("answers small talk as out of scope, not with the rule on working hours or the CFA's training time", async () => {
    for (const text of ["quel temps fait-il demain ?", "quelle heure est-il ?"]) {
      const result = await say(text);
      expect(result.outcome, text).toBe("outOfScope");
      expect(result.replies[0]?.citations ?? [], text).toHaveLength(0);
    }
  });

  it("describes no job for a question whose words the job fiches do not use", async () => {
    const result = await say("combien coûte un iphone ?");
    expect(result.outcome).toBe("unknown");
    expect(result.replies[0]?.text).toMatch(/pas sûr d'avoir compris/);
  });

  it("says it has no verified rule for an apprenticeship question no rule covers, and offers a person", async () => {
    const result = await say("un apprenti a droit à combien de congés ?");
    const answer = result.replies[0];
    expect(answer?.text).toMatch(/pas trouvé de règle vérifiée/);
    expect(answer?.citations ?? []).toHaveLength(0);
    expect(offersPerson((answer?.suggestedActions ?? []).map((a) => a.title))).toBe(true);
  });
});

describe("questions the knowledge covers, asked in many ways", () => {
  it("quotes the rule that answers, typos and courtesy included", async () => {
    for (const text of [
      "période d'essai d'un contrat d'apprentissage",
      "bonjour, je voudrais savoir combien de temps dure un contrat d'apprentissage s'il vous plaît merci",
      "combien de temps dure un contrat d'aprentissage",
    ]) {
      const answer = (await say(text)).replies[0];
      expect(answer?.citations.length, text).toBeGreaterThan(0);
      expect(answer?.text, text).not.toMatch(/pas trouvé de règle/);
    }
  });

  it("quotes a rule for a bare topic and finds the job a description names", async () => {
    expect((await say("les heures de repos")).outcome).toBe("document");
    const furniture = await say("fabriquer des meubles en bois");
    expect(furniture.outcome).toBe("job");
    expect(furniture.replies[0]?.text).toMatch(/H2207|H2206/);
  });
});
