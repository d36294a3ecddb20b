import { describe, expect, it } from "vitest";
import { understand } from "../../../src/conversation/understanding/understand.js";

const fresh = { hasLastJob: false };
const afterJob = { hasLastJob: true, lastTopic: "job" };
const afterPay = { hasLastJob: false, lastTopic: "pay" };
const now = new Date("2026-11-23T10:00:00Z");

describe("understanding French messages", () => {
  const table: [string, typeof fresh | typeof afterJob, string][] = [
    ["Bonjour", fresh, "greeting"],
    ["slt", fresh, "greeting"],
    ["aide", fresh, "help"],
    ["tu sers à quoi ?", fresh, "help"],
    ["merci beaucoup !", fresh, "thanks"],
    ["au revoir", fresh, "goodbye"],
    ["bonne journée", fresh, "goodbye"],
    ["je pense au suicide", fresh, "distress"],
    ["j'ai envie d'en finir, et sinon c'est quoi un plombier ?", fresh, "distress"],
    ["mon père me frappe", fresh, "distress"],
    ["je pense au suiside", fresh, "distress"],
    ["j'ai envie de disparaître", fresh, "distress"],
    ["c'est la merde, je trouve pas de travail", fresh, "job"],
    ["au secours mon ami ne respire plus", fresh, "distress"],
    ["supprimez mes données", fresh, "deleteData"],
    ["effacer toutes mes infos svp", fresh, "deleteData"],
    ["t'es nul", fresh, "insult"],
    ["espèce de connard", fresh, "insult"],
    ["comme je disais, je cherche un métier", fresh, "job"],
    ["je peux parler à une personne ?", fresh, "handoff"],
    ["je veux tout arrêter le lycée", fresh, "handoff"],
    ["je suis en décrochage scolaire", fresh, "handoff"],
    ["quel temps fait-il demain ?", fresh, "outOfScope"],
    ["mon fils ne sait pas quoi faire", fresh, "interests"],
    ["je veux parler à un conseiller", fresh, "handoff"],
    ["je voudrais être rappelé", fresh, "handoff"],
    ["réserver une cabine", fresh, "booking"],
    ["je veux prendre rendez-vous dans une cabine visio", fresh, "booking"],
    ["Quel est l'âge minimum pour être apprenti ?", fresh, "apprenticeship"],
    ["combien de temps dure au maximum un contrat d'apprentissage ?", fresh, "apprenticeship"],
    ["c'est quoi l'aprentissage", fresh, "apprenticeship"],
    ["j'ai 18 ans, en première année d'apprentissage, combien je gagne ?", fresh, "apprenticeshipPay"],
    ["apprenti de 22 ans en 2e année : salaire minimum ?", fresh, "apprenticeshipPay"],
    ["un apprenti mineur en 3e année touche quel pourcentage du SMIC ?", fresh, "apprenticeshipPay"],
    ["salaire d'un alternant", fresh, "apprenticeshipPay"],
    ["et en 2e année ?", afterPay, "apprenticeshipPay"],
    ["je suis à Dijon, où trouver de l'aide pour mon orientation ?", fresh, "contacts"],
    ["CIO à Marseille", fresh, "contacts"],
    ["mission locale Nice", fresh, "contacts"],
    ["Bonjour, je cherche la mission locale", fresh, "contacts"],
    ["j'aime bricoler", fresh, "interests"],
    ["j'aime travailler dehors", fresh, "interests"],
    ["je veux aider les autres", fresh, "interests"],
    ["je ne sais pas quoi faire plus tard", fresh, "interests"],
    ["je veux devenir infirmier", fresh, "job"],
    ["c'est quoi le métier de boulanger", fresh, "job"],
    ["j'aimerais être vétérinaire", fresh, "job"],
    ["et le salaire ?", afterJob, "followUpPay"],
    ["comment y accéder ?", afterJob, "followUpAccess"],
    ["et en apprentissage ?", afterJob, "followUpApprenticeship"],
    ["et en apprentissage ?", fresh, "apprenticeship"],
    ["des métiers proches ?", afterJob, "followUpCloseJobs"],
    ["donne-moi la recette de la ratatouille", fresh, "outOfScope"],
    ["quelle est la météo demain", fresh, "outOfScope"],
  ];

  it.each(table)("reads %j as the right intent", (text, context, intent) => {
    expect(understand(text, context, now).intent).toBe(intent);
  });

  it("leaves a bare job title to retrieval, marked as not explicit", () => {
    const u = understand("boulanger", fresh, now);
    expect(u.explicit).toBe(false);
  });

  it("tells which distress number matters first", () => {
    expect(understand("je pense au suicide", fresh, now).distress).toBe("suicide");
    expect(understand("ma mère me bat", fresh, now).distress).toBe("child");
    expect(understand("au secours il y a le feu", fresh, now).distress).toBe("emergency");
    expect(understand("on me harcèle au lycée", fresh, now).distress).toBe("harassment");
    expect(understand("je suis harcelée sur les réseaux", fresh, now).distress).toBe("harassment");
    // Despair said in everyday words is answered like suicidal thoughts: a false alarm costs less than a miss.
    expect(understand("je me sens seule et j'ai envie de tout arrêter", fresh, now).distress).toBe("suicide");
    expect(understand("je n'en peux plus", fresh, now).distress).toBe("suicide");
  });
});

