/**
 * The WorkbookHost over the Excel JavaScript API: the only Office.js code of PerfCycle.
 *
 *   createExcelHost(Excel.run, { user, now })          // in Excel
 *   createExcelHost(memoryExcel.run, { user, now })    // in the preview and the tests
 *
 * One module per action over a small shared context (context.ts). Every action runs in one
 * `Excel.run` with a constant number of syncs whatever the number of indicators (tables.ts,
 * batch.ts): discovery, layout, bodies, then one write batch. Everything it computes comes from
 * the contract (reading, upserting, editing targets, the report's cells) and the engine (the
 * report); the modules move cells between them and Excel.
 *
 * What it guarantees (workbook.md, issue 5.1):
 * - it writes only cells whose value changes, so commentary, actions, the user's own columns and
 *   formulas in unchanged cells survive every refresh and append;
 * - a refresh builds the new report where the user cannot see it and puts it in place as the
 *   last operations of its last sync: a failure at any point leaves the previous report as it was;
 * - a period's report is a frozen snapshot: refreshing it again keeps it unless `rerate` is set;
 * - a change to an Agreed or Approved target needs a reason, and is audited in the same batch.
 */
import type { WorkbookHost } from "../contract";
import { appendActuals, setCommentary } from "./actuals";
import { auditRangeHost } from "./auditRange";
import { setQuality, writeComparators } from "./comparators";
import { DEFAULT_PAYLOAD_BUDGET } from "./batch";
import { subscribe } from "./events";
import type { AppendResult, ExcelHostOptions, ExcelRun, HostContext } from "./context";
import { read, readAuditLog } from "./read";
import { refresh } from "./refresh";
import { loadSample } from "./sample";
import { readSelection, select } from "./selection";
import { setUp } from "./setUp";
import { readSheetGrids, selectSheetCell } from "./sheets";
import { saveTarget } from "./targets";

export { WorkbookError, type AppendResult, type ExcelHostOptions, type ExcelRun } from "./context";

/** The host, with the extra detail this implementation returns. */
export interface ExcelWorkbookHost extends WorkbookHost {
  appendActuals(rows: Parameters<WorkbookHost["appendActuals"]>[0]): Promise<AppendResult>;
  subscribe(onChange: () => void): () => void;
}

export function createExcelHost(run: ExcelRun, options: ExcelHostOptions): ExcelWorkbookHost {
  const h: HostContext = {
    run,
    options,
    budget: options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET,
    bytesPerCell: new Map<string, number>(),
  };
  return {
    read: () => read(h),
    setUp: (setup) => setUp(h, setup),
    loadSample: () => loadSample(h),
    saveTarget: (edit) => saveTarget(h, edit),
    writeComparators: (rows) => writeComparators(h, rows),
    setQuality: (rows) => setQuality(h, rows),
    appendActuals: (rows) => appendActuals(h, rows),
    setCommentary: (indicatorId, orgUnit, period, commentary, action) =>
      setCommentary(h, { indicatorId, orgUnit, period, commentary, action }),
    refresh: (period, refreshOptions) => refresh(h, period, refreshOptions),
    readAudit: () => readAuditLog(h),
    readSelection: () => readSelection(h),
    select: (table, row, column) => select(h, table, row, column),
    subscribe: (onChange) => subscribe(h, onChange),
    ...auditRangeHost(run, options.isSetSupported ? { isSetSupported: options.isSetSupported } : {}),
    readSheets: () => run((context) => readSheetGrids(context, h.budget)),
    selectCell: (sheet, address) => run((context) => selectSheetCell(context, sheet, address)),
  };
}
