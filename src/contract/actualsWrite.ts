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
import { actualKey, formatQuarter, parsePeriod } from "../engine";
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

function sameCell(a: RawCell | undefined, b: RawCell): boolean {
  if ((a === null || a === undefined || a === "") && (b === null || b === "")) return true;
  if (typeof a === "string" && typeof b === "number")
    return a.trim() !== "" && Number(a.replace(/,/g, "")) === b;
  return a === b;
}

/** Upsert `inputs` into the PerfActuals table (see the module comment). */
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
      message: `${table.name}: the table has no ${missing.join(", ")} column, so actuals cannot be matched; nothing was written`,
    });
    return {
      rows: table.rows.map((r) => [...r]),
      added: 0,
      updated: 0,
      changedRows: [],
      errors,
      qualityNotKept: 0,
    };
  }
  const pos = (c: string): number | undefined => cols.positions.get(c);
  const rows: RawCell[][] = table.rows.map((r) => {
    const copy = [...r];
    while (copy.length < width) copy.push(null);
    return copy;
  });
  const index = indexActualRows(table, startMonth);

  let added = 0;
  let updated = 0;
  let qualityNotKept = 0;
  const changed = new Set<number>();
  const addedRows = new Set<number>();
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
    const figures: [string, RawCell][] = [
      ["Value", input.value],
      ["Numerator", input.numerator],
      ["Denominator", input.denominator],
    ];
    // Quality travels with its figure (blank means Validated); a table without the column keeps none.
    if (input.quality !== undefined) {
      if (pos("Quality") !== undefined)
        figures.push(["Quality", input.quality === "Validated" ? null : input.quality]);
      else if (input.quality !== "Validated") qualityNotKept++;
    }
    const k = actualKey(input.indicatorId, input.orgUnit, p.value);
    const at = index.get(k);
    if (at !== undefined) {
      const row = rows[at] ?? [];
      let rowChanged = false;
      for (const [c, v] of figures) {
        const i = pos(c);
        if (i === undefined) continue;
        if (!sameCell(row[i], v)) {
          row[i] = v;
          rowChanged = true;
        }
      }
      if (rowChanged && !addedRows.has(at) && !changed.has(at)) updated++;
      if (rowChanged) changed.add(at);
      return;
    }
    const row: RawCell[] = Array.from({ length: width }, () => null);
    const set = (c: string, v: RawCell): void => {
      const i = pos(c);
      if (i !== undefined) row[i] = v;
    };
    set("IndicatorId", input.indicatorId);
    set("OrgUnit", input.orgUnit);
    set("Period", formatQuarter(p.value, startMonth));
    for (const [c, v] of figures) set(c, v);
    rows.push(row);
    const i = rows.length - 1;
    index.set(k, i);
    addedRows.add(i);
    changed.add(i);
    added++;
  });
  return {
    rows,
    added,
    updated,
    changedRows: [...changed].sort((a, b) => a - b).map((i) => i + 1),
    errors,
    qualityNotKept,
  };
}
