/**
 * What the command writes into .xlsx files, laid out from the contract's plain data:
 * the sample workbook, the report sheet added to a copy of a book, and rows upserted into a
 * table. Each writer touches only its own sheet, or only the table's changed cells, new rows
 * and range.
 */
import type { Worksheet } from "exceljs";
import { Workbook } from "exceljs";
import type { RawCell, SampleBook } from "../contract";
import { CliError } from "./errors";
import {
  argb,
  cellAt,
  cellValue,
  colLetters,
  columnWidth,
  formatRange,
  parseRange,
  setCell,
  sheetName,
  worksheetNamed,
  type LocatedTable,
} from "./xlsx";

const TABLE_STYLE = "TableStyleMedium2";

// ---------------------------------------------------------------------------------------------
// The sample workbook

/** The sample workbook as an ExcelJS workbook: Excel tables by the contract's names, formats, widths, frozen headers. */
export function sampleWorkbookFile(book: SampleBook): Workbook {
  const wb = new Workbook();
  wb.creator = "PerfCycle";
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name));
    const widths = new Map<number, number>();
    const widen = (col: number, w: number): void => {
      widths.set(col, Math.max(widths.get(col) ?? 0, w));
    };
    for (const c of sheet.cells ?? []) {
      const at = parseRange(c.address);
      if (!at) continue;
      setCell(cellAt(ws, at.top, at.left), c.value, c.numberFormat);
      // A long title in column A should not widen the column: it spills over empty cells.
      if (typeof c.value !== "string" || c.value.length <= 40) widen(at.left, columnWidth([c.value], ""));
    }
    let frozen = false;
    for (const t of sheet.tables) {
      const top = parseRange(t.topLeft) ?? { top: 1, left: 1 };
      const row0 = top.top;
      const col0 = top.left;
      const headers = t.headers.map((h, j) =>
        h === null || String(h).trim() === "" ? `Column${j + 1}` : String(h),
      );
      // Excel wants a table to have a data row: an empty table gets one blank row (the reader skips it).
      const rows = t.rows.length > 0 ? t.rows : [headers.map((): RawCell => null)];
      ws.addTable({
        name: t.name,
        ref: t.topLeft,
        headerRow: true,
        totalsRow: false,
        style: { theme: TABLE_STYLE, showRowStripes: true },
        columns: headers.map((name) => ({ name, filterButton: true })),
        rows: rows.map((r) => headers.map((_, j) => cellValue(r[j] ?? null))),
      });
      rows.forEach((_, i) => {
        headers.forEach((__, j) => {
          const fmt = t.cellFormats?.[i]?.[j] ?? t.numberFormats?.[j];
          const cell = cellAt(ws, row0 + 1 + i, col0 + j);
          if (fmt !== undefined && fmt !== "General") cell.numFmt = fmt;
          else if (rows[i]?.[j] instanceof Date) cell.numFmt = "dd/mm/yyyy";
        });
      });
      headers.forEach((h, j) =>
        widen(
          col0 + j,
          columnWidth(
            rows.map((r) => r[j] ?? null),
            h,
          ) + 2, // room for the filter button
        ),
      );
      if (!frozen) {
        ws.views = [
          {
            state: "frozen",
            ySplit: row0,
            xSplit: 0,
            topLeftCell: `A${row0 + 1}`,
            activeCell: `A${row0 + 1}`,
          },
        ];
        frozen = true;
      }
    }
    for (const [col, w] of widths) ws.getColumn(col).width = Math.min(60, w);
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------
// The report sheet

export interface ReportSheetLayout {
  readonly sheetName: string;
  readonly title: string;
  /** Lines under the title (rule, source, when). */
  readonly notes: readonly string[];
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  readonly cellFormats: readonly (readonly string[])[];
  readonly widths: readonly number[];
  readonly ragColumn: number;
  /** Columns to wrap (explanation, commentary, action). */
  readonly wrapColumns: readonly number[];
  readonly colours: Readonly<Record<string, { readonly fill: string; readonly font: string }>>;
  /** Lines listed under the table (data errors), with a heading. */
  readonly errors: readonly string[];
}

/**
 * Add the report sheet to a workbook, replacing a sheet of the same name (a report sheet this
 * command wrote before). No other sheet is touched. Returns the sheet.
 */
