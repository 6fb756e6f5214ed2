/**
 * Upsert actuals into the PerfActuals table's rows, for any host to write back. Rows are
 * matched by indicator id, unit and quarter (periods parsed by the engine, so `2015/16 Q1`
 * matches `2015-16 Q1`). Only the figure cells (Value, Numerator, Denominator) of a matched row
 * change; Commentary, Action, the Period as typed and the user's own columns are kept.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - An input with no figure at all (value, numerator and denominator all null) changes nothing:
 *   an import never blanks a figure already in the table.
 * - A new row gets the canonical period label; its unknown columns are left blank.
 * - An input whose period does not parse is an error and is skipped; a table row whose period
 *   does not parse is never matched (the reader reports it).
 */
import { actualKey, formatQuarter, parsePeriod, placed } from "../engine";
import type { ActualInput } from "./host";
import type { ContractError, RawCell, RawTable } from "./raw";
import { cellText, columnIndex } from "./read";
import { ACTUAL_COLUMNS, OPTIONAL_ACTUAL_COLUMNS, TABLE } from "./schema";

export interface UpsertResult {
  /** The whole table's new data rows, in the table's column order (existing rows first, in place). */
  readonly rows: RawCell[][];
  readonly added: number;
  readonly updated: number;
  /** 1-based data rows that changed or were added. */
  readonly changedRows: number[];
  readonly errors: ContractError[];
  /** Inputs whose quality (not Validated) could not be written: the table has no Quality column. */
  readonly qualityNotKept: number;
}

/** The key of an actual (the engine's): kept here for the hosts that import it from the contract. */
export { actualKey };

/**
 * PerfActuals rows by `actualKey` → 0-based data row (the first row wins; rows whose period does
 * not parse are left out). Every host matches actual rows with this.
 */
export function indexActualRows(table: RawTable, startMonth: number): Map<string, number> {
  const cols = columnIndex(table, { required: ACTUAL_COLUMNS, optional: OPTIONAL_ACTUAL_COLUMNS });
  const at = (c: string): number => cols.positions.get(c) ?? -1;
  const index = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const p = parsePeriod(r[at("Period")] ?? null, { startMonth });
    if (!p.ok) return;
    const k = actualKey(cellText(r[at("IndicatorId")]), cellText(r[at("OrgUnit")]), p.value);
    if (!index.has(k)) index.set(k, i);
  });
  return index;
}

/** Whether a stored figure cell already holds this figure: blank as blank, `1,242` typed as text as 1242. */
function holdsFigure(a: RawCell | undefined, b: RawCell): boolean {
  if ((a === null || a === undefined || a === "") && (b === null || b === "")) return true;
  if (typeof a === "string" && typeof b === "number")
    return a.trim() !== "" && Number(a.replace(/,/g, "")) === b;
  return a === b;
}

/** The table being upserted: its rows (copied, padded to the headers), where each column is, the rows by actualKey. */
interface Upsert {
  readonly rows: RawCell[][];
  readonly width: number;
  readonly pos: (c: string) => number | undefined;
  readonly index: Map<string, number>;
  readonly changed: Set<number>;
  readonly addedRows: Set<number>;
  added: number;
  updated: number;
  qualityNotKept: number;
}

/** The cells an input writes: its figures, and its quality when the table has the column. */
function figureCells(u: Upsert, input: ActualInput): [string, RawCell][] {
  const figures: [string, RawCell][] = [
    ["Value", input.value],
    ["Numerator", input.numerator],
    ["Denominator", input.denominator],
  ];
  // Quality travels with its figure (blank means Validated); a table without the column keeps none.
  if (input.quality !== undefined) {
    if (u.pos("Quality") !== undefined)
      figures.push(["Quality", input.quality === "Validated" ? null : input.quality]);
    else if (input.quality !== "Validated") u.qualityNotKept++;
  }
  return figures;
}

