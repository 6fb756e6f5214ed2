/**
 * Table lookup and the column index: finding a contract table by name, where each contract
 * column is in it (tolerant of case, spacing, underscores and order), cells as text, and the
 * TableReader that reads rows by column name and records errors with their location.
 */
import { dateOfJsDate, formatDateUK, MESSAGES, placed, type LocatedCode } from "../../engine";
import { offsetA1, sheetAddress } from "../a1";
import type { ContractError, RawCell, RawTable, RawWorkbook } from "../raw";
import { matchHeader, normaliseName, TABLE_COLUMNS } from "../schema";

/** Find a table by name, case-insensitively (Excel table names are unique that way). */
export function findTable(book: RawWorkbook, name: string): RawTable | undefined {
  const key = normaliseName(name);
  return book.tables.find((t) => normaliseName(t.name) === key);
}

export interface UnknownColumn {
  /** The header as written. */
  readonly header: string;
  /** 0-based position in the table. */
  readonly index: number;
}

export interface ColumnIndex {
  readonly table: string;
  /** The headers as written, in table order. */
  readonly headers: readonly string[];
  /** Contract column name → 0-based position. */
  readonly positions: ReadonlyMap<string, number>;
  /** Columns that are not the contract's (or repeat one): kept by every writer, never dropped. */
  readonly unknown: readonly UnknownColumn[];
  /** Required contract columns the table lacks. */
  readonly missing: readonly string[];
  /** Headers that repeat a contract column already matched (the first is used). */
  readonly duplicates: readonly UnknownColumn[];
}

function knownColumnsOf(tableName: string): { required: readonly string[]; optional: readonly string[] } {
  const key = normaliseName(tableName);
  for (const [name, cols] of Object.entries(TABLE_COLUMNS)) if (normaliseName(name) === key) return cols;
  return { required: [], optional: [] };
}

/**
 * Where each contract column is in a table: headers match tolerant of case, spacing and
 * underscores, in any order. `columns` defaults to the contract's columns for the table's name.
 */
export function columnIndex(
  table: RawTable,
  columns: { readonly required: readonly string[]; readonly optional?: readonly string[] } = knownColumnsOf(
    table.name,
  ),
): ColumnIndex {
  const all = [...columns.required, ...(columns.optional ?? [])];
  const positions = new Map<string, number>();
  const unknown: UnknownColumn[] = [];
  const duplicates: UnknownColumn[] = [];
  const headers = table.headers.map((h) => cellText(h));
  headers.forEach((header, index) => {
    const name = matchHeader(header, all);
    if (name === undefined) unknown.push({ header, index });
    else if (positions.has(name)) {
      duplicates.push({ header, index });
      unknown.push({ header, index });
    } else positions.set(name, index);
  });
  const missing = columns.required.filter((c) => !positions.has(c));
  return { table: table.name, headers, positions, unknown, missing, duplicates };
}

/** A cell as text: strings trimmed, numbers as written by JavaScript, dates en-GB. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (Number.isNaN(cell.getTime())) return "";
  return formatDateUK(dateOfJsDate(cell));
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function isBlankRow(row: readonly RawCell[]): boolean {
  return row.every((c) => isBlankCell(c));
}

/** Reads one table's rows by contract column name and records errors with their location. */
export class TableReader {
  readonly columns: ColumnIndex;
  constructor(
    readonly table: RawTable,
    private readonly errors: ContractError[],
  ) {
    this.columns = columnIndex(table);
  }

  get name(): string {
    return this.table.name;
  }

  has(column: string): boolean {
    return this.columns.positions.has(column);
  }

  cell(row: readonly RawCell[], column: string): RawCell {
    const i = this.columns.positions.get(column);
    return i === undefined ? null : (row[i] ?? null);
  }

  text(row: readonly RawCell[], column: string): string {
    return cellText(this.cell(row, column));
  }

  /** `PerfTargets row 3 (Targets!E4), MeasureType` — or without the cell when the sheet is not known. */
  where(row: number | null, column: string | null): string {
    const parts = [row === null ? this.name : `${this.name} row ${row}`];
    const i = column === null ? undefined : this.columns.positions.get(column);
    if (row !== null && i !== undefined && this.table.sheet !== undefined) {
      parts[0] += ` (${sheetAddress(this.table.sheet, offsetA1(this.table.topLeft, row, i))})`;
    }
    return column === null ? (parts[0] ?? "") : `${parts[0] ?? ""}, ${column}`;
  }

  /** Record an error at a row and column: its code, and the message after the place's name. */
  error(row: number | null, column: string | null, code: LocatedCode, message: string): void {
    this.errors.push({
      code,
      table: this.name,
      row,
      column,
      ...placed(this.where(row, column), message),
    });
  }

  /** One error per required column the table lacks. */
  reportMissing(): void {
    for (const c of this.columns.missing) {
      this.errors.push({
        code: "COLUMN_MISSING",
        table: this.name,
        row: null,
        column: c,
        ...placed(this.name, MESSAGES.columnMissing(c, this.columns.headers)),
      });
    }
    for (const d of this.columns.duplicates) {
      this.errors.push({
        code: "COLUMN_REPEATED",
        table: this.name,
        row: null,
        column: d.header,
        ...placed(this.name, MESSAGES.columnRepeated(d.header)),
      });
    }
  }

  /** Data rows with their 1-based row numbers, blank rows skipped. */
  *rows(): Generator<{ readonly n: number; readonly cells: readonly RawCell[] }> {
    for (let i = 0; i < this.table.rows.length; i++) {
      const cells = this.table.rows[i] ?? [];
      if (!isBlankRow(cells)) yield { n: i + 1, cells };
    }
  }
}
