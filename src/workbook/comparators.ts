/**
 * Schema 2 writes of the Quarterly flow: comparator rows into PerfComparators (the table created
 * on its own sheet when absent), and the Quality of existing actuals (the column added at the end
 * of PerfActuals when absent). Each in one batch, through the shared TableWriter.
 */
import { TABLE, type ContractError } from "../contract";
import {
  COMPARATOR_TABLE_HEADERS,
  comparatorCells,
  upsertComparators,
  type ComparatorRow,
} from "../contract/comparatorImport";
import { writeQuality, type QualityInput } from "../contract/qualityWrite";
import { localAddress } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { asText, toExcel, type ExcelValue } from "./cells";
import {
  freeSheetName,
  noTable,
  startMonthOf,
  trailingBlanks,
  WorkbookError,
  type HostContext,
} from "./context";
import { readForWrite } from "./read";
import { TableWriter } from "./write";

/** Upsert comparator rows into PerfComparators, or a new PerfComparators table on its own sheet. */
export function writeComparators(
  h: HostContext,
  incoming: readonly ComparatorRow[],
): Promise<{ readonly added: number; readonly updated: number }> {
  return h.run(async (context) => {
    const r = await readForWrite(h, context, [TABLE.comparators]);
    r.upgrade.refuseNewer();
    const table = r.tables.get(TABLE.comparators);
    const layout = r.layouts.get(TABLE.comparators);
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    if (!table || !layout) {
      if (incoming.length === 0) return { added: 0, updated: 0 };
      r.upgrade.queue(context, batch, writer);
      await writer.flush();
      const grid: ExcelValue[][] = [
        COMPARATOR_TABLE_HEADERS.map((x) => asText(x)),
        ...incoming.map((c) => comparatorCells(c, COMPARATOR_TABLE_HEADERS).map((v) => toExcel(v))),
      ];
      await batch.room(jsonBytes(grid) + 400);
      const sheet = context.workbook.worksheets.add(freeSheetName(r.discovery, new Set(), "Comparators"));
      const address = localAddress(0, 0, grid.length, COMPARATOR_TABLE_HEADERS.length);
      sheet.getRange(address).values = grid;
      sheet.tables.add(address, true).name = TABLE.comparators;
      await batch.finish();
      return { added: incoming.length, updated: 0 };
    }
    const blanks = trailingBlanks(table.rows);
    const kept = table.rows.slice(0, table.rows.length - blanks);
    const up = upsertComparators({ headers: layout.headers, rows: kept }, incoming);
    if (up.changed.length === 0 && up.rows.length === kept.length) return { added: 0, updated: 0 };
    r.upgrade.queue(context, batch, writer);
    writer.change(layout, kept, up.rows, up.changed);
    writer.append(
      layout,
      blanks,
      up.rows
        .slice(kept.length)
        .map((row) => Array.from({ length: layout.colCount }, (_, j) => row[j] ?? null)),
    );
    await writer.flush();
    await batch.finish();
    return { added: up.added, updated: up.updated };
  });
}

/** Set the Quality of existing actuals, adding the Quality column at the table's end when absent. */
export function setQuality(
  h: HostContext,
  inputs: readonly QualityInput[],
): Promise<{ readonly changed: number; readonly errors: readonly ContractError[] }> {
  return h.run(async (context) => {
    const r = await readForWrite(h, context, [TABLE.actuals, TABLE.settings]);
    const up = r.upgrade;
    up.refuseNewer();
    if (!r.tables.get(TABLE.actuals)) throw new WorkbookError("TABLE_MISSING", noTable(TABLE.actuals));
    // Quality is among the upgrade's columns; `need` adds it whatever the plan says.
    up.need(TABLE.actuals, ["Quality"]);
    const table = up.table(TABLE.actuals);
    const layout = up.layout(TABLE.actuals);
    if (!table || !layout) throw new WorkbookError("TABLE_MISSING", noTable(TABLE.actuals));
    const w = writeQuality(table, inputs, startMonthOf(r.tables.get(TABLE.settings)));
    if (w.changed.length === 0) return { changed: 0, errors: w.errors };
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    up.queue(context, batch, writer);
    writer.change(layout, table.rows, w.rows, w.changed);
    await writer.flush();
    await batch.finish();
    return { changed: w.changed.length, errors: w.errors };
  });
}
