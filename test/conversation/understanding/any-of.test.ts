import { describe, expect, it } from "vitest";
import { anyOf } from "../../../src/conversation/understanding/any-of.js";

describe("anyOf", () => {
  it("matches where any of its patterns does, and only there", () => {
    const any = anyOf([/\b(vendre|vente)\b/, /^bonjour$/, /\bcuisin\w*/]);
    expect(any.test("j aime la vente")).toBe(true);
    expect(any.test("bonjour")).toBe(true);
    expect(any.test("dis bonjour")).toBe(false);
    expect(any.test("la cuisine")).toBe(true);
    expect(any.test("la plomberie")).toBe(false);
  });

  it("refuses patterns whose union would not mean the same", () => {
    expect(() => anyOf([/a/i, /b/])).toThrow();
    expect(() => anyOf([/(a)\1/, /b/])).toThrow();
  });
});
