/** Saving a target (a new row or changed cells), with the audit rows of an Agreed/Approved change. */
import {
  applyTargetEdit,
  auditRow,
  AUDIT_COLUMNS,
  columnIndex,
  TABLE,
  type AuditEntry,
  type EditOutcome,
  type RawCell,
  type RawTable,
  type TargetEdit,
} from "../contract";
import { columnsToAdd } from "../contract/addColumns";
import { localAddress } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { asText, toExcel, type ExcelValue } from "./cells";
import { freeSheetName, noTable, startMonthOf, trailingBlanks, type HostContext } from "./context";
import { readTables, type Read } from "./read";
import type { TableLayout } from "./tables";
import { TableWriter } from "./write";

export function saveTarget(h: HostContext, edit: TargetEdit): Promise<EditOutcome> {
  return h.run(async (context) => {
    const r = await readTables(h, context, [TABLE.targets, TABLE.settings], [TABLE.audit]);
    const read = r.tables.get(TABLE.targets);
    const readLayout = r.layouts.get(TABLE.targets);
    if (!read || !readLayout) return { ok: false, needsReason: false, message: noTable(TABLE.targets) };
    // Schema 2 columns the edit writes (a suggestion's TargetMethod…) are added at the right end first.
    const { table: targets, layout } = await addColumns(context, read, readLayout, Object.keys(edit.values));
    const result = applyTargetEdit(targets, edit, {
      who: h.options.user(),
      when: h.options.now().toISOString(),
      startMonth: startMonthOf(r.tables.get(TABLE.settings)),
    });
    if (!result.outcome.ok || result.row === null) return result.outcome;
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    const at = result.row - 1;
    if (result.outcome.created) {
      const row = result.rows[at] ?? [];
      writer.append(layout, trailingBlanks(targets.rows.slice(0, at)), [
        Array.from({ length: layout.colCount }, (_, j) => row[j] ?? null),
      ]);
    } else {
      writer.change(layout, targets.rows, result.rows, [at]);
    }
    if (result.audit.length > 0) await appendAudit(batch, writer, context, r, result.audit);
    await writer.flush();
    await batch.finish();
    return result.outcome;
  });
}

/** Add the schema 2 columns a write needs at the table's right end (one sync when any). */
async function addColumns(
  context: Excel.RequestContext,
  table: RawTable,
  layout: TableLayout,
  names: readonly string[],
): Promise<{ table: RawTable; layout: TableLayout }> {
  const add = columnsToAdd(TABLE.targets, layout.headers, names);
  if (add.length === 0) return { table, layout };
  for (const c of add) context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, c);
  await context.sync();
  const headers = [...layout.headers, ...add];
  return {
    table: { ...table, headers, rows: table.rows.map((row) => [...row, ...add.map(() => null)]) },
    layout: { ...layout, headers, colCount: layout.colCount + add.length },
  };
}

/** Queue audit rows: into PerfAudit, or a new PerfAudit table when the workbook has none. */
async function appendAudit(
  batch: WriteBatch,
  writer: TableWriter,
  context: Excel.RequestContext,
  r: Read,
  entries: readonly AuditEntry[],
): Promise<void> {
  const layout = r.layouts.get(TABLE.audit);
  if (!layout) {
    const grid: ExcelValue[][] = [
      AUDIT_COLUMNS.map((h) => asText(h)),
      ...entries.map((e) => auditRow(e).map((c) => toExcel(c))),
    ];
    await batch.room(jsonBytes(grid) + 400);
    const sheet = context.workbook.worksheets.add(freeSheetName(r.discovery, new Set(), "Audit"));
    const address = localAddress(0, 0, grid.length, AUDIT_COLUMNS.length);
    sheet.getRange(address).values = grid;
    sheet.tables.add(address, true).name = TABLE.audit;
    return;
  }
  const cols = columnIndex({ name: TABLE.audit, headers: layout.headers, rows: [] });
  const rows = entries.map((e) => {
    const cells: RawCell[] = Array<RawCell>(layout.colCount).fill(null);
    auditRow(e).forEach((v, k) => {
      const j = cols.positions.get(AUDIT_COLUMNS[k] ?? "");
      if (j !== undefined) cells[j] = v ?? null;
    });
    return cells;
  });
  // An empty table's single blank row is filled first (readTables read it).
  writer.append(layout, trailingBlanks(r.tables.get(TABLE.audit)?.rows ?? []), rows);
}
