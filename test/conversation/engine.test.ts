import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationEngine } from "../../src/conversation/engine.js";
import { emptyMemory } from "../../src/conversation/state.js";
import { silentLogger } from "../../src/shared/logger.js";
import { openRealSetup, TODAY, type RealSetup } from "./real-ports.js";

let setup: RealSetup;
beforeAll(async () => {
  setup = await openRealSetup();
});
afterAll(async () => {
  await setup?.cleanup();
});

describe("conversation engine", () => {
  it("remembers age and commune said in passing, and uses them later", async () => {
    const first = await setup.engine.handle({ type: "message", text: "j'ai 19 ans, j'habite à Dijon et je veux devenir couvreur" }, emptyMemory());
    expect(first.memory.age).toBe(19);
    expect(first.memory.place?.name).toBe("Dijon");
    const pay = await setup.engine.handle({ type: "message", text: "combien gagne un apprenti en 1re année ?" }, first.memory);
    expect(pay.replies[0]?.text).toMatch(/à 19 ans[\s\S]*43 % du SMIC/);
    const help = await setup.engine.handle({ type: "message", text: "où trouver de l'aide ?" }, pay.memory);
    expect(help.replies[0]?.text).toMatch(/Près de \*\*Dijon\*\*/);
  });

  it("gives the pay from 26 without asking the contract year, the same every year, and still asks it at 19", async () => {
    const older = await setup.engine.handle({ type: "message", text: "un apprenti de 26 ans gagne combien ?" }, emptyMemory());
    expect(older.replies[0]?.text).toMatch(/Quelle que soit l'année du contrat, à 26 ans[\s\S]*100 % du SMIC/);
    expect(older.memory.pending).toBeUndefined();
    const younger = await setup.engine.handle({ type: "message", text: "un apprenti de 19 ans gagne combien ?" }, emptyMemory());
    expect(younger.replies[0]?.text).toMatch(/En quelle année du contrat/);
    expect(younger.memory.pending).toEqual({ kind: "contractYear" });
  });

  it("asks a parent what their child likes when the child does not know what to do", async () => {
    const parent = await setup.engine.handle({ type: "message", text: "mon fils de 15 ans ne sait pas quoi faire" }, emptyMemory());
    expect(parent.outcome).toBe("interests");
    expect(parent.replies[0]?.text).toMatch(/ce que votre enfant aime/);
    const next = await setup.engine.handle({ type: "message", text: "il aime bricoler" }, parent.memory);
    expect(next.replies[0]?.text).toMatch(/métiers qui pourraient/);
    const self = await setup.engine.handle({ type: "message", text: "je ne sais pas quoi faire" }, emptyMemory());
    expect(self.replies[0]?.text).toMatch(/ce que vous aimez/);
  });

  it("does not take « vers » for the commune Vers, and finds the town a cue announces", async () => {
    const social = await setup.engine.handle({ type: "message", text: "je me dirige vers le social" }, emptyMemory());
    expect(social.memory.place).toBeUndefined();
    const cio = await setup.engine.handle({ type: "message", text: "Je cherche un CIO vers Gap" }, social.memory);
    expect(cio.memory.place?.name).toBe("Gap");
    expect(cio.replies[0]?.text).toMatch(/Gap/);
  });

  it("takes the region from the channel, and keeps it after the user deletes their data", async () => {
    const r = await setup.engine.handle({ type: "message", text: "j'ai 17 ans", region: "BFC" }, emptyMemory());
    expect(r.memory.region).toBe("BFC");
    const deleted = await setup.engine.handle({ type: "message", text: "supprimez mes données" }, r.memory);
    expect(deleted.forget).toBe(true);
    expect(deleted.memory).toEqual({ turns: 0, region: "BFC" });
  });

  it("greets once even when the channel announces the start twice", async () => {
    const first = await setup.engine.handle({ type: "conversationStart" }, emptyMemory());
    const second = await setup.engine.handle({ type: "conversationStart" }, first.memory);
    expect(first.replies).toHaveLength(1);
    expect(second.replies).toHaveLength(0);
  });

  it("answers a failing knowledge source with a plain French sentence and a way to reach a person", async () => {
    const failing = new ConversationEngine(
      { ...setup.ports, jobs: { ...setup.ports.jobs, findJobs: () => Promise.reject(new Error("index unavailable")) } },
      { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY },
    );
    const r = await failing.handle({ type: "message", text: "je veux devenir boulanger" }, emptyMemory());
    expect(r.outcome).toBe("error");
    expect(r.replies[0]?.text).toMatch(/Une erreur est survenue/);
    expect(r.replies[0]?.text).not.toMatch(/index unavailable/);
    expect(r.replies[0]?.suggestedActions.map((a) => a.title)).toContain("Parler à un conseiller");
  });
});
