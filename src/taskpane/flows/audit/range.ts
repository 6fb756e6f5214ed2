/** The range read for an audit: its columns' letters, its address, and what the contract's auditor reads from it. */
import { columnAt, parseA1, sheetAddress, type AuditRange, type AuditSource } from "../../../contract";

/** The letter of the range's `column`-th column (from 0). */
export function letterOf(address: string, column: number): string {
  return columnAt(address, column);
}

/** The range's address on its sheet (`'Q2 report'!B3:F12`). */
export function rangeWhere(range: AuditRange): string {
  return sheetAddress(
    range.sheet,
    `${range.address}:${letterOf(range.address, Math.max(0, (range.values[0]?.length ?? 1) - 1))}${(parseA1(range.address)?.row ?? 0) + range.values.length}`,
  );
}

/** The row number (from 1) of the range's `offset`-th row. */
export function rowNumber(range: AuditRange, offset: number): number {
  return (parseA1(range.address)?.row ?? 0) + offset + 1;
}

export function sourceOf(range: AuditRange): AuditSource {
  return {
    sheet: range.sheet,
    origin: range.address,
    values: range.values,
    formats: range.formats,
    fills: range.fillsSupported ? range.fills : null,
    table: range.table,
  };
}
