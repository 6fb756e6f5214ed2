/**
 * The in-memory workbook behind the fake Excel: sheets of sparse cells (value or formula text,
 * number format, fill, font), Excel tables, simple conditional formats, the selection. It is the
 * plain model the preview's grid draws, and what `memoryExcel.ts` drives through Office.js-shaped
 * proxies. Mutations check what Excel checks (sheet and table names, overlaps, array shapes) and
 * throw `MemoryExcelError` with Excel's error codes.
 */
import { contains, rectAddress, type Rect } from "./address";
import type { CellValue } from "./entry";
import { conditionMet, displayText } from "./display";
import { workbookFromJson, workbookToJson, type WorkbookJson } from "./json";
import { MemoryExcelError, type CellView, type SheetInfo, type SheetModel, type TableInfo } from "./sheet";
import { WorkbookTables } from "./workbookTables";

export type { CellValue, WorkbookJson };
export {
  isEmptyCell,
  MemoryExcelError,
  SheetModel,
  type Cell,
  type CellView,
  type ConditionalRule,
  type FormulaEvaluator,
  type FormulaSite,
  type SheetInfo,
  type SheetVisibility,
  type TableInfo,
  type TableModel,
} from "./sheet";
import { isCellPosition } from "./validate";
export { shapeInput } from "./validate";
export { displayText } from "./display";

/**
 * The workbook. Office.js-level mutations (used by the proxies) live in the layers it extends,
 * one concept a file (state, cells, sheets, tables); the selection and the preview's API (read
 * views, typing into a cell, change subscription, JSON) live here.
 */
export class MemoryWorkbook extends WorkbookTables {
  protected asWorkbook(): MemoryWorkbook {
    return this;
  }

  /** A workbook with one blank sheet, as Excel opens a new one. */
  static blank(sheetName = "Sheet1"): MemoryWorkbook {
    const b = new MemoryWorkbook();
    b.addSheet(sheetName);
    return b;
  }

  // ---------------------------------------------------------------- selection

  select(sheet: SheetModel, rect: Rect, areas?: readonly Rect[]): void {
    this.alive(sheet);
    this.selection = areas && areas.length > 1 ? { sheet, rect, areas } : { sheet, rect };
    this.objectSelected = false;
    this.activeSheet = sheet;
    this.touch();
  }

  /** The selected areas (one unless the user ctrl-clicked several). */
  selectedAreas(): { sheet: SheetModel; areas: readonly Rect[] } {
    if (this.objectSelected) {
      throw new MemoryExcelError("InvalidSelection", "The current selection is invalid for this operation.");
    }
    const s = this.selection && this.sheets.includes(this.selection.sheet) ? this.selection : null;
    if (s) return { sheet: s.sheet, areas: s.areas ?? [s.rect] };
    const sheet = this.activeSheet ?? this.sheets[0];
    if (!sheet) throw new MemoryExcelError("InvalidSelection", "The workbook has no sheet.");
    return { sheet, areas: [{ row: 0, col: 0, rowCount: 1, colCount: 1 }] };
  }

  /**
   * The single selected range. Several areas (or an object) fail with InvalidSelection, as
   * `Workbook.getSelectedRange` does: "If there are multiple ranges selected, this method will
   * throw an error" (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1));
   * error code from https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
   */
  selected(): { sheet: SheetModel; rect: Rect } {
    const { sheet, areas } = this.selectedAreas();
    const [rect] = areas;
    if (areas.length !== 1 || !rect) {
      throw new MemoryExcelError("InvalidSelection", "The current selection is invalid for this operation.");
    }
    return { sheet, rect };
  }

  /** Select a chart or shape (for tests): no cells are selected. */
  selectObject(): void {
    this.objectSelected = true;
    this.touch();
    this.flush();
  }

  // ================================================================ the preview's API

