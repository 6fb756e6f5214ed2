/**
 * The sample workbook, written with ExcelJS from the contract's plain data (our own content, so
 * an object-model writer is fine here). The writes into a user's workbook (the report sheet,
 * rows into PerfActuals) are part-by-part edits of its package: see ooxml/write.ts and
 * ooxml/rows.ts.
 */
import { Workbook } from "exceljs";
import type { RawCell, SampleBook } from "../contract";
import { parseRange } from "../a1";
import { sheetName } from "./ooxml/a1";
import { cellAt, cellValue, columnWidth, setCell } from "./xlsx";

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