describe("entities", () => {
  const e = (text: string) => understand(text, fresh, now).entities;

  it.each([
    ["j'ai 17 ans", 17],
    ["17 ans", 17],
    ["apprenti de 22 ans en 2e année", 22],
    ["J'AI 19 ANS", 19],
    ["moi j'ai 16ans", 16],
  ])("finds the age in %j", (text, age) => {
    expect(e(text).age).toBe(age);
  });

  it("does not read a duration as an age", () => {
    expect(e("le contrat dure 3 ans").age).toBeUndefined();
    expect(e("une formation pendant 2 ans").age).toBeUndefined();
  });

  it.each([
    ["en première année", 1],
    ["1ère année", 1],
    ["2e année", 2],
    ["en deuxième année", 2],
    ["en 3ème année", 3],
    ["troisieme annee", 3],
  ])("finds the contract year in %j", (text, year) => {
    expect(e(text).contractYear).toBe(year);
  });

  it("reads 'mineur' as the under-18 band", () => {
    expect(e("un apprenti mineur").minor).toBe(true);
  });

  it("finds a postcode", () => {
    expect(e("j'habite au 21000").postcode).toBe("21000");
    expect(e("j'ai 17 ans").postcode).toBeUndefined();
  });

  it.each([
    ["je suis lycéen", "lyceen"],
    ["je suis en 3e au collège", "collegien"],
    ["je suis parent, ma fille cherche", "parent"],
    ["je suis au chômage", "demandeurEmploi"],
    ["j'ai une RQTH", "handicap"],
    ["je suis étudiante en BTS", "etudiant"],
  ])("recognises the audience in %j", (text, audience) => {
    expect(e(text).audiences).toContain(audience);
  });

  it("maps everyday interests to ROME interest centres", () => {
    expect(e("j'aime bricoler").interestCentres).toContain("14");
    expect(e("travailler dehors").interestCentres).toContain("9");
    expect(e("aider les autres").interestCentres).toContain("22");
    expect(e("j'adore les animaux").interestCentres).toContain("17");
  });

  it("recognises dates with the French recogniser", () => {
    expect(e("mardi prochain à 14h").dates[0]).toMatch(/^2026-12-01/);
  });
});

describe("language", () => {
  it.each([
    ["Hello, I would like to find a job please", "en"],
    ["Hola, quiero trabajar en un hospital", "es"],
    ["مرحبا أريد العمل", "ar"],
    ["bonjour je voudrais un métier", "fr"],
    ["job étudiant", "fr"],
  ])("detects %j as %s", (text, lang) => {
    expect(understand(text, fresh, now).language).toBe(lang);
  });
});
