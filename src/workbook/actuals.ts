/** Appending actuals (upserted by indicator, unit and quarter) and commentary for a quarter. */
import {
  ACTUAL_COLUMNS,
  actualKey,
  columnIndex,
  indexActualRows,
  OPTIONAL_ACTUAL_COLUMNS,
  TABLE,
  upsertActuals,
  withColumns,
  type ActualInput,
  type RawCell,
  type RawTable,
} from "../contract";
import { formatQuarter, parsePeriod } from "../engine";
import { WriteBatch } from "./batch";
import {
  noTable,
  startMonthOf,
  trailingBlanks,
  WorkbookError,
  type AppendResult,
  type HostContext,
} from "./context";
import { readTables } from "./read";
import type { TableLayout } from "./tables";
import { TableWriter } from "./write";

async function readActuals(
  h: HostContext,
  context: Excel.RequestContext,
): Promise<{ table: RawTable; layout: TableLayout; startMonth: number }> {
  const r = await readTables(h, context, [TABLE.actuals, TABLE.settings]);
  const table = r.tables.get(TABLE.actuals);
  const layout = r.layouts.get(TABLE.actuals);
  if (!table || !layout) throw new WorkbookError(noTable(TABLE.actuals));
  return { table, layout, startMonth: startMonthOf(r.tables.get(TABLE.settings)) };
}

export function appendActuals(h: HostContext, inputs: readonly ActualInput[]): Promise<AppendResult> {
  return h.run(async (context) => {
    const read = await readActuals(h, context);
    const { startMonth } = read;
    // A figure marked provisional or estimated (a wide table's `(p)`) needs the schema 2 Quality
    // column: it is added at the table's right end, in this batch, before the rows are written.
    const hasQuality = columnIndex(read.table, {
      required: ACTUAL_COLUMNS,
      optional: OPTIONAL_ACTUAL_COLUMNS,
    }).positions.has("Quality");
    const addQuality =
      !hasQuality && inputs.some((i) => i.quality !== undefined && i.quality !== "Validated");
    const table = addQuality ? withColumns(read.table, ["Quality"]) : read.table;
    const layout: TableLayout = addQuality
      ? { ...read.layout, headers: [...read.layout.headers, "Quality"], colCount: read.layout.colCount + 1 }
      : read.layout;
    const blanks = trailingBlanks(table.rows);
    const kept = table.rows.slice(0, table.rows.length - blanks);
    const up = upsertActuals({ ...table, rows: kept }, inputs, startMonth);
    const changedExisting = up.changedRows.map((n) => n - 1).filter((i) => i < kept.length);
    const added = up.rows.slice(kept.length);
    if (changedExisting.length === 0 && added.length === 0) {
      return { added: 0, updated: 0, errors: up.errors };
    }
    const batch = new WriteBatch(context, h.budget);
    if (addQuality) {
      batch.small();
      context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, "Quality");
    }
    const writer = new TableWriter(context, batch);
    writer.change(layout, kept, up.rows, changedExisting);
    writer.append(
      layout,
      blanks,
      added.map((row) => Array.from({ length: layout.colCount }, (_, j) => row[j] ?? null)),
    );
    await writer.flush();
    await batch.finish();
    return { added: up.added, updated: up.updated, errors: up.errors };
  });
}

export interface CommentaryInput {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly commentary: string;
  readonly action: string;
}

export function setCommentary(h: HostContext, c: CommentaryInput): Promise<void> {
  return h.run(async (context) => {
    const { table, layout, startMonth } = await readActuals(h, context);
    const q = parsePeriod(c.period, { startMonth });
    if (!q.ok) throw new WorkbookError(`Commentary for ${c.indicatorId} (${c.orgUnit}): ${q.error.message}`);
    const cols = columnIndex(table, { required: ACTUAL_COLUMNS });
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    // Commentary or Action columns the table lacks are added at its right end.
    const addedCols = (["Commentary", "Action"] as const).filter((x) => !cols.positions.has(x));
    for (const x of addedCols) {
      batch.small();
      context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, x);
    }
    const width = layout.colCount + addedCols.length;
    const grown: TableLayout = { ...layout, colCount: width };
    const pos = (x: string): number =>
      cols.positions.get(x) ?? layout.colCount + addedCols.indexOf(x as "Action");
    const at = indexActualRows(table, startMonth).get(actualKey(c.indicatorId, c.orgUnit, q.value)) ?? -1;
    if (at >= 0) {
      const after = table.rows.map((row) => [...row]);
      const edited = after[at] ?? [];
      edited[pos("Commentary")] = c.commentary;
      edited[pos("Action")] = c.action;
      writer.change(grown, table.rows, after, [at]);
    } else {
      // No row for that quarter yet (e.g. No data): a row with the commentary and no figures.
      const row: RawCell[] = Array<RawCell>(width).fill(null);
      row[pos("IndicatorId")] = c.indicatorId.trim();
      row[pos("OrgUnit")] = c.orgUnit.trim();
      row[pos("Period")] = formatQuarter(q.value, startMonth);
      row[pos("Commentary")] = c.commentary;
      row[pos("Action")] = c.action;
      writer.append(grown, trailingBlanks(table.rows), [row]);
    }
    await writer.flush();
    await batch.finish();
  });
}
