/**
 * The PERF functions by name, for hosts that evaluate `=PERF.X(...)` themselves (the browser
 * preview's grid). Keys are the upper-case names Excel shows after `PERF.` ("MILESTONE").
 *
 * Each function takes its arguments as Excel passes them (scalars, 2-D arrays of cells, null or
 * undefined for omitted ones) and returns a 2-D array of cells, 1×1 for a single cell; a cell is a
 * value or an error value `{ code: "#VALUE!" | "#N/A" | "#DIV/0!" …, message }` (see `isExcelError`).
 *
 * Importing this module touches no CustomFunctions, Office or DOM global.
 */
import { PERF_TABLE } from "./perf";

export type PerfFunction = (...args: unknown[]) => unknown;

/** Derived from the one table of definitions, in its order. */
export const PERF_FUNCTIONS: Readonly<Record<string, PerfFunction>> = Object.freeze(
  Object.fromEntries(PERF_TABLE.map((f) => [f.name, f.run])),
);

/** The namespace the manifest gives the functions: `=PERF.MILESTONE(...)`. */
export const PERF_NAMESPACE = "PERF";

export { CellError, isExcelError, type ExcelError, type ExcelErrorCode } from "./errors";
