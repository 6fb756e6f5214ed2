/**
 * The schema 2 upgrade as a plan (workbook.md: "An older workbook is upgraded in place on first
 * write"): which optional columns to add at the right end of which tables, which PerfSettings
 * rows to add, and SchemaVersion → 2. Pure: the CLI (ExcelJS) and the Excel layer (Office.js)
 * each carry it out with their own writes, before their first write to a workbook; reading never
 * needs it. The user's columns, rows and cells are never touched.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - The plan adds the spec's columns (PerfTargets TargetMethod, TargetRationale, PreviousId;
 *   PerfActuals Quality) and settings (ConfidenceLevel 95, SmallBase 30, DotSignificance No).
 *   PlanEndYear and PlanTarget, and the PerfComparators table, are added only when first used.
 * - A schema 2 workbook lacking some of them gets the same plan without the version change, so
 *   a new workbook (set up at schema 2 with the version 1 layout) gains them on first write too.
 * - A newer version is refused, saying which PerfCycle reads it; nothing is planned.
 */
import type { RawCell, RawTable, RawWorkbook } from "./raw";
import { cellText, columnIndex, findTable, schemaVersionOf } from "./read";
import { newerVersionMessage } from "./reader/upgrade";
import {
  CURRENT_SCHEMA_VERSION,
  matchHeader,
  OPTIONAL_ACTUAL_COLUMNS,
  TABLE,
  V2_SETTINGS,
  type TableName,
} from "./schema";

/** The schema 2 columns the upgrade adds, by table. */
export const UPGRADE_COLUMNS: Readonly<Partial<Record<TableName, readonly string[]>>> = {
  PerfTargets: ["TargetMethod", "TargetRationale", "PreviousId"],
  PerfActuals: OPTIONAL_ACTUAL_COLUMNS,
};

export interface ColumnsToAdd {
  readonly table: TableName;
  /** The table's name as the workbook spells it. */
  readonly name: string;
  /** Headers to add at the table's right end, in this order. */
  readonly headers: readonly string[];
}

export interface UpgradePlan {
  readonly from: number;
  readonly to: number;
  readonly columns: readonly ColumnsToAdd[];
  /** PerfSettings rows (Setting, Value) to add after the last row. */
  readonly settings: readonly (readonly [string, RawCell])[];
  /** SchemaVersion is to be set to `to` (added as a row when missing). */
  readonly setVersion: boolean;
  /** Whether there is anything to do. */
  readonly needed: boolean;
  /** What the plan does, in plain English, for the user and the audit. */
  readonly describe: readonly string[];
  /** Set when the workbook cannot be upgraded (a newer schema); the plan is then empty. */
  readonly problem: string | null;
}

/** The columns of `wanted` a table lacks (matched tolerant of case and spacing). */
export function missingColumns(table: RawTable, wanted: readonly string[]): string[] {
  const have = table.headers.map((h) => cellText(h));
  return wanted.filter((w) => matchHeader(w, have) === undefined);
}

/**
 * The upgrade plan of a workbook to the current schema (see the module comment).
 *
 * @example
 * upgradePlan(v1Book).columns // [{ table: "PerfTargets", headers: ["TargetMethod", ...] }, ...]
 */
export function upgradePlan(book: RawWorkbook): UpgradePlan {
  const version = schemaVersionOf(book).version;
  const to = CURRENT_SCHEMA_VERSION;
  const empty = {
    from: version,
    to,
    columns: [],
    settings: [],
    setVersion: false,
    needed: false,
    describe: [],
  };
  if (version > to) return { ...empty, problem: newerVersionMessage(book, version) };
  const columns: ColumnsToAdd[] = [];
  for (const [table, wanted] of Object.entries(UPGRADE_COLUMNS) as [TableName, readonly string[]][]) {
    const found = findTable(book, table);
    if (!found) continue; // a table the workbook lacks is created whole by the host when needed
    const headers = missingColumns(found, wanted);
    if (headers.length > 0) columns.push({ table, name: found.name, headers });
  }
  const settingsTable = findTable(book, TABLE.settings);
  const present = new Set<string>();
  if (settingsTable) {
    const si = columnIndex(settingsTable).positions.get("Setting");
    for (const r of settingsTable.rows) {
      const name = matchHeader(
        cellText(r[si ?? 0]),
        V2_SETTINGS.map(([n]) => n),
      );
      if (name !== undefined) present.add(name);
    }
  }
  const settings = V2_SETTINGS.filter(([n]) => !present.has(n));
  const setVersion = version < to;
  const describe = [
    ...(setVersion ? [`SchemaVersion ${version} → ${to}`] : []),
    ...columns.map((c) => `${c.name}: add ${c.headers.join(", ")} at the end`),
    ...(settings.length > 0
      ? [`${TABLE.settings}: add ${settings.map(([n, v]) => `${n} (${String(v)})`).join(", ")}`]
      : []),
  ];
  return {
    from: version,
    to,
    columns,
    settings,
    setVersion,
    needed: describe.length > 0,
    describe,
    problem: null,
  };
}

