/**
 * Tables of the in-memory workbook: adding (headers kept non-blank and unique), renaming,
 * deleting, rows and columns added as Office.js adds them, resizing, calculated columns, filters.
 */
import { intersects, MAX_COLUMNS, MAX_ROWS, type Rect } from "./address";
import { MemoryExcelError, type SheetModel, type TableModel } from "./sheet";
import { applyFilters, bodyRect, clearFilters, extendRow, fixHeaders, headerRect } from "./tables";
import { checkTableName, shapeInput } from "./validate";
import { WorkbookSheets } from "./workbookSheets";

export abstract class WorkbookTables extends WorkbookSheets {
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
    fixHeaders(t);
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

  headers(t: TableModel): string[] {
    const out: string[] = [];
    for (let c = 0; c < t.rect.colCount; c++)
      out.push(String(this.value(t.sheet, t.rect.row, t.rect.col + c)));
    return out;
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
    fixHeaders(t);
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
    fixHeaders(t);
    this.touch();
  }

  headerRect(t: TableModel): Rect {
    return headerRect(t);
  }

  bodyRect(t: TableModel): Rect {
    return bodyRect(t);
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
}
