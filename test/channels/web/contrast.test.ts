import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// WCAG 2.1 relative luminance and contrast ratio (success criterion 1.4.3, level AA: 4.5:1 for text).
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const chatJs = readFileSync(new URL("../../../src/channels/web/public/chat.js", import.meta.url), "utf8");

function styleColor(name: string): string {
  const match = new RegExp(`\\b${name}: "(#[0-9a-fA-F]{6})"`).exec(chatJs);
  if (!match?.[1]) throw new Error(`no colour for ${name} in chat.js`);
  return match[1];
}

describe("Web Chat colours", () => {
  it.each([
    ["bubbleTextColor", "bubbleBackground"],
    ["bubbleFromUserTextColor", "bubbleFromUserBackground"],
    ["sendBoxTextColor", "sendBoxBackground"],
    ["sendBoxPlaceholderColor", "sendBoxBackground"],
    ["timestampColor", "backgroundColor"],
    ["subtle", "backgroundColor"],
    ["accent", "backgroundColor"],
    ["accent", "bubbleBackground"],
  ])("%s on %s meets WCAG 2.1 AA (4.5:1)", (text, background) => {
    expect(contrast(styleColor(text), styleColor(background))).toBeGreaterThanOrEqual(4.5);
  });
});
