/**
 * Columns added at the right end of an Excel table (the schema upgrade's optional columns, an
 * import's Quality column), as a part-by-part edit: the table part's tableColumns (unique ids and
 * names), its ref and autoFilter ref; the header cells in the sheet (shared strings where the
 * table's own headers are, inline strings otherwise, in the last header's cell format); the
 * sheet's dimension. User columns and other parts are never touched. Refused, before anything is
 * written, when the cells the new columns would take are not empty.
 */
import { CliError } from "../errors";
import { colLetters, formatRange, overlaps, parseRange, type Range } from "./a1";
import type { BookTable, XlsxBook } from "./book";
import { readSheet, type SheetCells } from "./sheet";
import type { CellWrite } from "./sheetXml";
import { shown } from "./sheetXml";
import { appendChildren, childElements, findElement, prefixOf, setAttr } from "./xmlSpan";
import { escapeAttr, tagAttributes } from "./xml";

export interface ColumnsPlan {
  /** The headers to add, in order, as the tableColumns' names. */
  readonly names: readonly string[];
  /** The header cells to write (sheet column → write), on the header row; empty without one. */
  readonly headerCells: ReadonlyMap<number, CellWrite>;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/**
 * The sheet's cells in the room the new columns take and the table's last header cell (for its
 * format), read on their own: the rest of the sheet is not kept, however large the table.
 */
function roomCells(book: XlsxBook, table: BookTable, room: Range): SheetCells {
  const { sheet, range } = table;
  const data = book.pkg.read(sheet.part);
  if (!data) throw new CliError("DAMAGED", `${book.path}: the part ${sheet.part} is missing`);
  const zero = (r: Range): { top: number; left: number; bottom: number; right: number } => ({
    top: r.top - 1,
    left: r.left - 1,
    bottom: r.bottom - 1,
    right: r.right - 1,
  });
  return readSheet(data, {
    sharedStrings: book.sharedStrings(),
    styles: book.styles(),
    date1904: book.date1904,
    keep: [zero(room), zero({ ...range, bottom: range.top, left: range.right })],
    maxRows: book.limits.maxRows,
    file: book.path,
    part: sheet.part,
    sheetName: sheet.name,
  });
}

/** Refuse when anything is in the cells the new columns take (rows top..bottom). */
function checkRoom(
  book: XlsxBook,
  table: BookTable,
  room: Range,
  headers: readonly string[],
  cells: SheetCells,
): void {
  const { sheet, name } = table;
  const what = `${name} cannot take the new ${plural(headers.length, "column", "columns")} ${headers.join(", ")}`;
  for (const o of book.tables) {
    if (o !== table && o.sheet === sheet && overlaps(o.range, room))
      throw new CliError(
        "IN_THE_WAY",
        `${what}: the table ${o.name} is in the way on sheet ${sheet.name}; move it and try again`,
      );
  }
  for (let r = room.top; r <= room.bottom; r++) {
    const row = cells.values[r - 1];
    if (!row) continue;
    for (let c = room.left; c <= room.right; c++) {
      const v = row[c - 1];
      if (v !== undefined && v !== null && v !== "")
        throw new CliError(
          "IN_THE_WAY",
          `${what}: ${sheet.name}!${colLetters(c)}${r} to its right holds ${JSON.stringify(shown(v))}; move it and try again`,
        );
    }
  }
  for (const m of cells.merges) {
    const mr = parseRange(m);
    if (mr && overlaps(mr, room))
      throw new CliError(
        "IN_THE_WAY",
        `${what}: the merged cells ${sheet.name}!${m} are to its right; unmerge or move them and try again`,
      );
  }
}

/** Whether the table's header cells are shared strings in the sheet's XML (Excel's way). */
function headersShared(book: XlsxBook, table: BookTable): boolean {
  const xml = book.pkg.text(table.sheet.part) ?? "";
  const ref = `${colLetters(table.range.right)}${table.range.top}`;
  const m = new RegExp(`<(?:[\\w.-]+:)?c\\s[^>]*\\br=["']${ref}["'][^>]*>`).exec(xml);
  return m !== null && /\st=["']s["']/.test(m[0]);
}

/** Names for the new tableColumns: as asked, made unique (case-insensitively) among the table's. */
function uniqueNames(existing: readonly string[], headers: readonly string[]): string[] {
  const taken = new Set(existing.map((c) => c.toLowerCase()));
  return headers.map((h) => {
    let name = h;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${h}${i}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The columns to add to `table`, checked: the cells they take, from the header row down to
 * `bottom` (the table's last row after the write), must be empty.
 */
export function planColumns(
  book: XlsxBook,
  table: BookTable,
  headers: readonly string[],
  bottom: number,
): ColumnsPlan | undefined {
  if (headers.length === 0) return undefined;
  const { range } = table;
  const room: Range = { top: range.top, bottom, left: range.right + 1, right: range.right + headers.length };
  if (room.right > 16384)
    throw new CliError(
      "IN_THE_WAY",
      `${table.name} cannot take new columns: it already ends at the last column of the sheet`,
    );
  const cells = roomCells(book, table, room);
  checkRoom(book, table, room, headers, cells);
  const names = uniqueNames(table.columns, headers);
  const headerCells = new Map<number, CellWrite>();
  if (table.headerRowCount > 0) {
    const style = cells.styles[range.top - 1]?.[range.right - 1];
    const asShared = headersShared(book, table);
    names.forEach((n, i) =>
      headerCells.set(room.left + i, { value: n, style, ...(asShared ? { asShared } : {}) }),
    );
  }
  return { names, headerCells };
}

/** The table part's root and tableColumns with the new columns appended. */
function withTableColumns(xml: string, table: BookTable, names: readonly string[], file: string): string {
  const cols = findElement(xml, "tableColumns");
  if (!cols)
    throw new CliError(
      "UNSAFE_WRITE",
      `${file}: the table part ${table.part} has no column list, so it cannot be written safely`,
    );
  const children = childElements(xml, cols);
  const ids = children.map((c) => Number(tagAttributes(c.attrs).id)).filter((n) => Number.isInteger(n));
  let next = Math.max(0, ...ids) + 1;
  const p = prefixOf(cols);
  const added = names.map((n) => `<${p}tableColumn id="${next++}" name="${escapeAttr(n)}"/>`).join("");
  return appendChildren(xml, cols, added, { count: String(children.length + names.length) });
}

/**
 * The table part with its ref set to `range` (the autoFilter's ref too, above any totals row)
 * and, when the plan adds columns, its tableColumns.
 */
export function tablePartXml(
  xml: string,
  table: BookTable,
  range: Range,
  columns: ColumnsPlan | undefined,
  file: string,
): string {
  let out = columns ? withTableColumns(xml, table, columns.names, file) : xml;
  const root = findElement(out, "table");
  if (!root) throw new CliError("DAMAGED", `${file}: the table part ${table.part} is damaged`);
  const filterRef = formatRange({ ...range, bottom: range.bottom - table.totalsRowCount });
  const af = findElement(out, "autoFilter", root.openEnd, root.closeStart);
  if (af)
    out = `${out.slice(0, af.start)}<${af.qname}${setAttr(af.attrs, "ref", filterRef)}${af.selfClosing ? "/>" : ">"}${out.slice(af.selfClosing ? af.end : af.openEnd)}`;
  return `${out.slice(0, root.start)}<${root.qname}${setAttr(root.attrs, "ref", formatRange(range))}>${out.slice(root.openEnd)}`;
}
