/**
 * Sheets of the in-memory workbook: adding, renaming (formulas follow), deleting (formulas that
 * refer to it become `#REF!`), hiding and moving, with Excel's checks.
 */
import { quoteSheet } from "./address";
import { MemoryExcelError, SheetModel, type SheetVisibility } from "./sheet";
import { checkSheetName } from "./validate";
import { WorkbookCells } from "./workbookCells";

export abstract class WorkbookSheets extends WorkbookCells {
  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.sheet(n))
      throw new MemoryExcelError("ItemAlreadyExists", `A sheet named '${n}' already exists.`);
    const s = new SheetModel(this.nextId++, n);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    this.touch();
    return s;
  }

  renameSheet(s: SheetModel, name: string): void {
    this.alive(s);
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s)
      throw new MemoryExcelError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    // Formulas follow a renamed sheet (`sheet-refs-follow`): Excel rewrites references to it.
    this.rewriteSheetRefs(s.name, quoteSheet(name));
    s.name = name;
    this.touch();
  }

  /**
   * Rewrite `Sheet!` / `'My sheet'!` references to a sheet in every formula: to its new name on
   * rename, to `#REF!` on delete (`sheet-delete-ref`: deleting a sheet a formula refers to makes
   * the formula `#REF!`, support.microsoft.com "How to correct a #REF! error").
   */
  private rewriteSheetRefs(oldName: string, replacement: string): void {
    const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const quoted = `'${oldName.replace(/'/g, "''")}'`;
    const pattern = new RegExp(`(?<![A-Za-z0-9_.'])(?:${esc(quoted)}|${esc(oldName)})!`, "gi");
    for (const sheet of this.sheets) {
      for (const cols of sheet.rows.values()) {
        for (const cell of cols.values()) {
          if (cell.formula !== undefined) cell.formula = cell.formula.replace(pattern, `${replacement}!`);
        }
      }
    }
  }

  deleteSheet(s: SheetModel): void {
    this.alive(s);
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) {
      throw new MemoryExcelError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.rewriteSheetRefs(s.name, "#REF");
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]?.sheet === s) this.tables.splice(i, 1);
    if (this.activeSheet === s) this.activeSheet = visible.find((x) => x !== s) ?? null;
    if (this.selection?.sheet === s) this.selection = null;
    this.touch();
  }

  /**
   * `hidden-sheet`: a sheet is Visible, Hidden or VeryHidden (`Worksheet.visibility`, ExcelApi
   * 1.1); a workbook keeps at least one visible sheet, so hiding or deleting the last one fails
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member).
   */
  setVisibility(s: SheetModel, v: SheetVisibility): void {
    this.alive(s);
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") {
      throw new MemoryExcelError("InvalidArgument", `Unknown visibility '${String(v)}'.`);
    }
    if (v !== "Visible" && s.visibility === "Visible") {
      if (this.sheets.filter((x) => x.visibility === "Visible").length === 1) {
        throw new MemoryExcelError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
    }
    s.visibility = v;
    if (v !== "Visible" && this.activeSheet === s) {
      this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    }
    this.touch();
  }

  moveSheet(s: SheetModel, position: number): void {
    this.alive(s);
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new MemoryExcelError("InvalidArgument", `Sheet position ${position} is out of range.`);
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position, 0, s);
    this.touch();
  }
}
