/**
 * Workbooks for the workbook-layer tests and benchmark, built straight into the in-memory Excel's
 * model (not through the layer under test): a synthetic framework of n indicators with targets,
 * actuals, units and a user's own columns.
 */
import { MemoryWorkbook, parseRect, type CellValue } from "../../src/memory-excel";
import {
  ACTUAL_COLUMNS,
  AUDIT_COLUMNS,
  TARGET_COLUMNS,
  UNIT_COLUMNS,
  UPGRADE_COLUMNS,
} from "../../src/contract";

export const UNITS = ["North Cluster", "South Cluster", "East Cluster"] as const;
export const PERIOD = "2015-16 Q2";
/** Quarters with actuals: the same quarter a year ago, and this year's first two. */
export const QUARTERS = ["2014-15 Q2", "2015-16 Q1", "2015-16 Q2"] as const;

/** Put a table with its header row at `topLeft` on a sheet (created when missing). */
export function putTable(
  book: MemoryWorkbook,
  sheetName: string,
  tableName: string,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  topLeft = "A1",
): void {
  const sheet = book.sheet(sheetName) ?? book.addSheet(sheetName);
  const at = parseRect(topLeft);
  if (!at) throw new Error(`bad address ${topLeft}`);
  const grid = [
    headers.map((h) => `'${h}`),
    ...rows.map((r) => r.map((c) => (typeof c === "string" && c !== "" ? `'${c}` : c))),
  ];
  const rect = { row: at.row, col: at.col, rowCount: grid.length, colCount: headers.length };
  book.writeCells(sheet, rect, grid, "values");
  book.addTable(sheet, rect, tableName);
}

export function settingsRows(period = PERIOD): CellValue[][] {
  return [
    ["SchemaVersion", 1],
    ["FiscalYearStartMonth", 4],
    ["ReportingPeriod", period],
    ["DefaultTolerance", 0.05],
    ["RagScheme", "RAG"],
    ["RagRule", "Milestone"],
  ];
}

const KINDS = ["Count", "Level", "Rate"] as const;

export interface Indicator {
  readonly id: string;
  readonly unit: string;
  readonly kind: (typeof KINDS)[number];
}

export function indicators(n: number): Indicator[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `IND-${String(Math.floor(i / UNITS.length) + 1).padStart(5, "0")}`,
    unit: UNITS[i % UNITS.length] ?? "North Cluster",
    kind: KINDS[Math.floor(i / UNITS.length) % KINDS.length] ?? "Count",
  }));
}

function targetRow(x: Indicator, i: number): CellValue[] {
  const higher = i % 4 !== 1;
  const [baseline, target] =
    x.kind === "Count"
      ? [400, higher ? 480 : 320]
      : x.kind === "Level"
        ? [600, higher ? 660 : 540]
        : [0.4, higher ? 0.48 : 0.32];
  const byColumn: Record<string, CellValue> = {
    IndicatorId: x.id,
    Indicator: `${x.kind} indicator ${x.id}`,
    OrgUnit: x.unit,
    Outcome: "Families get the right help early",
    MeasureType: x.kind,
    Polarity: higher ? "Higher" : "Lower",
    Unit: x.kind === "Rate" ? "%" : "families",
    Owner: `${x.unit} Manager`,
    DataSource: "Case management system",
    BaselinePeriod: "2014-15",
    Baseline: baseline,
    TargetYear: "2015-16",
    Target: target,
    Profile: "Linear",
    W1: "",
    W2: "",
    W3: "",
    W4: "",
    Tolerance: 0.05,
    ToleranceType: "Relative",
    Status: i % 5 === 0 ? "Draft" : "Agreed",
  };
  return TARGET_COLUMNS.map((c) => byColumn[c] ?? "");
}

