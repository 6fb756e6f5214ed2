/**
 * A WorkbookHost over plain tables in memory, for the task pane's tests. It keeps the contract's
 * tables as RawTables and does what the workbook layer promises, through the contract where the
 * contract has the rule (settings rows, actuals upsert, report sheet): agreed targets need a
 * reason and are audited, commentary is never overwritten by an import, a period's report is a
 * frozen snapshot unless re-rated. It records every call, can hold an action open (to see the
 * task pane's progress) and can fail the next call of a method.
 */
import { buildReport, parsePeriod, type Quarter } from "../../src/engine";
import { writeQuality, type QualityInput } from "../../src/contract/qualityWrite";
import type { ContractError } from "../../src/contract";
import {
  COMPARATOR_TABLE_HEADERS,
  upsertComparators,
  type ComparatorRow,
} from "../../src/contract/comparatorImport";
import {
  ACTUAL_COLUMNS,
  AUDIT_COLUMNS,
  CONTRACT_TABLES,
  cellText,
  columnIndex,
  findTable,
  readRegister,
  sampleBook,
  sampleSheetGrid,
  sampleWorkbook,
  settingsRows,
  TABLE,
  upsertActuals,
  type ActualInput,
  type AuditEntry,
  type AuditRange,
  type WorkbookTableRef,
  type EditOutcome,
  type RawCell,
  type RawWorkbook,
  type RefreshResult,
  type Selection,
  type SheetRead,
  type SetupOptions,
  type SetupResult,
  type TargetEdit,
  type WorkbookHost,
} from "../../src/contract";
import { reportSheet, reportSheetName } from "../../src/present";

import { copyTable, saveTargetEdit, writeCommentary, type Table } from "./fakeEdits";

export interface HostCall {
  readonly method: keyof WorkbookHost;
  readonly args: readonly unknown[];
}

export interface FakeHostOptions {
  /** Start from the sample workbook (default) or an empty one. */
  readonly book?: "sample" | "empty" | RawWorkbook;
  readonly who?: string;
  readonly now?: () => Date;
}

export class FakeHost implements WorkbookHost {
  tables: Table[] = [];
  readonly calls: HostCall[] = [];
  /** Report sheets written, by canonical period: the snapshot's rows. */
  readonly reports = new Map<string, { rows: RawCell[][]; rerated: number }>();
  selection: Selection = { sheet: "Sheet1", address: "A1", values: [[""]] };
  readonly selected: { table: string; row: number; column: string }[] = [];
  /** What readRangeForAudit gives for the selection, and for each Excel table by name. */
  auditSelection: AuditRange = {
    sheet: "Sheet1",
    address: "A1",
    values: [[""]],
    formats: null,
    fills: null,
    fillsSupported: true,
    table: null,
  };
  readonly auditTables = new Map<string, AuditRange>();
  /** The workbook's sheets as readSheets gives them (tests set them; the sample's Published sheet by default). */
  sheets: SheetRead[] = [];
  /** Cells selected by selectCell. */
  readonly selectedCells: { sheet: string; address: string }[] = [];
  private gate: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private failures = new Map<keyof WorkbookHost, string>();
  private readonly who: string;
  private readonly now: () => Date;

  constructor(options: FakeHostOptions = {}) {
    const book = options.book ?? "sample";
    const raw = book === "sample" ? sampleWorkbook() : book === "empty" ? { tables: [] } : book;
    this.tables = raw.tables.map(copyTable);
    if (book === "sample")
      this.sheets = sampleBook().sheets.map((sh) => ({ name: sh.name, ...sampleSheetGrid(sh) }));
    this.who = options.who ?? "Test User";
    this.now = options.now ?? (() => new Date(Date.UTC(2015, 9, 14, 9, 30)));
  }

  // ------------------------------------------------------------ test controls

  /** Hold every following call open until `resume()` is called. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  resume(): void {
    this.release?.();
    this.gate = null;
    this.release = null;
  }

  /** The next call of `method` rejects with `message`. */
  failNext(method: keyof WorkbookHost, message: string): void {
    this.failures.set(method, message);
  }

