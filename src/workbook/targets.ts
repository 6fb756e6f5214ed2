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
  type TargetEdit,
} from "../contract";
import { columnsToAdd } from "../contract/addColumns";
import { localAddress } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { asText, toExcel, type ExcelValue } from "./cells";
import { freeSheetName, noTable, startMonthOf, trailingBlanks, type HostContext } from "./context";
import { readForWrite, type Read } from "./read";
import { TableWriter } from "./write";

export function saveTarget(h: HostContext, edit: TargetEdit): Promise<EditOutcome> {
  return h.run(async (context) => {
    const r = await readForWrite(h, context, [TABLE.targets, TABLE.settings], [TABLE.audit], undefined, {
      [TABLE.targets]: Object.keys(edit.values),
    });
    const up = r.upgrade;
    if (up.refusal !== null) return { ok: false, needsReason: false, message: up.refusal };
    if (!r.tables.get(TABLE.targets)) {
      return { ok: false, needsReason: false, message: noTable(TABLE.targets) };
    }
    // Schema 2 columns the edit writes (a plan's PlanEndYear…) are added with the upgrade's.
    const wanted = Object.keys(edit.values);
    up.need(TABLE.targets, columnsToAdd(TABLE.targets, up.layout(TABLE.targets)?.headers ?? [], wanted));
    const targets = up.table(TABLE.targets);
    const layout = up.layout(TABLE.targets);
    if (!targets || !layout) return { ok: false, needsReason: false, message: noTable(TABLE.targets) };
    const result = applyTargetEdit(targets, edit, {
      who: h.options.user(),
      when: h.options.now().toISOString(),
      startMonth: startMonthOf(r.tables.get(TABLE.settings)),
    });
    if (!result.outcome.ok || result.row === null) return result.outcome;
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    up.queue(context, batch, writer);
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
