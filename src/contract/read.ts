/**
 * The one reader of the workbook contract: raw table values (any host) → the engine's typed
 * Register. Every problem is a ContractError naming the table, the 1-based data row, the column
 * and the text found; a row with a bad cell is still read, with that field null where sensible.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - Tables are found by name case-insensitively; headers match tolerant of case, spaces,
 *   underscores and order. Columns that are not the contract's are kept (exposed in `columns`).
 * - A blank row (every cell blank) is skipped silently: Excel tables often end with one.
 * - PerfSettings missing: the defaults (April start, 5% Relative, RAG, Milestone); SchemaVersion
 *   missing or blank: 1.
 * - A blank Status is Draft. A blank Profile is Linear (engine). A blank ToleranceType is Relative.
 * - BaselinePeriod: a fiscal year (`2014-15`) or a quarter label/date; a number from 1900 to 2199
 *   is a year (a January-start fiscal year), any other number an Excel date.
 * - A Target or Baseline written `n/d` on a Rate is read as the fraction n/d.
 * - A placeholder in Target, Baseline or a weight (`tbc`) is an error; in an actual's Value it is
 *   a gap (no figure yet), not an error.
 * - An actual `Value` written `31/274` gives the numerator and denominator when those are blank.
 * - Duplicate targets are the same indicator id, unit and target year; both rows are kept (the
 *   engine's S-ID finding says so too). Duplicate actuals: the first row is used.
 * - An actual needs a target for its indicator at its unit or at a unit above it in PerfUnits.
 */
import {
  buildHierarchy,
  dateOfJsDate,
  DEFAULT_SETTINGS,
  formatDateUK,
  formatFiscalYear,
  formatQuarter,
  idKey,
  matchName,
  parseCellNumber,
  parseFiscalYear,
  parseMeasureType,
  parseOptionalNumber,
  parsePeriod,
  parsePolarity,
  parseProfile,
  parseRagRule,
  parseRagScheme,
  parseToleranceType,
  quote,
  rate,
  TARGET_STATUSES,
  unitKey,
  validStartMonth,
  type ActualRecord,
  type Aggregation,
  type BaselinePeriod,
  type MeasureType,
  type Quarter,
  type Register,
  type Settings,
  type TargetRecord,
  type TargetStatus,
  type UnitRecord,
} from "../engine";
import { offsetA1, sheetAddress } from "./a1";
import type { ContractError, RawCell, RawTable, RawWorkbook } from "./raw";
import {
  CURRENT_SCHEMA_VERSION,
  matchHeader,
  normaliseName,
  PERFCYCLE_VERSION,
  SCHEMA_READ_BY,
  SETTING_NAMES,
  TABLE,
  TABLE_COLUMNS,
  UPGRADES,
  type SettingName,
  type TableName,
  type UpgradeStep,
} from "./schema";

// ---------------------------------------------------------------------------------------------
// Tables and columns

/** Find a table by name, case-insensitively (Excel table names are unique that way). */
export function findTable(book: RawWorkbook, name: string): RawTable | undefined {
  const key = normaliseName(name);
  return book.tables.find((t) => normaliseName(t.name) === key);
}

export interface UnknownColumn {
  /** The header as written. */
  readonly header: string;
  /** 0-based position in the table. */
  readonly index: number;
}

export interface ColumnIndex {
  readonly table: string;
  /** The headers as written, in table order. */
  readonly headers: readonly string[];
  /** Contract column name → 0-based position. */
  readonly positions: ReadonlyMap<string, number>;
  /** Columns that are not the contract's (or repeat one): kept by every writer, never dropped. */
  readonly unknown: readonly UnknownColumn[];
  /** Required contract columns the table lacks. */
  readonly missing: readonly string[];
  /** Headers that repeat a contract column already matched (the first is used). */
  readonly duplicates: readonly UnknownColumn[];
}

function knownColumnsOf(tableName: string): { required: readonly string[]; optional: readonly string[] } {
  const key = normaliseName(tableName);
  for (const [name, cols] of Object.entries(TABLE_COLUMNS)) if (normaliseName(name) === key) return cols;
  return { required: [], optional: [] };
}

/**
 * Where each contract column is in a table: headers match tolerant of case, spacing and
 * underscores, in any order. `columns` defaults to the contract's columns for the table's name.
 */
