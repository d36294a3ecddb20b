import { describe, expect, it } from "vitest";
import { frenchDay, frenchTime, parseWantedTime } from "../../../src/conversation/booking/french-dates.js";
import { codeIn, isStop, requestedMode } from "../../../src/conversation/booking/commands.js";
import { readContactText } from "../../../src/conversation/booking/contact-input.js";

/** Monday 23 November 2026, 10:00 in Paris. */
const NOW = new Date("2026-11-23T09:00:00Z");

describe("French dates, resolved from Paris time", () => {
  it.each([
    ["demain après-midi", { date: "2026-11-24", dayPart: "afternoon" }],
    ["lundi matin", { date: "2026-11-23", dayPart: "morning" }],
    ["le 3 décembre", { date: "2026-12-03" }],
    ["le 1er décembre", { date: "2026-12-01" }],
    ["jeudi", { date: "2026-11-26" }],
    ["après-demain", { date: "2026-11-25" }],
    ["mardi à 14h30", { date: "2026-11-24", time: "14:30" }],
    ["à 10 heures", { time: "10:00" }],
    ["14 h 30", { time: "14:30" }],
  ])("reads « %s »", (text, expected) => {
    expect(parseWantedTime(text, NOW)).toEqual(expected);
  });

  it("reads « jeudi prochain » as a Thursday still to come", () => {
    const date = parseWantedTime("jeudi prochain", NOW)?.date ?? "";
    expect(date > "2026-11-23").toBe(true);
    expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(4);
  });

  it("uses the Paris day, not the server's UTC day, late in the evening", () => {
    // 23:30 UTC on the 23rd is already the 24th in Paris: "demain" is the 25th.
    expect(parseWantedTime("demain", new Date("2026-11-23T23:30:00Z"))).toEqual({ date: "2026-11-25" });
  });

  it("finds nothing in a sentence without a date, and ignores past days", () => {
    expect(parseWantedTime("Marie 06 12 34 56 78", NOW)).toBeUndefined();
    expect(parseWantedTime("oui", NOW)).toBeUndefined();
    expect(parseWantedTime("hier", NOW)).toBeUndefined();
  });

  it("writes days and times as French readers expect", () => {
    expect(frenchDay("2026-12-01")).toBe("mardi 1er décembre");
    expect(frenchDay("2026-11-26")).toBe("jeudi 26 novembre");
    expect(frenchTime("09:00")).toBe("9 h");
    expect(frenchTime("14:30")).toBe("14 h 30");
  });
});

describe("steering sentences", () => {
  it("tells stopping the dialogue from cancelling a booking", () => {
    expect(isStop("Annuler")).toBe(true);
    expect(isStop("annuler mon rendez-vous")).toBe(false);
    expect(requestedMode("annuler mon rendez-vous")).toBe("cancel");
    expect(requestedMode("Je voudrais déplacer mon rendez-vous")).toBe("reschedule");
    expect(requestedMode("réserver une cabine")).toBeUndefined();
  });

  it("finds a confirmation code however it is typed", () => {
    expect(codeIn("mon code : abcd efgh")).toBe("ABCD-EFGH");
    expect(codeIn("déplacer mon rendez-vous ABCD-EFGH")).toBe("ABCD-EFGH");
    expect(codeIn("bonjour madame")).toBeUndefined();
  });

  it("reads a first name, a phone and an e-mail, keeping accents", () => {
    expect(readContactText("je m'appelle Éloïse, mon mail est eloise.b@exemple.fr").contact).toEqual({ firstName: "Éloïse", email: "eloise.b@exemple.fr" });
    expect(readContactText("+33 6 12 34 56 78 Léa").contact).toEqual({ firstName: "Léa", phone: "+33612345678" });
    expect(readContactText("06 12 34").badPhone).toBe(true);
  });
});
