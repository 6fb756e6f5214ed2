/**
 * Workbooks for the CLI tests, written with ExcelJS from the contract's sample, optionally
 * changed the way a user would change them (a column of their own, a sheet of their own with a
 * formula, odd text).
 */
import { writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { sampleBook, TABLE, type RawCell, type SampleBook, type SampleTable } from "../../src/contract";
import { sampleWorkbookFile } from "../../src/cli/writers";
import { workbookBuffer } from "../../src/cli/xlsx";

export type TableChange = (t: SampleTable) => SampleTable;

/** The sample with some tables changed. */
export function changedSample(changes: Partial<Record<string, TableChange>>): SampleBook {
  const book = sampleBook();
  return {
    sheets: book.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => changes[t.name]?.(t) ?? t),
    })),
  };
}

/** A table with one cell changed (0-based data row, column by header name). */
export function setCellIn(t: SampleTable, row: number, column: string, value: RawCell): SampleTable {
  const j = t.headers.indexOf(column);
  if (j < 0) throw new Error(`no column ${column} in ${t.name}`);
  return {
    ...t,
    rows: t.rows.map((r, i) => (i === row ? r.map((v, k) => (k === j ? value : v)) : r)),
  };
}

/** A table with a column of the user's own appended. */
export function withOwnColumn(t: SampleTable, header: string, value: (i: number) => RawCell): SampleTable {
  return {
    ...t,
    headers: [...t.headers, header],
    rows: t.rows.map((r, i) => [...r, value(i)]),
    ...(t.numberFormats ? { numberFormats: [...t.numberFormats, "General"] } : {}),
    ...(t.cellFormats ? { cellFormats: t.cellFormats.map((f) => [...f, "General"]) } : {}),
  };
}

export const OWN_SHEET = "My notes";

/** Write a book; `extra` adds what a user would (their own sheet, a formula). */
export async function writeBook(
  path: string,
  book: SampleBook = sampleBook(),
  extra?: (wb: Workbook) => void,
): Promise<void> {
  const wb = sampleWorkbookFile(book);
  extra?.(wb);
  writeFileSync(path, await workbookBuffer(wb));
}

/** The user's own sheet: text, a number with a format, a formula with its cached result, a fill. */
export function addOwnSheet(wb: Workbook): void {
  const ws = wb.addWorksheet(OWN_SHEET);
  ws.getRow(1).getCell(1).value = "Board notes";
  ws.getRow(2).getCell(1).value = 0.125;
  ws.getRow(2).getCell(1).numFmt = "0.0%";
  ws.getRow(2).getCell(2).value = { formula: "A2*2", result: 0.25 };
  ws.getRow(3).getCell(1).value = "=not a formula, typed as text";
  ws.getRow(3).getCell(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
}

/** An Excel workbook with no PerfCycle tables at all. */
export async function writePlainBook(path: string): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Data");
  ws.getRow(1).values = ["Indicator", "Q1", "Q2"];
  ws.getRow(2).values = ["Reach", 0.4, 0.5];
  writeFileSync(path, await workbookBuffer(wb));
}

export const ACTUALS = TABLE.actuals;
export const TARGETS = TABLE.targets;
