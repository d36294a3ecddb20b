import { describe, expect, it } from "vitest";
import { frenchHolidays } from "../../src/booking/holidays.js";
import {
  buildSummary,
  describeOpeningHours,
  findPhoneNumber,
  InvalidTransition,
  isOpenAt,
  isOverdue,
  maskPersonalData,
  nextStatus,
  OpeningHoursError,
  parseOpeningHours,
} from "../../src/handoff/index.js";

describe("masking personal identifiers", () => {
  it.each([
    ["appelez-moi au 06 12 34 56 78 svp", "appelez-moi au [téléphone masqué] svp"],
    ["mon numéro +33 6 12 34 56 78", "mon numéro [téléphone masqué]"],
    ["ou 0612345678", "ou [téléphone masqué]"],
    ["écrivez à jeanne.dupont@example.org", "écrivez à [e-mail masqué]"],
    ["sécu 1 85 05 78 006 084 36", "sécu [numéro de sécurité sociale masqué]"],
    ["sécu 285052A00608436 merci", "sécu [numéro de sécurité sociale masqué] merci"],
    ["IBAN FR76 3000 6000 0112 3456 7890 189", "IBAN [IBAN masqué]"],
  ])("masks %s", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it("leaves ordinary numbers alone: ages, postcodes, years", () => {
    const text = "J'ai 17 ans, j'habite à Dijon 21000 et je finis en 2027.";
    expect(maskPersonalData(text)).toBe(text);
  });

  it("reads a phone number given for a callback in its usual French form", () => {
    expect(findPhoneNumber("c'est le 0612345678")).toBe("06 12 34 56 78");
    expect(findPhoneNumber("+33 6 12 34 56 78")).toBe("06 12 34 56 78");
    expect(findPhoneNumber("demain matin")).toBeUndefined();
  });
});

describe("hand-off state machine", () => {
  it("takes a waiting request and ends a taken one", () => {
    expect(nextStatus("waiting", "take")).toBe("taken");
    expect(nextStatus("taken", "end")).toBe("ended");
  });

  it("refuses to take a request twice or to cancel one an adviser already has", () => {
    expect(() => nextStatus("taken", "take")).toThrow(InvalidTransition);
    expect(() => nextStatus("taken", "cancel")).toThrow(InvalidTransition);
    expect(() => nextStatus("ended", "expire")).toThrow(InvalidTransition);
  });
});

describe("summary for the adviser", () => {
  it("keeps the need, the profile the person gave and the last messages, masked", () => {
    const summary = buildSummary({
      memory: { turns: 3, age: 17, place: { name: "Dijon", postcode: "21000" }, audience: "lyceen", lastTopic: "apprenticeship" },
      trigger: "user-asked",
      transcript: [
        { from: "user", text: "bonjour", at: "2026-11-23T09:00:00Z" },
        { from: "user", text: "mon mail est a.b@example.org", at: "2026-11-23T09:01:00Z" },
        { from: "bot", text: "Je peux vous aider.", at: "2026-11-23T09:01:01Z" },
      ],
      maxLines: 2,
    });
    expect(summary.profile).toEqual({ age: 17, commune: "Dijon (21000)", status: "lycéen ou lycéenne" });
    expect(summary.need).toMatch(/demandé à parler/);
    expect(summary.need).toMatch(/apprentissage/);
    expect(summary.lastMessages.map((m) => m.text)).toEqual(["mon mail est [e-mail masqué]", "Je peux vous aider."]);
  });

  it("says nothing about a profile the person did not give", () => {
    const summary = buildSummary({ memory: { turns: 0 }, trigger: "kiosk", transcript: [] });
    expect(summary.profile).toEqual({});
  });
});

describe("opening hours", () => {
  const hours = parseOpeningHours("mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00");

  it("is open on a weekday morning in Paris time, in winter and in summer", () => {
    expect(isOpenAt(hours, new Date("2026-11-23T08:30:00Z"))).toBe(true); // Monday 09:30 Paris (UTC+1)
    expect(isOpenAt(hours, new Date("2026-11-23T07:30:00Z"))).toBe(false); // 08:30 Paris
    expect(isOpenAt(hours, new Date("2026-06-15T07:30:00Z"))).toBe(true); // Monday 09:30 Paris (UTC+2)
  });

  it("is closed at lunch, on Sunday and on public holidays", () => {
    expect(isOpenAt(hours, new Date("2026-11-23T12:00:00Z"))).toBe(false); // 13:00 Paris
    expect(isOpenAt(hours, new Date("2026-11-22T10:00:00Z"))).toBe(false); // Sunday
    expect(isOpenAt(hours, new Date("2026-12-25T10:00:00Z"), frenchHolidays())).toBe(false); // Friday, Christmas
    expect(isOpenAt(hours, new Date("2026-12-24T10:00:00Z"), frenchHolidays())).toBe(true);
  });

  it("describes the hours in French, grouping days with the same hours", () => {
    expect(describeOpeningHours(hours)).toBe("du lundi au vendredi de 9 h à 12 h 30 et de 13 h 30 à 17 h, le samedi de 9 h à 12 h");
  });

  it("refuses a malformed specification with a message saying what is wrong", () => {
    expect(() => parseOpeningHours("lundi 9h-17h")).toThrow(OpeningHoursError);
    expect(() => parseOpeningHours("mon 17:00-09:00")).toThrow(/ends before it starts/);
    expect(() => parseOpeningHours("fri-mon 09:00-17:00")).toThrow(/backwards/);
  });
});

describe("timeout policy", () => {
  it("calls a request overdue once it has waited longer than the configured minutes", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(isOverdue({ waitMinutes: 10 }, "2026-11-23T09:49:00Z", now)).toBe(true);
    expect(isOverdue({ waitMinutes: 10 }, "2026-11-23T09:51:00Z", now)).toBe(false);
  });
});
