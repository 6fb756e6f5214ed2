/**
 * `import --into`: a table's changed cells and new rows written into its sheet part, and the
 * table part's ref and autoFilter grown to cover them. The sheet's XML is edited row by row:
 * rows and cells PerfCycle does not write are copied as they are; a written cell keeps its cell
 * format, a new row's cells take the formats of the row named by `formatFrom`. Text is an inline
 * string cell (the shared strings are not touched, and text is never a formula). Refused before
 * anything is written: rows that would be removed, a totals row, a table in the way, a filled
 * or merged cell below the table, a formula that would be overwritten.
 */
import type { RawCell } from "../../contract";
import { CliError } from "../errors";
import { colLetters, formatRange, overlaps, parseRange, type Range } from "./a1";
import type { BookTable, XlsxBook } from "./book";
import { findElement, PackageEdit, prefixOf, setAttr, StyleAppender } from "./edit";
import { dateSerial } from "./reportPart";
import { escapeText } from "./xml";

export interface TableUpdate {
  /** The table's data rows after the change, in the table's column order. */
  readonly rows: readonly (readonly RawCell[])[];
  /** For a new row (0-based index into rows), the 0-based data row whose cell formats it takes. */
  readonly formatFrom?: (row: number) => number | undefined;
}

function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return x === y;
}

interface Write {
  readonly value: RawCell;
  /** Cell format index for a new cell (undefined: keep the cell's own, or none). */
  readonly style: number | undefined;
}

function shown(v: RawCell | undefined): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v ?? "");
}

/** What an import writes: the cells by sheet row and column, and the table's new range. */
export interface RowsPlan {
  readonly table: BookTable;
  readonly writes: ReadonlyMap<number, ReadonlyMap<number, Write>>;
  readonly grown: Range | undefined;
}

/**
 * The cells to write for the table's new rows, or undefined when nothing changes. Throws a
 * one-line CliError for what cannot be written safely. The parsed cells are released after, so
 * the sheet's text is built with only the plan in memory.
 */
export function planTableRows(
  book: XlsxBook,
  table: BookTable,
  before: readonly (readonly RawCell[])[],
  update: TableUpdate,
): RowsPlan | undefined {
  const { range, sheet, name } = table;
  const width = range.right - range.left + 1;
  const extra = update.rows.length - before.length;
  if (extra < 0) throw new CliError(`${name}: rows would be removed, which this command never does`);
  // The table's columns from its header row down (what the reader kept when it read the table).
  const cells = book.cells(sheet, false);
  const grown: Range = { ...range, bottom: range.bottom + extra };
  if (extra > 0) {
    if (table.totalsRowCount > 0)
      throw new CliError(
        `${name} has a totals row, so rows cannot be added below it; turn the totals row off in Excel and try again`,
      );
    const below: Range = { ...range, top: range.bottom + 1, bottom: grown.bottom };
    for (const o of book.tables) {
      if (o === table || o.sheet !== sheet) continue;
      if (overlaps(o.range, below))
        throw new CliError(
          `${name} cannot grow by ${extra} rows: the table ${o.name} is in the way on sheet ${sheet.name}; move it and try again`,
        );
    }
    for (let r = below.top; r <= below.bottom; r++) {
      for (let c = below.left; c <= below.right; c++) {
        const v = cells.values[r - 1]?.[c - 1];
        if (v !== undefined && v !== null && v !== "")
          throw new CliError(
            `${name} cannot grow by ${extra} rows: ${sheet.name}!${colLetters(c)}${r} below it holds ${JSON.stringify(shown(v))}; move it and try again`,
          );
      }
    }
    for (const m of cells.merges) {
      const mr = parseRange(m);
      if (mr && overlaps(mr, below))
        throw new CliError(
          `${name} cannot grow by ${extra} rows: the merged cells ${sheet.name}!${m} are below it; unmerge or move them and try again`,
        );
    }
  }

  // The cells to write, by sheet row and column (1-based).
  const writes = new Map<number, Map<number, Write>>();
  const put = (r: number, c: number, w: Write): void => {
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
      if (old ? sameCell(old[j], v) : v === null) continue;
      const c = range.left + j;
      const style = old
        ? undefined
        : styleRow !== undefined
          ? cells.styles[styleRow - 1]?.[c - 1]
          : undefined;
      put(r, c, { value: v, style });
    }
  });
  book.release();
  if (writes.size === 0 && extra === 0) return undefined;
  return { table, writes, grown: extra > 0 ? grown : undefined };
}

/** The package with a plan's cells written and the table's range grown. */
export function writeTableRows(book: XlsxBook, plan: RowsPlan): Buffer {
  const { table, writes, grown } = plan;
  const sheet = table.sheet;
  const edit = new PackageEdit(book);
  const styles = new StyleAppender(edit);
  const xml = edit.text(sheet.part);
  if (xml === undefined) throw new CliError(`${book.path}: the part ${sheet.part} is missing`);
  edit.set(sheet.part, rewriteSheet(book, xml, writes, styles, sheet.name, grown));
  if (grown) edit.set(table.part, growTable(edit.text(table.part) ?? "", table, grown, book.path));
  styles.commit();
  return edit.write();
}