function actualRows(x: Indicator, i: number, quarters: readonly string[]): CellValue[][] {
  return quarters.map((q, k) => {
    const wobble = ((i * 7 + k * 13) % 21) - 10;
    const byColumn: Record<string, CellValue> = {
      IndicatorId: x.id,
      OrgUnit: x.unit,
      Period: q,
      Value: x.kind === "Count" ? 100 + wobble : x.kind === "Level" ? 620 + wobble : "",
      Numerator: x.kind === "Rate" ? 42 + wobble : "",
      Denominator: x.kind === "Rate" ? 100 : "",
      Commentary: "",
      Action: "",
    };
    return ACTUAL_COLUMNS.map((c) => byColumn[c] ?? "");
  });
}

export interface BookOptions {
  readonly quarters?: readonly string[];
  /** Add the user's own columns ("Notes" in PerfTargets, "Checked by" in PerfActuals). */
  readonly userColumns?: boolean;
  readonly audit?: boolean;
}

/**
 * A workbook with PerfSettings, PerfTargets (n rows), PerfActuals (n × quarters rows), PerfUnits
 * and (optionally) PerfAudit, each on its own sheet with a user's sheet name.
 */
export function syntheticBook(n: number, options: BookOptions = {}): MemoryWorkbook {
  const quarters = options.quarters ?? QUARTERS;
  const user = options.userColumns === true;
  const book = MemoryWorkbook.blank("Read me");
  book.setCellInput("Read me", 0, 0, "Our performance framework");
  const xs = indicators(n);
  putTable(book, "Config", "PerfSettings", ["Setting", "Value"], settingsRows());
  putTable(
    book,
    "Our targets",
    "PerfTargets",
    user ? [...TARGET_COLUMNS, "Notes"] : TARGET_COLUMNS,
    xs.map((x, i) => (user ? [...targetRow(x, i), `note ${i + 1}`] : targetRow(x, i))),
  );
  putTable(
    book,
    "Quarterly data",
    "PerfActuals",
    user ? [...ACTUAL_COLUMNS, "Checked by"] : ACTUAL_COLUMNS,
    xs.flatMap((x, i) => actualRows(x, i, quarters).map((r) => (user ? [...r, "AB"] : r))),
    "B3",
  );
  putTable(book, "Units", "PerfUnits", UNIT_COLUMNS, [...UNITS.map((u) => [u, "City"]), ["City", ""]]);
  if (options.audit === true) putTable(book, "Audit log", "PerfAudit", AUDIT_COLUMNS, []);
  return book;
}

/** The values of a table's data rows in the model, as the grid shows them. */
export function tableRows(book: MemoryWorkbook, name: string): CellValue[][] {
  const t = book.table(name);
  if (!t) throw new Error(`no table ${name}`);
  const out: CellValue[][] = [];
  for (let r = 1; r < t.rect.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < t.rect.colCount; c++) row.push(book.value(t.sheet, t.rect.row + r, t.rect.col + c));
    out.push(row);
  }
  return out;
}

export function tableHeaders(book: MemoryWorkbook, name: string): string[] {
  const t = book.table(name);
  if (!t) throw new Error(`no table ${name}`);
  return book.headers(t);
}

/** The values of a sheet from A1 to its last used cell. */
export function sheetValues(book: MemoryWorkbook, sheetName: string): CellValue[][] {
  const info = book.sheetInfos().find((s) => s.name === sheetName);
  if (!info) throw new Error(`no sheet ${sheetName}`);
  return Array.from({ length: info.rowCount }, (_, r) =>
    Array.from({ length: info.colCount }, (_, c) => book.cellView(sheetName, r, c).value),
  );
}

/**
 * The fixtures are version 1. PerfCycle's first write upgrades them in place (workbook.md,
 * "Additions (schema version 2)": "An older workbook is upgraded in place on first write"; issue
 * 12: "new optional columns added at the end of their tables, user columns untouched"): these
 * are the columns a table then ends with, blank on every row that was there.
 */
export function upgradeColumns(table: "PerfTargets" | "PerfActuals"): string[] {
  return [...(UPGRADE_COLUMNS[table] ?? [])];
}

/** Rows as they are after the upgrade: the user's cells, then the upgrade's blank columns. */
export function upgradedRows(table: "PerfTargets" | "PerfActuals", rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => [...r, ...upgradeColumns(table).map(() => "")]);
}
