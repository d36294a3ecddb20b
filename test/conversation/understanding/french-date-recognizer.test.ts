import { describe, expect, it } from "vitest";
import { parseWantedTime } from "../../../src/conversation/booking/french-dates.js";
import { mayNameDateOrTime } from "../../../src/conversation/understanding/french-date-recognizer.js";
import { understand } from "../../../src/conversation/understanding/understand.js";

/** Monday 23 November 2026, 11:00 in Paris. */
const NOW = new Date("2026-11-23T10:00:00Z");
const fresh = { hasLastJob: false };

describe("the date recognizer runs only where a date may be", () => {
  it.each([
    "jeudi prochain",
    "Je voudrais un rendez-vous lundi",
    "demain après-midi",
    "aujourd'hui",
    "après-demain",
    "le 3 décembre",
    "le 1er",
    "03/12",
    "à 14h30",
    "14 h 30",
    "à quinze heures",
    "dans 3 jours",
    "la semaine prochaine",
    "ce week-end",
    "en fin de matinée",
    "dès que possible",
    "jeudi 26 novembre",
  ])("still reads « %s » as a possible date", (text) => {
    expect(mayNameDateOrTime(text)).toBe(true);
  });

  it.each([
    "Comment devenir boulanger ?",
    "Quel est le salaire d'un apprenti de 19 ans ?",
    "j'ai 17 ans",
    "Je cherche un CIO à Besançon",
    "Bonjour",
    "Merci, bonne journée",
    "Qu'est-ce que le métier de technicien de maintenance ?",
    "Je suis à Gap, où trouver un conseiller ?",
    "1re année",
  ])("skips the recognizer for « %s », which names no date", (text) => {
    expect(mayNameDateOrTime(text)).toBe(false);
  });

  it("still finds the day a person wants, and their age, after the check", () => {
    expect(understand("mardi prochain à 14h", fresh, NOW).entities.dates[0]).toMatch(/^2026-12-01/);
    const wanted = parseWantedTime("Un rendez-vous jeudi prochain vers 10 h ?", NOW);
    expect(wanted?.time).toBe("10:00");
    expect(new Date(`${wanted?.date ?? ""}T12:00:00Z`).getUTCDay()).toBe(4);
    const age = understand("j'ai 17 ans, combien je gagne en apprentissage ?", fresh, NOW);
    expect(age.entities.age).toBe(17);
    expect(age.entities.dates).toEqual([]);
  });
});