/** The table part with its ref and autoFilter ref set to `grown`. */
function growTable(xml: string, table: BookTable, grown: Range, file: string): string {
  const root = findElement(xml, "table");
  if (!root) throw new CliError(`${file}: the table part ${table.part} is damaged`);
  const ref = formatRange(grown);
  const af = findElement(xml, "autoFilter", root.openEnd, root.closeStart);
  let out = xml;
  if (af)
    out = `${out.slice(0, af.start)}<${af.qname}${setAttr(af.attrs, "ref", ref)}${af.selfClosing ? "/>" : ">"}${out.slice(af.selfClosing ? af.end : af.openEnd)}`;
  return `${out.slice(0, root.start)}<${root.qname}${setAttr(root.attrs, "ref", ref)}>${out.slice(root.openEnd)}`;
}

const ROW_START = /<([\w.-]+:)?row(?=[\s/>])/g;
const CELL_START = /<([\w.-]+:)?c(?=[\s/>])/g;

function attrValue(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(attrs)
    ?.slice(1)
    .find((x) => x !== undefined);
}

function columnOfRef(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const k = ch.toUpperCase().charCodeAt(0);
    if (k >= 65 && k <= 90) n = n * 26 + (k - 64);
    else if (ch !== "$") break;
  }
  return n;
}

/**
 * The sheet XML with `writes` applied. Every row gets an explicit `r` (a row inserted before a
 * row without one would otherwise move it), and every cell of a row written to gets one too.
 */
function rewriteSheet(
  book: XlsxBook,
  xml: string,
  writes: ReadonlyMap<number, ReadonlyMap<number, Write>>,
  styles: StyleAppender,
  sheetName: string,
  grown: Range | undefined,
): Buffer {
  const data = findElement(xml, "sheetData");
  if (!data)
    throw new CliError(
      `${book.path}: the sheet ${sheetName} has no cell data part, so it cannot be written safely`,
    );
  const p = prefixOf(data);
  const pending = [...writes.keys()].sort((a, b) => a - b);
  let rowNumber = 0;
  const newRow = (r: number): string => {
    const cellsXml = [...(writes.get(r) ?? new Map<number, Write>()).entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, w]) => cellXml(book, p, `${colLetters(c)}${r}`, w, w.style, styles))
      .join("");
    return `<${p}row r="${r}">${cellsXml}</${p}row>`;
  };
  const end = data.selfClosing ? data.openEnd : data.closeStart;
  const body = data.selfClosing ? "" : xml.slice(data.openEnd, end);
  ROW_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  const segments: string[] = [];
  let last = 0;
  while ((m = ROW_START.exec(body)) !== null) {
    const start = m.index;
    const openEnd = body.indexOf(">", start);
    if (openEnd < 0) break;
    const selfClosing = body[openEnd - 1] === "/";
    const close = selfClosing ? openEnd + 1 : body.indexOf(`</${m[1] ?? ""}row>`, openEnd);
    if (close < 0) break;
    const rowEnd = selfClosing ? openEnd + 1 : close + `</${m[1] ?? ""}row>`.length;
    segments.push(body.slice(last, start));
    const attrs = body.slice(start + m[0].length, selfClosing ? openEnd - 1 : openEnd);
    const rAttr = attrValue(attrs, "r");
    rowNumber = rAttr !== undefined && /^\d+$/.test(rAttr) ? Number(rAttr) : rowNumber + 1;
    while (pending.length > 0 && (pending[0] ?? 0) < rowNumber) segments.push(newRow(pending.shift() ?? 0));
    let rowAttrs = rAttr === undefined ? `${attrs} r="${rowNumber}"` : attrs;
    const rowWrites = writes.get(rowNumber);
    if (rowWrites) {
      if (pending[0] === rowNumber) pending.shift();
      rowAttrs = rowAttrs.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "");
      const inner = selfClosing ? "" : body.slice(openEnd + 1, close);
      segments.push(
        `<${m[1] ?? ""}row${rowAttrs.replace(/\/$/, "")}>${rewriteRow(book, inner, rowNumber, rowWrites, styles, sheetName, p)}</${m[1] ?? ""}row>`,
      );
    } else if (rAttr === undefined) {
      segments.push(`<${m[1] ?? ""}row${rowAttrs}${body.slice(selfClosing ? openEnd - 1 : openEnd, rowEnd)}`);
    } else segments.push(body.slice(start, rowEnd));
    last = rowEnd;
    ROW_START.lastIndex = rowEnd;
  }
  segments.push(body.slice(last));
  for (const r of pending) segments.push(newRow(r));
  // The head (with the dimension grown to cover the new rows), the rows, the tail: converted to
  // bytes a slice at a time, so the sheet's text is never copied whole again.
  let head = xml.slice(0, data.start);
  const dim = findElement(head, "dimension");
  if (dim && grown) {
    const ref = attrValue(dim.attrs, "ref");
    const d = ref ? parseRange(ref) : undefined;
    if (d && (d.bottom < grown.bottom || d.right < grown.right)) {
      const nd = { ...d, bottom: Math.max(d.bottom, grown.bottom), right: Math.max(d.right, grown.right) };
      head = `${head.slice(0, dim.start)}<${dim.qname}${setAttr(dim.attrs.replace(/\/$/, ""), "ref", formatRange(nd))}/>${head.slice(dim.end)}`;
    }
  }
  head = head.replace(/^(<\?xml[^>]*encoding\s*=\s*)(["'])(?!utf-8["'])[^"']*\2/i, "$1$2UTF-8$2");
  const pieces = [
    `${head}<${data.qname}${data.attrs.replace(/\/$/, "")}>`,
    ...segments,
    `</${data.qname}>`,
    xml.slice(data.end),
  ];
  // Measured, then written into one buffer: no second copy of the sheet's text.
  let total = 0;
  for (const piece of pieces) total += Buffer.byteLength(piece, "utf8");
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const piece of pieces) at += out.write(piece, at, "utf8");
  return out;
}

