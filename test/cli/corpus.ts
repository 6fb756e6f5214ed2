/**
 * The producer corpus (test/fixtures/producers, made by scripts/fixtures/make.sh): which file is
 * a PerfCycle workbook, which is a book of plain sheets, which is a real Excel file, and a
 * comparison of report JSON that allows for the 16 significant digits some producers write.
 */
import { join } from "node:path";

export const FIXTURES = join(__dirname, "../fixtures/producers");
export const REAL = join(FIXTURES, "real");

/** The same PerfCycle workbook, written by each producer (with tables). */
export const PERFCYCLE_BOOKS = [
  "exceljs.xlsx",
  "exceljs-decorated.xlsx",
  "openpyxl.xlsx",
  "openpyxl-decorated.xlsx",
  "openpyxl-pivot.xlsx",
  "xlsxwriter.xlsx",
  "xlsxwriter-decorated.xlsx",
  "pandas.xlsx",
  "openxlsx.xlsx",
  "libreoffice.xlsx",
  "libreoffice-decorated.xlsx",
] as const;

/** Real Excel files with the sample's sheets and tables added part by part (scripts/fixtures/graft.ts). */
export const GRAFTED_BOOKS = [
  "real-perfcycle/poi-WithChart.xlsx",
  "real-perfcycle/poi-WithChartSheet.xlsx",
  "real-perfcycle/poi-ExcelPivotTableSample.xlsx",
  "real-perfcycle/poi-WithConditionalFormatting.xlsx",
  "real-perfcycle/poi-SimpleMacro.xlsm",
  "real-perfcycle/closedxml-PivotTables.xlsx",
  "real-perfcycle/excelize-Book1.xlsx",
] as const;

/** Every PerfCycle workbook of the corpus. */
export const ALL_PERFCYCLE_BOOKS: readonly string[] = [...PERFCYCLE_BOOKS, ...GRAFTED_BOOKS];

/** A file name for a fixture's output (no folders). */
export const flat = (name: string): string => name.replace(/\//g, "-");

/** The same workbook from producers that write no table parts: plain sheets. */
export const PLAIN_BOOKS = ["gnumeric.xlsx", "sheetjs.xlsx"] as const;

/** Real Excel-authored files (no PerfCycle tables), readable. */
export const REAL_BOOKS = [
  "poi-ExcelTables.xlsx",
  "poi-WithChart.xlsx",
  "poi-WithChartSheet.xlsx",
  "poi-ExcelPivotTableSample.xlsx",
  "poi-WithConditionalFormatting.xlsx",
  "poi-SimpleMacro.xlsm",
  "poi-InlineStrings.xlsx",
  "poi-noSharedStringTable.xlsx",
  "poi-50784-font_theme_colours.xlsx",
  "closedxml-PivotTables.xlsx",
  "closedxml-InsertingTables.xlsx",
  "closedxml-CFDataBar.xlsx",
  "excelize-Book1.xlsx",
  "excelize-MergeCell.xlsx",
] as const;

export const fixture = (name: string): string => join(FIXTURES, name);
export const real = (name: string): string => join(REAL, name);

/**
 * Differences between two JSON values; numbers equal within 1e-12 relative (openpyxl and
 * XlsxWriter write 16 significant digits, Excel's own precision is 15).
 */
export function jsonDifferences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)) ? [] : [`${path}: ${a} vs ${b}`];
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const keys = new Set([...ka, ...kb]);
    const out: string[] = [];
    if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: array vs object`];
    for (const k of keys)
      out.push(
        ...jsonDifferences(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
          `${path}.${k}`,
        ),
      );
    return out;
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
