/**
 * What every action of the Excel host shares: the `Excel.run` to work in, the options, the payload
 * budget and the sizes measured by earlier reads (so a second read plans from real sizes).
 */
import { readSettings, type ContractError, type RawCell, type RawTable } from "../contract";
import { isBlankRow } from "./cells";
import { sheetNamed, type Discovery } from "./tables";
import type { WorkbookCode } from "./errorCodes";

/** `Excel.run`, or the in-memory Excel's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Who is working (written to the audit log and the report's provenance line). */
  readonly user: () => string;
  readonly now: () => Date;
  /** Payload per sync in bytes (default 4.5 MB, under Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  /**
   * Whether this Excel has an API requirement set (`Office.context.requirements.isSetSupported`).
   * PerfCycle needs ExcelApi 1.7; newer sets only improve messages. Default: all (the in-memory Excel).
   */
  readonly isSetSupported?: (name: string, version: string) => boolean;
  /**
   * Call `listener` whenever the task pane is shown again (in Excel: Office.addin.onVisibilityModeChanged,
   * SharedRuntime 1.1, wired by src/taskpane/index.tsx). Returns the unsubscribe.
   */
  readonly onPaneShown?: (listener: () => void) => () => void;
}

/** A problem the user can act on (no PerfTargets table, a period that does not parse…). */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";
  /** Stable code from the catalogue (errorCodes.ts): decide on this, never on the message. */
  readonly code: WorkbookCode;
  constructor(code: WorkbookCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface AppendResult {
  readonly added: number;
  readonly updated: number;
  /** Inputs that could not be written (a period that does not parse), or why nothing was. */
  readonly errors: readonly ContractError[];
}

/** The shared context of the host's actions. */
export interface HostContext {
  readonly run: ExcelRun;
  readonly options: ExcelHostOptions;
  /** Payload per sync in bytes. */
  readonly budget: number;
  /** Measured response bytes per cell by table (normalised name), kept between actions. */
  readonly bytesPerCell: Map<string, number>;
}

export function noTable(name: string): string {
  return `This workbook has no ${name} table: set the workbook up with PerfCycle first (or name your table ${name}).`;
}

export function startMonthOf(settings: RawTable | undefined): number {
  return readSettings({ tables: settings ? [settings] : [] }).settings.startMonth;
}

/** A new sheet name like `base`, not yet taken (`base (2)`…). */
export function freeSheetName(d: Discovery, taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; sheetNamed(d, name) || taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Blank rows at the end of a table (an empty Excel table keeps one). */
export function trailingBlanks(rows: readonly (readonly RawCell[])[]): number {
  let n = 0;
  for (let i = rows.length - 1; i >= 0 && isBlankRow(rows[i] ?? []); i--) n++;
  return n;
}