  sheetInfos(): SheetInfo[] {
    return this.sheets.map((s) => {
      const used = s.usedRect(false);
      return {
        name: s.name,
        visibility: s.visibility,
        rowCount: used ? used.row + used.rowCount : 0,
        colCount: used ? used.col + used.colCount : 0,
        frozenRows: s.frozenRows,
      };
    });
  }

  tableInfos(): TableInfo[] {
    return this.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: rectAddress(t.rect),
      headers: this.headers(t),
    }));
  }

  /** What the grid shows for a cell (0-based row and column). */
  cellView(sheetName: string, row: number, col: number): CellView {
    const sheet = this.sheet(sheetName);
    const cell = sheet?.cell(row, col);
    const value = sheet && cell ? this.value(sheet, row, col) : "";
    const numberFormat = cell?.numberFormat ?? "General";
    let fill = cell?.fill ?? null;
    let fontColor = cell?.fontColor ?? null;
    let bold = cell?.bold === true;
    for (const rule of sheet?.conditionalFormats ?? []) {
      if (contains(rule.rect, row, col) && conditionMet(rule, value)) {
        if (rule.fill !== undefined) fill = rule.fill;
        if (rule.fontColor !== undefined) fontColor = rule.fontColor;
        if (rule.bold !== undefined) bold = rule.bold;
        break;
      }
    }
    return {
      value,
      formula: cell?.formula ?? null,
      numberFormat,
      text: displayText(value, numberFormat),
      fill,
      fontColor,
      bold,
    };
  }

  /** Type into a cell as a user would in Excel (`=…` is a formula, `12%` a number, `'…` text). */
  setCellInput(sheetName: string, row: number, col: number, text: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new MemoryExcelError("ItemNotFound", `No sheet named '${sheetName}'.`);
    if (!isCellPosition(row, col)) {
      throw new MemoryExcelError("InvalidArgument", `No cell at row ${row}, column ${col}.`);
    }
    // Typing just below a table extends it, as Excel's table auto-expansion does.
    for (const t of this.tables) {
      const below = t.rect.row + t.rect.rowCount;
      if (
        t.sheet === sheet &&
        row === below &&
        col >= t.rect.col &&
        col < t.rect.col + t.rect.colCount &&
        text !== ""
      ) {
        if (!this.tables.some((o) => o !== t && o.sheet === sheet && contains(o.rect, row, col))) {
          t.rect = { ...t.rect, rowCount: t.rect.rowCount + 1 };
        }
      }
    }
    this.writeCells(sheet, { row, col, rowCount: 1, colCount: 1 }, [[text]], "values");
    this.flush();
  }

  /** Select a range (the preview grid's click): `B3`, `B3:D7`, whole columns `A:F`, rows `3:5`, or areas `A1:B2,D4`. */
  setSelection(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new MemoryExcelError("ItemNotFound", `No sheet named '${sheetName}'.`);
    const areas = address.split(",").map((a) => this.resolveAddress(a, sheet).rect);
    const [first] = areas;
    if (!first) throw new MemoryExcelError("InvalidArgument", `'${address}' is not a range address.`);
    this.select(sheet, first, areas);
    this.flush();
  }

  selectionInfo(): { sheet: string; address: string } | null {
    const s = this.selection;
    if (!s || !this.sheets.includes(s.sheet)) return null;
    return { sheet: s.sheet.name, address: (s.areas ?? [s.rect]).map((r) => rectAddress(r)).join(",") };
  }

  /** Make a sheet the active one (the preview's sheet tabs). */
  activate(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new MemoryExcelError("ItemNotFound", `No sheet named '${sheetName}'.`);
    this.activeSheet = sheet;
    this.touch();
    this.flush();
  }

  // ---------------------------------------------------------------- JSON

  toJSON(): WorkbookJson {
    return workbookToJson(this);
  }

  serialise(): string {
    return JSON.stringify(this.toJSON());
  }

  /** Rebuild a workbook from `toJSON()`/`serialise()` output; throws with a reason on anything malformed. */
  static fromJSON(input: unknown): MemoryWorkbook {
    return workbookFromJson(input);
  }
}