export function addReportSheet(wb: Workbook, layout: ReportSheetLayout): Worksheet {
  const name = sheetName(layout.sheetName);
  const existing = worksheetNamed(wb, name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: "FF1D4F91" } } });
  const width = layout.headers.length;

  const title = cellAt(ws, 1, 1);
  setCell(title, layout.title);
  title.font = { bold: true, size: 14 };
  layout.notes.forEach((n, i) => {
    const c = cellAt(ws, 2 + i, 1);
    setCell(c, n);
    c.font = { italic: true, color: { argb: "FF404040" } };
  });

  const headerRow = 3 + layout.notes.length;
  layout.headers.forEach((h, j) => {
    const c = cellAt(ws, headerRow, j + 1);
    setCell(c, h);
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } };
    c.alignment = { vertical: "top", wrapText: true };
  });
  ws.getRow(headerRow).height = 30;

  const wrap = new Set(layout.wrapColumns);
  layout.rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    for (let j = 0; j < width; j++) {
      const c = cellAt(ws, r, j + 1);
      setCell(c, row[j] ?? null, layout.cellFormats[i]?.[j]);
      if (wrap.has(j)) c.alignment = { vertical: "top", wrapText: true };
      else c.alignment = { vertical: "top" };
    }
    const status = row[layout.ragColumn];
    const colour = typeof status === "string" ? layout.colours[status] : undefined;
    if (colour) {
      const c = cellAt(ws, r, layout.ragColumn + 1);
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(colour.fill) } };
      c.font = { bold: true, color: { argb: argb(colour.font) } };
    }
  });
  const lastRow = headerRow + Math.max(1, layout.rows.length);
  ws.autoFilter = `A${headerRow}:${colLetters(width)}${lastRow}`;
  ws.views = [
    { state: "frozen", xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: "A1" },
  ];
  layout.widths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });

  if (layout.errors.length > 0) {
    const at = lastRow + 2;
    const h = cellAt(ws, at, 1);
    setCell(h, `Data errors (${layout.errors.length}): the figures above leave these cells out`);
    h.font = { bold: true, color: { argb: "FFC00000" } };
    layout.errors.forEach((e, i) => setCell(cellAt(ws, at + 1 + i, 1), e));
  }
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Rows into a table

export interface TableUpdate {
  /** The table's data rows after the change, in the table's column order. */
  readonly rows: readonly (readonly RawCell[])[];
  /**
   * For a new row (0-based index into rows), the 0-based data row whose cell formats it takes
   * (e.g. the last row of the same indicator); undefined: plain cells.
   */
  readonly formatFrom?: (row: number) => number | undefined;
}

function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return x === y;
}

/**
 * Write a table's new data rows: cells that differ from `before` are set, rows beyond the
 * table go below it (formats copied from the last data row) and the table's range grows.
 * Refuses (CliError) when the rows below the table are not empty, another table is in the way,
 * or the table has a totals row. Returns the number of cells written.
 */
export function writeTableRows(
  located: LocatedTable,
  before: readonly (readonly RawCell[])[],
  update: TableUpdate,
  others: readonly LocatedTable[],
): number {
  const { sheet, model, range } = located;
  const width = range.right - range.left + 1;
  const name = model.name;
  const extra = update.rows.length - before.length;
  if (extra < 0) throw new CliError(`${name}: rows would be removed, which this command never does`);
  if (extra > 0) {
    if (model.totalsRow) {
      throw new CliError(
        `${name} has a totals row, so rows cannot be added below it; turn the totals row off in Excel and try again`,
      );
    }
    const grown = { ...range, bottom: range.bottom + extra };
    for (const o of others) {
      if (o.model === model || o.sheet !== sheet) continue;
      const r = o.range;
      if (
        r.left <= grown.right &&
        r.right >= grown.left &&
        r.top <= grown.bottom &&
        r.bottom > range.bottom
      ) {
        throw new CliError(
          `${name} cannot grow by ${extra} rows: the table ${o.model.name} is in the way on sheet ${sheet.name}; move it and try again`,
        );
      }
    }
    for (let r = range.bottom + 1; r <= grown.bottom; r++) {
      const row = sheet.findRow(r);
      if (!row) continue;
      for (let c = range.left; c <= range.right; c++) {
        const cell = row.findCell(c);
        const v = cell?.value;
        if (v !== null && v !== undefined && v !== "") {
          throw new CliError(
            `${name} cannot grow by ${extra} rows: ${sheet.name}!${colLetters(c)}${r} below it holds ${JSON.stringify(String(cell?.text ?? ""))}; move it and try again`,
          );
        }
      }
    }
  }
  let written = 0;
  update.rows.forEach((cells, i) => {
    const r = located.firstDataRow + i;
    const old = before[i];
    const from = old ? undefined : update.formatFrom?.(i);
    const styleRow =
      from !== undefined && from >= 0 && from < before.length
        ? sheet.findRow(located.firstDataRow + from)
        : undefined;
    for (let j = 0; j < width; j++) {
      const v = cells[j] ?? null;
      if (old && sameCell(old[j], v)) continue;
      if (!old && v === null) continue;
      const cell = cellAt(sheet, r, range.left + j);
      if (!old) {
        const model = styleRow?.findCell(range.left + j);
        if (model) cell.style = JSON.parse(JSON.stringify(model.style)) as typeof cell.style;
      }
      setCell(cell, v);
      written++;
    }
  });
  if (extra > 0) {
    const grown = { ...range, bottom: range.bottom + extra };
    if (model.tableRef !== undefined) model.tableRef = formatRange(grown);
    if (model.ref !== undefined && model.tableRef === undefined) model.ref = formatRange(grown);
    if (model.autoFilterRef !== undefined) model.autoFilterRef = formatRange(grown);
  }
  return written;
}