function rewriteRow(
  book: XlsxBook,
  inner: string,
  row: number,
  writes: ReadonlyMap<number, Write>,
  styles: StyleAppender,
  sheetName: string,
  p: string,
): string {
  const pending = [...writes.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  let col = 0;
  let last = 0;
  CELL_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CELL_START.exec(inner)) !== null) {
    const start = m.index;
    const openEnd = inner.indexOf(">", start);
    if (openEnd < 0) break;
    const selfClosing = inner[openEnd - 1] === "/";
    const closeTag = `</${m[1] ?? ""}c>`;
    const close = selfClosing ? openEnd + 1 : inner.indexOf(closeTag, openEnd);
    if (close < 0) break;
    const end = selfClosing ? openEnd + 1 : close + closeTag.length;
    out.push(inner.slice(last, start));
    const attrs = inner.slice(start + m[0].length, selfClosing ? openEnd - 1 : openEnd);
    const ref = attrValue(attrs, "r");
    col = ref !== undefined && columnOfRef(ref) > 0 ? columnOfRef(ref) : col + 1;
    while (pending.length > 0 && (pending[0] ?? 0) < col) {
      const c = pending.shift() ?? 0;
      const w = writes.get(c);
      if (w) out.push(cellXml(book, p, `${colLetters(c)}${row}`, w, w.style, styles));
    }
    const w = writes.get(col);
    const raw = inner.slice(start, end);
    if (w && pending[0] === col) {
      pending.shift();
      if (/<([\w.-]+:)?f[\s>/]/.test(raw))
        throw new CliError(
          `${sheetName}!${colLetters(col)}${row} holds a formula, which the import would overwrite with ${JSON.stringify(shown(w.value))}; nothing was changed`,
        );
      const s = attrValue(attrs, "s");
      out.push(
        cellXml(book, p, `${colLetters(col)}${row}`, w, s !== undefined ? Number(s) : w.style, styles),
      );
    } else if (ref === undefined) {
      out.push(`<${m[1] ?? ""}c r="${colLetters(col)}${row}"${raw.slice(m[0].length)}`);
    } else out.push(raw);
    last = end;
    CELL_START.lastIndex = end;
  }
  const tail = inner.slice(last);
  for (const c of pending) {
    const w = writes.get(c);
    if (w) out.push(cellXml(book, p, `${colLetters(c)}${row}`, w, w.style, styles));
  }
  // Anything after the last cell (an extLst) stays after the cells.
  return out.join("") + tail;
}

function cellXml(
  book: XlsxBook,
  p: string,
  ref: string,
  w: Write,
  style: number | undefined,
  styles: StyleAppender,
): string {
  const v = w.value;
  let s = style;
  if (v instanceof Date && (s === undefined || book.styles().dates[s] !== true))
    s = styles.xf({ numFmt: "dd/mm/yyyy" });
  const sa = s !== undefined && s > 0 ? ` s="${s}"` : "";
  if (v === null || v === "") return sa ? `<${p}c r="${ref}"${sa}/>` : "";
  if (typeof v === "string")
    return `<${p}c r="${ref}"${sa} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
  if (typeof v === "boolean") return `<${p}c r="${ref}"${sa} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const n = v instanceof Date ? dateSerial(v, book.date1904) : v;
  if (!Number.isFinite(n)) return sa ? `<${p}c r="${ref}"${sa}/>` : "";
  return `<${p}c r="${ref}"${sa}><${p}v>${String(n)}</${p}v></${p}c>`;
}
