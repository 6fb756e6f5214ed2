/**
 * A worksheet part's XML with cells written into it, row by row: rows and cells PerfCycle does
 * not write are copied as they are; a written cell keeps its cell format (or takes the one the
 * write names); text is an inline string cell, or a shared string where the write gives its
 * index (a table's header, where the file's headers are shared strings); a formula is never
 * overwritten. The dimension is grown to cover what was written.
 */
import type { RawCell } from "../../contract";
import { CliError } from "../errors";
import { colLetters, formatRange, parseRange, type Range } from "./a1";
import type { XlsxBook } from "./book";
import type { StyleAppender } from "./edit";
import { dateSerial } from "./reportPart";
import type { SharedStrings } from "./sharedStrings";
import { findElement, prefixOf, setAttr } from "./xmlSpan";
import { escapeText } from "./xml";

export interface CellWrite {
  readonly value: RawCell;
  /** Cell format index for a new cell (undefined: keep the cell's own, or none). */
  readonly style: number | undefined;
  /** Write the text as a shared string (where the book has a shared strings part). */
  readonly asShared?: boolean;
}

/** The cells to write, by sheet row and column (1-based). */
export type CellWrites = ReadonlyMap<number, ReadonlyMap<number, CellWrite>>;

/** A cell value as a message shows it. */
export function shown(v: RawCell | undefined): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v ?? "");
}

const ROW_START = /<([\w.-]+:)?row(?=[\s/>])/g;
const CELL_START = /<([\w.-]+:)?c(?=[\s/>])/g;

export function attrValue(attrs: string, name: string): string | undefined {
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

interface SheetContext {
  readonly book: XlsxBook;
  readonly styles: StyleAppender;
  readonly sheetName: string;
  /** The cells' namespace prefix (with its colon), as the sheet's sheetData has it. */
  readonly p: string;
  readonly shared: SharedStrings | undefined;
}

/** An element found by a start-tag pattern in `text`: its extent and attributes. */
interface Found {
  readonly start: number;
  readonly end: number;
  /** The start tag's attributes (without a self-closing slash). */
  readonly attrs: string;
  /** The content between the tags ("" for a self-closing one). */
  readonly inner: string;
  readonly selfClosing: boolean;
  readonly prefix: string;
  readonly nameLength: number;
}

function nextElement(text: string, pattern: RegExp, local: string): Found | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const start = m.index;
  const openEnd = text.indexOf(">", start);
  if (openEnd < 0) return undefined;
  const selfClosing = text[openEnd - 1] === "/";
  const prefix = m[1] ?? "";
  const closeTag = `</${prefix}${local}>`;
  const close = selfClosing ? openEnd + 1 : text.indexOf(closeTag, openEnd);
  if (close < 0) return undefined;
  const end = selfClosing ? openEnd + 1 : close + closeTag.length;
  const attrs = text.slice(start + m[0].length, selfClosing ? openEnd - 1 : openEnd);
  const inner = selfClosing ? "" : text.slice(openEnd + 1, close);
  pattern.lastIndex = end;
  return { start, end, attrs, inner, selfClosing, prefix, nameLength: m[0].length };
}

/** A new row holding only written cells. */
function newRow(ctx: SheetContext, r: number, writes: ReadonlyMap<number, CellWrite>): string {
  const cells = [...writes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => cellXml(ctx, `${colLetters(c)}${r}`, w, w.style))
    .join("");
  return `<${ctx.p}row r="${r}">${cells}</${ctx.p}row>`;
}

/** The rows of sheetData's content with the writes applied (new rows put in their places). */
function rewriteRows(ctx: SheetContext, body: string, writes: CellWrites): string[] {
  const pending = [...writes.keys()].sort((a, b) => a - b);
  const segments: string[] = [];
  let rowNumber = 0;
  let last = 0;
  ROW_START.lastIndex = 0;
  let row: Found | undefined;
  while ((row = nextElement(body, ROW_START, "row")) !== undefined) {
    segments.push(body.slice(last, row.start));
    const rAttr = attrValue(row.attrs, "r");
    rowNumber = rAttr !== undefined && /^\d+$/.test(rAttr) ? Number(rAttr) : rowNumber + 1;
    while (pending.length > 0 && (pending[0] ?? 0) < rowNumber) {
      const r = pending.shift() ?? 0;
      segments.push(newRow(ctx, r, writes.get(r) ?? new Map()));
    }
    let rowAttrs = rAttr === undefined ? `${row.attrs} r="${rowNumber}"` : row.attrs;
    const rowWrites = writes.get(rowNumber);
    const raw = body.slice(row.start, row.end);
    const tag = `<${row.prefix}row`;
    if (rowWrites) {
      if (pending[0] === rowNumber) pending.shift();
      rowAttrs = rowAttrs.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "");
      segments.push(
        `${tag}${rowAttrs}>${rewriteRow(ctx, row.inner, rowNumber, rowWrites)}</${row.prefix}row>`,
      );
    } else if (rAttr === undefined) {
      segments.push(`${tag}${rowAttrs}${raw.slice(row.nameLength + row.attrs.length)}`);
    } else segments.push(raw);
    last = row.end;
  }
  segments.push(body.slice(last));
  for (const r of pending) segments.push(newRow(ctx, r, writes.get(r) ?? new Map()));
  return segments;
}

