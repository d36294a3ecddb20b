import { describe, expect, it } from "vitest";
import { cleanText, MAX_MESSAGE_LENGTH } from "../../src/conversation/input.js";
import { parseMemory } from "../../src/conversation/state.js";
import { ruleTopicOf } from "../../src/conversation/understanding/rule-topics.js";
import { normalizeText } from "../../src/conversation/understanding/normalize.js";

describe("cleaning what users type", () => {
  it("strips HTML and scripts so nothing is echoed as markup", () => {
    const c = cleanText("<b>couvreur</b><script>alert(1)</script> &amp; <img src=x onerror=alert(2)>");
    expect(c.text).toBe("couvreur &");
    expect(c.hadHtml).toBe(true);
  });

  it("cuts messages over 5,000 characters and says so", () => {
    const c = cleanText("a".repeat(MAX_MESSAGE_LENGTH + 10));
    expect(c.truncated).toBe(true);
    expect(c.text.length).toBe(MAX_MESSAGE_LENGTH);
  });

  it("sees emoji-only and punctuation-only messages as empty", () => {
    expect(cleanText("😀🎉").empty).toBe(true);
    expect(cleanText(" ?! ").empty).toBe(true);
    expect(cleanText("ok").empty).toBe(false);
  });
});

describe("memory read back from storage", () => {
  it("keeps valid memory and starts afresh on anything malformed", () => {
    expect(parseMemory({ turns: 2, age: 17 }).age).toBe(17);
    expect(parseMemory({ turns: "x", age: -3 })).toEqual({ turns: 0 });
    expect(parseMemory(undefined)).toEqual({ turns: 0 });
  });
});

describe("apprenticeship rule topics", () => {
  it.each([
    ["Quel est l'âge minimum pour être apprenti ?", "age"],
    ["combien de temps dure au maximum un contrat d'apprentissage ?", "contract-duration"],
    ["comment rompre mon contrat", "ending-contract"],
    ["la période d'essai dure combien ?", "trial-period"],
    ["quelles aides pour l'employeur qui embauche un apprenti", "employer-aid"],
    ["je suis mineur, je peux travailler la nuit ?", "working-time-minors"],
    ["apprentissage avec une RQTH", "disability"],
    ["c'est quoi un CFA", "cfa"],
  ])("routes %j to the %s rule", (text, topic) => {
    expect(ruleTopicOf(normalizeText(text))).toBe(topic);
  });
});
