import { describe, expect, it } from "vitest";
import { checkApprenticeEligibility } from "../../../src/knowledge/apprenticeship/index.js";

describe("checkApprenticeEligibility", () => {
  it.each([16, 22, 29])("accepts %i-year-olds under the general rule", (age) => {
    expect(checkApprenticeEligibility({ age })).toMatchObject({
      status: "eligible",
      case: "general",
      ruleIds: ["age-limits"],
    });
  });

  it("refuses 14 and asks nothing", () => {
    expect(checkApprenticeEligibility({ age: 14 })).toMatchObject({
      status: "not-eligible",
      case: "too-young",
      questionsFr: [],
    });
  });

  it("accepts 15 only after the 3e, and asks when it is not known", () => {
    expect(checkApprenticeEligibility({ age: 15, finishedCollege: true }).status).toBe("eligible");
    expect(checkApprenticeEligibility({ age: 15, finishedCollege: false }).status).toBe("not-eligible");
    const unknown = checkApprenticeEligibility({ age: 15 });
    expect(unknown.status).toBe("depends");
    expect(unknown.questionsFr).toEqual(["Avez-vous terminé la classe de 3e ?"]);
  });

  it("answers 'it depends' at 31 when nothing else is known, asking about the exceptions", () => {
    const result = checkApprenticeEligibility({ age: 31 });
    expect(result.status).toBe("depends");
    expect(result.questionsFr).toHaveLength(2);
    expect(result.questionsFr[0]).toMatch(/RQTH/);
  });

  it("has no upper age limit with the RQTH and cites the disability rule", () => {
    expect(checkApprenticeEligibility({ age: 52, rqth: true })).toMatchObject({
      status: "eligible",
      case: "no-age-limit",
      ruleIds: ["age-limits", "disability"],
    });
  });

  it("accepts up to 35 after a previous contract ended less than a year ago, not at 36", () => {
    const base = { higherDiplomaAfterPreviousContract: true, monthsSincePreviousContract: 6 };
    expect(checkApprenticeEligibility({ age: 35, ...base })).toMatchObject({
      status: "eligible",
      case: "up-to-35",
    });
    const noLimitNo = {
      rqth: false,
      highLevelAthlete: false,
      businessCreationNeedsDiploma: false,
      failedExamNewEmployer: false,
    };
    expect(checkApprenticeEligibility({ age: 36, ...base, ...noLimitNo })).toMatchObject({
      status: "not-eligible",
      case: "too-old",
    });
  });

  it("refuses the 35 exception when more than a year separates the contracts", () => {
    const result = checkApprenticeEligibility({
      age: 31,
      previousContractEndedBeyondControl: true,
      monthsSincePreviousContract: 13,
      rqth: false,
      highLevelAthlete: false,
      businessCreationNeedsDiploma: false,
      failedExamNewEmployer: false,
    });
    expect(result.status).toBe("not-eligible");
  });

  it("asks for the gap between contracts when it is missing", () => {
    const result = checkApprenticeEligibility({ age: 33, higherDiplomaAfterPreviousContract: true });
    expect(result.status).toBe("depends");
    expect(result.questionsFr.some((q) => q.includes("mois"))).toBe(true);
  });

  it("does not crash on an invalid age", () => {
    expect(checkApprenticeEligibility({ age: Number.NaN })).toMatchObject({
      status: "depends",
      case: "invalid-age",
    });
  });
});
