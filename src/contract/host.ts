/**
 * The seam between the task pane and a workbook: the task pane talks only to this interface.
 * `src/workbook` implements it over Office.js (and, in the preview and tests, over the in-memory
 * Excel in `src/preview`). Everything computed here comes from the contract and the engine.
 */
import type { RagRule, RagScheme } from "../engine";
import type { SheetGrid } from "./check";
import type { ComparatorRow } from "./comparatorImport";
import type { QualityInput } from "./qualityWrite";
import type { ContractError, RawCell, RawWorkbook } from "./raw";

export interface SetupOptions {
  readonly startMonth: number;
  readonly reportingPeriod: string;
  readonly scheme: RagScheme;
  readonly rule: RagRule;
  readonly defaultTolerance: number;
}

export interface SetupResult {
  /** Tables created, and tables that already existed and were adopted. */
  readonly created: readonly string[];
  readonly adopted: readonly string[];
}

/** Add or change a target row: the key picks the row (a new row when none matches). */
export interface TargetEdit {
  readonly indicatorId: string;
  readonly orgUnit: string;
  /** Column name (contract spelling, e.g. `Target`, `Status`) → new value. Other cells are left alone. */
  readonly values: Readonly<Record<string, RawCell>>;
  /** Required when the target is Agreed or Approved: written to the audit log. */
  readonly reason?: string;
}

export type EditOutcome =
  | { readonly ok: true; readonly created: boolean; readonly audited: number }
  | { readonly ok: false; readonly needsReason: boolean; readonly message: string };

export interface AuditEntry {
  /** ISO 8601 timestamp. */
  readonly when: string;
  readonly who: string;
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly field: string;
  readonly oldValue: string;
  readonly newValue: string;
  readonly reason: string;
}

/** An actual to add (the long PerfActuals form). Commentary/action already typed in the table are kept. */
export interface ActualInput {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The figure's quality (a wide table's `(p)` or `(e)` mark); written where PerfActuals has a Quality column. */
  readonly quality?: string | undefined;
}

export interface RefreshResult {
  readonly period: string;
  readonly rows: number;
  /** `created`: first report for the period; `kept`: a frozen snapshot exists and was left as it was; `replaced`: re-rated on request. */
  readonly snapshot: "created" | "kept" | "replaced";
  readonly sheet: string;
  readonly errors: readonly ContractError[];
}

export interface Selection {
  readonly sheet: string;
  /** A1 address of the top-left cell of the selected range. */
  readonly address: string;
  readonly values: readonly (readonly RawCell[])[];
}

/** Cells read for an audit of a report made by hand, with their fill colours where the host can read them. */
export interface AuditRange {
  readonly sheet: string;
  /** A1 address of values[0][0]. */
  readonly address: string;
  readonly values: readonly (readonly RawCell[])[];
  /** Number formats (`0.0%`), same shape as values. */
  readonly formats: readonly (readonly string[])[] | null;
  /** Each cell's fill colour `#RRGGBB` (null for none), same shape as values; null when not supported. */
  readonly fills: readonly (readonly (string | null)[])[] | null;
  /** False where the host cannot read fill colours (Excel without ExcelApi 1.9): statuses are read from text only. */
  readonly fillsSupported: boolean;
  /** The Excel table read, or null for the selection. */
  readonly table: string | null;
}

/** An Excel table of the workbook (any table, not only the contract's). */
export interface WorkbookTableRef {
  readonly name: string;
  readonly sheet: string;
}

/** A sheet as `readSheets` gives it: its grid, and how many rows of a huge used range were left unread. */
export interface SheetRead extends SheetGrid {
  /** Rows of the used range below the grid that were not read (a used range over the cells a check reads). */
  readonly unreadRows?: number;
}

export interface WorkbookHost {
  /** Read all contract tables (missing ones are absent). */
  read(): Promise<RawWorkbook>;
  /** Create the contract's tables or adopt existing ones by name, and write the settings. */
  setUp(options: SetupOptions): Promise<SetupResult>;
  /** Fill an empty workbook with the sample (first use). */
  loadSample(): Promise<void>;
  saveTarget(edit: TargetEdit): Promise<EditOutcome>;
  /** Upsert actuals by indicator, unit and period; commentary and action cells are never overwritten. */
  appendActuals(rows: readonly ActualInput[]): Promise<{ readonly added: number; readonly updated: number }>;
  setCommentary(
    indicatorId: string,
    orgUnit: string,
    period: string,
    commentary: string,
    action: string,
  ): Promise<void>;
  /** Write the report sheet for a period. A frozen snapshot is kept unless `rerate` is true. */
  refresh(period: string, options: { readonly rerate: boolean }): Promise<RefreshResult>;
  readAudit(): Promise<readonly AuditEntry[]>;
  readSelection(): Promise<Selection>;
  /** Select a table cell (data row is 1-based) so the user sees it. */
  select(table: string, row: number, column: string): Promise<void>;
  /** The selected range (or the named Excel table, header row included) with number formats and, where supported, fill colours. */
  readRangeForAudit(table?: string): Promise<AuditRange>;
  /** Every Excel table of the workbook, to pick the report from. */
  listTables(): Promise<readonly WorkbookTableRef[]>;
  /** Every worksheet's used range (hidden sheets too), for the published-figure check over the whole book. */
  readSheets(): Promise<readonly SheetRead[]>;
  /** Select one cell (`H9`) of a sheet by its A1 address, activating the sheet (an audit row, a published-figure finding). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Hear of changes the pane did not make (a table edited by the user or a co-author, the pane
   * shown again); optional. Returns the unsubscribe.
   */
  subscribe?(onChange: () => void): () => void;
  /**
   * Schema 2: put comparator rows into PerfComparators (created when absent): a row with the same
   * indicator, period and comparator is updated, others are added. Optional: hosts without it
   * cannot import comparators, and the pane says so.
   */
  writeComparators?(
    rows: readonly ComparatorRow[],
  ): Promise<{ readonly added: number; readonly updated: number }>;
  /**
   * Schema 2: set the Quality of existing actuals (Validated written as a blank; the column added
   * at the end of PerfActuals when absent). Optional, like writeComparators.
   */
  setQuality?(
    rows: readonly QualityInput[],
  ): Promise<{ readonly changed: number; readonly errors: readonly ContractError[] }>;
}
