/** Set up: create the contract's tables or adopt the user's, and write the settings PerfCycle owns. */
import {
  CONTRACT_TABLES,
  cellText,
  columnIndex,
  readSettings,
  settingsRows,
  TABLE,
  type RawCell,
  type RawTable,
  type SettingsEdits,
  type SetupOptions,
  type SetupResult,
} from "../contract";
import { localAddress } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { asText, toExcel, type ExcelValue } from "./cells";
import { freeSheetName, trailingBlanks, type HostContext } from "./context";
import { readForWrite } from "./read";
import type { TableLayout } from "./tables";
import { TableWriter } from "./write";

/** Queue a new contract table on a new sheet (the settings table gets its rows). */
async function createTable(
  batch: WriteBatch,
  context: Excel.RequestContext,
  spec: (typeof CONTRACT_TABLES)[number],
  sheetName: string,
  setup: SetupOptions,
): Promise<void> {
  const grid: ExcelValue[][] = [
    spec.headers.map((h) => asText(h)),
    ...(spec.name === TABLE.settings ? settingsRows(setup).map((row) => row.map((c) => toExcel(c))) : []),
  ];
  await batch.room(jsonBytes(grid) + 400);
  const sheet = context.workbook.worksheets.add(sheetName);
  const address = localAddress(0, 0, grid.length, spec.headers.length);
  sheet.getRange(address).values = grid;
  sheet.tables.add(address, true).name = spec.name;
  sheet.getRange(localAddress(0, 0, 1, spec.headers.length)).format.font.bold = true;
}

export function setUp(h: HostContext, setup: SetupOptions): Promise<SetupResult> {
  return h.run(async (context) => {
    const all = CONTRACT_TABLES.map((t) => t.name);
    const r = await readForWrite(
      h,
      context,
      [TABLE.settings],
      all.filter((n) => n !== TABLE.settings),
    );
    const up = r.upgrade;
    up.refuseNewer();
    // Required columns the user's tables lack are added at their right end, with the upgrade's;
    // nothing is renamed or dropped.
    for (const t of CONTRACT_TABLES) {
      const layout = r.layouts.get(t.name);
      if (layout) up.need(t.name, columnIndex({ name: t.name, headers: layout.headers, rows: [] }).missing);
    }
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    up.queue(context, batch, writer, { settings: false });
    const created: string[] = [];
    const adopted: string[] = [];
    const taken = new Set<string>();
    for (const t of CONTRACT_TABLES) {
      const layout = up.layout(t.name);
      if (!layout) {
        await createTable(batch, context, t, freeSheetName(r.discovery, taken, t.sheet), setup);
        created.push(t.name);
        continue;
      }
      adopted.push(layout.name);
      const table = up.table(t.name);
      if (t.name === TABLE.settings && table) writeSettings(writer, layout, table, up.settingsEdits(), setup);
    }
    await writer.flush();
    await batch.finish();
    return { created, adopted };
  });
}

/**
 * Plan the settings PerfCycle owns in an adopted PerfSettings (other rows kept), with the
 * upgrade's edits (SchemaVersion, the schema 2 settings) in the same rows.
 */
function writeSettings(
  writer: TableWriter,
  layout: TableLayout,
  table: RawTable,
  edits: SettingsEdits | null,
  setup: SetupOptions,
): void {
  const cols = columnIndex(table);
  const position = (c: string): number => cols.positions.get(c) ?? -1;
  const width = layout.colCount;
  const pad = (r: readonly RawCell[]): RawCell[] => Array.from({ length: width }, (_, j) => r[j] ?? null);
  const s = readSettings({ tables: [table] });
  const after = (edits?.rows ?? table.rows).map(pad);
  const changed = new Set<number>(edits?.changed ?? []);
  const newRows: RawCell[][] = [];
  const nameOf = (r: readonly RawCell[]): string => cellText(r[position("Setting")] ?? null);
  for (const [name, value] of settingsRows(setup)) {
    const row = s.rows[String(name) as keyof typeof s.rows];
    if (row === undefined) {
      const cells: RawCell[] = Array<RawCell>(width).fill(null);
      cells[position("Setting")] = name ?? null;
      cells[position("Value")] = value ?? null;
      newRows.push(cells);
      continue;
    }
    // The schema version is the upgrade's to set (upgrade.ts), never set-up's.
    if (name === "SchemaVersion") continue;
    const current = after[row - 1];
    if (!current || cellText(current[position("Value")] ?? null) === cellText(value ?? null)) continue;
    current[position("Value")] = value ?? null;
    changed.add(row - 1);
  }
  // Then the upgrade's new rows (the schema 2 settings) that set-up has not written.
  for (const r of edits?.added ?? []) {
    if (!newRows.some((n) => nameOf(n) === nameOf(r))) newRows.push(pad(r));
  }
  writer.change(layout, table.rows, after, [...changed]);
  writer.append(layout, trailingBlanks(table.rows), newRows);
}