export function columnIndex(
  table: RawTable,
  columns: { readonly required: readonly string[]; readonly optional?: readonly string[] } = knownColumnsOf(
    table.name,
  ),
): ColumnIndex {
  const all = [...columns.required, ...(columns.optional ?? [])];
  const positions = new Map<string, number>();
  const unknown: UnknownColumn[] = [];
  const duplicates: UnknownColumn[] = [];
  const headers = table.headers.map((h) => cellText(h));
  headers.forEach((header, index) => {
    const name = matchHeader(header, all);
    if (name === undefined) unknown.push({ header, index });
    else if (positions.has(name)) {
      duplicates.push({ header, index });
      unknown.push({ header, index });
    } else positions.set(name, index);
  });
  const missing = columns.required.filter((c) => !positions.has(c));
  return { table: table.name, headers, positions, unknown, missing, duplicates };
}

/** A cell as text: strings trimmed, numbers as written by JavaScript, dates en-GB. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (Number.isNaN(cell.getTime())) return "";
  return formatDateUK(dateOfJsDate(cell));
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function isBlankRow(row: readonly RawCell[]): boolean {
  return row.every((c) => isBlankCell(c));
}

/** Reads one table's rows by contract column name and records errors with their location. */
class TableReader {
  readonly columns: ColumnIndex;
  constructor(
    readonly table: RawTable,
    private readonly errors: ContractError[],
  ) {
    this.columns = columnIndex(table);
  }

  get name(): string {
    return this.table.name;
  }

  has(column: string): boolean {
    return this.columns.positions.has(column);
  }

  cell(row: readonly RawCell[], column: string): RawCell {
    const i = this.columns.positions.get(column);
    return i === undefined ? null : (row[i] ?? null);
  }

  text(row: readonly RawCell[], column: string): string {
    return cellText(this.cell(row, column));
  }

  /** `PerfTargets row 3 (Targets!E4), MeasureType` — or without the cell when the sheet is not known. */
  where(row: number | null, column: string | null): string {
    const parts = [row === null ? this.name : `${this.name} row ${row}`];
    const i = column === null ? undefined : this.columns.positions.get(column);
    if (row !== null && i !== undefined && this.table.sheet !== undefined) {
      parts[0] += ` (${sheetAddress(this.table.sheet, offsetA1(this.table.topLeft, row, i))})`;
    }
    return column === null ? (parts[0] ?? "") : `${parts[0] ?? ""}, ${column}`;
  }

  error(row: number | null, column: string | null, message: string): void {
    this.errors.push({ table: this.name, row, column, message: `${this.where(row, column)}: ${message}` });
  }

  /** One error per required column the table lacks. */
  reportMissing(): void {
    for (const c of this.columns.missing) {
      this.errors.push({
        table: this.name,
        row: null,
        column: c,
        message: `${this.name}: the table has no ${c} column (headers found: ${this.columns.headers.map((h) => quote(h)).join(", ") || "none"})`,
      });
    }
    for (const d of this.columns.duplicates) {
      this.errors.push({
        table: this.name,
        row: null,
        column: d.header,
        message: `${this.name}: the column ${quote(d.header)} repeats another column's name; the first is used and this one is kept as it is`,
      });
    }
  }

