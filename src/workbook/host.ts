/**
 * The WorkbookHost over the Excel JavaScript API: the only Office.js code of PerfCycle.
 *
 *   createExcelHost(Excel.run, { user, now })          // in Excel
 *   createExcelHost(memoryExcel.run, { user, now })    // in the preview and the tests
 *
 * Every action runs in one `Excel.run` with a constant number of syncs whatever the number of
 * indicators (tables.ts, batch.ts): discovery, layout, bodies, then one write batch. Everything
 * it computes comes from the contract (reading, upserting, editing targets, the report's cells)
 * and the engine (the report); this module moves cells between them and Excel.
 *
 * What it guarantees (workbook.md, issue 5.1):
 * - it writes only cells whose value changes, so commentary, actions, the user's own columns and
 *   formulas in unchanged cells survive every refresh and append;
 * - a refresh builds the new report under a temporary, hidden sheet and swaps it in as the last
 *   operations of its last sync: a failure at any point leaves the previous report as it was;
 * - a period's report is a frozen snapshot: refreshing it again keeps it unless `rerate` is set;
 * - a change to an Agreed or Approved target needs a reason, and is audited in the same batch.
 */
import { buildReport, formatQuarter, parsePeriod } from "../engine";
import {
  ACTUAL_COLUMNS,
  actualKey,
  applyTargetEdit,
  auditRow,
  AUDIT_COLUMNS,
  CONTRACT_TABLES,
  CURRENT_SCHEMA_VERSION,
  cellText,
  columnIndex,
  normaliseName,
  readAudit,
  readRegister,
  readSettings,
  reportSheet,
  sampleBook,
  schemaVersionOf,
  settingsRows,
  TABLE,
  indexActualRows,
  upsertActuals,
  type ActualInput,
  type AuditEntry,
  type ContractError,
  type EditOutcome,
  type RawCell,
  type RawTable,
  type RawWorkbook,
  type RefreshResult,
  type Selection,
  type SetupOptions,
  type SetupResult,
  type TargetEdit,
  type WorkbookHost,
} from "../contract";
import { columnsToAdd } from "../contract/addColumns";
import { writeQuality, type QualityInput } from "../contract/qualityWrite";
import {
  COMPARATOR_TABLE_HEADERS,
  comparatorCells,
  upsertComparators,
  type ComparatorRow,
} from "../contract/comparatorImport";
import { localAddress, parseBox } from "./address";
import {
  DEFAULT_BYTES_PER_CELL,
  DEFAULT_PAYLOAD_BUDGET,
  jsonBytes,
  MAX_BLOCK_ROWS,
  rowBlocks,
  WriteBatch,
} from "./batch";
import { asText, fromExcel, isBlankRow, sameCell, toExcel, type ExcelValue } from "./cells";
import {
  isProvenance,
  isTempSheet,
  provenanceText,
  REPORT_HEADER_ROW,
  REPORT_SHEET_PREFIX,
  reportSheetName,
  summaryText,
  tempSheetName,
  writeReport,
} from "./reportSheet";
import {
  bodyRows,
  foundName,
  queueDiscovery,
  queueLayouts,
  readBodies,
  sheetNamed,
  type Discovery,
  type TableLayout,
} from "./tables";

/** `Excel.run`, or the in-memory Excel's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Who is working (written to the audit log and the report's provenance line). */
  readonly user: () => string;
  readonly now: () => Date;
  /** Payload per sync in bytes (default 4.5 MB, under Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
}

/** A problem the user can act on (no PerfTargets table, a period that does not parse…). */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";
}

export interface AppendResult {
  readonly added: number;
  readonly updated: number;
  /** Inputs that could not be written (a period that does not parse), or why nothing was. */
  readonly errors: readonly ContractError[];
}

/** The host, with the extra detail this implementation returns. */
export interface ExcelWorkbookHost extends WorkbookHost {
  appendActuals(rows: readonly ActualInput[]): Promise<AppendResult>;
}

// PerfComparators (schema 2, optional) is read with the others so the pane and the report sheet compare.
const CONTRACT_READ = [TABLE.settings, TABLE.targets, TABLE.actuals, TABLE.units, TABLE.comparators] as const;

