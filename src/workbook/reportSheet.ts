/**
 * The report sheet of a period, as a frozen snapshot:
 *
 *   A1  PerfCycle report 2015-16 Q2 (milestone rule)                       (bold)
 *   A2  Rated by PerfCycle 0.1.0 rules (Milestone rule, RAG scheme) on 25/11/2026 14:05 by …
 *   A3  Red 2 · Amber 3 · Green 7 · No data 1 · …
 *   row 5: the headers (bold, shaded, frozen); data from row 6.
 *
 * The sheet is named `PerfReport <period>`. A2 is the snapshot's marker: a sheet of that name
 * whose A2 does not start with "Rated by PerfCycle" is the user's, and is never replaced.
 * Values go first, then number formats, then styles; the RAG column is coloured by one
 * cell-value conditional format per status (RAG_COLOURS), a constant number of operations
 * whatever the number of rows, and colours that follow the rows if the committee sorts them.
 */
import { RAG_STATUSES, type RagRule, type RagScheme, type Summary } from "../engine";
import { columnLetters, PERFCYCLE_VERSION } from "../contract";
import { RAG_COLOURS, reportSheetName, type ReportSheet } from "../present";
import { localAddress } from "./address";
import { OP_BYTES, writeGrid, type WriteBatch } from "./batch";
import { asText, toExcel } from "./cells";

export const REPORT_SHEET_PREFIX = reportSheetName("");
const TEMP_PREFIX = `~${REPORT_SHEET_PREFIX}`;
export const PROVENANCE_PREFIX = "Rated by PerfCycle ";
/** 0-based row of the header row (row 5); data rows follow. */
export const REPORT_HEADER_ROW = 4;

export { reportSheetName };

/** The name a new report is built under before it replaces the old one. */
export function tempSheetName(periodLabel: string): string {
  return `${TEMP_PREFIX}${periodLabel}`.slice(0, 31);
}

export function isTempSheet(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

export interface Provenance {
  readonly rule: RagRule;
  readonly scheme: RagScheme;
  readonly when: Date;
  readonly who: string;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** The marker line: which rules rated the snapshot, when and by whom (local time, en-GB). */
export function provenanceText(p: Provenance): string {
  const d = p.when;
  const date = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
  const who = p.who.trim() === "" ? "" : ` by ${p.who.trim()}`;
  return `${PROVENANCE_PREFIX}${PERFCYCLE_VERSION} rules (${p.rule} rule, ${p.scheme} scheme) on ${date}${who}. A frozen snapshot: re-rate the quarter to change it.`;
}

export function isProvenance(cell: unknown): boolean {
  return typeof cell === "string" && cell.startsWith(PROVENANCE_PREFIX);
}

/** "Red 2 · Amber 3 · …": the statuses present, in the engine's order. */
export function summaryText(summary: Summary): string {
  const parts = RAG_STATUSES.filter((s) => summary[s] > 0).map((s) => `${s} ${summary[s]}`);
  return parts.length === 0 ? "No indicators to report" : parts.join(" · ");
}

/** Queue the whole report onto `sheet` (a new, empty sheet). */
export async function writeReport(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  data: ReportSheet,
  lines: { readonly provenance: string; readonly summary: string },
  budget: number,
): Promise<void> {
  const width = data.headers.length;
  const first = REPORT_HEADER_ROW + 1;
  const rows = data.rows.length;

  // Values.
  const top = [[asText(data.title)], [asText(lines.provenance)], [asText(lines.summary)]];
  await batch.room(JSON.stringify(top).length);
  sheet.getRange("A1:A3").values = top;
  const header = [data.headers.map((h) => asText(h))];
  await batch.room(JSON.stringify(header).length);
  sheet.getRange(localAddress(REPORT_HEADER_ROW, 0, 1, width)).values = header;
  const values = data.rows.map((r) => Array.from({ length: width }, (_, j) => toExcel(r[j])));
  await writeGrid(
    batch,
    values,
    (start, count) => sheet.getRange(localAddress(first + start, 0, count, width)),
    "values",
    budget,
  );

  // Number formats, over the columns that have any (General is left as it is on a new sheet).
  const cols = new Set<number>();
  for (const r of data.cellFormats) r.forEach((f, j) => f !== "General" && cols.add(j));
  if (cols.size > 0 && rows > 0) {
    const lo = Math.min(...cols);
    const hi = Math.max(...cols);
    const formats = data.cellFormats.map((r) =>
      Array.from({ length: hi - lo + 1 }, (_, k) => {
        const f = r[lo + k] ?? "General";
        return f === "General" ? null : f;
      }),
    );
    await writeGrid(
      batch,
      formats,
      (start, count) => sheet.getRange(localAddress(first + start, lo, count, hi - lo + 1)),
      "numberFormat",
      budget,
    );
  }

  // Styles: title, header, RAG colours (widths and the frozen header: queueSheetView).
  await batch.room(OP_BYTES * (12 + width));
  sheet.getRange("A1").format.font.bold = true;
  const head = sheet.getRange(localAddress(REPORT_HEADER_ROW, 0, 1, width));
  head.format.font.bold = true;
  head.format.fill.color = "#D9E1F2";
  if (rows > 0 && data.ragColumn >= 0) {
    const rag = sheet.getRange(localAddress(first, data.ragColumn, rows, 1));
    for (const status of RAG_STATUSES) {
      const colours = RAG_COLOURS[status];
      const cf = rag.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = colours.fill;
      cf.cellValue.format.font.color = colours.font;
      cf.cellValue.rule = { formula1: `="${status}"`, operator: "EqualTo" };
    }
  }
}

/**
 * Queue the sheet's view: column widths (not carried by a copy of cells) and the frozen header.
 * Only on a visible sheet: freeze-pane calls on hidden sheets fail (`freeze-hidden-sheet`,
 * office-js#1463 "unfreeze() throws an exception … on hidden sheets", office-js#2196).
 */
export function queueSheetView(batch: WriteBatch, sheet: Excel.Worksheet, data: ReportSheet): void {
  batch.small();
  data.widths.forEach((w, j) => {
    const letter = columnLetters(j);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(w * 6.5);
  });
  sheet.freezePanes.freezeRows(REPORT_HEADER_ROW + 1);
}
