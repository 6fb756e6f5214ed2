/**
 * The report sheet as a worksheet part, written directly as SpreadsheetML: the title and notes,
 * the header row (frozen, filtered), one row per indicator and unit with the contract's number
 * formats, the RAG cell coloured, the data errors listed below, A4 landscape fitted to the page
 * width. Every text is an inline string cell (never a formula, whatever it starts with), so the
 * book's shared strings are not touched; cell formats are appended to styles.xml.
 */
import type { RawCell } from "../../contract";
import { colLetters } from "../../a1";
import type { CellStyle, StyleAppender } from "./edit";
import { isDateFormat } from "./styles";
import { escapeText } from "./xml";
import { NS } from "./opc";

export interface ReportSheetLayout {
  readonly sheetName: string;
  readonly title: string;
  /** Lines under the title (rule, source, when). */
  readonly notes: readonly string[];
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  readonly cellFormats: readonly (readonly string[])[];
  readonly widths: readonly number[];
  readonly ragColumn: number;
  /** Columns to wrap (explanation, commentary, action). */
  readonly wrapColumns: readonly number[];
  readonly colours: Readonly<Record<string, { readonly fill: string; readonly font: string }>>;
  /** Lines listed under the table (data errors), with a heading. */
  readonly errors: readonly string[];
}

/** A Date as an Excel serial in the workbook's date system. */
export function dateSerial(d: Date, date1904: boolean): number {
  return d.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

const hex = (c: string): string => {
  const h = c.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? h : /^[0-9A-F]{8}$/.test(h) ? h.slice(2) : "000000";
};

/** One cell's XML, or "" for a blank cell with no format of its own. */
export function cellXml(ref: string, v: RawCell | undefined, s: number, date1904: boolean): string {
  const sa = s > 0 ? ` s="${s}"` : "";
  if (v === null || v === undefined || v === "") return s > 0 ? `<c r="${ref}"${sa}/>` : "";
  if (typeof v === "string")
    return `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  const n = v instanceof Date ? dateSerial(v, date1904) : v;
  if (!Number.isFinite(n)) return s > 0 ? `<c r="${ref}"${sa}/>` : "";
  return `<c r="${ref}"${sa}><v>${String(n)}</v></c>`;
}

export function reportSheetXml(layout: ReportSheetLayout, styles: StyleAppender, date1904: boolean): string {
  const width = layout.headers.length;
  const xf = (st: CellStyle): number => styles.xf(st);
  const rows: string[] = [];
  const row = (r: number, cells: string, extra = ""): void => {
    rows.push(`<row r="${r}"${extra}>${cells}</row>`);
  };
  row(1, cellXml("A1", layout.title, xf({ bold: true, size: 14 }), date1904));
  const noteStyle = xf({ italic: true, color: "404040" });
  layout.notes.forEach((n, i) => row(2 + i, cellXml(`A${2 + i}`, n, noteStyle, date1904)));

  const headerRow = 3 + layout.notes.length;
  const headStyle = xf({ bold: true, color: "FFFFFF", fill: "1F3864", top: true, wrap: true });
  row(
    headerRow,
    layout.headers
      .map((h, j) => cellXml(`${colLetters(j + 1)}${headerRow}`, h, headStyle, date1904))
      .join(""),
    ' ht="30" customHeight="1"',
  );
  const wrap = new Set(layout.wrapColumns);
  layout.rows.forEach((cells, i) => {
    const r = headerRow + 1 + i;
    const status = cells[layout.ragColumn];
    const colour = typeof status === "string" ? layout.colours[status] : undefined;
    const out: string[] = [];
    for (let j = 0; j < width; j++) {
      const v = cells[j] ?? null;
      let numFmt = layout.cellFormats[i]?.[j];
      if (v instanceof Date && (numFmt === undefined || !isDateFormat(numFmt))) numFmt = "dd/mm/yyyy";
      const st: CellStyle = {
        ...(numFmt !== undefined && numFmt !== "General" ? { numFmt } : {}),
        top: true,
        ...(wrap.has(j) ? { wrap: true } : {}),
        ...(j === layout.ragColumn && colour
          ? { fill: hex(colour.fill), color: hex(colour.font), bold: true }
          : {}),
      };
      out.push(cellXml(`${colLetters(j + 1)}${r}`, v, xf(st), date1904));
    }
    row(r, out.join(""));
  });
  const lastRow = headerRow + Math.max(1, layout.rows.length);
  if (layout.errors.length > 0) {
    const at = lastRow + 2;
    row(
      at,
      cellXml(
        `A${at}`,
        `Data errors (${layout.errors.length}): the figures above leave these cells out`,
        xf({ bold: true, color: "C00000" }),
        date1904,
      ),
    );
    layout.errors.forEach((e, i) => row(at + 1 + i, cellXml(`A${at + 1 + i}`, e, 0, date1904)));
  }
  const bottom = layout.errors.length > 0 ? lastRow + 2 + layout.errors.length : lastRow;
  const last = colLetters(Math.max(1, width));
  const cols = layout.widths
    .map(
      (w, j) => `<col min="${j + 1}" max="${j + 1}" width="${Number.isFinite(w) ? w : 10}" customWidth="1"/>`,
    )
    .join("");
  const top = `C${headerRow + 1}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.spreadsheet}" xmlns:r="${NS.relationships}">` +
    `<sheetPr><tabColor rgb="FF1D4F91"/><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${last}${bottom}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomRight" state="frozen"/>` +
    `<selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${last}${lastRow}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}
