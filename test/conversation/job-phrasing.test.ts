import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyMemory, type ConversationMemory } from "../../src/conversation/state.js";
import { openRealSetup, type RealSetup } from "./real-ports.js";

let setup: RealSetup;
beforeAll(async () => {
  setup = await openRealSetup();
});
afterAll(async () => {
  await setup?.cleanup();
});

/** One conversation: each message in turn, the memory carried over; returns the reply text of each. */
async function conversation(...messages: string[]): Promise<string[]> {
  let memory: ConversationMemory = emptyMemory();
  const texts: string[] = [];
  for (const text of messages) {
    const r = await setup.engine.handle({ type: "message", text }, memory);
    memory = r.memory;
    texts.push(r.replies.map((x) => x.text).join("\n"));
  }
  return texts;
}

describe("ways of asking how to become someone", () => {
  it.each([
    ["Comment devenir boulanger ?", /Boulanger \/ Boulangère[\s\S]*D1102/],
    ["comment devenir plombier", /Plombi[\s\S]*F1603/],
    ["je veux devenir aide-soignant", /Aide-soignant \/ Aide-soignante[\s\S]*J1501/],
    ["je veux devenir éducateur spécialisé", /Éducateur spécialisé[\s\S]*K1207/],
    ["Comment on devient boulanger ?", /Boulanger[\s\S]*D1102/],
  ])("answers « %s » about that job, without asking which one", async (question, expected) => {
    const [answer] = await conversation(question);
    expect(answer).toMatch(expected);
    expect(answer).not.toMatch(/Lequel vous intéresse/);
  });

  it.each([
    ["je veux faire de la coiffure", /Coiffeur \/ Coiffeuse\*\* \(fiche ROME D1202\)/],
    ["je veux travailler dans une boulangerie", /Boulanger \/ Boulangère\*\* \(fiche ROME D1102\)/],
    ["la pâtisserie", /Pâtissier \/ Pâtissière\*\* \(fiche ROME D1104\)/],
    ["je veux faire de la soudure", /Soudeur \/ Soudeuse\*\* \(fiche ROME H2913\)/],
  ])("takes the activity for the job that does it: %j", async (message, expected) => {
    const [reply] = await conversation(message);
    expect(reply).toMatch(expected);
  });

  it("elides « de » before a job title that starts with a vowel", async () => {
    const [, pay, close] = await conversation("électricien du bâtiment", "et le salaire ?", "des métiers proches ?");
    expect(pay).toMatch(/le salaire d'Électricien/);
    expect(close).toMatch(/^Métiers proches d'\*\*Électricien/);
  });

  it("asks which speciality for « quelles études pour être infirmier », several fiches fitting", async () => {
    const [answer] = await conversation("quelles études pour être infirmier");
    expect(answer).toMatch(/Lequel vous intéresse/);
    expect(answer).toMatch(/Infirmier \/ Infirmière en soins généraux/);
  });

  it("answers about the job named in the question, not the one asked about before", async () => {
    const [, plumber, nurse] = await conversation("je veux devenir boulanger", "comment devenir plombier ?", "Quelles études pour être infirmier ?");
    expect(plumber).toMatch(/F1603/);
    expect(plumber).not.toMatch(/D1102/);
    expect(nurse).toMatch(/Lequel vous intéresse/);
  });

  it("keeps the job in mind for follow-ups that name none", async () => {
    const [, access, close] = await conversation("je veux devenir boulanger", "Comment y accéder ?", "Des métiers proches ?");
    expect(access).toMatch(/Comment devenir Boulanger/);
    expect(close).toMatch(/Métiers proches de \*\*Boulanger/);
  });

  it("reads the job words after « qu'est-ce que le métier de »", async () => {
    const [roofer, technician] = await conversation("Qu'est-ce que le métier de couvreur ?", "Qu'est-ce que le métier de technicien de maintenance ?");
    expect(roofer).toMatch(/Couvreur \/ Couvreuse\*\* \(fiche ROME F1619\)/);
    // Many fiches are "technicien de maintenance ...": the user picks, rather than getting the first one found.
    expect(technician).toMatch(/Lequel vous intéresse[\s\S]*maintenance industrielle/);
  });
});

describe("one job, one answer", () => {
  it("cites the ROME fiche once beside the project fiche's own sources, in the answer and its follow-ups", async () => {
    let memory: ConversationMemory = emptyMemory();
    for (const text of ["je veux devenir boulanger", "Comment y accéder ?", "Et le salaire ?"]) {
      const r = await setup.engine.handle({ type: "message", text }, memory);
      memory = r.memory;
      const urls = r.replies[0]?.citations.map((c) => c.url) ?? [];
      expect(new Set(urls).size).toBe(urls.length);
      expect(urls).toContain("https://candidat.francetravail.fr/metierscope/fiche-metier/D1102");
      expect(urls.length).toBeGreaterThan(1);
    }
  });
});