/** Update the figure cells of the row at `at` (counted once as updated however many inputs change it). */
function updateRow(u: Upsert, at: number, figures: readonly [string, RawCell][]): void {
  const row = u.rows[at] ?? [];
  let rowChanged = false;
  for (const [c, v] of figures) {
    const i = u.pos(c);
    if (i === undefined) continue;
    if (!holdsFigure(row[i], v)) {
      row[i] = v;
      rowChanged = true;
    }
  }
  if (rowChanged && !u.addedRows.has(at) && !u.changed.has(at)) u.updated++;
  if (rowChanged) u.changed.add(at);
}

/** Add a row for the input, with the canonical period label. */
function addRow(
  u: Upsert,
  key: string,
  input: ActualInput,
  period: string,
  figures: readonly [string, RawCell][],
): void {
  const row: RawCell[] = Array.from({ length: u.width }, () => null);
  const set = (c: string, v: RawCell): void => {
    const i = u.pos(c);
    if (i !== undefined) row[i] = v;
  };
  set("IndicatorId", input.indicatorId);
  set("OrgUnit", input.orgUnit);
  set("Period", period);
  for (const [c, v] of figures) set(c, v);
  u.rows.push(row);
  const i = u.rows.length - 1;
  u.index.set(key, i);
  u.addedRows.add(i);
  u.changed.add(i);
  u.added++;
}

/**
 * Upsert actuals into a PerfActuals table (see the module comment). Returns the whole table's
 * new rows; a table without IndicatorId, OrgUnit or Period is an error and nothing is written.
 */
export function upsertActuals(
  table: RawTable,
  inputs: readonly ActualInput[],
  startMonth: number,
): UpsertResult {
  const cols = columnIndex(table, { required: ACTUAL_COLUMNS, optional: OPTIONAL_ACTUAL_COLUMNS });
  const width = table.headers.length;
  const errors: ContractError[] = [];
  const missing = cols.missing.filter((c) => c === "IndicatorId" || c === "OrgUnit" || c === "Period");
  if (missing.length > 0) {
    errors.push({
      code: "COLUMN_MISSING",
      table: table.name,
      row: null,
      column: missing[0] ?? null,
      ...placed(
        table.name,
        `the table has no ${missing.join(", ")} column, so actuals cannot be matched; nothing was written`,
      ),
    });
    const rows = table.rows.map((r) => [...r]);
    return { rows, added: 0, updated: 0, changedRows: [], errors, qualityNotKept: 0 };
  }
  const u: Upsert = {
    rows: table.rows.map((r) => [...r, ...Array.from({ length: Math.max(0, width - r.length) }, () => null)]),
    width,
    pos: (c) => cols.positions.get(c),
    index: indexActualRows(table, startMonth),
    changed: new Set(),
    addedRows: new Set(),
    added: 0,
    updated: 0,
    qualityNotKept: 0,
  };
  inputs.forEach((input, n) => {
    const p = parsePeriod(input.period, { startMonth });
    if (!p.ok) {
      errors.push({
        code: p.error.code,
        table: TABLE.actuals,
        row: null,
        column: "Period",
        message: `Actual ${n + 1} to add (${input.indicatorId}, ${input.orgUnit}): ${p.error.message}; not written`,
      });
      return;
    }
    if (input.value === null && input.numerator === null && input.denominator === null) return;
    const figures = figureCells(u, input);
    const k = actualKey(input.indicatorId, input.orgUnit, p.value);
    const at = u.index.get(k);
    if (at !== undefined) updateRow(u, at, figures);
    else addRow(u, k, input, formatQuarter(p.value, startMonth), figures);
  });
  const changedRows = [...u.changed].sort((a, b) => a - b).map((i) => i + 1);
  return {
    rows: u.rows,
    added: u.added,
    updated: u.updated,
    changedRows,
    errors,
    qualityNotKept: u.qualityNotKept,
  };
}
