/**
 * Occupied time cells: every booking (and hold) occupies the 5-minute cells of [start, end + buffer) for its
 * cabin and its counsellor. The database stores one row per cell with UNIQUE(cabin_id, cell) and
 * UNIQUE(counsellor_id, cell), so a double booking is refused by a plain unique index on both backends.
 */

export const CELL_MINUTES = 5;
const CELL_MS = CELL_MINUTES * 60_000;

/** The cell that contains `instant` (cells are counted from the Unix epoch, so they never depend on DST). */
export function cellOf(instant: Date): number {
  return Math.floor(instant.getTime() / CELL_MS);
}

export function cellStart(cell: number): Date {
  return new Date(cell * CELL_MS);
}

/** Cells covered by [start, end); `end` is rounded up so a partial cell still counts. */
export function cellsBetween(start: Date, end: Date): number[] {
  const first = cellOf(start);
  const last = Math.ceil(end.getTime() / CELL_MS);
  const cells: number[] = [];
  for (let c = first; c < last; c++) cells.push(c);
  return cells;
}

/** Cells taken in the database, as returned by the repository. */
export interface OccupiedCell {
  cell: number;
  cabinId: string;
  counsellorId: string;
}
