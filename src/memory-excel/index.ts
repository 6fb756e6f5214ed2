/**
 * The in-memory Excel: an Office.js-shaped fake for tests, the benchmark and the browser preview.
 *
 *   const excel = createMemoryExcel({ book: MemoryWorkbook.blank() });
 *   const host = createExcelHost(excel.run, { user: () => "Preview user", now: () => new Date() });
 *   excel.book.subscribe(() => redrawGrid(excel.book));
 */
export { createMemoryExcel, MemoryExcel, type MemoryExcelOptions, type SyncStats } from "./memoryExcel";
export { enterText, dateSerial, ERROR_LITERALS, type Entered } from "./entry";
export {
  MemoryWorkbook,
  MemoryExcelError,
  displayText,
  type CellValue,
  type CellView,
  type FormulaEvaluator,
  type FormulaSite,
  type SheetInfo,
  type SheetVisibility,
  type TableInfo,
  type WorkbookJson,
} from "./model";
export { cellAddress, columnLetters, parseRect, rectAddress, type Rect } from "./address";
