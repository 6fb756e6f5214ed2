/**
 * The in-memory workbook behind the fake Excel: sheets of sparse cells (value or formula text,
 * number format, fill, font), Excel tables, simple conditional formats, the selection. It is the
 * plain model the preview's grid draws, and what `memoryExcel.ts` drives through Office.js-shaped
 * proxies. Mutations check what Excel checks (sheet and table names, overlaps, array shapes) and
 * throw `MemoryExcelError` with Excel's error codes.
 */
import {
  cellAddress,
  contains,
  intersects,
  isUnbounded,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRect,
  qualifiedAddress,
  quoteSheet,
  rectAddress,
  splitSheet,
  type Rect,
} from "./address";

import { enterText, type CellValue } from "./entry";
import { applyFilters, clearFilters, extendRow, growBelow, landingRows } from "./tables";

export type { CellValue };
import {
  MemoryExcelError,
  SheetModel,
  type Cell,
  type CellView,
  type ConditionalRule,
  type FormulaEvaluator,
  type SheetInfo,
  type SheetVisibility,
  type TableInfo,
  type TableModel,
} from "./sheet";
import { checkColour, checkInput, checkSheetName, checkTableName, shapeInput } from "./validate";
import { conditionMet, displayText } from "./display";

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
export { shapeInput } from "./validate";
export { displayText } from "./display";
import { workbookFromJson, workbookToJson, type WorkbookJson } from "./json";

export type { WorkbookJson };

function defaultEvaluator(): CellValue {
  return "#NAME?";
}

/**
 * The workbook. Office.js-level mutations (used by the proxies) and the preview's API (read views,
 * typing into a cell, selection, change subscription, JSON) live here.
 */
