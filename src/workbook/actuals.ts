/** Appending actuals (upserted by indicator, unit and quarter) and commentary for a quarter. */
import {
  ACTUAL_COLUMNS,
  actualKey,
  columnIndex,
  indexActualRows,
  OPTIONAL_ACTUAL_COLUMNS,
  TABLE,
  upsertActuals,
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
import { readForWrite } from "./read";
import type { TableLayout } from "./tables";
import type { Upgrade } from "./upgrade";
import { TableWriter } from "./write";

/** PerfActuals (with the upgrade's and `need`'s columns), refusing a newer workbook. */
async function readActuals(
  h: HostContext,
  context: Excel.RequestContext,
): Promise<{ up: Upgrade; startMonth: number }> {
  const r = await readForWrite(h, context, [TABLE.actuals, TABLE.settings]);
  r.upgrade.refuseNewer();
  if (!r.tables.get(TABLE.actuals)) throw new WorkbookError("TABLE_MISSING", noTable(TABLE.actuals));
  return { up: r.upgrade, startMonth: startMonthOf(r.tables.get(TABLE.settings)) };
}

/** The grown PerfActuals of an upgrade (present: readActuals checked). */
function actualsOf(up: Upgrade): { table: RawTable; layout: TableLayout } {
  const table = up.table(TABLE.actuals);
  const layout = up.layout(TABLE.actuals);
  if (!table || !layout) throw new WorkbookError("TABLE_MISSING", noTable(TABLE.actuals));
  return { table, layout };
}

export function appendActuals(h: HostContext, inputs: readonly ActualInput[]): Promise<AppendResult> {
  return h.run(async (context) => {
    const { up, startMonth } = await readActuals(h, context);
    // A figure marked provisional or estimated (a wide table's `(p)`) needs the schema 2 Quality
    // column (which the upgrade adds anyway): it is added at the table's right end, in this batch.
    if (inputs.some((i) => i.quality !== undefined && i.quality !== "Validated")) {
      up.need(TABLE.actuals, ["Quality"]);
    }
    const { table, layout } = actualsOf(up);
    const blanks = trailingBlanks(table.rows);
    const kept = table.rows.slice(0, table.rows.length - blanks);
    const upsert = upsertActuals({ ...table, rows: kept }, inputs, startMonth);
    const changedExisting = upsert.changedRows.map((n) => n - 1).filter((i) => i < kept.length);
    const added = upsert.rows.slice(kept.length);
    if (changedExisting.length === 0 && added.length === 0) {
      return { added: 0, updated: 0, errors: upsert.errors };
    }
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    up.queue(context, batch, writer);
    writer.change(layout, kept, upsert.rows, changedExisting);
    writer.append(
      layout,
      blanks,
      added.map((row) => Array.from({ length: layout.colCount }, (_, j) => row[j] ?? null)),
    );
    await writer.flush();
    await batch.finish();
    return { added: upsert.added, updated: upsert.updated, errors: upsert.errors };
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
    const { up, startMonth } = await readActuals(h, context);
    const q = parsePeriod(c.period, { startMonth });
    if (!q.ok)
      throw new WorkbookError(
        "PERIOD_INVALID",
        `Commentary for ${c.indicatorId} (${c.orgUnit}): ${q.error.message}`,
      );
    // Commentary or Action columns the table lacks are added at its right end.
    up.need(TABLE.actuals, ["Commentary", "Action"]);
    const { table, layout } = actualsOf(up);
    const cols = columnIndex(table, { required: ACTUAL_COLUMNS, optional: OPTIONAL_ACTUAL_COLUMNS });
    const pos = (x: string): number => cols.positions.get(x) ?? -1;
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    up.queue(context, batch, writer);
    const at = indexActualRows(table, startMonth).get(actualKey(c.indicatorId, c.orgUnit, q.value)) ?? -1;
    if (at >= 0) {
      const after = table.rows.map((row) => [...row]);
      const edited = after[at] ?? [];
      edited[pos("Commentary")] = c.commentary;
      edited[pos("Action")] = c.action;
      writer.change(layout, table.rows, after, [at]);
    } else {
      // No row for that quarter yet (e.g. No data): a row with the commentary and no figures.
      const row: RawCell[] = Array<RawCell>(layout.colCount).fill(null);
      row[pos("IndicatorId")] = c.indicatorId.trim();
      row[pos("OrgUnit")] = c.orgUnit.trim();
      row[pos("Period")] = formatQuarter(q.value, startMonth);
      row[pos("Commentary")] = c.commentary;
      row[pos("Action")] = c.action;
      writer.append(layout, trailingBlanks(table.rows), [row]);
    }
    await writer.flush();
    await batch.finish();
  });
}
