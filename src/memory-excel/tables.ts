/**
 * Table behaviours of the in-memory Excel beyond its shape: filters (hidden rows), the table
 * growing when data is written just below it, calculated columns, and the misplacement of
 * multi-row writes over filtered rows. Each names its behaviour id (docs/memory-excel.md).
 */
import { intersects, type Rect } from "./address";
import type { Cell, SheetModel, TableModel } from "./sheet";

/** What the table behaviours need of the workbook. */
export interface TableHost {
  readonly tables: readonly TableModel[];
  value(sheet: SheetModel, row: number, col: number): string | number | boolean;
  touch(): void;
}

/**
 * `filter-hides-rows`: a values filter on a table column (`TableColumn.filter.applyValuesFilter`,
 * ExcelApi 1.2) hides the body rows whose displayed value is not among the values; the filter is
 * evaluated when applied (rows written later are not hidden until it is applied again), and
 * `Range.rowHidden` reads true, false, or null for a mix
 * (https://learn.microsoft.com/javascript/api/excel/excel.filter#excel-excel-filter-applyvaluesfilter-member(1)).
 */
export function applyFilters(book: TableHost, t: TableModel): void {
  const body = { row: t.rect.row + 1, count: t.rect.rowCount - 1 };
  for (let r = body.row; r < body.row + body.count; r++) t.sheet.hiddenRows.delete(r);
  for (const [col, values] of t.filters) {
    const wanted = new Set(values.map((v) => v.toLowerCase()));
    for (let r = body.row; r < body.row + body.count; r++) {
      const v = String(book.value(t.sheet, r, t.rect.col + col)).toLowerCase();
      if (!wanted.has(v)) t.sheet.hiddenRows.add(r);
    }
  }
  book.touch();
}

export function clearFilters(book: TableHost, t: TableModel): void {
  t.filters.clear();
  applyFilters(book, t);
}

/** `Range.rowHidden`: true when every row is hidden, false when none is, null for a mix. */
export function rowHidden(sheet: SheetModel, rect: Rect): boolean | null {
  let hidden = 0;
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (sheet.hiddenRows.has(r)) hidden++;
  if (hidden === 0) return false;
  return hidden === rect.rowCount ? true : null;
}

/**
 * `filter-row-write` (office-js#224, "Setting range data when filter is applied doesn't work …
 * data seems to be misplaced"): a multi-row write over a range with hidden rows fills the
 * visible rows in order, as a paste into a filtered range does. The rows each input row lands
 * in; a single-row write lands where it is addressed.
 */
export function landingRows(sheet: SheetModel, rect: Rect): number[] {
  const rows = Array.from({ length: rect.rowCount }, (_, i) => rect.row + i);
  if (rect.rowCount === 1) return rows;
  const visible = rows.filter((r) => !sheet.hiddenRows.has(r));
  return visible.length === rows.length ? rows : visible;
}

/**
 * `table-grows-below`: data written into the row just below a table extends the table ("set
 * values in the range directly below the table. Excel automatically expands the table";
 * "Tables only auto-expand when you set actual data",
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). The new
 * rows take the number formats of the table's last row and, `calc-column-extends`, the formulas of
 * its calculated columns in the cells the write left alone (Excel's "Fill formulas in tables to
 * create calculated columns" AutoCorrect option). Returns the rows added.
 */
export function growBelow(
  book: TableHost,
  sheet: SheetModel,
  rect: Rect,
  written: readonly (readonly unknown[])[],
): number {
  let grown = 0;
  for (const t of book.tables) {
    if (t.sheet !== sheet || rect.row !== t.rect.row + t.rect.rowCount) continue;
    const lo = Math.max(rect.col, t.rect.col);
    const hi = Math.min(rect.col + rect.colCount, t.rect.col + t.rect.colCount);
    if (hi <= lo) continue;
    let k = 0;
    while (k < written.length && rowHasData(written[k] ?? [], lo - rect.col, hi - rect.col)) k++;
    if (k === 0) continue;
    const next: Rect = { ...t.rect, rowCount: t.rect.rowCount + k };
    if (book.tables.some((o) => o !== t && o.sheet === sheet && intersects(o.rect, next))) continue;
    const last = t.rect.row + t.rect.rowCount - 1;
    t.rect = next;
    for (let i = 0; i < k; i++) extendRow(sheet, t, last, rect.row + i, (c) => written[i]?.[c - rect.col]);
    grown += k;
  }
  return grown;
}

function rowHasData(row: readonly unknown[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const v = row[j];
    if (v !== null && v !== undefined && v !== "") return true;
  }
  return false;
}

/** Give a new table row the last row's formats and the calculated columns' formulas. */
export function extendRow(
  sheet: SheetModel,
  t: TableModel,
  template: number,
  row: number,
  input: (col: number) => unknown,
): void {
  for (let j = 0; j < t.rect.colCount; j++) {
    const col = t.rect.col + j;
    const from = sheet.cell(template, col);
    const cell: Cell = sheet.ensure(row, col);
    if (cell.numberFormat === undefined && from?.numberFormat !== undefined)
      cell.numberFormat = from.numberFormat;
    const formula = t.calculated.get(j);
    const v = input(col);
    if (
      formula !== undefined &&
      (v === null || v === undefined) &&
      cell.value === "" &&
      cell.formula === undefined
    ) {
      cell.formula = formula;
    }
    sheet.tidy(row, col);
  }
}

/** The header row of a table. */
export function headerRect(t: TableModel): Rect {
  return { row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: t.rect.colCount };
}

/** The body (data rows) of a table. */
export function bodyRect(t: TableModel): Rect {
  return { row: t.rect.row + 1, col: t.rect.col, rowCount: t.rect.rowCount - 1, colCount: t.rect.colCount };
}

/** Excel keeps header cells non-blank and unique: blanks become ColumnN, duplicates get a number. */
export function fixHeaders(t: TableModel): void {
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
