/**
 * The user's selection: reading the selected range (for the wide import and the published-figure
 * check), and selecting a table cell.
 *
 * A whole-column or whole-row selection (`Sheet1!A:F`, `3:5`) is an unbounded range, whose cell
 * values Excel does not return ("come back as null for unbounded reads"); it is clamped to the
 * sheet's used range (`Worksheet.getUsedRangeOrNullObject`, ExcelApi 1.4; the overlap is computed
 * from the two addresses), so `A:F` reads the cells in use. Several areas (ctrl-click) or a chart or shape cannot be read as one table: the
 * user is told what to select (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
 */
import { normaliseName, type RawCell, type Selection } from "../contract";
import { localAddress, overlap, parseBox, splitAddress } from "./address";
import { DEFAULT_BYTES_PER_CELL, errorCode, rowBlocks } from "./batch";
import { fromExcel } from "./cells";
import { noTable, WorkbookError, type HostContext } from "./context";

const WHAT_TO_SELECT =
  "Select the cells to read as one block (click the top-left cell and drag, or click a column letter to take whole columns)";

/** Why the selection cannot be read, in the user's words (several areas named when Excel can say). */
async function selectionProblem(
  h: HostContext,
  context: Excel.RequestContext,
  e: unknown,
): Promise<WorkbookError> {
  const supported = h.options.isSetSupported?.("ExcelApi", "1.9") ?? true;
  if (supported) {
    try {
      const areas = context.workbook.getSelectedRanges().load("areaCount, address");
      await context.sync();
      if (areas.areaCount > 1) {
        const list = areas.address
          .split(",")
          .map((a) => splitAddress(a.trim()).local)
          .join(", ");
        return new WorkbookError(
          "SELECTION",
          `The selection has ${areas.areaCount} separate areas (${list}). ${WHAT_TO_SELECT}.`,
        );
      }
    } catch {
      // Fall through to the general message.
    }
  }
  const code = errorCode(e);
  const what =
    code === "InvalidSelection"
      ? "The selection is not a range of cells (a chart, a shape or several areas?)"
      : "Excel could not read the selection";
  return new WorkbookError("SELECTION", `${what}. ${WHAT_TO_SELECT}.`);
}

/** Read rows [row, row + rows) of columns [col, col + cols) in payload-sized syncs. */
async function readBlock(
  h: HostContext,
  context: Excel.RequestContext,
  sheetName: string,
  at: { row: number; col: number; rows: number; cols: number },
): Promise<RawCell[][]> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const values: RawCell[][] = [];
  const perSync = Math.max(1, Math.floor(h.budget / (DEFAULT_BYTES_PER_CELL * 2 * at.cols)));
  for (const group of rowBlocks(at.rows, perSync)) {
    const loads = rowBlocks(group.count).map((b) =>
      sheet.getRange(localAddress(at.row + group.start + b.start, at.col, b.count, at.cols)).load("values"),
    );
    // One sync per payload-sized group of blocks (one in all for a selection under ~4.5 MB).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const l of loads) values.push(...fromExcel(l.values));
  }
  return values;
}

export function readSelection(h: HostContext): Promise<Selection> {
  return h.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    const selected = range.load("address");
    const used = range.worksheet.getUsedRangeOrNullObject(true).load("address");
    try {
      await context.sync();
    } catch (e) {
      throw await selectionProblem(h, context, e);
    }
    const sel = parseBox(selected.address);
    const empty = { sheet: sel.sheet, address: localAddress(sel.row, sel.col), values: [] };
    if (used.isNullObject) return empty;
    // Clamped to the cells in use: whole columns `A:F` read the used rows only.
    const box = overlap(sel, parseBox(used.address));
    if (!box) return empty;
    const values = await readBlock(h, context, sel.sheet, {
      row: box.row,
      col: box.col,
      rows: box.rowCount,
      cols: box.colCount,
    });
    return { sheet: sel.sheet, address: localAddress(box.row, box.col), values };
  });
}

export function select(h: HostContext, table: string, row: number, column: string): Promise<void> {
  return h.run(async (context) => {
    const t = context.workbook.tables.getItemOrNullObject(table);
    await context.sync();
    if (t.isNullObject) throw new WorkbookError("TABLE_MISSING", noTable(table));
    const header = t.getHeaderRowRange().load("values");
    const body = t.getDataBodyRange().load("rowCount");
    await context.sync();
    const headers = fromExcel(header.values)[0] ?? [];
    const c = headers.findIndex((x) => normaliseName(x) === normaliseName(column));
    if (c < 0) throw new WorkbookError("COLUMN_MISSING", `${table} has no column '${column}'.`);
    if (!Number.isInteger(row) || row < 1 || row > body.rowCount) {
      throw new WorkbookError("ROW_MISSING", `${table} has no data row ${row} (it has ${body.rowCount}).`);
    }
    t.worksheet.activate();
    t.getDataBodyRange()
      .getCell(row - 1, c)
      .select();
    await context.sync();
  });
}
