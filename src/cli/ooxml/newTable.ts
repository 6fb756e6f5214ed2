/**
 * A new worksheet holding one Excel table (PerfComparators the first time comparators are
 * imported; PerfSettings when an upgrade finds none), built properly as a part-by-part edit:
 * the sheet part (its headers shared strings where the book has them), its `<sheet>` entry,
 * relationship, content type and title (worksheet.ts), the table part with its content type,
 * and the sheet's relationship to it. The sheet gets a name no sheet has.
 */
import type { RawCell } from "../../contract";
import { formatRange } from "./a1";
import type { PackageEdit, StyleAppender } from "./edit";
import { putWorksheet } from "./worksheet";
import { NS, REL } from "./opc";
import type { SharedStrings } from "./sharedStrings";
import { rewriteSheet, type CellWrite } from "./sheetXml";
import { findElement } from "./xmlSpan";
import { escapeAttr } from "./xml";

const TABLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

export interface NewTable {
  /** The sheet's name as wished; a free one is derived from it ("PerfComparators 2"). */
  readonly sheetName: string;
  readonly tableName: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  /** Number formats by column (undefined: General). */
  readonly formats?: readonly (string | undefined)[];
  readonly widths?: readonly number[];
}

function freeSheetName(edit: PackageEdit, wish: string): string {
  const taken = new Set(edit.book.sheets.map((s) => s.name.toLowerCase()));
  let name = wish;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wish} ${i}`;
  return name;
}

function nextTableId(edit: PackageEdit): number {
  const ids = edit.book.tables.map((t) => {
    const root = findElement(edit.text(t.part) ?? "", "table");
    return Number(/\sid\s*=\s*["'](\d+)["']/.exec(root?.attrs ?? "")?.[1] ?? 0);
  });
  return Math.max(0, ...ids) + 1;
}

function tableXml(id: number, spec: NewTable, ref: string): string {
  const cols = spec.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join("");
  const name = escapeAttr(spec.tableName);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.spreadsheet}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${spec.headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Add the sheet and its table; returns the sheet's name. */
export function addTableSheet(
  edit: PackageEdit,
  styles: StyleAppender,
  shared: SharedStrings,
  spec: NewTable,
): string {
  const sheetName = freeSheetName(edit, spec.sheetName);
  const width = spec.headers.length;
  const bottom = 1 + Math.max(1, spec.rows.length);
  const ref = formatRange({ top: 1, left: 1, bottom, right: width });
  const cols = (spec.widths ?? [])
    .map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const shell = (rId: string): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.spreadsheet}" xmlns:r="${NS.relationships}"><dimension ref="${ref}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (rId ? `<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>` : "") +
    `</worksheet>`;
  const { part } = putWorksheet(edit, sheetName, shell(""));
  const tablePart = edit.freePartName("xl/tables", "table", "xml");
  edit.set(tablePart, tableXml(nextTableId(edit), spec, ref));
  edit.addOverride(tablePart, TABLE_CONTENT_TYPE);
  const rId = edit.addRelationship(part, REL.table, tablePart);
  const formats = (spec.formats ?? []).map((f) => (f ? styles.xf({ numFmt: f }) : undefined));
  const writes = new Map<number, Map<number, CellWrite>>();
  writes.set(1, new Map(spec.headers.map((h, j) => [j + 1, { value: h, style: undefined, asShared: true }])));
  spec.rows.forEach((row, i) => {
    const cells = new Map<number, CellWrite>();
    row.forEach((v, j) => {
      if (v !== null && v !== "") cells.set(j + 1, { value: v, style: formats[j] });
    });
    writes.set(2 + i, cells);
  });
  const xml = rewriteSheet(edit.book, shell(rId), writes, styles, sheetName, undefined, shared);
  edit.set(part, xml);
  return sheetName;
}
