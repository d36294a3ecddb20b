/**
 * One regular expression that matches where any of several does: a message most often matches none of a
 * group's patterns, and one miss then costs one run instead of one per pattern.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? "";
  // A union under other flags (or with numbered back-references, which shift) would not match what its parts do.
  if (patterns.some((p) => p.flags !== flags || /\\[1-9]/.test(p.source))) {
    throw new Error("anyOf: patterns must share their flags and use no numbered back-references");
  }
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"), flags);
}
