/**
 * `import --into` and the schema upgrade: a table's changed cells, new rows and new columns
 * written into its sheet part, and the table part's ref, autoFilter and tableColumns grown to
 * cover them. The sheet's XML is edited row by row (sheetXml.ts): rows and cells PerfCycle does
 * not write are copied as they are; a written cell keeps its cell format, a new row's cells take
 * the formats of the row named by `formatFrom`. Text is an inline string cell (a new header a
 * shared string where the table's are), never a formula. Refused before anything is written:
 * rows that would be removed, a totals row, a table in the way, a filled or merged cell below
 * the table or to its right, a formula that would be overwritten.
 */
import { sameStoredValue, type RawCell } from "../../contract";
import { CliError } from "../errors";
import { colLetters, overlaps, parseRange, type Range } from "./a1";
import type { BookSheet, BookTable, XlsxBook } from "./book";
import { planColumns, tablePartXml, type ColumnsPlan } from "./columns";
import { PackageEdit, StyleAppender } from "./edit";
import type { SheetCells } from "./sheet";
import { SharedStrings } from "./sharedStrings";
import { rewriteSheet, shown, type CellWrite } from "./sheetXml";

export interface TableUpdate {
  /** The table's data rows after the change, in the table's column order (new columns last). */
  readonly rows: readonly (readonly RawCell[])[];
  /** For a new row (0-based index into rows), the 0-based data row whose cell formats it takes. */
  readonly formatFrom?: (row: number) => number | undefined;
  /** Headers of columns to add at the table's right end (their cells are the rows' last ones). */
  readonly addColumns?: readonly string[];
}

/** What a write does to one table: the cells by sheet row and column, and the table's new range. */
export interface RowsPlan {
  readonly table: BookTable;
  readonly writes: ReadonlyMap<number, ReadonlyMap<number, CellWrite>>;
  /** The table's range after the write, when it grows (rows or columns). */
  readonly grown: Range | undefined;
  readonly columns?: ColumnsPlan;
}

/** Refuse growing `table` by `extra` rows into `below` when anything is in the way. */
function checkBelow(book: XlsxBook, table: BookTable, below: Range, extra: number): void {
  const { sheet, name } = table;
  if (table.totalsRowCount > 0)
    throw new CliError(
      "IN_THE_WAY",
      `${name} has a totals row, so rows cannot be added below it; turn the totals row off in Excel and try again`,
    );
  for (const o of book.tables) {
    if (o === table || o.sheet !== sheet) continue;
    if (overlaps(o.range, below))
      throw new CliError(
        "IN_THE_WAY",
        `${name} cannot grow by ${extra} rows: the table ${o.name} is in the way on sheet ${sheet.name}; move it and try again`,
      );
  }
  const cells = book.cells(sheet, false);
  for (let r = below.top; r <= below.bottom; r++) {
    for (let c = below.left; c <= below.right; c++) {
      const v = cells.values[r - 1]?.[c - 1];
      if (v !== undefined && v !== null && v !== "")
        throw new CliError(
          "IN_THE_WAY",
          `${name} cannot grow by ${extra} rows: ${sheet.name}!${colLetters(c)}${r} below it holds ${JSON.stringify(shown(v))}; move it and try again`,
        );
    }
  }
  for (const m of cells.merges) {
    const mr = parseRange(m);
    if (mr && overlaps(mr, below))
      throw new CliError(
        "IN_THE_WAY",
        `${name} cannot grow by ${extra} rows: the merged cells ${sheet.name}!${m} are below it; unmerge or move them and try again`,
      );
  }
}

