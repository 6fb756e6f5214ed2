/**
 * `perfcycle check` and the task pane's check: SMART findings on the target register, the data
 * errors of the workbook (reading, the unit hierarchy, evaluating the reporting period) and the
 * published-figure check over the sheets given (every sheet, hidden ones too).
 *
 * Decisions where the spec is silent (docs/decisions.md, "Tables as councils publish them"):
 * - A workbook without a PerfTargets table has no register: the published-figure check still
 *   runs over every sheet, `register` is false and there are no SMART findings; that is not an
 *   error (a governance officer checking a report they were sent). Any other fatal problem (a
 *   newer SchemaVersion) is an error, as before.
 */
import { buildHierarchy, buildReport, smartFindings, type Finding, type Hierarchy } from "../engine";
import { scanPublished, type PublishedFinding } from "./published";
import type { ContractError, RawCell, RawWorkbook } from "./raw";
import { readRegister, type ReadOptions } from "./read";
import { TABLE } from "./schema";

export interface SheetGrid {
  readonly name: string;
  readonly grid: readonly (readonly RawCell[])[];
  readonly formats?: readonly (readonly string[])[];
  /** A1 address of grid[0][0] (default A1). */
  readonly origin?: string;
  /** Merged areas as A1 ranges in sheet coordinates (`B2:E2`); only the top-left cell holds the value. */
  readonly merges?: readonly string[];
  /** Each cell's solid fill as `#RRGGBB` (theme and indexed colours resolved), null for none; same shape as grid. */
  readonly fills?: readonly (readonly (string | null)[])[];
  /** Hidden sheet (state hidden or veryHidden). */
  readonly hidden?: boolean;
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly errors: ContractError[];
  readonly published: PublishedFinding[];
  /** The workbook has a target register (a PerfTargets table), so SMART findings were checked. */
  readonly register: boolean;
}

/** The published-figure check over sheets (each with its merges, formats and origin). */
export function checkSheets(sheets: readonly SheetGrid[]): PublishedFinding[] {
  return sheets.flatMap((s) => scanPublished(s.name, s.grid, s.formats, s.origin));
}

export function checkBook(
  book: RawWorkbook,
  sheets: readonly SheetGrid[],
  options: ReadOptions = {},
): CheckResult {
  const published = checkSheets(sheets);
  const read = readRegister(book, options);
  if (!read.register) {
    const noTargets = read.fatal?.code === "TARGETS_TABLE_MISSING";
    return { findings: [], errors: noTargets ? [] : read.errors, published, register: false };
  }
  const register = read.register;
  const errors: ContractError[] = [...read.errors];
  const h = buildHierarchy(register.units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const hierarchy: Hierarchy = h.ok ? h.value : { parentOf: new Map(), childrenOf: new Map() };
  const findings = smartFindings(register, hierarchy);
  if (register.settings.reportingPeriod) {
    // The report's errors include a hierarchy cycle and figures that cannot be evaluated.
    const report = buildReport(register, register.settings.reportingPeriod);
    errors.push(...report.errors);
  } else if (!h.ok) {
    errors.push({
      code: h.error.code,
      table: TABLE.units,
      row: null,
      column: "Parent",
      message: h.error.message,
    });
  }
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.table}|${e.row ?? ""}|${e.column ?? ""}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { findings, errors: unique, published, register: true };
}
