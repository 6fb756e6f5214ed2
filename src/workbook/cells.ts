/**
 * Cells between the contract's RawCell and Office.js `Range.values`.
 *
 * Excel treats text written through `values` as if it were typed: `=…` becomes a formula, `007`
 * the number 7, `12%` a percentage, `Jun-15` a date. Text that came from a user (commentary, ids,
 * names) must stay the text it was, so such strings are written with Excel's text prefix `'`
 * (not shown in the cell, not part of the value read back).
 */
import { dateOfJsDate, dateToSerial } from "../engine";
import { normaliseGrid, type RawCell } from "../contract";

export type ExcelValue = string | number | boolean;

const COERCED =
  /^(?:[=+\-@']|\s*[+-]?[\d.,]+\s*%?\s*$|\s*(?:true|false)\s*$|\s*\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?(?:[ T].*)?$|\s*\d{1,2}[-/ ][A-Za-z]{3,9}(?:[-/ ]\d{2,4})?\s*$|\s*[A-Za-z]{3,9}[-/ ]\d{2,4}\s*$|\s*\d{1,2}:\d{2})/i;

/** Text as Excel keeps it: prefixed with `'` when Excel would otherwise read it as something else. */
export function asText(text: string): string {
  return COERCED.test(text) ? `'${text}` : text;
}

/** A contract cell as a value for `Range.values` (blank is `""`, dates are serial numbers). */
export function toExcel(cell: RawCell | undefined): ExcelValue {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : dateToSerial(dateOfJsDate(cell));
  return cell === "" ? "" : asText(cell);
}

/** `Range.values` as contract cells. */
export function fromExcel(values: readonly (readonly unknown[])[]): RawCell[][] {
  return normaliseGrid(values);
}

/** Whether two cells hold the same thing for the purpose of "did this cell change". */
export function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  const blank = (x: RawCell | undefined): boolean => x === null || x === undefined || x === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

export function isBlankRow(row: readonly RawCell[]): boolean {
  return row.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}