export class MemoryWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect; areas?: readonly Rect[] } | null = null;
  /** A chart, shape or other object is selected instead of cells (getSelectedRange fails). */
  objectSelected = false;
  /** The next sheet or table id (json.ts restores workbooks). */
  nextId = 1;
  private evaluator: FormulaEvaluator = defaultEvaluator;
  private readonly listeners = new Set<() => void>();
  /** Calls of API methods that matter to co-authoring (`rows.add`), for tests. */
  readonly apiCalls = new Map<string, number>();
  private readonly cache = new Map<string, CellValue>();
  private readonly evaluating = new Set<string>();
  private dirty = false;

  /** Forget pending change notifications (a workbook just loaded). */
  markClean(): void {
    this.dirty = false;
  }

  /** A workbook with one blank sheet, as Excel opens a new one. */
  static blank(sheetName = "Sheet1"): MemoryWorkbook {
    const b = new MemoryWorkbook();
    b.addSheet(sheetName);
    return b;
  }

  // ---------------------------------------------------------------- lookups

  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  table(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k);
  }

  /** The sheet and rectangle of an address, `Sheet!A1:B2` or local to `sheet`. */
  resolveAddress(address: string, sheet: SheetModel | null): { sheet: SheetModel; rect: Rect } {
    const { sheet: name, local } = splitSheet(address);
    const s = name === null ? sheet : this.sheet(name);
    if (!s) throw new MemoryExcelError("InvalidArgument", `No sheet for the address '${address}'.`);
    const rect = parseRect(local);
    if (!rect) throw new MemoryExcelError("InvalidArgument", `'${address}' is not a range address.`);
    return { sheet: s, rect };
  }

  // ---------------------------------------------------------------- sheets

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

  alive(s: SheetModel): void {
    if (!this.sheets.includes(s))
      throw new MemoryExcelError("ItemNotFound", `The sheet '${s.name}' no longer exists.`);
  }

  // ---------------------------------------------------------------- tables

  /** A new table over `rect` whose first row holds the headers (Office.js `tables.add(address, true)`). */
  addTable(sheet: SheetModel, rect: Rect, name?: string): TableModel {
    this.alive(sheet);
    let r = rect;
    // A table always has a data row: a header-only range gets one blank row.
    if (r.rowCount === 1) r = { ...r, rowCount: 2 };
    if (r.row + r.rowCount > MAX_ROWS)
      throw new MemoryExcelError("InvalidArgument", "The table would run off the sheet.");
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, r)) {
        throw new MemoryExcelError("InvalidOperation", `A table can't overlap another table ('${t.name}').`);
      }
    }
    let n = name;
    if (n === undefined) {
      let i = 1;
      while (this.table(`Table${i}`)) i++;
      n = `Table${i}`;
    }
    checkTableName(n);
    if (this.table(n))
      throw new MemoryExcelError("ItemAlreadyExists", `A table named '${n}' already exists.`);
    const t: TableModel = {
      id: this.nextId++,
      name: n,
      sheet,
      rect: r,
      filters: new Map(),
      calculated: new Map(),
    };
    this.tables.push(t);
    this.fixHeaders(t);
    this.touch();
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    this.tableAlive(t);
    checkTableName(name);
    const other = this.table(name);
    if (other && other !== t)
      throw new MemoryExcelError("ItemAlreadyExists", `A table named '${name}' already exists.`);
    t.name = name;
    this.touch();
  }

  deleteTable(t: TableModel): void {
    this.tableAlive(t);
    this.tables.splice(this.tables.indexOf(t), 1);
    this.touch();
  }

  tableAlive(t: TableModel): void {
    if (!this.tables.includes(t))
      throw new MemoryExcelError("ItemNotFound", `The table '${t.name}' no longer exists.`);
  }

  headerRect(t: TableModel): Rect {
    return { row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: t.rect.colCount };
  }

  bodyRect(t: TableModel): Rect {
    return { row: t.rect.row + 1, col: t.rect.col, rowCount: t.rect.rowCount - 1, colCount: t.rect.colCount };
  }

  headers(t: TableModel): string[] {
    const out: string[] = [];
    for (let c = 0; c < t.rect.colCount; c++)
      out.push(String(this.value(t.sheet, t.rect.row, t.rect.col + c)));
    return out;
  }

  /** Excel keeps header cells non-blank and unique: blanks become ColumnN, duplicates get a number. */
  private fixHeaders(t: TableModel): void {
    const seen = new Set<string>();
    for (let c = 0; c < t.rect.colCount; c++) {
      const cell = t.sheet.ensure(t.rect.row, t.rect.col + c);
      let text = cell.formula !== undefined ? cell.formula : String(cell.value);
      if (text === "") text = `Column${c + 1}`;
      let name = text;
      for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${text}${i}`;
      seen.add(name.toLowerCase());
      cell.value = name;
      delete cell.formula;
    }
  }

  /** Office.js `table.rows.add(index, values)`: insert rows (at the end when index is null). */
  addTableRows(t: TableModel, index: number | null, values: unknown[][] | null, count: number): void {
    this.tableAlive(t);
    const bodyRows = t.rect.rowCount - 1;
    const at = index === null ? bodyRows : index;
    if (!Number.isInteger(at) || at < 0 || at > bodyRows) {
      throw new MemoryExcelError("InvalidArgument", `Row index ${String(index)} is outside the table.`);
    }
    const n = values ? values.length : count;
    if (n < 1) throw new MemoryExcelError("InvalidArgument", "No rows to add.");
    if (values) shapeInput({ row: 0, col: 0, rowCount: n, colCount: t.rect.colCount }, values);
    const insertRow = t.rect.row + 1 + at;
    // Cells and tables below, within the table's columns, move down (Excel inserts table rows as cells).
    for (const o of this.tables) {
      if (o === t || o.sheet !== t.sheet || o.rect.row + o.rect.rowCount <= insertRow) continue;
      const within = o.rect.col >= t.rect.col && o.rect.col + o.rect.colCount <= t.rect.col + t.rect.colCount;
      const overlapsCols =
        o.rect.col < t.rect.col + t.rect.colCount && t.rect.col < o.rect.col + o.rect.colCount;
      if (!overlapsCols) continue;
      if (!within || o.rect.row < insertRow) {
        throw new MemoryExcelError(
          "InvalidOperation",
          `Adding rows would move part of the table '${o.name}'.`,
        );
      }
    }
    t.sheet.shiftDown(insertRow, t.rect.col, t.rect.colCount, n);
    for (const o of this.tables) {
      if (o !== t && o.sheet === t.sheet && o.rect.row >= insertRow) {
        const overlapsCols =
          o.rect.col < t.rect.col + t.rect.colCount && t.rect.col < o.rect.col + o.rect.colCount;
        if (overlapsCols) o.rect = { ...o.rect, row: o.rect.row + n };
      }
    }
    const template = t.rect.row + t.rect.rowCount - 1;
    t.rect = { ...t.rect, rowCount: t.rect.rowCount + n };
    for (let i = 0; i < n; i++) extendRow(t.sheet, t, template, insertRow + i, () => (values ? "" : null));
    this.apiCalls.set("rows.add", (this.apiCalls.get("rows.add") ?? 0) + 1);
    if (values)
      this.writeCells(
        t.sheet,
        { row: insertRow, col: t.rect.col, rowCount: n, colCount: t.rect.colCount },
        values,
        "values",
      );
    this.touch();
  }

  /** Cells of `rect` move down by its height (within its columns), leaving it blank. */
  insertCellsDown(sheet: SheetModel, rect: Rect): void {
    this.alive(sheet);
    for (const o of this.tables) {
      if (o.sheet !== sheet || o.rect.row + o.rect.rowCount <= rect.row) continue;
      const overlapsCols = o.rect.col < rect.col + rect.colCount && rect.col < o.rect.col + o.rect.colCount;
      if (overlapsCols && o.rect.row < rect.row) {
        throw new MemoryExcelError("InvalidOperation", `Inserting cells would split the table '${o.name}'.`);
      }
    }
    sheet.shiftDown(rect.row, rect.col, rect.colCount, rect.rowCount);
    for (const o of this.tables) {
      const overlapsCols = o.rect.col < rect.col + rect.colCount && rect.col < o.rect.col + o.rect.colCount;
      if (o.sheet === sheet && o.rect.row >= rect.row && overlapsCols)
        o.rect = { ...o.rect, row: o.rect.row + rect.rowCount };
    }
    this.touch();
  }

  /** Office.js `table.columns.add(null, values, name)`: a column at the right end of the table. */
  addTableColumn(t: TableModel, values: unknown[][] | null, name: string | null): void {
    this.tableAlive(t);
    const col = t.rect.col + t.rect.colCount;
    if (col >= MAX_COLUMNS)
      throw new MemoryExcelError("InvalidArgument", "The table would run off the sheet.");
    for (const o of this.tables) {
      if (o !== t && o.sheet === t.sheet && o.rect.col + o.rect.colCount > col) {
        const overlapsRows =
          o.rect.row < t.rect.row + t.rect.rowCount && t.rect.row < o.rect.row + o.rect.rowCount;
        if (overlapsRows)
          throw new MemoryExcelError("InvalidOperation", `Adding a column would move the table '${o.name}'.`);
      }
    }
    t.sheet.shiftRight(col, t.rect.row, t.rect.rowCount, 1);
    t.rect = { ...t.rect, colCount: t.rect.colCount + 1 };
    const rect: Rect = { row: t.rect.row, col, rowCount: t.rect.rowCount, colCount: 1 };
    if (values) this.writeCells(t.sheet, rect, values, "values");
    if (name !== null) this.writeCells(t.sheet, { ...rect, rowCount: 1 }, [[`'${name}`]], "values");
    this.fixHeaders(t);
    // One formula in every body cell makes a calculated column, filled into rows added later
    // ("Use calculated columns in an Excel table",
    // https://support.microsoft.com/office/873fbac6-7110-4300-8f6f-aafa2ea11ce8).
    const body = values?.slice(1) ?? [];
    const formula = body[0]?.[0];
    if (
      typeof formula === "string" &&
      formula.startsWith("=") &&
      body.length === t.rect.rowCount - 1 &&
      body.every((r) => r[0] === formula)
    ) {
      t.calculated.set(t.rect.colCount - 1, formula);
    }
    this.touch();
  }

  /** Office.js `table.resize(range)`: the header row stays where it is. */
  resizeTable(t: TableModel, rect: Rect): void {
    this.tableAlive(t);
    if (rect.row !== t.rect.row || rect.col !== t.rect.col) {
      throw new MemoryExcelError(
        "InvalidArgument",
        "The resized table must keep its header row and first column.",
      );
    }
    if (rect.rowCount < 2) throw new MemoryExcelError("InvalidArgument", "A table needs a data row.");
    for (const o of this.tables) {
      if (o !== t && o.sheet === t.sheet && intersects(o.rect, rect)) {
        throw new MemoryExcelError("InvalidOperation", `A table can't overlap another table ('${o.name}').`);
      }
    }
    t.rect = rect;
    this.fixHeaders(t);
    this.touch();
  }

  // ---------------------------------------------------------------- cells

  /**
   * Set `values` or `formulas` (the same for constants; Office.js reads formulas back as text) or
   * `numberFormat` over a rectangle. `null` leaves a cell alone; `""` clears it.
   */
  writeCells(
    sheet: SheetModel,
    rect: Rect,
    input: unknown,
    what: "values" | "formulas" | "numberFormat",
  ): void {
    this.alive(sheet);
    if (isUnbounded(rect)) {
      // "You can't set cell-level properties like values, numberFormat, or formula on an unbounded range" (same page).
      throw new MemoryExcelError(
        "InvalidArgument",
        `Cell-level properties can't be set on the unbounded range ${rectAddress(rect)}.`,
      );
    }
    const rows = shapeInput(rect, input);
    // Check everything first, so that a bad array changes nothing.
    const checked = rows.map((r) =>
      r.map((v) => {
        const x = checkInput(v);
        if (what === "numberFormat" && x !== null && typeof x !== "string") {
          throw new MemoryExcelError("InvalidArgument", `A number format is text; got ${String(x)}.`);
        }
        return x;
      }),
    );
    const headerCells = this.tables.filter((t) => t.sheet === sheet && intersects(this.headerRect(t), rect));
    const lands = what === "numberFormat" ? null : landingRows(sheet, rect);
    for (let i = 0; i < rect.rowCount; i++) {
      const row = checked[i] ?? [];
      const r = lands ? lands[i] : rect.row + i;
      if (r === undefined) continue;
      for (let j = 0; j < rect.colCount; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        const c = rect.col + j;
        if (what === "numberFormat") {
          const cell = sheet.ensure(r, c);
          if (v === "" || v === "General") delete cell.numberFormat;
          else cell.numberFormat = String(v);
          sheet.tidy(r, c);
          continue;
        }
        const cell = sheet.ensure(r, c);
        if (typeof v === "string") {
          delete cell.error;
          if (v === "") {
            cell.value = "";
            delete cell.formula;
          } else {
            const x = enterText(v, cell.numberFormat);
            cell.value = x.value;
            if (x.formula !== undefined) cell.formula = x.formula;
            else delete cell.formula;
            if (x.numberFormat !== undefined) cell.numberFormat = x.numberFormat;
            if (x.error) cell.error = true;
          }
        } else {
          cell.value = v;
          delete cell.formula;
          delete cell.error;
        }
        sheet.tidy(r, c);
      }
    }
    for (const t of headerCells) this.fixHeaders(t);
    if (what !== "numberFormat") growBelow(this, sheet, rect, checked);
    this.noteTableChange(sheet, rect);
    this.touch();
  }

  /** Tables whose cells a change touched, for `onChanged` (flushed with the other listeners). */
  private readonly changedTables = new Map<TableModel, Rect>();
  private readonly tableListeners = new Set<(t: TableModel, rect: Rect) => void>();

  noteTableChange(sheet: SheetModel, rect: Rect): void {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) this.changedTables.set(t, rect);
    }
  }

  /** Listen for changes to table cells (`TableCollection.onChanged`). Returns the unsubscribe. */
  onTableChanged(listener: (t: TableModel, rect: Rect) => void): () => void {
    this.tableListeners.add(listener);
    return () => {
      this.tableListeners.delete(listener);
    };
  }

  /** Make a table column a calculated column: the formula in every body cell and in rows added later. */
  setCalculatedColumn(t: TableModel, column: number, formula: string): void {
    this.tableAlive(t);
    t.calculated.set(column, formula);
    const body = this.bodyRect(t);
    const rect = { ...body, col: t.rect.col + column, colCount: 1 };
    this.writeCells(
      t.sheet,
      rect,
      Array.from({ length: body.rowCount }, () => [formula]),
      "formulas",
    );
  }

  /** Filter a table column to rows whose value is one of `values` (`applyValuesFilter`). */
  filterTable(t: TableModel, column: number, values: readonly string[]): void {
    this.tableAlive(t);
    t.filters.set(column, [...values]);
    applyFilters(this, t);
  }

  clearColumnFilter(t: TableModel, column: number): void {
    this.tableAlive(t);
    t.filters.delete(column);
    applyFilters(this, t);
  }

  clearTableFilters(t: TableModel): void {
    this.tableAlive(t);
    clearFilters(this, t);
  }

  /** Copy and paste `rect` of `from` to (`row`, `col`) of `to` (see RangeProxy.copyFrom). */
  copyCells(
    from: SheetModel,
    rect: Rect,
    to: SheetModel,
    row: number,
    col: number,
    what: "All" | "Values" | "Formats",
  ): void {
    this.alive(from);
    this.alive(to);
    if (isUnbounded(rect))
      throw new MemoryExcelError("InvalidArgument", "The memory Excel copies bounded ranges only.");
    const dest: Rect = { row, col, rowCount: rect.rowCount, colCount: rect.colCount };
    if (dest.row + dest.rowCount > MAX_ROWS || dest.col + dest.colCount > MAX_COLUMNS) {
      throw new MemoryExcelError("InvalidArgument", "The paste would run off the sheet.");
    }
    const cells: [number, number, Cell | undefined][] = [];
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const c = from.cell(rect.row + i, rect.col + j);
        cells.push([i, j, c ? { ...c } : undefined]);
      }
    }
    for (const [i, j, c] of cells) {
      const cell = to.ensure(row + i, col + j);
      if (what !== "Formats") {
        cell.value = c?.value ?? "";
        if (c?.formula !== undefined) cell.formula = c.formula;
        else delete cell.formula;
        if (c?.error) cell.error = true;
        else delete cell.error;
      }
      if (what !== "Values") {
        for (const k of ["numberFormat", "fill", "fontColor", "bold"] as const) {
          if (c?.[k] !== undefined) (cell as unknown as Record<string, unknown>)[k] = c[k];
          else delete cell[k];
        }
      }
      to.tidy(row + i, col + j);
    }
    if (what !== "Values") {
      // Pasted formats replace the conditional formats inside the destination.
      const inside = (r: Rect): boolean =>
        r.row >= dest.row &&
        r.col >= dest.col &&
        r.row + r.rowCount <= dest.row + dest.rowCount &&
        r.col + r.colCount <= dest.col + dest.colCount;
      const copied = from.conditionalFormats
        .filter((cf) => intersects(cf.rect, rect))
        .map((cf) => ({
          ...cf,
          rect: { ...cf.rect, row: cf.rect.row - rect.row + row, col: cf.rect.col - rect.col + col },
        }));
      to.conditionalFormats = [...to.conditionalFormats.filter((cf) => !inside(cf.rect)), ...copied];
    }
    this.touch();
  }

  /** Set (or clear with null) fill colour, font colour or bold over a rectangle. */
  writeStyle(
    sheet: SheetModel,
    rect: Rect,
    what: "fill" | "fontColor" | "bold",
    value: string | boolean | null,
  ): void {
    this.alive(sheet);
    const v = what === "bold" ? value === true : value === null ? null : checkColour(value);
    if (rect.rowCount * rect.colCount > 5_000_000)
      throw new MemoryExcelError("RangeExceedsLimit", "Too many cells.");
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const cell = sheet.ensure(rect.row + i, rect.col + j);
        if (what === "bold") {
          if (v === true) cell.bold = true;
          else delete cell.bold;
        } else if (v === null) {
          delete cell[what];
        } else {
          cell[what] = v as string;
        }
        sheet.tidy(rect.row + i, rect.col + j);
      }
    }
    this.touch();
  }

  /** The value of a cell, computing formulas. */
  value(sheet: SheetModel, row: number, col: number): CellValue {
    const cell = sheet.cell(row, col);
    if (!cell) return "";
    if (cell.formula === undefined) return cell.value;
    const key = `${sheet.id}:${row}:${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.evaluating.has(key)) return "#REF!";
    this.evaluating.add(key);
    let v: CellValue;
    try {
      v = this.evaluator(cell.formula, { sheet: sheet.name, row, col, address: cellAddress(row, col) }, this);
    } catch {
      v = "#VALUE!";
    } finally {
      this.evaluating.delete(key);
    }
    this.cache.set(key, v);
    return v;
  }

  /**
   * Cell-level properties of a range. An unbounded range (whole columns or rows) reads as null:
   * "Cell-level properties (like values, text, numberFormat, or formulas) come back as null for
   * unbounded reads" (`unbounded-read-null`, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
   */
  read(
    sheet: SheetModel,
    rect: Rect,
    what: "values" | "formulas" | "numberFormat" | "valueTypes",
  ): (CellValue | string)[][] | null {
    if (isUnbounded(rect)) return null;
    this.alive(sheet);
    if (rect.rowCount * rect.colCount > 5_000_000) {
      throw new MemoryExcelError(
        "RangeExceedsLimit",
        "A range is limited to 5,000,000 cells for read operations.",
      );
    }
    const out: (CellValue | string)[][] = [];
    for (let i = 0; i < rect.rowCount; i++) {
      const r = rect.row + i;
      const cols = sheet.rows.get(r);
      const row: (CellValue | string)[] = [];
      for (let j = 0; j < rect.colCount; j++) {
        const c = rect.col + j;
        const cell = cols?.get(c);
        if (what === "numberFormat") row.push(cell?.numberFormat ?? "General");
        else if (what === "valueTypes") row.push(this.valueType(sheet, r, c));
        else if (what === "formulas" && cell?.formula !== undefined) row.push(cell.formula);
        else row.push(cell ? this.value(sheet, r, c) : "");
      }
      out.push(row);
    }
    return out;
  }

  /** Office.js `Range.valueTypes` of a cell: Empty, String, Double, Boolean or Error (ExcelApi 1.1). */
  valueType(sheet: SheetModel, row: number, col: number): string {
    const cell = sheet.cell(row, col);
    if (!cell) return "Empty";
    const v = this.value(sheet, row, col);
    if (cell.error || (cell.formula !== undefined && typeof v === "string" && /^#[A-Z/0!?_]+[!?A]?$/.test(v)))
      return "Error";
    if (v === "") return "Empty";
    return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  }

  /** A style over a range: the common value, or null when cells differ (as Office.js reports it). */
  readStyle(sheet: SheetModel, rect: Rect, what: "fill" | "fontColor" | "bold"): string | boolean | null {
    let first: string | boolean | undefined;
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const cell = sheet.cell(rect.row + i, rect.col + j);
        const v =
          what === "bold"
            ? cell?.bold === true
            : what === "fill"
              ? (cell?.fill ?? "#FFFFFF")
              : (cell?.fontColor ?? "#000000");
        if (first === undefined) first = v;
        else if (first !== v) return null;
      }
    }
    return first ?? null;
  }

  addConditionalFormat(sheet: SheetModel, rule: ConditionalRule): void {
    this.alive(sheet);
    sheet.conditionalFormats.push(rule);
    this.touch();
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

  // ---------------------------------------------------------------- change tracking

  /** Mark the model changed: clears computed values; listeners hear of it at the next `flush()`. */
  touch(): void {
    this.cache.clear();
    this.dirty = true;
  }

  /** Tell listeners about changes since the last flush (the fake calls it after each sync). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const changed = [...this.changedTables];
    this.changedTables.clear();
    for (const l of [...this.listeners]) l();
    for (const [t, rect] of changed) for (const l of [...this.tableListeners]) l(t, rect);
  }

  // ================================================================ the preview's API

  /** Listen for changes (after each sync that changed something, and after each edit). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Install the formula evaluator (the preview's =PERF.* engine); recomputes every formula cell. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.evaluator = evaluator ?? defaultEvaluator;
    this.touch();
    this.flush();
  }

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
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(col) ||
      row < 0 ||
      col < 0 ||
      row >= MAX_ROWS ||
      col >= MAX_COLUMNS
    ) {
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

  /** `Sheet!A1:B2` of a rectangle. */
  address(sheet: SheetModel, rect: Rect): string {
    return qualifiedAddress(sheet.name, rect);
  }
}
