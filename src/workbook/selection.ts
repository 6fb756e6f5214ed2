/** The user's selection: reading the selected range, and selecting a table cell. */
import { normaliseName, type RawCell, type Selection } from "../contract";
import { localAddress, parseBox } from "./address";
import { DEFAULT_BYTES_PER_CELL, rowBlocks } from "./batch";
import { fromExcel } from "./cells";
import { noTable, WorkbookError, type HostContext } from "./context";

export function readSelection(h: HostContext): Promise<Selection> {
  return h.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address");
    const used = context.workbook.getSelectedRange().worksheet.getUsedRangeOrNullObject(true).load("address");
    await context.sync();
    const sel = parseBox(selected.address);
    const address = localAddress(sel.row, sel.col);
    if (used.isNullObject) return { sheet: sel.sheet, address, values: [] };
    const u = parseBox(used.address);
    const rows = Math.min(sel.row + sel.rowCount, u.row + u.rowCount) - sel.row;
    const cols = Math.min(sel.col + sel.colCount, u.col + u.colCount) - sel.col;
    if (rows <= 0 || cols <= 0) return { sheet: sel.sheet, address, values: [] };
    const sheet = context.workbook.worksheets.getItem(sel.sheet);
    const values: RawCell[][] = [];
    const perSync = Math.max(1, Math.floor(h.budget / (DEFAULT_BYTES_PER_CELL * 2 * cols)));
    for (const group of rowBlocks(rows, perSync)) {
      const loads = rowBlocks(group.count).map((b) =>
        sheet.getRange(localAddress(sel.row + group.start + b.start, sel.col, b.count, cols)).load("values"),
      );
      // One sync per payload-sized group of blocks (one in all for a selection under ~4.5 MB).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const l of loads) values.push(...fromExcel(l.values));
    }
    return { sheet: sel.sheet, address, values };
  });
}

export function select(h: HostContext, table: string, row: number, column: string): Promise<void> {
  return h.run(async (context) => {
    const t = context.workbook.tables.getItemOrNullObject(table);
    await context.sync();
    if (t.isNullObject) throw new WorkbookError(noTable(table));
    const header = t.getHeaderRowRange().load("values");
    const body = t.getDataBodyRange().load("rowCount");
    await context.sync();
    const headers = fromExcel(header.values)[0] ?? [];
    const c = headers.findIndex((x) => normaliseName(x) === normaliseName(column));
    if (c < 0) throw new WorkbookError(`${table} has no column '${column}'.`);
    if (!Number.isInteger(row) || row < 1 || row > body.rowCount) {
      throw new WorkbookError(`${table} has no data row ${row} (it has ${body.rowCount}).`);
    }
    t.worksheet.activate();
    t.getDataBodyRange()
      .getCell(row - 1, c)
      .select();
    await context.sync();
  });
}