/** The part before sheetData, with its dimension grown to cover `covers`. */
function headWithDimension(head: string, covers: Range | undefined): string {
  let out = head;
  const dim = findElement(out, "dimension");
  if (dim && covers) {
    const ref = attrValue(dim.attrs, "ref");
    const d = ref ? parseRange(ref) : undefined;
    if (d && (d.bottom < covers.bottom || d.right < covers.right)) {
      const nd = { ...d, bottom: Math.max(d.bottom, covers.bottom), right: Math.max(d.right, covers.right) };
      out = `${out.slice(0, dim.start)}<${dim.qname}${setAttr(dim.attrs.replace(/\/$/, ""), "ref", formatRange(nd))}/>${out.slice(dim.end)}`;
    }
  }
  return out.replace(/^(<\?xml[^>]*encoding\s*=\s*)(["'])(?!utf-8["'])[^"']*\2/i, "$1$2UTF-8$2");
}

/**
 * The sheet XML with `writes` applied. Every row gets an explicit `r` (a row inserted before a
 * row without one would otherwise move it), and every cell of a row written to gets one too.
 */
export function rewriteSheet(
  book: XlsxBook,
  xml: string,
  writes: CellWrites,
  styles: StyleAppender,
  sheetName: string,
  covers: Range | undefined,
  shared?: SharedStrings,
): Buffer {
  const data = findElement(xml, "sheetData");
  if (!data)
    throw new CliError(
      "UNSAFE_WRITE",
      `${book.path}: the sheet ${sheetName} has no cell data part, so it cannot be written safely`,
    );
  const ctx: SheetContext = { book, styles, sheetName, p: prefixOf(data), shared };
  const body = data.selfClosing ? "" : xml.slice(data.openEnd, data.closeStart);
  // The head, the rows, the tail: converted to bytes a slice at a time, so the sheet's text is
  // never copied whole again.
  const pieces = [
    `${headWithDimension(xml.slice(0, data.start), covers)}<${data.qname}${data.attrs.replace(/\/$/, "")}>`,
    ...rewriteRows(ctx, body, writes),
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
  ctx: SheetContext,
  inner: string,
  row: number,
  writes: ReadonlyMap<number, CellWrite>,
): string {
  const pending = [...writes.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  const put = (c: number): void => {
    const w = writes.get(c);
    if (w) out.push(cellXml(ctx, `${colLetters(c)}${row}`, w, w.style));
  };
  let col = 0;
  let last = 0;
  CELL_START.lastIndex = 0;
  let cell: Found | undefined;
  while ((cell = nextElement(inner, CELL_START, "c")) !== undefined) {
    out.push(inner.slice(last, cell.start));
    const ref = attrValue(cell.attrs, "r");
    col = ref !== undefined && columnOfRef(ref) > 0 ? columnOfRef(ref) : col + 1;
    while (pending.length > 0 && (pending[0] ?? 0) < col) put(pending.shift() ?? 0);
    const w = writes.get(col);
    const raw = inner.slice(cell.start, cell.end);
    if (w && pending[0] === col) {
      pending.shift();
      if (/<([\w.-]+:)?f[\s>/]/.test(raw))
        throw new CliError(
          "IN_THE_WAY",
          `${ctx.sheetName}!${colLetters(col)}${row} holds a formula, which the import would overwrite with ${JSON.stringify(shown(w.value))}; nothing was changed`,
        );
      const s = attrValue(cell.attrs, "s");
      out.push(cellXml(ctx, `${colLetters(col)}${row}`, w, s !== undefined ? Number(s) : w.style));
    } else if (ref === undefined) {
      out.push(`<${cell.prefix}c r="${colLetters(col)}${row}"${raw.slice(cell.nameLength)}`);
    } else out.push(raw);
    last = cell.end;
  }
  const tail = inner.slice(last);
  for (const c of pending) put(c);
  // Anything after the last cell (an extLst) stays after the cells.
  return out.join("") + tail;
}

function cellXml(ctx: SheetContext, ref: string, w: CellWrite, style: number | undefined): string {
  const { book, p } = ctx;
  const v = w.value;
  let s = style;
  if (v instanceof Date && (s === undefined || book.styles().dates[s] !== true))
    s = ctx.styles.xf({ numFmt: "dd/mm/yyyy" });
  const sa = s !== undefined && s > 0 ? ` s="${s}"` : "";
  if (v === null || v === "") return sa ? `<${p}c r="${ref}"${sa}/>` : "";
  const si = typeof v === "string" && w.asShared === true ? ctx.shared?.index(v) : undefined;
  if (si !== undefined) return `<${p}c r="${ref}"${sa} t="s"><${p}v>${si}</${p}v></${p}c>`;
  if (typeof v === "string")
    return `<${p}c r="${ref}"${sa} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
  if (typeof v === "boolean") return `<${p}c r="${ref}"${sa} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const n = v instanceof Date ? dateSerial(v, book.date1904) : v;
  if (!Number.isFinite(n)) return sa ? `<${p}c r="${ref}"${sa}/>` : "";
  return `<${p}c r="${ref}"${sa}><${p}v>${String(n)}</${p}v></${p}c>`;
}