  /** Data rows with their 1-based row numbers, blank rows skipped. */
  *rows(): Generator<{ readonly n: number; readonly cells: readonly RawCell[] }> {
    for (let i = 0; i < this.table.rows.length; i++) {
      const cells = this.table.rows[i] ?? [];
      if (!isBlankRow(cells)) yield { n: i + 1, cells };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Settings and schema version

export interface ExtraSetting {
  /** 1-based data row in PerfSettings. */
  readonly row: number;
  readonly setting: string;
  readonly value: RawCell;
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly errors: ContractError[];
  /** Settings PerfCycle does not know: kept, never dropped. */
  readonly extra: readonly ExtraSetting[];
  /** The data row of each known setting found. */
  readonly rows: Readonly<Partial<Record<SettingName, number>>>;
  readonly columns: ColumnIndex | null;
}

function settingRows(reader: TableReader): {
  known: Map<SettingName, { n: number; value: RawCell }>;
  extra: ExtraSetting[];
} {
  const known = new Map<SettingName, { n: number; value: RawCell }>();
  const extra: ExtraSetting[] = [];
  for (const { n, cells } of reader.rows()) {
    const raw = reader.text(cells, "Setting");
    const name = matchHeader(raw, SETTING_NAMES);
    const value = reader.cell(cells, "Value");
    if (name === undefined) extra.push({ row: n, setting: raw, value });
    else if (known.has(name)) {
      reader.error(
        n,
        "Setting",
        `${quote(raw)} is set twice (also on row ${known.get(name)?.n ?? "?"}); the first is used`,
      );
    } else known.set(name, { n, value });
  }
  return { known, extra };
}

/** The workbook's schema version: missing or blank is 1. */
export function schemaVersionOf(book: RawWorkbook): {
  version: number;
  row: number | null;
  error: ContractError | null;
} {
  const table = findTable(book, TABLE.settings);
  if (!table) return { version: 1, row: null, error: null };
  const errors: ContractError[] = [];
  const reader = new TableReader(table, errors);
  const found = settingRows(reader).known.get("SchemaVersion");
  if (!found || isBlankCell(found.value)) return { version: 1, row: found?.n ?? null, error: null };
  const v = parseOptionalNumber(found.value);
  if (!v.ok || v.value === null || !Number.isInteger(v.value) || v.value < 0) {
    reader.error(
      found.n,
      "Value",
      `SchemaVersion must be a whole number such as ${CURRENT_SCHEMA_VERSION}; got ${quote(cellText(found.value))}. Read as version ${CURRENT_SCHEMA_VERSION}`,
    );
    return { version: CURRENT_SCHEMA_VERSION, row: found.n, error: errors[0] ?? null };
  }
  return { version: v.value, row: found.n, error: null };
}

/** Read PerfSettings (after any upgrade). Unknown settings are kept in `extra`. */
export function readSettings(book: RawWorkbook): SettingsRead {
  const errors: ContractError[] = [];
  const table = findTable(book, TABLE.settings);
  if (!table) return { settings: DEFAULT_SETTINGS, errors, extra: [], rows: {}, columns: null };
  const reader = new TableReader(table, errors);
  reader.reportMissing();
  const { known, extra } = settingRows(reader);
  const rows: Partial<Record<SettingName, number>> = {};
  for (const [k, v] of known) rows[k] = v.n;
  const value = (name: SettingName): { n: number; value: RawCell } | undefined => {
    const f = known.get(name);
    return f && !isBlankCell(f.value) ? f : undefined;
  };
  const bad = (name: SettingName, n: number, message: string): void =>
    reader.error(n, "Value", `${name}: ${message}`);

  const version = schemaVersionOf(book);
  if (version.error) errors.push(version.error);

  let startMonth = DEFAULT_SETTINGS.startMonth;
  const sm = value("FiscalYearStartMonth");
  if (sm) {
    const n = parseOptionalNumber(sm.value);
    const v = n.ok ? validStartMonth(n.value) : n;
    if (v.ok) startMonth = v.value;
    else bad("FiscalYearStartMonth", sm.n, `${v.error.message}. April (4) is used`);
  }

  let reportingPeriod: Quarter | null = null;
  const rp = value("ReportingPeriod");
  if (rp) {
    const p = parsePeriod(rp.value, { startMonth });
    if (p.ok) reportingPeriod = p.value;
    else bad("ReportingPeriod", rp.n, p.error.message);
  }

  let defaultTolerance = DEFAULT_SETTINGS.defaultTolerance;
  const dt = value("DefaultTolerance");
  if (dt) {
    const n = parseOptionalNumber(dt.value);
    if (!n.ok) bad("DefaultTolerance", dt.n, `${n.error.message}; 5% is used`);
    else if (n.value !== null && n.value < 0) {
      bad(
        "DefaultTolerance",
        dt.n,
        `the tolerance cannot be negative; got ${quote(cellText(dt.value))}; 5% is used`,
      );
    } else if (n.value !== null) defaultTolerance = n.value;
  }

  let scheme = DEFAULT_SETTINGS.scheme;
  const rs = value("RagScheme");
  if (rs) {
    const s = parseRagScheme(cellText(rs.value));
    if (s.ok) scheme = s.value;
    else bad("RagScheme", rs.n, `${s.error.message}; RAG is used`);
  }

  let rule = DEFAULT_SETTINGS.rule;
  const rr = value("RagRule");
  if (rr) {
    const r = parseRagRule(cellText(rr.value));
    if (r.ok) rule = r.value;
    else bad("RagRule", rr.n, `${r.error.message}; Milestone is used`);
  }

  return {
    settings: {
      schemaVersion: Math.min(version.version, CURRENT_SCHEMA_VERSION),
      startMonth,
      reportingPeriod,
      defaultTolerance,
      scheme,
      rule,
    },
    errors,
    extra,
    rows,
    columns: reader.columns,
  };
}

/** Set (or add) the SchemaVersion setting of a raw workbook. */
export function withSchemaVersion(book: RawWorkbook, version: number): RawWorkbook {
  const table = findTable(book, TABLE.settings);
  if (!table) {
    return {
      tables: [
        ...book.tables,
        { name: TABLE.settings, headers: ["Setting", "Value"], rows: [["SchemaVersion", version]] },
      ],
    };
  }
  const cols = columnIndex(table);
  const si = cols.positions.get("Setting");
  const vi = cols.positions.get("Value");
  if (si === undefined || vi === undefined) return book;
  let found = false;
  const rows = table.rows.map((r) => {
    if (!found && matchHeader(cellText(r[si]), ["SchemaVersion"])) {
      found = true;
      const copy = [...r];
      copy[vi] = version;
      return copy;
    }
    return r;
  });
  if (!found) {
    const row: RawCell[] = table.headers.map(() => null);
    row[si] = "SchemaVersion";
    row[vi] = version;
    rows.unshift(row);
  }
  return { tables: book.tables.map((t) => (t === table ? { ...table, rows } : t)) };
}

export interface UpgradeResult {
  readonly book: RawWorkbook;
  /** What each applied step changed. */
  readonly applied: readonly string[];
  /** Set when there is no way from the workbook's version to the current one. */
  readonly problem: string | null;
}

/** Upgrade a workbook of an older schema version step by step to the current one. */
export function upgradeBook(
  book: RawWorkbook,
  from: number,
  steps: readonly UpgradeStep[] = UPGRADES,
  to: number = CURRENT_SCHEMA_VERSION,
): UpgradeResult {
  let current = book;
  const applied: string[] = [];
  for (let v = from; v < to; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return {
        book,
        applied: [],
        problem: `this workbook is schema version ${from} and PerfCycle ${PERFCYCLE_VERSION} has no upgrade from version ${v} to ${v + 1}; it reads schema version ${to}`,
      };
    }
    current = step.upgrade(current);
    applied.push(`${v} → ${v + 1}: ${step.describe}`);
  }
  return { book: applied.length > 0 ? withSchemaVersion(current, to) : current, applied, problem: null };
}

function newerVersionMessage(book: RawWorkbook, version: number): string {
  const reads = SCHEMA_READ_BY[version];
  const settings = findTable(book, TABLE.settings);
  let writer = "";
  if (settings) {
    const cols = columnIndex(settings);
    const si = cols.positions.get("Setting");
    const vi = cols.positions.get("Value");
    const row = settings.rows.find(
      (r) => si !== undefined && matchHeader(cellText(r[si]), ["PerfCycleVersion"]),
    );
    if (row && vi !== undefined && !isBlankCell(row[vi])) writer = cellText(row[vi]);
  }
  const which =
    reads !== undefined
      ? `PerfCycle ${reads} or later`
      : writer !== ""
        ? `PerfCycle ${writer} (which wrote it) or later`
        : `a PerfCycle newer than ${PERFCYCLE_VERSION} (the version that wrote it, or a later one)`;
  return `this workbook uses schema version ${version}, but this PerfCycle (${PERFCYCLE_VERSION}) reads schema version ${CURRENT_SCHEMA_VERSION} and older. Open it with ${which}; nothing was changed`;
}

// ---------------------------------------------------------------------------------------------
// The register

export interface ReadResult {
  /** Null only with a fatal problem. */
  readonly register: Register | null;
  readonly errors: ContractError[];
  readonly fatal: ContractError | null;
  /** The workbook as read: upgraded to the current schema when it was older (write it back in place). */
  readonly book: RawWorkbook;
  readonly schema: { readonly found: number; readonly current: number; readonly upgraded: readonly string[] };
  /** Each contract table's columns, including the unknown ones every writer must keep. */
  readonly columns: Readonly<Partial<Record<TableName, ColumnIndex>>>;
  /** Settings PerfCycle does not know, kept. */
  readonly extraSettings: readonly ExtraSetting[];
}

export interface ReadOptions {
  /** Upgrade steps (default: this PerfCycle's UPGRADES). */
  readonly upgrades?: readonly UpgradeStep[];
}

type NumberContext = {
  readonly reader: TableReader;
  readonly n: number;
  readonly column: string;
};

/** A number cell of a target: blank → null; a placeholder or bad text is an error (null). */
function targetNumber(ctx: NumberContext, cell: RawCell, allowFraction: boolean): number | null {
  const c = parseCellNumber(cell);
  if (!c.ok) {
    ctx.reader.error(ctx.n, ctx.column, c.error.message);
    return null;
  }
  switch (c.value.kind) {
    case "blank":
      return null;
    case "number":
      return c.value.value;
    case "placeholder":
      ctx.reader.error(
        ctx.n,
        ctx.column,
        `${quote(c.value.text)} is not a number: leave the cell blank until the figure is known`,
      );
      return null;
    case "fraction": {
      if (!allowFraction) {
        ctx.reader.error(
          ctx.n,
          ctx.column,
          `${quote(cellText(cell))} is a fraction; only a Rate may be written as n/d`,
        );
        return null;
      }
      const r = rate(c.value.numerator, c.value.denominator);
      if (!r.ok) {
        ctx.reader.error(ctx.n, ctx.column, `${quote(cellText(cell))}: ${r.error.message}`);
        return null;
      }
      return r.value;
    }
  }
}

/** BaselinePeriod: a fiscal year (q null) or a quarter. */
function baselinePeriod(
  cell: RawCell,
  startMonth: number,
): { value: BaselinePeriod | null; error: string | null } {
  if (isBlankCell(cell)) return { value: null, error: null };
  const isYearNumber = typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2199;
  if (typeof cell === "string" || isYearNumber) {
    const fy = parseFiscalYear(cell, startMonth);
    if (fy.ok) return { value: { fy: fy.value, q: null }, error: null };
    if (isYearNumber || fy.error.code === "PERIOD_AMBIGUOUS" || fy.error.code === "PERIOD_YEAR") {
      return { value: null, error: fy.error.message };
    }
  }
  const p = parsePeriod(cell, { startMonth });
  if (p.ok) return { value: { fy: p.value.fy, q: p.value.q }, error: null };
  const hint = `write a fiscal year (${formatFiscalYear(2014, startMonth)}) or a quarter (${formatQuarter({ fy: 2014, q: 4 }, startMonth)})`;
  return {
    value: null,
    error:
      p.error.code === "PERIOD_UNPARSEABLE"
        ? `${quote(cellText(cell))} is not a baseline period: ${hint}`
        : `${p.error.message}; ${hint}`,
  };
}

function readTargets(reader: TableReader, settings: Settings): TargetRecord[] {
  const sm = settings.startMonth;
  const out: TargetRecord[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of reader.rows()) {
    const text = (c: string): string => reader.text(cells, c);
    const cell = (c: string): RawCell => reader.cell(cells, c);
    const fail = (column: string, message: string): void => reader.error(n, column, message);

    let measureType: MeasureType | null = null;
    if (!isBlankCell(cell("MeasureType"))) {
      const r = parseMeasureType(text("MeasureType"));
      if (r.ok) measureType = r.value;
      else fail("MeasureType", r.error.message);
    }
    let polarity: TargetRecord["polarity"] = null;
    if (!isBlankCell(cell("Polarity"))) {
      const r = parsePolarity(text("Polarity"));
      if (r.ok) polarity = r.value;
      else fail("Polarity", r.error.message);
    }
    const bp = baselinePeriod(cell("BaselinePeriod"), sm);
    if (bp.error !== null) fail("BaselinePeriod", bp.error);
    const isRate = measureType === "Rate";
    const baseline = targetNumber({ reader, n, column: "Baseline" }, cell("Baseline"), isRate);

    let targetYear: number | null = null;
    if (!isBlankCell(cell("TargetYear"))) {
      const raw = cell("TargetYear");
      const r = raw instanceof Date || typeof raw === "boolean" ? null : parseFiscalYear(raw, sm);
      if (r?.ok) targetYear = r.value;
      else
        fail(
          "TargetYear",
          r
            ? r.error.message
            : `${quote(cellText(raw))} is not a fiscal year: write it as ${formatFiscalYear(2015, sm)}`,
        );
    }
    const target = targetNumber({ reader, n, column: "Target" }, cell("Target"), isRate);

    let profile: TargetRecord["profile"] = null;
    const pr = parseProfile(isBlankCell(cell("Profile")) ? null : text("Profile"));
    if (pr.ok) profile = pr.value;
    else fail("Profile", pr.error.message);

    const weights = (["W1", "W2", "W3", "W4"] as const).map((w) =>
      targetNumber({ reader, n, column: w }, cell(w), false),
    );

    let tolerance = targetNumber({ reader, n, column: "Tolerance" }, cell("Tolerance"), false);
    if (tolerance !== null && tolerance < 0) {
      fail("Tolerance", `the tolerance cannot be negative; got ${quote(text("Tolerance"))}`);
      tolerance = null;
    }
    let toleranceType: TargetRecord["toleranceType"] = null;
    if (!isBlankCell(cell("ToleranceType"))) {
      const r = parseToleranceType(text("ToleranceType"));
      if (r.ok) toleranceType = r.value;
      else fail("ToleranceType", r.error.message);
    }

    let status: TargetStatus = "Draft";
    if (!isBlankCell(cell("Status"))) {
      const s = matchName(text("Status"), TARGET_STATUSES);
      if (s !== undefined) status = s;
      else
        fail(
          "Status",
          `Status must be Draft, Agreed or Approved; got ${quote(text("Status"))}. Read as Draft`,
        );
    }

    let aggregation: Aggregation = "Sum";
    if (reader.has("Aggregation") && !isBlankCell(cell("Aggregation"))) {
      const a = matchName(text("Aggregation"), ["Sum", "None"] as const);
      if (a !== undefined) aggregation = a;
      else
        fail(
          "Aggregation",
          `Aggregation must be Sum or None; got ${quote(text("Aggregation"))}. Read as Sum`,
        );
    }

    const indicatorId = text("IndicatorId");
    const orgUnit = text("OrgUnit");
    if (indicatorId !== "") {
      const key = `${idKey(indicatorId)}|${unitKey(orgUnit)}|${targetYear ?? ""}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const year = targetYear === null ? "" : ` for ${formatFiscalYear(targetYear, sm)}`;
        fail(
          "IndicatorId",
          `${quote(indicatorId)} for ${orgUnit === "" ? "no unit" : quote(orgUnit)}${year} duplicates row ${first}: one target per indicator, unit and year`,
        );
      } else seen.set(key, n);
    }

    out.push({
      row: n,
      indicatorId,
      indicator: text("Indicator"),
      orgUnit,
      outcome: text("Outcome"),
      measureType,
      polarity,
      unit: text("Unit"),
      owner: text("Owner"),
      dataSource: text("DataSource"),
      baselinePeriod: bp.value,
      baseline,
      targetYear,
      target,
      profile,
      weights,
      tolerance,
      toleranceType,
      status,
      aggregation,
    });
  }
  return out;
}

function readUnits(reader: TableReader): UnitRecord[] {
  const out: UnitRecord[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of reader.rows()) {
    const orgUnit = reader.text(cells, "OrgUnit");
    const parent = reader.text(cells, "Parent");
    if (orgUnit === "") {
      reader.error(n, "OrgUnit", `no unit name (the row has Parent ${quote(parent)})`);
      continue;
    }
    const first = seen.get(unitKey(orgUnit));
    if (first !== undefined) {
      reader.error(
        n,
        "OrgUnit",
        `${quote(orgUnit)} is listed twice (also on row ${first}); the first is used`,
      );
      continue;
    }
    seen.set(unitKey(orgUnit), n);
    out.push({ row: n, orgUnit, parent: parent === "" ? null : parent });
  }
  return out;
}

function readActuals(
  reader: TableReader,
  settings: Settings,
  targets: readonly TargetRecord[],
  units: readonly UnitRecord[],
): ActualRecord[] {
  const sm = settings.startMonth;
  const out: ActualRecord[] = [];
  const seen = new Map<string, number>();
  // Targets by indicator: the set of units that have one.
  const targetUnits = new Map<string, Set<string>>();
  for (const t of targets) {
    const k = idKey(t.indicatorId);
    const set = targetUnits.get(k) ?? new Set<string>();
    set.add(unitKey(t.orgUnit));
    targetUnits.set(k, set);
  }
  const h = buildHierarchy(units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const parentOf = h.ok ? h.value.parentOf : new Map<string, string>();
  const hasTargetAtOrAbove = (id: string, unit: string): boolean => {
    const set = targetUnits.get(idKey(id));
    if (!set) return false;
    let cur: string | undefined = unitKey(unit);
    const visited = new Set<string>();
    while (cur !== undefined && !visited.has(cur)) {
      if (set.has(cur)) return true;
      visited.add(cur);
      cur = parentOf.get(cur);
    }
    return false;
  };

  // A long table repeats a handful of period labels: parse each label once (the same result).
  const periods = new Map<string, ReturnType<typeof parsePeriod>>();
  const periodOf = (raw: RawCell): ReturnType<typeof parsePeriod> => {
    if (typeof raw !== "string") return parsePeriod(raw, { startMonth: sm });
    let r = periods.get(raw);
    if (r === undefined) periods.set(raw, (r = parsePeriod(raw, { startMonth: sm })));
    return r;
  };

  for (const { n, cells } of reader.rows()) {
    const cell = (c: string): RawCell => reader.cell(cells, c);
    const fail = (column: string, message: string): void => reader.error(n, column, message);
    const indicatorId = reader.text(cells, "IndicatorId");
    const orgUnit = reader.text(cells, "OrgUnit");
    if (indicatorId === "") fail("IndicatorId", "no indicator id, so the row cannot be matched to a target");
    if (orgUnit === "") fail("OrgUnit", "no unit, so the row cannot be matched to a target");

    const p = periodOf(cell("Period"));
    if (!p.ok) {
      fail(
        "Period",
        isBlankCell(cell("Period")) ? "no period: write the quarter, e.g. 2015-16 Q1" : p.error.message,
      );
      continue;
    }
    const period = p.value;

    let value: number | null = null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    let fromValue: { numerator: number; denominator: number } | null = null;
    const v = parseCellNumber(cell("Value"));
    if (!v.ok) fail("Value", v.error.message);
    else if (v.value.kind === "number") value = v.value.value;
    else if (v.value.kind === "fraction")
      fromValue = { numerator: v.value.numerator, denominator: v.value.denominator };

    for (const [column, set] of [
      ["Numerator", (x: number) => (numerator = x)],
      ["Denominator", (x: number) => (denominator = x)],
    ] as const) {
      const r = parseOptionalNumber(cell(column));
      if (!r.ok) fail(column, r.error.message);
      else if (r.value !== null) set(r.value);
    }
    if (fromValue) {
      if (numerator === null && denominator === null) {
        numerator = fromValue.numerator;
        denominator = fromValue.denominator;
      } else {
        fail(
          "Value",
          `${quote(reader.text(cells, "Value"))} is a fraction, but the row also gives Numerator and Denominator: give one or the other`,
        );
      }
    }
    if ((numerator === null) !== (denominator === null)) {
      const missing = numerator === null ? "Numerator" : "Denominator";
      fail(
        missing,
        `a rate needs both a numerator and a denominator; only the ${missing === "Numerator" ? "denominator" : "numerator"} is given`,
      );
      numerator = null;
      denominator = null;
    }
    if (numerator !== null && denominator !== null) {
      const r = rate(numerator, denominator);
      if (!r.ok) {
        const col = denominator === 0 ? "Denominator" : "Numerator";
        fail(
          col,
          `${quote(`${reader.text(cells, "Numerator") || numerator}/${reader.text(cells, "Denominator") || denominator}`)}: ${r.error.message}`,
        );
        numerator = null;
        denominator = null;
      }
    }

    if (indicatorId !== "" && orgUnit !== "") {
      const key = `${idKey(indicatorId)}|${unitKey(orgUnit)}|${period.fy * 4 + period.q}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(
          "Period",
          `${quote(indicatorId)} for ${quote(orgUnit)} in ${formatQuarter(period, sm)} (written ${quote(reader.text(cells, "Period"))}) is already on row ${first}; row ${first} is used`,
        );
      } else seen.set(key, n);
      if (!targetUnits.has(idKey(indicatorId))) {
        fail(
          "IndicatorId",
          `${quote(indicatorId)} has no row in PerfTargets, so this actual is not measured against anything`,
        );
      } else if (!hasTargetAtOrAbove(indicatorId, orgUnit)) {
        fail(
          "OrgUnit",
          `${quote(indicatorId)} has no target for ${quote(orgUnit)} (nor for a unit above it in PerfUnits), so this actual is not measured against anything`,
        );
      }
    }

    out.push({
      row: n,
      indicatorId,
      orgUnit,
      period,
      value,
      numerator,
      denominator,
      commentary: reader.text(cells, "Commentary"),
      action: reader.text(cells, "Action"),
    });
  }
  return out;
}

/**
 * Read the workbook into the engine's Register. `register` is null only with a fatal problem:
 * no PerfTargets table, or a schema version newer than this PerfCycle reads (or one it cannot
 * upgrade). Every other problem is an error and the rest of the workbook is still read.
 */
export function readRegister(input: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const errors: ContractError[] = [];
  const fatalResult = (fatal: ContractError, found: number): ReadResult => ({
    register: null,
    errors: [...errors, fatal],
    fatal,
    book: input,
    schema: { found, current: CURRENT_SCHEMA_VERSION, upgraded: [] },
    columns: {},
    extraSettings: [],
  });

  const version = schemaVersionOf(input);
  let book = input;
  let upgraded: readonly string[] = [];
  if (version.version > CURRENT_SCHEMA_VERSION) {
    return fatalResult(
      {
        table: TABLE.settings,
        row: version.row,
        column: "Value",
        message: `${TABLE.settings}${version.row === null ? "" : ` row ${version.row}`}, SchemaVersion: ${newerVersionMessage(input, version.version)}`,
      },
      version.version,
    );
  }
  if (version.version < CURRENT_SCHEMA_VERSION) {
    const u = upgradeBook(input, version.version, options.upgrades ?? UPGRADES);
    if (u.problem !== null) {
      return fatalResult(
        {
          table: TABLE.settings,
          row: version.row,
          column: "Value",
          message: `${TABLE.settings}, SchemaVersion: ${u.problem}`,
        },
        version.version,
      );
    }
    book = u.book;
    upgraded = u.applied;
  }

  const targetsTable = findTable(book, TABLE.targets);
  if (!targetsTable) {
    const names = book.tables.map((t) => quote(t.name)).join(", ");
    return fatalResult(
      {
        table: TABLE.targets,
        row: null,
        column: null,
        message: `This workbook has no ${TABLE.targets} table, so it has no targets to read (tables found: ${names || "none"}). Set the workbook up with PerfCycle, or name the targets table ${TABLE.targets}`,
      },
      version.version,
    );
  }

  const s = readSettings(book);
  errors.push(...s.errors);
  const columns: Partial<Record<TableName, ColumnIndex>> = {};
  if (s.columns) columns.PerfSettings = s.columns;

  const targetsReader = new TableReader(targetsTable, errors);
  targetsReader.reportMissing();
  columns.PerfTargets = targetsReader.columns;
  const targets = readTargets(targetsReader, s.settings);

  let units: UnitRecord[] = [];
  const unitsTable = findTable(book, TABLE.units);
  if (unitsTable) {
    const r = new TableReader(unitsTable, errors);
    r.reportMissing();
    columns.PerfUnits = r.columns;
    units = readUnits(r);
  }

  let actuals: ActualRecord[] = [];
  const actualsTable = findTable(book, TABLE.actuals);
  if (actualsTable) {
    const r = new TableReader(actualsTable, errors);
    r.reportMissing();
    columns.PerfActuals = r.columns;
    if (r.has("Period") && r.has("IndicatorId")) actuals = readActuals(r, s.settings, targets, units);
  }

  const auditTable = findTable(book, TABLE.audit);
  if (auditTable) columns.PerfAudit = columnIndex(auditTable);

  return {
    register: { settings: s.settings, targets, actuals, units },
    errors,
    fatal: null,
    book,
    schema: { found: version.version, current: CURRENT_SCHEMA_VERSION, upgraded },
    columns,
    extraSettings: s.extra,
  };
}
