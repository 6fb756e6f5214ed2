/**
 * The workbook layer: the WorkbookHost over the Excel JavaScript API (the only Office.js code).
 * In Excel: `createExcelHost(Excel.run, { user, now })`; in the preview and tests, pass the
 * in-memory Excel's `run` (src/memory-excel).
 */
export {
  createExcelHost,
  WorkbookError,
  type AppendResult,
  type ExcelHostOptions,
  type ExcelRun,
  type ExcelWorkbookHost,
} from "./host";
export { DEFAULT_PAYLOAD_BUDGET, MAX_BLOCK_ROWS } from "./batch";
export { PROVENANCE_PREFIX, REPORT_HEADER_ROW, REPORT_SHEET_PREFIX, reportSheetName } from "./reportSheet";
