/** What Excel checks before it changes anything: names, colours, cell values, array shapes. */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from "./address";
import type { CellValue } from "./entry";
import { MemoryExcelError } from "./sheet";

const SHEET_NAME_BAD = /[:\\/?*[\]]/;

export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31) {
    throw new MemoryExcelError("InvalidArgument", `A sheet name must be 1 to 31 characters; got '${name}'.`);
  }
  if (SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `A sheet name can't contain : \\ / ? * [ ] or begin or end with an apostrophe; got '${name}'.`,
    );
  }
  if (name.toLowerCase() === "history") {
    throw new MemoryExcelError("InvalidArgument", "'History' is a reserved sheet name.");
  }
}

export function checkTableName(name: string): void {
  const bad =
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[cCrR]$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[rR]\d*[cC]\d*$/.test(name);
  if (bad) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `A table name must start with a letter or underscore, use letters, digits, '.' and '_' only and not look like a cell reference; got '${name}'.`,
    );
  }
}

export function checkColour(color: unknown): string {
  if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw new MemoryExcelError("InvalidArgument", `Colours are #RRGGBB; got '${String(color)}'.`);
  }
  return color.toUpperCase();
}

/** A value Office.js accepts in a `values`/`formulas` array (null means "leave the cell alone"). */
export function checkInput(v: unknown): CellValue | null {
  if (v === null) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new MemoryExcelError("InvalidArgument", `Cells can't hold ${String(v)}.`);
    return v;
  }
  throw new MemoryExcelError("InvalidArgument", `Cells hold text, numbers or booleans; got ${typeof v}.`);
}

/** Spread a scalar or check a 2-D array against the range's shape, as Office.js setters do. */
export function shapeInput(rect: Rect, input: unknown): unknown[][] {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) {
      throw new MemoryExcelError("InvalidArgument", "null is not a valid value for the whole range.");
    }
    return Array.from({ length: rect.rowCount }, () => Array<unknown>(rect.colCount).fill(input));
  }
  const ok =
    input.length === rect.rowCount &&
    input.every((row) => Array.isArray(row) && (row as unknown[]).length === rect.colCount);
  if (!ok) {
    throw new MemoryExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rowCount} × ${rect.colCount}).`,
    );
  }
  return input as unknown[][];
}

/** True for a 0-based row and column inside the sheet's grid. */
export function isCellPosition(row: unknown, col: unknown): row is number {
  return (
    Number.isInteger(row) &&
    Number.isInteger(col) &&
    (row as number) >= 0 &&
    (col as number) >= 0 &&
    (row as number) < MAX_ROWS &&
    (col as number) < MAX_COLUMNS
  );
}
