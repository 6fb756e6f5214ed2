/**
 * A1 cell addresses, for naming cells in messages (`Targets!E4`).
 */

export interface CellRef {
  /** 0-based column. */
  readonly col: number;
  /** 0-based row. */
  readonly row: number;
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parse `B3` or `$B$3` (a sheet prefix is ignored); undefined when not an address. */
export function parseA1(address: string): CellRef | undefined {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const letters = (m[1] ?? "").toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { col: col - 1, row: row - 1 };
}

/** The A1 address of a 0-based cell. */
export function toA1(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/** The address `rowOffset` rows and `colOffset` columns from an origin (default A1). */
export function offsetA1(origin: string | undefined, rowOffset: number, colOffset: number): string {
  const o = (origin !== undefined ? parseA1(origin) : undefined) ?? { col: 0, row: 0 };
  return toA1({ col: o.col + colOffset, row: o.row + rowOffset });
}

/** `Sheet!A1`, quoting a sheet name with spaces or punctuation as Excel does. */
export function sheetAddress(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
