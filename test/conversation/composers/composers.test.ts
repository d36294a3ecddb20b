import { describe, expect, it } from "vitest";
import { composeDistress, DISTRESS_SOURCES } from "../../../src/conversation/composers/distress.js";
import { followUpJobQuery, isExactTitle, jobQuery, namedBy } from "../../../src/conversation/composers/job.js";
import { composeGreeting, composeNotFrench, composeOutOfScope } from "../../../src/conversation/composers/social.js";
import { euros, frenchDate, shorten } from "../../../src/conversation/composers/turn.js";
import { TALK_TO_SOMEONE, withHumanOption } from "../../../src/conversation/reply.js";

describe("distress answers", () => {
  it("names 3114 first for suicidal thoughts and cites the official page", () => {
    const r = composeDistress("suicide");
    expect(r.text.indexOf("3114")).toBeLessThan(r.text.indexOf("15"));
    expect(r.citations[0]?.url).toBe(DISTRESS_SOURCES.suicide.url);
  });

  it("names 119 for a child in danger", () => {
    expect(composeDistress("child").text).toMatch(/\*\*119\*\* \(Allô enfance en danger\)/);
  });

  it("names 3018 for harassment at school or online, with its source and the emergency numbers", () => {
    const r = composeDistress("harassment");
    expect(r.text).toMatch(/\*\*3018\*\*/);
    expect(r.text).toContain("**112**");
    expect(r.citations[0]?.url).toBe(DISTRESS_SOURCES.harassment.url);
  });

  it("lists 15, 17, 112 and 114 by SMS for an emergency", () => {
    const text = composeDistress("emergency").text;
    for (const n of ["**15**", "**17**", "**112**", "**114**"]) expect(text).toContain(n);
    expect(text).toMatch(/114\*\* : par SMS/);
  });

  it("always offers a person", () => {
    expect(composeDistress("suicide").suggestedActions).toContainEqual(TALK_TO_SOMEONE);
  });
});

describe("social answers", () => {
  it("introduces the regional service by its everyday name", () => {
    expect(composeGreeting("PAC", true).text).toMatch(/Région Sud/);
    expect(composeGreeting("BFC", true).text).toMatch(/Bourgogne-Franche-Comté/);
  });

  it("says plainly what the bot does when a question is out of scope", () => {
    expect(composeOutOfScope().text).toMatch(/métiers, les formations, l'apprentissage/);
  });

  it("answers other languages in French with simple words", () => {
    expect(composeNotFrench().text).toMatch(/^Ce service répond en français\./);
  });
});

describe("next steps", () => {
  it("keeps the counsellor option last and unique", () => {
    const actions = withHumanOption([{ title: "A", value: "a" }, TALK_TO_SOMEONE, { title: "B", value: "b" }]);
    expect(actions.at(-1)).toEqual(TALK_TO_SOMEONE);
    expect(actions.filter((a) => a.value === TALK_TO_SOMEONE.value)).toHaveLength(1);
  });
});

describe("job questions", () => {
  it.each([
    ["je veux devenir infirmier", "infirmier"],
    ["c'est quoi le métier de boulanger ?", "boulanger"],
    ["Quel métier pour fabriquer des meubles en bois ?", "fabriquer des meubles en bois"],
    ["je cherche un métier", ""],
    ["Qu'est-ce que le métier de couvreur ?", "couvreur"],
    ["Comment on devient boulanger ?", "boulanger"],
  ])("keeps the words that name the job in %j", (text, query) => {
    expect(jobQuery(text)).toBe(query);
  });

  it.each([
    ["comment devenir plombier ?", "plombier"],
    ["quelles études pour être infirmier", "infirmier"],
    ["Des métiers proches ?", ""],
    ["Et en apprentissage ?", ""],
    ["Et le salaire ?", ""],
    ["Comment y accéder ?", ""],
  ])("finds the job a follow-up names in %j, and none in a bare follow-up", (text, query) => {
    expect(followUpJobQuery(text)).toBe(query);
  });

  it("reads a title of several words as exact, the qualifier after the feminine form applying to both", () => {
    expect(isExactTitle("educateur specialise", "Educateur spécialisé / Educatrice spécialisée")).toBe(true);
    expect(isExactTitle("educatrice specialisee", "Educateur spécialisé / Educatrice spécialisée")).toBe(true);
    expect(isExactTitle("infirmier", "Infirmier / Infirmière en soins généraux (IDE)")).toBe(false);
    expect(isExactTitle("mecanicienne automobile", "Mécanicien / Mécanicienne automobile")).toBe(true);
    expect(isExactTitle("boulanger", "Chef boulanger / Cheffe boulangère")).toBe(false);
  });

  it("treats a word found in several titles as ambiguous, and one found in one title as that job", () => {
    const matches = [
      { code: "J1506", title: "Infirmier / Infirmière en soins généraux (IDE)", score: 3, titleMatch: true, agreed: true },
      { code: "J1503", title: "Infirmier / Infirmière anesthésiste (IADE)", score: 2, titleMatch: true, agreed: true },
      { code: "F1619", title: "Couvreur / Couvreuse", score: 1, titleMatch: true, agreed: true },
    ];
    expect(namedBy("infirmier", matches).map((m) => m.code)).toEqual(["J1506", "J1503"]);
    expect(namedBy("couvreur", matches).map((m) => m.code)).toEqual(["F1619"]);
    expect(namedBy("veto", matches)).toEqual([]);
  });
});

describe("French formatting", () => {
  it("writes euros and dates the French way", () => {
    expect(euros(1112.05)).toBe("1 112,05 €");
    expect(frenchDate("2026-01-01")).toBe("1er janvier 2026");
    expect(frenchDate("2025-11-15")).toBe("15 novembre 2025");
  });

  it("cuts long prose at a sentence end", () => {
    const text = `${"Une phrase assez longue pour le test. ".repeat(20)}`;
    const short = shorten(text, 100);
    expect(short.length).toBeLessThanOrEqual(100);
    expect(short.endsWith(".")).toBe(true);
  });
});

describe("exact job titles", () => {
  it("prefers the plain title over longer ones that contain the word", () => {
    const matches = [
      { code: "D1104", title: "Chef boulanger / Cheffe boulangère", score: 2, titleMatch: true, agreed: true },
      { code: "D1102", title: "Boulanger / Boulangère", score: 1, titleMatch: true, agreed: true },
    ];
    expect(namedBy("boulanger", matches).map((m) => m.code)).toEqual(["D1102"]);
  });
});