/** The cells that differ between `before` and `update.rows`, by sheet row and column (1-based). */
function cellWrites(
  book: XlsxBook,
  table: BookTable,
  width: number,
  before: readonly (readonly RawCell[])[],
  update: TableUpdate,
): Map<number, Map<number, CellWrite>> {
  // The cell formats new rows take are read only when there are new rows.
  const styles = (): SheetCells["styles"] => book.cells(table.sheet, false).styles;
  const writes = new Map<number, Map<number, CellWrite>>();
  const put = (r: number, c: number, w: CellWrite): void => {
    let row = writes.get(r);
    if (!row) writes.set(r, (row = new Map()));
    row.set(c, w);
  };
  update.rows.forEach((rowCells, i) => {
    const r = table.firstDataRow + i;
    const old = before[i];
    const from = old ? undefined : update.formatFrom?.(i);
    const styleRow =
      from !== undefined && from >= 0 && from < before.length ? table.firstDataRow + from : undefined;
    for (let j = 0; j < width; j++) {
      const v = rowCells[j] ?? null;
      if (old ? sameStoredValue(old[j], v) : v === null) continue;
      const c = table.range.left + j;
      const style = old ? undefined : styleRow !== undefined ? styles()[styleRow - 1]?.[c - 1] : undefined;
      put(r, c, { value: v, style });
    }
  });
  return writes;
}

/**
 * The cells to write for the table's new rows and columns, or undefined when nothing changes.
 * Throws a one-line CliError for what cannot be written safely. The caller releases the book's
 * parsed cells once every table is planned, so the sheets' text is built with only the plans in
 * memory.
 */
export function planTableRows(
  book: XlsxBook,
  table: BookTable,
  before: readonly (readonly RawCell[])[],
  update: TableUpdate,
): RowsPlan | undefined {
  const { range } = table;
  const added = update.addColumns ?? [];
  const width = range.right - range.left + 1 + added.length;
  const extra = update.rows.length - before.length;
  if (extra < 0)
    throw new CliError("UNSAFE_WRITE", `${table.name}: rows would be removed, which this command never does`);
  const grown: Range = { ...range, bottom: range.bottom + extra, right: range.right + added.length };
  if (extra > 0) checkBelow(book, table, { ...grown, top: range.bottom + 1 }, extra);
  const columns = planColumns(book, table, added, grown.bottom);
  const writes = cellWrites(book, table, width, before, update);
  if (columns && columns.headerCells.size > 0) {
    const head = writes.get(range.top) ?? new Map<number, CellWrite>();
    for (const [c, w] of columns.headerCells) head.set(c, w);
    writes.set(range.top, head);
  }
  if (writes.size === 0 && extra === 0 && !columns) return undefined;
  return {
    table,
    writes,
    grown: extra > 0 || columns ? grown : undefined,
    ...(columns ? { columns } : {}),
  };
}

/** The smallest range covering both (either may be missing). */
function union(a: Range | undefined, b: Range | undefined): Range | undefined {
  if (!a || !b) return a ?? b;
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

/**
 * Carry plans out in one edit: each sheet part rewritten once with the writes of every plan on
 * it, each grown table's part updated (new shared strings go to `shared`; the caller commits).
 */
export function applyRowsPlans(
  edit: PackageEdit,
  styles: StyleAppender,
  shared: SharedStrings,
  plans: readonly RowsPlan[],
): void {
  const book = edit.book;
  const sheets = new Map<
    string,
    { sheet: BookSheet; writes: Map<number, Map<number, CellWrite>>; covers: Range | undefined }
  >();
  for (const plan of plans) {
    const sheet = plan.table.sheet;
    const entry = sheets.get(sheet.part) ?? { sheet, writes: new Map(), covers: undefined };
    sheets.set(sheet.part, entry);
    for (const [r, row] of plan.writes) {
      const into = entry.writes.get(r) ?? new Map<number, CellWrite>();
      for (const [c, w] of row) into.set(c, w);
      entry.writes.set(r, into);
    }
    entry.covers = union(entry.covers, plan.grown);
  }
  for (const { sheet, writes, covers } of sheets.values()) {
    const xml = edit.text(sheet.part);
    if (xml === undefined) throw new CliError("DAMAGED", `${book.path}: the part ${sheet.part} is missing`);
    edit.set(sheet.part, rewriteSheet(book, xml, writes, styles, sheet.name, covers, shared));
  }
  for (const plan of plans) {
    if (!plan.grown) continue;
    const xml = edit.text(plan.table.part) ?? "";
    edit.set(plan.table.part, tablePartXml(xml, plan.table, plan.grown, plan.columns, book.path));
  }
}