/** A table with headers added at its right end and a blank cell for them on every row. */
export function withColumns(table: RawTable, headers: readonly string[]): RawTable {
  if (headers.length === 0) return table;
  const blanks = headers.map((): RawCell => null);
  return {
    ...table,
    headers: [...table.headers, ...headers],
    rows: table.rows.map((r) => [...r, ...blanks]),
    ...(table.numberFormats
      ? { numberFormats: table.numberFormats.map((r) => [...r, ...headers.map(() => "General")]) }
      : {}),
  };
}

/**
 * Carry a plan out on a raw workbook (for hosts that write raw tables back whole): columns added
 * at the end, settings rows appended, SchemaVersion set. The input is not modified.
 */
export function applyUpgradePlan(book: RawWorkbook, plan: UpgradePlan): RawWorkbook {
  if (!plan.needed || plan.problem !== null) return book;
  const tables = book.tables.map((t) => {
    const add = plan.columns.find((c) => c.name === t.name);
    let out = add ? withColumns(t, add.headers) : t;
    if (findTable({ tables: [t] }, TABLE.settings)) out = withSettings(out, plan);
    return out;
  });
  if (!findTable(book, TABLE.settings) && (plan.setVersion || plan.settings.length > 0)) {
    const rows: RawCell[][] = [["SchemaVersion", plan.to], ...plan.settings.map(([n, v]) => [n, v])];
    tables.push({ name: TABLE.settings, headers: ["Setting", "Value"], rows });
  }
  return { tables };
}

/** What the plan changes in PerfSettings, as cell edits a host can write without moving a row. */
export interface SettingsEdits {
  /** The table's rows with SchemaVersion's Value set (same rows, same order). */
  readonly rows: RawCell[][];
  /** 0-based indexes of `rows` that changed (the SchemaVersion row). */
  readonly changed: number[];
  /** Rows to append after the last row: SchemaVersion when it has none, then the plan's settings. */
  readonly added: RawCell[][];
}

/**
 * The plan's PerfSettings changes as edits in place (the Excel layer's form): unlike
 * applyUpgradePlan, a missing SchemaVersion row is appended, never inserted above the user's
 * rows. Null when there is nothing to do or the table has no Setting or Value column.
 *
 * @example
 * settingsEdits(settings, upgradePlan(v1Book))?.added // [["ConfidenceLevel", 95], ...]
 */
export function settingsEdits(table: RawTable, plan: UpgradePlan): SettingsEdits | null {
  if (plan.problem !== null || (!plan.setVersion && plan.settings.length === 0)) return null;
  const cols = columnIndex(table);
  const si = cols.positions.get("Setting");
  const vi = cols.positions.get("Value");
  if (si === undefined || vi === undefined) return null;
  const row = (name: string, value: RawCell): RawCell[] => {
    const r: RawCell[] = table.headers.map(() => null);
    r[si] = name;
    r[vi] = value;
    return r;
  };
  const at = plan.setVersion
    ? table.rows.findIndex((r) => matchHeader(cellText(r[si]), ["SchemaVersion"]) !== undefined)
    : -1;
  const rows = table.rows.map((r, i) => {
    if (i !== at) return [...r];
    const copy = [...r];
    copy[vi] = plan.to;
    return copy;
  });
  const added = [
    ...(plan.setVersion && at < 0 ? [row("SchemaVersion", plan.to)] : []),
    ...plan.settings.map(([n, v]) => row(n, v)),
  ];
  return { rows, changed: at >= 0 ? [at] : [], added };
}

/** PerfSettings with SchemaVersion set and the plan's rows appended (other columns blank). */
function withSettings(table: RawTable, plan: UpgradePlan): RawTable {
  const cols = columnIndex(table);
  const si = cols.positions.get("Setting");
  const vi = cols.positions.get("Value");
  if (si === undefined || vi === undefined) return table;
  const row = (name: string, value: RawCell): RawCell[] => {
    const r: RawCell[] = table.headers.map(() => null);
    r[si] = name;
    r[vi] = value;
    return r;
  };
  let found = false;
  const rows = table.rows.map((r) => {
    if (!plan.setVersion || found || matchHeader(cellText(r[si]), ["SchemaVersion"]) === undefined) return r;
    found = true;
    const copy = [...r];
    copy[vi] = plan.to;
    return copy;
  });
  if (plan.setVersion && !found) rows.unshift(row("SchemaVersion", plan.to));
  for (const [n, v] of plan.settings) rows.push(row(n, v));
  return { ...table, rows };
}
