/**
 * The Office.js side of "Audit a report": read the report's cells (the selection, or an Excel
 * table with its header row) with their number formats and, where Excel supports it, each cell's
 * fill colour; list the workbook's tables; select one cell of a disagreement. Two syncs to read
 * (where the cells are, then the cells), one to list, two to select.
 *
 * Fill colours come from `Range.getCellProperties({ format: { fill: { color: true } } })`, which
 * returns a 2-D array of per-cell properties in one call (ExcelApi 1.9):
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getcellproperties-member(1)
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.cellpropertiesfillloadoptions
 * It is used only where `Office.context.requirements.isSetSupported("ExcelApi", "1.9")` is true:
 *   https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport#office-office-requirementsetsupport-issetsupported-member(1)
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 * Elsewhere the cells are read as text only (`fillsSupported: false`) and the pane says so.
 * (`Range.format.fill.color` would give one colour for a whole range, null when cells differ, so
 * it cannot read a column of statuses in one request.)
 */
import type { AuditRange, RawCell, WorkbookHost, WorkbookTableRef } from "../contract";
import { localAddress, overlap, parseBox, type Box } from "./address";
import { fromExcel } from "./cells";
import type { WorkbookCode } from "./errorCodes";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A report is a few hundred cells; more is a selection of whole columns by mistake (and values with
 * per-cell properties for more would near Excel on the web's 5 MB response limit). */
export const MAX_AUDIT_CELLS = 50_000;

/** Is the requirement set supported? Office.js's answer where Office is loaded, else false. */
export function officeSupports(name: string, version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: unknown } } } })
    .Office;
  const check = office?.context?.requirements?.isSetSupported;
  if (typeof check !== "function") return false;
  try {
    return (
      (check as (n: string, v: string) => boolean).call(office?.context?.requirements, name, version) === true
    );
  } catch {
    return false;
  }
}

export interface AuditRangeOptions {
  /** `Office.context.requirements.isSetSupported` (the preview's in-memory Excel says yes to ExcelApi 1.9). */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

/** Thrown for what the user can correct (no such table, too many cells selected). */
export class AuditRangeError extends Error {
  override readonly name = "AuditRangeError";
  /** Stable code from the catalogue (errorCodes.ts): decide on this, never on the message. */
  readonly code: WorkbookCode;
  constructor(code: WorkbookCode, message: string) {
    super(message);
    this.code = code;
  }
}

function hex(colour: unknown): string | null {
  if (typeof colour !== "string") return null;
  const c = colour.trim();
  return /^#?[0-9A-Fa-f]{6}$/.test(c) ? `#${c.replace(/^#/, "").toUpperCase()}` : null;
}

export function auditRangeHost(
  run: ExcelRun,
  options: AuditRangeOptions = {},
): Pick<WorkbookHost, "readRangeForAudit" | "listTables"> {
  const supported = (): boolean => (options.isSetSupported ?? officeSupports)("ExcelApi", "1.9");

  const readRangeForAudit = (table?: string): Promise<AuditRange> =>
    run(async (context) => {
      const fills = supported();
      // Sync 1: where the cells are.
      let box: Box | null;
      let tableName: string | null = null;
      if (table !== undefined) {
        const t = context.workbook.tables.getItemOrNullObject(table);
        const range = t.getRange().load("address");
        t.load("name");
        await context.sync();
        if (t.isNullObject)
          throw new AuditRangeError("TABLE_MISSING", `This workbook has no table named '${table}'.`);
        tableName = t.name;
        box = parseBox(range.address);
      } else {
        const selected = context.workbook.getSelectedRange().load("address");
        const used = context.workbook
          .getSelectedRange()
          .worksheet.getUsedRangeOrNullObject(true)
          .load("address");
        await context.sync();
        const sel = parseBox(selected.address);
        box = used.isNullObject ? null : overlap(sel, parseBox(used.address));
        if (box === null || (box.rowCount < 2 && sel.rowCount * sel.colCount === 1))
          throw new AuditRangeError(
            "AUDIT_CELLS",
            "Select the report's cells, its header row included (or pick its Excel table), then read them again.",
          );
      }
      if (box.rowCount * box.colCount > MAX_AUDIT_CELLS)
        throw new AuditRangeError(
          "AUDIT_CELLS",
          `The cells chosen hold ${(box.rowCount * box.colCount).toLocaleString("en-GB")} cells; select only the report's table (at most ${MAX_AUDIT_CELLS.toLocaleString("en-GB")} cells).`,
        );
      // Sync 2: the cells, their formats and (ExcelApi 1.9) their fills, in one request.
      const sheet = context.workbook.worksheets.getItem(box.sheet);
      const range = sheet
        .getRange(localAddress(box.row, box.col, box.rowCount, box.colCount))
        .load("values, numberFormat");
      const props = fills ? range.getCellProperties({ format: { fill: { color: true } } }) : null;
      await context.sync();
      const values: RawCell[][] = fromExcel(range.values);
      const formats = (range.numberFormat as unknown[][]).map((r) =>
        r.map((f) => (typeof f === "string" && f !== "" ? f : "General")),
      );
      const fillGrid =
        props === null ? null : props.value.map((r) => r.map((c) => hex(c.format?.fill?.color)));
      return {
        sheet: box.sheet,
        address: localAddress(box.row, box.col),
        values,
        formats,
        fills: fillGrid,
        fillsSupported: fills,
        table: tableName,
      };
    });

  const listTables = (): Promise<readonly WorkbookTableRef[]> =>
    run(async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      await context.sync();
      return tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
    });

  return { readRangeForAudit, listTables };
}
