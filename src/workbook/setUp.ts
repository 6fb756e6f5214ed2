/** Set up: create the contract's tables or adopt the user's, and write the settings PerfCycle owns. */
import {
  CONTRACT_TABLES,
  CURRENT_SCHEMA_VERSION,
  cellText,
  columnIndex,
  readRegister,
  readSettings,
  schemaVersionOf,
  settingsRows,
  TABLE,
  type RawCell,
  type RawTable,
  type SetupOptions,
  type SetupResult,
} from "../contract";
import { localAddress } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { asText, toExcel, type ExcelValue } from "./cells";
import { freeSheetName, trailingBlanks, WorkbookError, type HostContext } from "./context";
import { readTables } from "./read";
import type { TableLayout } from "./tables";
import { TableWriter } from "./write";

function refuseNewer(settings: RawTable | undefined): void {
  if (!settings) return;
  const book = { tables: [settings] };
  if (schemaVersionOf(book).version > CURRENT_SCHEMA_VERSION) {
    throw new WorkbookError(
      readRegister(book).fatal?.message ?? "This workbook is newer than this PerfCycle.",
    );
  }
}

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
    const r = await readTables(
      h,
      context,
      [TABLE.settings],
      all.filter((n) => n !== TABLE.settings),
    );
    const settings = r.tables.get(TABLE.settings);
    refuseNewer(settings);
    const batch = new WriteBatch(context, h.budget);
    const writer = new TableWriter(context, batch);
    const created: string[] = [];
    const adopted: string[] = [];
    const taken = new Set<string>();
    for (const t of CONTRACT_TABLES) {
      const layout = r.layouts.get(t.name);
      if (!layout) {
        await createTable(batch, context, t, freeSheetName(r.discovery, taken, t.sheet), setup);
        created.push(t.name);
        continue;
      }
      adopted.push(layout.name);
      // Required columns the user's table lacks are added at its right end; nothing is renamed or dropped.
      const cols = columnIndex({ name: t.name, headers: layout.headers, rows: [] });
      for (const missing of cols.missing) {
        batch.small();
        context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, missing);
      }
      if (t.name === TABLE.settings && settings) {
        writeSettings(writer, layout, settings, cols.missing, setup);
      }
    }
    await writer.flush();
    await batch.finish();
    return { created, adopted };
  });
}

/** Plan the settings PerfCycle owns in an adopted PerfSettings (other rows kept). */
function writeSettings(
  writer: TableWriter,
  layout: TableLayout,
  table: RawTable,
  added: readonly string[],
  setup: SetupOptions,
): void {
  const cols = columnIndex(table);
  const position = (c: string): number => cols.positions.get(c) ?? layout.colCount + added.indexOf(c);
  const width = layout.colCount + added.length;
  const s = readSettings({ tables: [table] });
  const after = table.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
  const changed: number[] = [];
  const newRows: RawCell[][] = [];
  for (const [name, value] of settingsRows(setup)) {
    const row = s.rows[String(name) as keyof typeof s.rows];
    if (row === undefined) {
      const cells: RawCell[] = Array<RawCell>(width).fill(null);
      cells[position("Setting")] = name ?? null;
      cells[position("Value")] = value ?? null;
      newRows.push(cells);
      continue;
    }
    // The schema version is never rewritten: an older workbook is upgraded by the reader, not relabelled.
    if (name === "SchemaVersion") continue;
    const current = after[row - 1];
    if (!current || cellText(current[position("Value")] ?? null) === cellText(value ?? null)) continue;
    current[position("Value")] = value ?? null;
    changed.push(row - 1);
  }
  const grown = { ...layout, colCount: width };
  writer.change(grown, table.rows, after, changed);
  writer.append(grown, trailingBlanks(table.rows), newRows);
}