interface Read {
  readonly discovery: Discovery;
  readonly layouts: ReadonlyMap<string, TableLayout>;
  readonly tables: ReadonlyMap<string, RawTable>;
}

export function createExcelHost(run: ExcelRun, options: ExcelHostOptions): ExcelWorkbookHost {
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const bytesPerCell = new Map<string, number>();

  /**
   * Discovery, layouts and bodies of the named contract tables that exist (3 syncs; 2 when none
   * has rows to read). `layoutOnly` tables get their layout but no rows. `extra` may queue more
   * loads into the layout sync, knowing what discovery found.
   */
  async function readTables<T = void>(
    context: Excel.RequestContext,
    names: readonly string[],
    layoutOnly: readonly string[] = [],
    extra?: (d: Discovery) => () => T,
  ): Promise<Read & { extra: T | undefined }> {
    const discovered = queueDiscovery(context);
    await context.sync();
    const discovery = discovered();
    const present = (list: readonly string[]): { contract: string; actual: string }[] =>
      list.flatMap((contract) => {
        const actual = foundName(discovery, contract);
        return actual === undefined ? [] : [{ contract, actual }];
      });
    const withRows = present(names);
    const headerOnly = present(layoutOnly);
    const all = [...withRows, ...headerOnly];
    const layoutsQueued = queueLayouts(
      context,
      all.map((t) => t.actual),
    );
    const extraQueued = extra?.(discovery);
    if (all.length > 0 || extraQueued) await context.sync();
    const list = all.length > 0 ? layoutsQueued() : [];
    const layouts = new Map<string, TableLayout>();
    all.forEach((t, i) => {
      const l = list[i];
      if (l) layouts.set(t.contract, l);
    });
    // Tables wanted for their layout only still get their rows read when they have just one (an
    // empty Excel table keeps one blank row, which an append fills rather than leaving a gap).
    const reading = all.filter((t) => {
      const l = layouts.get(t.contract);
      return l !== undefined && (withRows.includes(t) || l.bodyRows === 1);
    });
    const raw = await readBodies(
      context,
      reading.flatMap((t) => {
        const l = layouts.get(t.contract);
        return l ? [l] : [];
      }),
      { budget, bytesPerCell },
    );
    const tables = new Map<string, RawTable>();
    reading.forEach((t, i) => {
      const r = raw[i];
      if (r) tables.set(t.contract, r);
    });
    for (const t of headerOnly) {
      const l = layouts.get(t.contract);
      if (l && !tables.has(t.contract))
        tables.set(t.contract, { name: l.name, headers: l.headers, rows: [], sheet: l.sheet });
    }
    return { discovery, layouts, tables, extra: extraQueued?.() };
  }

  const startMonthOf = (tables: ReadonlyMap<string, RawTable>): number => {
    const s = tables.get(TABLE.settings);
    return readSettings({ tables: s ? [s] : [] }).settings.startMonth;
  };

  /** A new sheet name like `base`, not yet taken (`base (2)`…). */
  const freeSheetName = (d: Discovery, taken: Set<string>, base: string): string => {
    let name = base;
    for (let i = 2; sheetNamed(d, name) || taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    taken.add(name.toLowerCase());
    return name;
  };

  /**
   * Queue rows appended to a table: first into the trailing blank rows the table already has
   * (an empty Excel table has one), then as new table rows.
   */
  async function appendRows(
    batch: WriteBatch,
    context: Excel.RequestContext,
    layout: TableLayout,
    trailingBlank: number,
    rows: readonly (readonly ExcelValue[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const into = Math.min(trailingBlank, rows.length);
    const firstBlank = layout.bodyRows - trailingBlank;
    for (const { start, count } of rowBlocks(into)) {
      const block = rows.slice(start, start + count);
      await batch.room(jsonBytes(block));
      bodyRows(context, layout.name, firstBlank + start, count, layout.colCount).values =
        block as ExcelValue[][];
    }
    const rest = rows.slice(into);
    for (const { start, count } of rowBlocks(rest.length)) {
      const block = rest.slice(start, start + count);
      await batch.room(jsonBytes(block));
      context.workbook.tables.getItem(layout.name).rows.add(undefined, block as ExcelValue[][]);
    }
  }

  /**
   * Queue the cells of existing rows that change: `rows[i]` replaces `old[i]`; unchanged cells
   * are sent as null (left alone), runs of changed rows close together go in one range.
   */
  async function writeChangedCells(
    batch: WriteBatch,
    context: Excel.RequestContext,
    layout: TableLayout,
    old: readonly (readonly RawCell[])[],
    rows: readonly (readonly RawCell[])[],
    indexes: readonly number[],
  ): Promise<void> {
    const width = layout.colCount;
    const diff = new Map<number, (ExcelValue | null)[]>();
    for (const i of indexes) {
      const before = old[i] ?? [];
      const after = rows[i] ?? [];
      const cells = Array.from({ length: width }, (_, j) =>
        sameCell(before[j], after[j]) ? null : toExcel(after[j]),
      );
      if (cells.some((c) => c !== null)) diff.set(i, cells);
    }
    const sorted = [...diff.keys()].sort((a, b) => a - b);
    let k = 0;
    while (k < sorted.length) {
      const start = sorted[k] ?? 0;
      let end = start;
      while (
        k + 1 < sorted.length &&
        (sorted[k + 1] ?? 0) - end <= 20 &&
        (sorted[k + 1] ?? 0) - start < MAX_BLOCK_ROWS
      ) {
        k++;
        end = sorted[k] ?? end;
      }
      k++;
      const block = Array.from(
        { length: end - start + 1 },
        (_, r) => diff.get(start + r) ?? Array<null>(width).fill(null),
      );
      await batch.room(jsonBytes(block));
      bodyRows(context, layout.name, start, block.length, width).values = block as unknown[][];
    }
  }

  const trailingBlanks = (rows: readonly (readonly RawCell[])[]): number => {
    let n = 0;
    for (let i = rows.length - 1; i >= 0 && isBlankRow(rows[i] ?? []); i--) n++;
    return n;
  };

  // ------------------------------------------------------------------ read

  const read = (): Promise<RawWorkbook> =>
    run(async (context) => {
      const r = await readTables(context, [...CONTRACT_READ, TABLE.audit]);
      // Trailing blank rows (an empty Excel table keeps one) are left out; row numbers are unchanged.
      return {
        tables: [...r.tables.values()].map((t) => ({
          ...t,
          rows: t.rows.slice(0, t.rows.length - trailingBlanks(t.rows)),
        })),
      };
    });

  // ------------------------------------------------------------------ setUp

  const setUp = (setup: SetupOptions): Promise<SetupResult> =>
    run(async (context) => {
      const all = CONTRACT_TABLES.map((t) => t.name);
      const r = await readTables(
        context,
        [TABLE.settings],
        all.filter((n) => n !== TABLE.settings),
      );
      const settings = r.tables.get(TABLE.settings);
      if (settings) {
        const book = { tables: [settings] };
        if (schemaVersionOf(book).version > CURRENT_SCHEMA_VERSION) {
          throw new WorkbookError(
            readRegister(book).fatal?.message ?? "This workbook is newer than this PerfCycle.",
          );
        }
      }
      const batch = new WriteBatch(context, budget);
      const created: string[] = [];
      const adopted: string[] = [];
      const taken = new Set<string>();
      for (const t of CONTRACT_TABLES) {
        const layout = r.layouts.get(t.name);
        if (!layout) {
          const sheetName = freeSheetName(r.discovery, taken, t.sheet);
          const grid: ExcelValue[][] = [
            t.headers.map((h) => asText(h)),
            ...(t.name === TABLE.settings
              ? settingsRows(setup).map((row) => row.map((c) => toExcel(c)))
              : []),
          ];
          await batch.room(jsonBytes(grid) + 400);
          const sheet = context.workbook.worksheets.add(sheetName);
          const address = localAddress(0, 0, grid.length, t.headers.length);
          sheet.getRange(address).values = grid;
          sheet.tables.add(address, true).name = t.name;
          sheet.getRange(localAddress(0, 0, 1, t.headers.length)).format.font.bold = true;
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
          await writeSettings(batch, context, layout, settings, cols.missing, setup);
        }
      }
      await batch.finish();
      return { created, adopted };
    });

  /** Update the settings PerfCycle owns in an adopted PerfSettings (other rows kept). */
  async function writeSettings(
    batch: WriteBatch,
    context: Excel.RequestContext,
    layout: TableLayout,
    table: RawTable,
    added: readonly string[],
    setup: SetupOptions,
  ): Promise<void> {
    const cols = columnIndex(table);
    const position = (c: string): number => cols.positions.get(c) ?? layout.colCount + added.indexOf(c);
    const width = layout.colCount + added.length;
    const s = readSettings({ tables: [table] });
    const wanted = settingsRows(setup);
    const newRows: ExcelValue[][] = [];
    const grown: TableLayout = { ...layout, colCount: width };
    for (const [name, value] of wanted) {
      const key = String(name) as keyof typeof s.rows;
      const row = s.rows[key];
      if (row === undefined) {
        const cells: ExcelValue[] = Array<ExcelValue>(width).fill("");
        cells[position("Setting")] = toExcel(name);
        cells[position("Value")] = toExcel(value);
        newRows.push(cells);
        continue;
      }
      // The schema version is never rewritten: an older workbook is upgraded by the reader, not relabelled.
      if (name === "SchemaVersion") continue;
      const current = table.rows[row - 1]?.[position("Value")];
      if (cellText(current ?? null) === cellText(value)) continue;
      await batch.room(jsonBytes(value));
      bodyRows(context, layout.name, row - 1, 1, 1).getOffsetRange(0, position("Value")).values = [
        [toExcel(value)],
      ];
    }
    await appendRows(batch, context, grown, trailingBlanks(table.rows), newRows);
  }

  // ------------------------------------------------------------------ loadSample

  const loadSample = (): Promise<void> =>
    run(async (context) => {
      const discovered = queueDiscovery(context);
      await context.sync();
      const d = discovered();
      const existing = CONTRACT_TABLES.map((t) => foundName(d, t.name)).filter(
        (n): n is string => n !== undefined,
      );
      if (existing.length > 0) {
        throw new WorkbookError(
          `This workbook already has PerfCycle tables (${existing.join(", ")}); the sample goes into a workbook without them.`,
        );
      }
      const batch = new WriteBatch(context, budget);
      const taken = new Set<string>();
      let first: Excel.Worksheet | undefined;
      for (const s of sampleBook().sheets) {
        await batch.room(400);
        const sheet = context.workbook.worksheets.add(freeSheetName(d, taken, s.name));
        first ??= sheet;
        for (const c of s.cells ?? []) {
          await batch.room(jsonBytes(c) + 200);
          const cell = sheet.getRange(c.address);
          cell.values = [[toExcel(c.value)]];
          if (c.numberFormat !== undefined) cell.numberFormat = [[c.numberFormat]];
        }
        for (const t of s.tables) {
          const top = parseBox(t.topLeft);
          const width = t.headers.length;
          const grid = [
            t.headers.map((h) => toExcel(h)),
            ...t.rows.map((row) => Array.from({ length: width }, (_, j) => toExcel(row[j]))),
          ];
          await batch.room(jsonBytes(grid) + 400);
          const address = localAddress(top.row, top.col, grid.length, width);
          sheet.getRange(address).values = grid;
          sheet.tables.add(address, true).name = t.name;
          const formats = t.rows.map((_, i) =>
            Array.from({ length: width }, (_, j) => {
              const f = t.cellFormats?.[i]?.[j] ?? t.numberFormats?.[j] ?? "General";
              return f === "General" ? null : f;
            }),
          );
          if (formats.some((row) => row.some((f) => f !== null))) {
            await batch.room(jsonBytes(formats));
            sheet.getRange(localAddress(top.row + 1, top.col, t.rows.length, width)).numberFormat = formats;
          }
        }
      }
      first?.activate();
      await batch.finish();
    });

  // ------------------------------------------------------------------ targets and audit

  const saveTarget = (edit: TargetEdit): Promise<EditOutcome> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.targets, TABLE.settings], [TABLE.audit]);
      const read = r.tables.get(TABLE.targets);
      const readLayout = r.layouts.get(TABLE.targets);
      if (!read || !readLayout) {
        return { ok: false, needsReason: false, message: noTable(TABLE.targets) };
      }
      // Schema 2 columns the edit writes (a suggestion's TargetMethod…) are added at the right end first.
      const { table: targets, layout } = await addColumns(
        context,
        read,
        readLayout,
        Object.keys(edit.values),
      );
      const result = applyTargetEdit(targets, edit, {
        who: options.user(),
        when: options.now().toISOString(),
        startMonth: startMonthOf(r.tables),
      });
      if (!result.outcome.ok || result.row === null) return result.outcome;
      const batch = new WriteBatch(context, budget);
      const at = result.row - 1;
      if (result.outcome.created) {
        const row = result.rows[at] ?? [];
        const old = targets.rows.slice(0, at);
        await appendRows(batch, context, layout, trailingBlanks(old), [
          Array.from({ length: layout.colCount }, (_, j) => toExcel(row[j])),
        ]);
      } else {
        await writeChangedCells(batch, context, layout, targets.rows, result.rows, [at]);
      }
      if (result.audit.length > 0) await appendAudit(batch, context, r, result.audit);
      await batch.finish();
      return result.outcome;
    });

  // ------------------------------------------------------------------ comparators

  /** Upsert comparator rows into PerfComparators, or a new PerfComparators table on its own sheet. */
  const writeComparators = (
    incoming: readonly ComparatorRow[],
  ): Promise<{ readonly added: number; readonly updated: number }> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.comparators]);
      const table = r.tables.get(TABLE.comparators);
      const layout = r.layouts.get(TABLE.comparators);
      const batch = new WriteBatch(context, budget);
      if (!table || !layout) {
        if (incoming.length === 0) return { added: 0, updated: 0 };
        const grid: ExcelValue[][] = [
          COMPARATOR_TABLE_HEADERS.map((h) => asText(h)),
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
      await writeChangedCells(batch, context, layout, kept, up.rows, up.changed);
      await appendRows(
        batch,
        context,
        layout,
        blanks,
        up.rows
          .slice(kept.length)
          .map((row) => Array.from({ length: layout.colCount }, (_, j) => toExcel(row[j]))),
      );
      await batch.finish();
      return { added: up.added, updated: up.updated };
    });

  /** Set the Quality of existing actuals, adding the Quality column at the table's end when absent. */
  const setQuality = (
    inputs: readonly QualityInput[],
  ): Promise<{ readonly changed: number; readonly errors: readonly ContractError[] }> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.actuals, TABLE.settings]);
      const table = r.tables.get(TABLE.actuals);
      const layout = r.layouts.get(TABLE.actuals);
      if (!table || !layout) throw new WorkbookError(noTable(TABLE.actuals));
      const w = writeQuality(table, inputs, startMonthOf(r.tables));
      if (w.changed.length === 0) return { changed: 0, errors: w.errors };
      const batch = new WriteBatch(context, budget);
      if (w.added) {
        batch.small();
        context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, "Quality");
      }
      const grown: TableLayout = { ...layout, headers: w.headers, colCount: w.headers.length };
      const before = table.rows.map((row) => {
        const out = [...row];
        while (out.length < w.headers.length) out.push(null);
        return out;
      });
      await writeChangedCells(batch, context, grown, before, w.rows, w.changed);
      await batch.finish();
      return { changed: w.changed.length, errors: w.errors };
    });

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
      const cells: ExcelValue[] = Array<ExcelValue>(layout.colCount).fill("");
      auditRow(e).forEach((v, k) => {
        const j = cols.positions.get(AUDIT_COLUMNS[k] ?? "");
        if (j !== undefined) cells[j] = toExcel(v);
      });
      return cells;
    });
    // An empty table's single blank row is filled first (readTables read it).
    await appendRows(batch, context, layout, trailingBlanks(r.tables.get(TABLE.audit)?.rows ?? []), rows);
  }

  const readAuditLog = (): Promise<readonly AuditEntry[]> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.audit]);
      const t = r.tables.get(TABLE.audit);
      return t ? readAudit({ tables: [t] }) : [];
    });

  // ------------------------------------------------------------------ actuals

  const appendActuals = (inputs: readonly ActualInput[]): Promise<AppendResult> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.actuals, TABLE.settings]);
      const table = r.tables.get(TABLE.actuals);
      const layout = r.layouts.get(TABLE.actuals);
      if (!table || !layout) throw new WorkbookError(noTable(TABLE.actuals));
      const blanks = trailingBlanks(table.rows);
      const kept = table.rows.slice(0, table.rows.length - blanks);
      const up = upsertActuals({ ...table, rows: kept }, inputs, startMonthOf(r.tables));
      const changedExisting = up.changedRows.map((n) => n - 1).filter((i) => i < kept.length);
      const added = up.rows.slice(kept.length);
      if (changedExisting.length === 0 && added.length === 0) {
        return { added: 0, updated: 0, errors: up.errors };
      }
      const batch = new WriteBatch(context, budget);
      await writeChangedCells(batch, context, layout, kept, up.rows, changedExisting);
      await appendRows(
        batch,
        context,
        layout,
        blanks,
        added.map((row) => Array.from({ length: layout.colCount }, (_, j) => toExcel(row[j]))),
      );
      await batch.finish();
      return { added: up.added, updated: up.updated, errors: up.errors };
    });

  const setCommentary = (
    indicatorId: string,
    orgUnit: string,
    period: string,
    commentary: string,
    action: string,
  ): Promise<void> =>
    run(async (context) => {
      const r = await readTables(context, [TABLE.actuals, TABLE.settings]);
      const table = r.tables.get(TABLE.actuals);
      const layout = r.layouts.get(TABLE.actuals);
      if (!table || !layout) throw new WorkbookError(noTable(TABLE.actuals));
      const startMonth = startMonthOf(r.tables);
      const q = parsePeriod(period, { startMonth });
      if (!q.ok) throw new WorkbookError(`Commentary for ${indicatorId} (${orgUnit}): ${q.error.message}`);
      const cols = columnIndex(table, { required: ACTUAL_COLUMNS });
      const batch = new WriteBatch(context, budget);
      // Commentary or Action columns the table lacks are added at its right end.
      const addedCols = (["Commentary", "Action"] as const).filter((c) => !cols.positions.has(c));
      for (const c of addedCols) {
        batch.small();
        context.workbook.tables.getItem(layout.name).columns.add(undefined, undefined, c);
      }
      const width = layout.colCount + addedCols.length;
      const grown: TableLayout = { ...layout, colCount: width };
      const pos = (c: string): number =>
        cols.positions.get(c) ?? layout.colCount + addedCols.indexOf(c as "Action");
      const at = indexActualRows(table, startMonth).get(actualKey(indicatorId, orgUnit, q.value)) ?? -1;
      if (at >= 0) {
        const after = table.rows.map((row) => [...row]);
        const edited = after[at] ?? [];
        edited[pos("Commentary")] = commentary;
        edited[pos("Action")] = action;
        await writeChangedCells(batch, context, grown, table.rows, after, [at]);
      } else {
        // No row for that quarter yet (e.g. No data): a row with the commentary and no figures.
        const row: ExcelValue[] = Array<ExcelValue>(width).fill("");
        row[pos("IndicatorId")] = toExcel(indicatorId.trim());
        row[pos("OrgUnit")] = toExcel(orgUnit.trim());
        row[pos("Period")] = toExcel(formatQuarter(q.value, startMonth));
        row[pos("Commentary")] = toExcel(commentary);
        row[pos("Action")] = toExcel(action);
        await appendRows(batch, context, grown, trailingBlanks(table.rows), [row]);
      }
      await batch.finish();
    });

  // ------------------------------------------------------------------ refresh

  const refresh = (
    periodText: string,
    refreshOptions: { readonly rerate: boolean },
  ): Promise<RefreshResult> =>
    run(async (context) => {
      const r = await readTables(context, CONTRACT_READ, [], (d) => {
        // The existing reports' marker cells and sizes, read with the layouts.
        const reports = d.sheets
          .filter((s) => s.name.startsWith(REPORT_SHEET_PREFIX))
          .map((s) => {
            const sheet = context.workbook.worksheets.getItem(s.name);
            return {
              name: s.name,
              marker: sheet.getRange("A2").load("values"),
              used: sheet.getUsedRange(true).load("rowCount, rowIndex"),
            };
          });
        return () =>
          new Map(
            reports.map((x) => [
              x.name.toLowerCase(),
              { marker: x.marker.values[0]?.[0], lastRow: x.used.rowIndex + x.used.rowCount },
            ]),
          );
      });
      const read = readRegister({ tables: [...r.tables.values()] });
      if (!read.register) {
        throw new WorkbookError(read.fatal?.message ?? `This workbook has no ${TABLE.targets} table.`);
      }
      const settings = read.register.settings;
      const sm = settings.startMonth;
      let quarter = settings.reportingPeriod;
      if (periodText.trim() !== "") {
        const p = parsePeriod(periodText, { startMonth: sm });
        if (!p.ok) throw new WorkbookError(`Period to refresh: ${p.error.message}`);
        quarter = p.value;
      }
      if (!quarter) {
        throw new WorkbookError("Choose the quarter to report: PerfSettings has no ReportingPeriod.");
      }
      const label = formatQuarter(quarter, sm);
      const name = reportSheetName(label);
      const existing = sheetNamed(r.discovery, name);
      const found = r.extra?.get(name.toLowerCase());
      if (existing && !isProvenance(found?.marker)) {
        throw new WorkbookError(
          `The sheet '${existing.name}' is not a PerfCycle report (its A2 is not "Rated by PerfCycle…"), so PerfCycle will not replace it: rename it, then refresh.`,
        );
      }
      const errors: ContractError[] = [...read.errors];
      if (existing && !refreshOptions.rerate) {
        return {
          period: label,
          rows: Math.max(0, (found?.lastRow ?? 0) - (REPORT_HEADER_ROW + 1)),
          snapshot: "kept",
          sheet: existing.name,
          errors,
        };
      }
      const report = buildReport(read.register, quarter);
      errors.push(...report.errors);
      const data = reportSheet(report);
      const batch = new WriteBatch(context, budget);
      const sheets = context.workbook.worksheets;
      const temp = tempSheetName(label);
      for (const s of r.discovery.sheets) {
        if (isTempSheet(s.name) && s.name.toLowerCase() === temp.toLowerCase()) {
          batch.small();
          sheets.getItem(s.name).delete(); // left by a refresh that failed
        }
      }
      batch.small();
      const sheet = sheets.add(temp);
      sheet.visibility = "Hidden";
      await writeReport(
        batch,
        sheet,
        data,
        {
          provenance: provenanceText({
            rule: settings.rule,
            scheme: settings.scheme,
            when: options.now(),
            who: options.user(),
          }),
          summary: summaryText(report.summary),
        },
        budget,
      );
      // The swap: the last operations of the last sync.
      batch.small();
      sheet.visibility = "Visible";
      if (existing) sheets.getItem(existing.name).delete();
      sheet.name = name;
      if (existing) sheet.position = existing.position;
      sheet.activate();
      await batch.finish();
      return {
        period: label,
        rows: data.rows.length,
        snapshot: existing ? "replaced" : "created",
        sheet: name,
        errors,
      };
    });

  // ------------------------------------------------------------------ selection

  const readSelection = (): Promise<Selection> =>
    run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const used = context.workbook
        .getSelectedRange()
        .worksheet.getUsedRangeOrNullObject(true)
        .load("address");
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
      const perSync = Math.max(1, Math.floor(budget / (DEFAULT_BYTES_PER_CELL * 2 * cols)));
      for (const group of rowBlocks(rows, perSync)) {
        const loads = rowBlocks(group.count).map((b) =>
          sheet
            .getRange(localAddress(sel.row + group.start + b.start, sel.col, b.count, cols))
            .load("values"),
        );
        // One sync per payload-sized group of blocks (one in all for a selection under ~4.5 MB).
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const l of loads) values.push(...fromExcel(l.values));
      }
      return { sheet: sel.sheet, address, values };
    });

  const select = (table: string, row: number, column: string): Promise<void> =>
    run(async (context) => {
      const t = context.workbook.tables.getItemOrNullObject(table);
      await context.sync();
      if (t.isNullObject) throw new WorkbookError(noTable(table));
      const header = t.getHeaderRowRange().load("values");
      const body = t.getDataBodyRange().load("rowCount");
      await context.sync();
      const headers = fromExcel(header.values)[0] ?? [];
      const c = headers.findIndex((h) => normaliseName(h) === normaliseName(column));
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

  return {
    read,
    setUp,
    loadSample,
    saveTarget,
    writeComparators,
    setQuality,
    appendActuals,
    setCommentary,
    refresh,
    readAudit: readAuditLog,
    readSelection,
    select,
  };
}

function noTable(name: string): string {
  return `This workbook has no ${name} table: set the workbook up with PerfCycle first (or name your table ${name}).`;
}
