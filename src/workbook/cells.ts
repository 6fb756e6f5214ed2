/**
 * Cells between the contract's RawCell and Office.js `Range.values`.
 *
 * Excel treats text written through `values` as if it were typed: `=…` becomes a formula, `007`
 * the number 7, `12E3` 12000, `$100` a currency amount, `(100)` −100, `1 1/2` 1.5, `1:2` a time,
 * `Jan 1` a date, `TRUE` a boolean, `#N/A` an error. Text that came from a user (commentary, ids,
 * names, period labels) must stay the text it was, so it is written as text:
 * - in a cell formatted as Text (`@`) as it is: Excel keeps what is entered there as entered, and
 *   a quote prefix could be kept as a character (docs/memory-excel.md, `text-format-keeps-text`);
 * - in any other cell with Excel's quote prefix `'` whenever Excel might read it as something
 *   else: the prefix is not part of the value (Range.values reads the text without it,
 *   `quote-prefix`), so prefixing more than needed costs nothing.
 */
import { dateOfJsDate, dateToSerial } from "../engine";
import { normaliseGrid, type RawCell } from "../contract";

export type ExcelValue = string | number | boolean;

/** Number format code of Text cells. */
export const TEXT_FORMAT = "@";

/**
 * Whether Excel could read `text` as something other than that text when it is entered in a
 * General (or number-formatted) cell. Deliberately wide: every number, date, time, fraction and
 * currency Excel parses has a digit; formulas start with `=`, `+`, `-` or `@`; errors with `#`;
 * a leading `'` would itself be taken as a prefix.
 */
export function needsQuote(text: string): boolean {
  if (text === "") return false;
  const t = text.trim();
  return /^[=+\-@'#]/.test(text) || /^[=+\-@'#]/.test(t) || /\d/.test(text) || /^(true|false)$/i.test(t);
}

/** Text as Excel keeps it in a cell of number format `format` (General when unknown). */
export function asText(text: string, format?: string | null): string {
  if (format === TEXT_FORMAT) return text;
  return needsQuote(text) ? `'${text}` : text;
}

/** A contract cell as a value for `Range.values` into a cell of `format` (blank is `""`, dates are serial numbers). */
export function toExcel(cell: RawCell | undefined, format?: string | null): ExcelValue {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : dateToSerial(dateOfJsDate(cell));
  return cell === "" ? "" : asText(cell, format);
}

/** Whether writing the cell needs its number format known first (text Excel might convert). */
export function formatMatters(cell: RawCell | undefined): boolean {
  return typeof cell === "string" && needsQuote(cell);
}

/** `Range.values` as contract cells. */
export function fromExcel(values: readonly (readonly unknown[])[]): RawCell[][] {
  return normaliseGrid(values);
}

export function isBlankRow(row: readonly RawCell[]): boolean {
  return row.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}
