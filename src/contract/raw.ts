/**
 * Raw table values, as any host gets them (Office.js `values`, ExcelJS cells, the preview's
 * in-memory grid). The contract reads only this shape, so there is one reader for all hosts.
 */
import type { LocatedError } from "../engine";

/** A cell value: Office.js gives numbers (dates as serials), strings and booleans; ExcelJS may give Dates. Blank is "" or null. */
export type RawCell = string | number | boolean | Date | null;

export interface RawTable {
  /** The Excel table's name (e.g. `PerfTargets`). */
  readonly name: string;
  readonly headers: readonly RawCell[];
  /** Data rows, without the header row. */
  readonly rows: readonly (readonly RawCell[])[];
  /** Sheet holding the table and the address of its header row's first cell (e.g. `A1`), when known: used to name cells in messages. */
  readonly sheet?: string;
  readonly topLeft?: string;
  /** Number formats of the data rows, when the host has them (e.g. `0.0%`), same shape as rows. */
  readonly numberFormats?: readonly (readonly string[])[];
}

export interface RawWorkbook {
  readonly tables: readonly RawTable[];
}

/** A problem in the workbook: the engine's located error (code, table, 1-based data row or null, column, message quoting the text found). */
export type ContractError = LocatedError;
