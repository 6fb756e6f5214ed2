/**
 * `perfcycle check` and the task pane's check: SMART findings on the target register, the data
 * errors of the workbook (reading, the unit hierarchy, evaluating the reporting period) and the
 * published-figure check over the sheets given.
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
}

export function checkBook(
  book: RawWorkbook,
  sheets: readonly SheetGrid[],
  options: ReadOptions = {},
): CheckResult {
  const published = sheets.flatMap((s) => scanPublished(s.name, s.grid, s.formats, s.origin));
  const read = readRegister(book, options);
  if (!read.register) return { findings: [], errors: read.errors, published };
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
    errors.push({ table: TABLE.units, row: null, column: "Parent", message: h.error.message });
  }
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.table}|${e.row ?? ""}|${e.column ?? ""}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { findings, errors: unique, published };
}
