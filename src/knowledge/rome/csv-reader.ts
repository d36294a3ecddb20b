/** Reads one official ROME CSV file into header-keyed records with their line numbers, collecting bad rows. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { ImportProblem } from "./rome-fiche.js";

export interface CsvRecord {
  /** 1-based line where the record starts (records may span lines inside quotes). */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  records: CsvRecord[];
  problems: ImportProblem[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Start line from csv-parse's end line, minus the line breaks inside the record itself. */
function startLine(parsed: ParsedRecord): number {
  const body = parsed.raw.replace(/^[\r\n]+/, "").replace(/\r?\n$/, "");
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Parses CSV text whose first record is the header. Rows with a wrong field count or broken quoting become
 * problems; a header missing one of `requiredColumns` makes the whole table a single problem.
 */
export function parseCsvTable(text: string, file: string, requiredColumns: readonly string[]): CsvTable {
  const problems: ImportProblem[] = [];
  const parsed = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error: { message: string; lines?: number } | undefined) => {
      problems.push({ file, line: error?.lines ?? 0, reason: `unreadable CSV record: ${error?.message ?? "unknown"}` });
    },
  }) as unknown as ParsedRecord[];

  const [headerRecord, ...rows] = parsed;
  if (headerRecord === undefined) {
    return { file, records: [], problems: [...problems, { file, line: 1, reason: "empty file (no header)" }] };
  }
  const header = headerRecord.record.map((h) => h.trim());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const reason = `header lacks column(s) ${missing.join(", ")} (found: ${header.join(", ")})`;
    return { file, records: [], problems: [...problems, { file, line: 1, reason }] };
  }

  const records: CsvRecord[] = [];
  for (const row of rows) {
    const line = startLine(row);
    if (row.record.length !== header.length) {
      problems.push({ file, line, reason: `expected ${header.length} fields, found ${row.record.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (row.record[i] ?? "").trim();
    });
    records.push({ line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { file, records, problems };
}

/** Reads and parses a CSV file (UTF-8); the caller decides whether a missing file is fatal. */
export async function readCsvTable(filePath: string, requiredColumns: readonly string[]): Promise<CsvTable> {
  const text = await readFile(filePath, "utf8");
  return parseCsvTable(text, path.basename(filePath), requiredColumns);
}
