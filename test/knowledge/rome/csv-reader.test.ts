import { describe, expect, it } from "vitest";
import { parseCsvTable } from "../../../src/knowledge/rome/csv-reader.js";

describe("parseCsvTable", () => {
  it("keys values by header, strips a byte-order mark and gives each record its starting line", () => {
    const text = '\ufeff"code","texte"\n"1","un"\n\n"2","sur\ndeux lignes"\n"3","trois"\n';
    const table = parseCsvTable(text, "f.csv", ["code", "texte"]);
    expect(table.problems).toEqual([]);
    expect(table.records).toEqual([
      { line: 2, values: { code: "1", texte: "un" } },
      { line: 4, values: { code: "2", texte: "sur\ndeux lignes" } },
      { line: 6, values: { code: "3", texte: "trois" } },
    ]);
  });

  it("reports a row with a wrong number of fields and keeps reading", () => {
    const table = parseCsvTable('"code","texte"\n"1"\n"2","deux","trop"\n"3","trois"\n', "f.csv", ["code"]);
    expect(table.problems).toEqual([
      { file: "f.csv", line: 2, reason: "expected 2 fields, found 1" },
      { file: "f.csv", line: 3, reason: "expected 2 fields, found 3" },
    ]);
    expect(table.records.map((r) => r.values.code)).toEqual(["3"]);
  });

  it("turns a header without a required column into a single problem", () => {
    const table = parseCsvTable('"code"\n"1"\n', "f.csv", ["code", "libelle"]);
    expect(table.records).toEqual([]);
    expect(table.problems).toEqual([{ file: "f.csv", line: 1, reason: "header lacks column(s) libelle (found: code)" }]);
  });

  it("treats an empty file as a problem, not a crash", () => {
    expect(parseCsvTable("", "f.csv", ["code"]).problems).toEqual([{ file: "f.csv", line: 1, reason: "empty file (no header)" }]);
  });
});