  callsOf(method: keyof WorkbookHost): readonly (readonly unknown[])[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  table(name: string): Table | undefined {
    return findTable({ tables: this.tables }, name) as Table | undefined;
  }

  /** A table's data rows as records of header → cell. */
  records(name: string): Record<string, RawCell>[] {
    const t = this.table(name);
    if (!t) return [];
    return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [cellText(h), r[i] ?? null])));
  }

  private async enter(method: keyof WorkbookHost, args: readonly unknown[]): Promise<void> {
    this.calls.push({ method, args });
    if (this.gate) await this.gate;
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw new Error(failure);
    }
  }

  private startMonth(): number {
    const r = readRegister({ tables: this.tables });
    return r.register?.settings.startMonth ?? 4;
  }

  // ------------------------------------------------------------ WorkbookHost

  async read(): Promise<RawWorkbook> {
    await this.enter("read", []);
    return { tables: this.tables.map(copyTable) };
  }

  async setUp(options: SetupOptions): Promise<SetupResult> {
    await this.enter("setUp", [options]);
    const created: string[] = [];
    const adopted: string[] = [];
    for (const spec of CONTRACT_TABLES) {
      if (this.table(spec.name)) adopted.push(spec.name);
      else {
        created.push(spec.name);
        this.tables.push({
          name: spec.name,
          headers: [...spec.headers],
          rows: [],
          sheet: spec.sheet,
          topLeft: "A1",
        });
      }
    }
    const settings = this.table(TABLE.settings);
    if (settings) {
      const mine = settingsRows(options);
      for (const pair of mine) {
        const name = cellText(pair[0] ?? null).toLowerCase();
        const value = pair[1] ?? null;
        const at = settings.rows.findIndex((r) => cellText(r[0] ?? null).toLowerCase() === name);
        if (at >= 0) (settings.rows[at] as RawCell[])[1] = value;
        else settings.rows.push([pair[0] ?? null, value]);
      }
    }
    return { created, adopted };
  }

  async loadSample(): Promise<void> {
    await this.enter("loadSample", []);
    if (this.tables.length > 0)
      throw new Error("The workbook is not empty: open a new workbook to load the sample.");
    this.tables = sampleWorkbook().tables.map(copyTable);
  }

  async writeComparators(rows: readonly ComparatorRow[]): Promise<{ added: number; updated: number }> {
    await this.enter("writeComparators", [rows]);
    let t = this.table(TABLE.comparators);
    if (!t) {
      t = { name: TABLE.comparators, headers: [...COMPARATOR_TABLE_HEADERS], rows: [] };
      this.tables.push(t);
    }
    const up = upsertComparators(t, rows);
    t.rows = up.rows;
    return { added: up.added, updated: up.updated };
  }

  async setQuality(rows: readonly QualityInput[]): Promise<{ changed: number; errors: ContractError[] }> {
    await this.enter("setQuality", [rows]);
    const t = this.table(TABLE.actuals);
    if (!t) throw new Error("There is no PerfActuals table");
    const sm = readRegister({ tables: this.tables }).register?.settings.startMonth ?? 4;
    const w = writeQuality(t, rows, sm);
    t.headers = w.headers;
    t.rows = w.rows;
    return { changed: w.changed.length, errors: w.errors };
  }

  async saveTarget(edit: TargetEdit): Promise<EditOutcome> {
    await this.enter("saveTarget", [edit]);
    return saveTargetEdit(this.table(TABLE.targets), this.table(TABLE.audit), edit, {
      when: this.now().toISOString(),
      who: this.who,
    });
  }

  async appendActuals(
    rows: readonly ActualInput[],
  ): Promise<{ readonly added: number; readonly updated: number }> {
    await this.enter("appendActuals", [rows]);
    const t = this.table(TABLE.actuals);
    if (!t) throw new Error("There is no PerfActuals table: set the workbook up first.");
    const r = upsertActuals(t, rows, this.startMonth());
    if (r.errors.length > 0) throw new Error(r.errors.map((e) => e.message).join("; "));
    t.rows = r.rows;
    return { added: r.added, updated: r.updated };
  }

  async setCommentary(
    indicatorId: string,
    orgUnit: string,
    period: string,
    commentary: string,
    action: string,
  ): Promise<void> {
    await this.enter("setCommentary", [indicatorId, orgUnit, period, commentary, action]);
    const t = this.table(TABLE.actuals);
    if (!t) throw new Error("There is no PerfActuals table.");
    writeCommentary(t, this.startMonth(), indicatorId, orgUnit, period, commentary, action);
  }

  async refresh(period: string, options: { readonly rerate: boolean }): Promise<RefreshResult> {
    await this.enter("refresh", [period, options]);
    const read = readRegister({ tables: this.tables });
    if (!read.register) throw new Error(read.fatal?.message ?? "The workbook cannot be read.");
    const p = parsePeriod(period, { startMonth: read.register.settings.startMonth });
    if (!p.ok) throw new Error(p.error.message);
    const q: Quarter = p.value;
    const report = buildReport(read.register, q);
    const sheet = reportSheetName(report.period);
    const existing = this.reports.get(report.period);
    const base = { period: report.period, sheet, errors: [...read.errors, ...report.errors] };
    if (existing && !options.rerate) return { ...base, rows: existing.rows.length, snapshot: "kept" };
    const rows = reportSheet(report).rows;
    this.reports.set(report.period, { rows, rerated: (existing?.rerated ?? -1) + 1 });
    return { ...base, rows: rows.length, snapshot: existing ? "replaced" : "created" };
  }

  async readAudit(): Promise<readonly AuditEntry[]> {
    await this.enter("readAudit", []);
    const t = this.table(TABLE.audit);
    if (!t) return [];
    const cols = columnIndex(t, { required: AUDIT_COLUMNS });
    const at = (r: readonly RawCell[], c: string): string => cellText(r[cols.positions.get(c) ?? -1]);
    return t.rows.map((r) => ({
      when: at(r, "When"),
      who: at(r, "Who"),
      indicatorId: at(r, "IndicatorId"),
      orgUnit: at(r, "OrgUnit"),
      field: at(r, "Field"),
      oldValue: at(r, "OldValue"),
      newValue: at(r, "NewValue"),
      reason: at(r, "Reason"),
    }));
  }

  async readSelection(): Promise<Selection> {
    await this.enter("readSelection", []);
    return this.selection;
  }

  async select(table: string, row: number, column: string): Promise<void> {
    await this.enter("select", [table, row, column]);
    // As the workbook layer: the table, the column and the data row must exist.
    const t = this.table(table);
    if (!t) throw new Error(`This workbook has no ${table} table.`);
    if (
      columnIndex(t).positions.get(column) === undefined &&
      !t.headers.some((h) => cellText(h) === column)
    ) {
      throw new Error(`${table} has no column '${column}'.`);
    }
    if (!Number.isInteger(row) || row < 1 || row > t.rows.length) {
      throw new Error(`${table} has no data row ${row} (it has ${t.rows.length}).`);
    }
    this.selected.push({ table, row, column });
  }

  async readRangeForAudit(table?: string): Promise<AuditRange> {
    await this.enter("readRangeForAudit", table === undefined ? [] : [table]);
    if (table === undefined) return this.auditSelection;
    const t = [...this.auditTables.entries()].find(([k]) => k.toLowerCase() === table.toLowerCase());
    if (!t) throw new Error(`This workbook has no table named '${table}'.`);
    return t[1];
  }

  async listTables(): Promise<readonly WorkbookTableRef[]> {
    await this.enter("listTables", []);
    return [
      ...this.tables.map((t) => ({ name: t.name, sheet: t.sheet ?? "Sheet1" })),
      ...[...this.auditTables.entries()].map(([name, r]) => ({ name, sheet: r.sheet })),
    ];
  }

  async readSheets(): Promise<readonly SheetRead[]> {
    await this.enter("readSheets", []);
    return this.sheets;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.enter("selectCell", [sheet, address]);
    this.selectedCells.push({ sheet, address });
  }

  private readonly changeListeners = new Set<() => void>();

  subscribe(onChange: () => void): () => void {
    this.changeListeners.add(onChange);
    return () => {
      this.changeListeners.delete(onChange);
    };
  }

  /** A change the pane did not make (a co-author's edit, the pane shown again). */
  emitChange(): void {
    for (const l of [...this.changeListeners]) l();
  }

  get listening(): number {
    return this.changeListeners.size;
  }
}

/** The actual columns, for tests that build a PerfActuals row. */
export const ACTUALS = ACTUAL_COLUMNS;
