/**
 * Every worksheet's used range as the contract's SheetGrids (values, number formats, origin,
 * hidden), for the task pane's published-figure check over the whole workbook; and selecting a
 * sheet cell, so a finding can show its cell.
 *
 * Syncs, whatever the number of sheets (Office.js batches queued commands until `sync()`):
 * 1. the sheets' names and visibility: `worksheets.load("items/name,items/visibility")`
 *    (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load-properties-of-a-collection);
 * 2. every sheet's used range address, all queued before one sync:
 *    `Worksheet.getUsedRangeOrNullObject(true)` (values only, so formatting alone does not
 *    count; a blank sheet is a null object, ExcelApi 1.4,
 *    https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)
 *    and https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get#get-used-range);
 * 3. the values and number formats, in row blocks packed into as few syncs as fit the payload
 *    budget (Excel on the web refuses a response over 5 MB,
 *    https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 *    one sync for an ordinary workbook, more only when the data itself is bigger. A refused
 *    response is tried again once with blocks a quarter of the size.
 * Hidden and very hidden sheets are read too (the check covers them and says so); the report
 * swap's temporary sheet is not. A used range over MAX_SHEET_CELLS (a stray value in XFD1048576)
 * is read in its first rows up to that many cells, and `unreadRows` says how many were left.
 */
import type { SheetGrid, SheetRead } from "../contract";
import { localAddress, parseBox } from "./address";
import { DEFAULT_BYTES_PER_CELL, isPayloadError, MAX_BLOCK_ROWS, rowBlocks } from "./batch";
import { fromExcel } from "./cells";
import { isTempSheet } from "./reportSheet";

interface Used {
  readonly name: string;
  readonly hidden: boolean;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Rows of the used range not read (over MAX_SHEET_CELLS). */
  readonly unread: number;
}

/** Most cells read from one sheet (a published table is far smaller; a stray far cell is not read). */
export const MAX_SHEET_CELLS = 2_000_000;

/** Values plus number formats, as JSON, per cell: a first guess for planning the blocks. */
const BYTES_PER_CELL = DEFAULT_BYTES_PER_CELL * 2;

async function readBlocks(
  context: Excel.RequestContext,
  used: readonly Used[],
  budget: number,
): Promise<SheetRead[]> {
  interface Block {
    readonly sheet: number;
    readonly start: number;
    readonly count: number;
    readonly bytes: number;
  }
  const blocks: Block[] = [];
  used.forEach((u, sheet) => {
    const maxRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(budget / (BYTES_PER_CELL * u.cols))));
    for (const b of rowBlocks(u.rows, maxRows))
      blocks.push({ sheet, start: b.start, count: b.count, bytes: b.count * u.cols * BYTES_PER_CELL });
  });
  // Pack the blocks, in order, into groups that fit the budget: one sync per group.
  const groups: Block[][] = [];
  let bytes = 0;
  for (const b of blocks) {
    const last = groups[groups.length - 1];
    if (!last || bytes + b.bytes > budget) {
      groups.push([b]);
      bytes = b.bytes;
    } else {
      last.push(b);
      bytes += b.bytes;
    }
  }
  const values: unknown[][][] = used.map(() => []);
  const formats: string[][][] = used.map(() => []);
  for (const group of groups) {
    const loads = group.map((b) => {
      const u = used[b.sheet];
      if (!u) throw new Error("block without its sheet");
      const range = context.workbook.worksheets
        .getItem(u.name)
        .getRange(localAddress(u.row + b.start, u.col, b.count, u.cols))
        .load("values,numberFormat");
      return { b, range };
    });
    // One sync per payload-sized group of blocks.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { b, range } of loads) {
      values[b.sheet]?.push(...(range.values as unknown[][]));
      formats[b.sheet]?.push(
        ...(range.numberFormat as unknown[][]).map((r) =>
          r.map((f) => (typeof f === "string" ? f : "General")),
        ),
      );
    }
  }
  return used.map((u, i) => ({
    name: u.name,
    grid: fromExcel(values[i] ?? []),
    formats: formats[i] ?? [],
    origin: localAddress(u.row, u.col),
    hidden: u.hidden,
    ...(u.unread > 0 ? { unreadRows: u.unread } : {}),
  }));
}

/** Every worksheet's used range (hidden sheets too) as SheetGrids; a blank sheet has an empty grid. */
export async function readSheetGrids(
  context: Excel.RequestContext,
  budget: number,
  maxCells: number = MAX_SHEET_CELLS,
): Promise<SheetRead[]> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  const listed = sheets.items
    .filter((s) => !isTempSheet(s.name))
    .map((s) => ({ sheet: s, used: s.getUsedRangeOrNullObject(true).load("address") }));
  await context.sync();
  const used: Used[] = [];
  const blank: SheetGrid[] = [];
  for (const { sheet, used: range } of listed) {
    const hidden = sheet.visibility !== "Visible";
    if (range.isNullObject) {
      blank.push({ name: sheet.name, grid: [], hidden });
      continue;
    }
    const box = parseBox(range.address);
    const rows = Math.min(box.rowCount, Math.max(1, Math.floor(maxCells / box.colCount)));
    used.push({
      name: sheet.name,
      hidden,
      row: box.row,
      col: box.col,
      rows,
      cols: box.colCount,
      unread: box.rowCount - rows,
    });
  }
  let read: SheetRead[];
  try {
    read = await readBlocks(context, used, budget);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    read = await readBlocks(context, used, Math.max(1, Math.floor(budget / 4)));
  }
  // In the workbook's sheet order.
  const byName = new Map([...read, ...blank].map((g) => [g.name, g]));
  return listed.flatMap(({ sheet }) => {
    const g = byName.get(sheet.name);
    return g ? [g] : [];
  });
}

/** Show and select a cell of a sheet (`B7`); an unknown sheet is an error naming it. */
export async function selectSheetCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject)
    throw new Error(`This workbook has no sheet named '${sheet}'. (It may have been renamed.)`);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
