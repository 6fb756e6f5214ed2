/**
 * A workbook written by another program (test/fixtures/producers: openpyxl, LibreOffice…) put
 * into the in-memory Excel as Excel would open it: every worksheet's cells with their number
 * formats, in order, and its tables where the file has them. Read with the CLI's package reader
 * (src/cli/ooxml), not with the layer under test.
 */
import { join } from "node:path";
import { openXlsx } from "../../src/cli/ooxml/book";
import { MemoryWorkbook, type CellValue } from "../../src/memory-excel";
import { dateOfJsDate, dateToSerial } from "../../src/engine";

export const PRODUCERS = join(__dirname, "../fixtures/producers");

/** A file cell as the model's input: text kept as text (quote prefix), dates as serial numbers. */
function input(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateToSerial(dateOfJsDate(v));
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export async function producerBook(file: string): Promise<MemoryWorkbook> {
  const x = await openXlsx(join(PRODUCERS, file));
  const sheets = x.worksheets();
  const book = MemoryWorkbook.blank(sheets[0]?.name ?? "Sheet1");
  for (const s of sheets) {
    const sheet = book.sheet(s.name) ?? book.addSheet(s.name);
    const { grid, formats = [] } = x.grid(s);
    const width = Math.max(0, ...grid.map((r) => r.length));
    if (grid.length === 0 || width === 0) continue;
    const rect = { row: 0, col: 0, rowCount: grid.length, colCount: width };
    const pad = <T>(r: readonly T[], blank: T): T[] => Array.from({ length: width }, (_, j) => r[j] ?? blank);
    book.writeCells(
      sheet,
      rect,
      formats.map((r) => pad(r, "General")),
      "numberFormat",
    );
    book.writeCells(
      sheet,
      rect,
      grid.map((r) => pad(r.map(input), "")),
      "values",
    );
  }
  for (const t of x.tables) {
    const sheet = book.sheet(t.sheet.name);
    if (!sheet) continue;
    const r = t.range;
    book.addTable(
      sheet,
      { row: r.top - 1, col: r.left - 1, rowCount: r.bottom - r.top + 1, colCount: r.right - r.left + 1 },
      t.name,
    );
  }
  for (const s of sheets) {
    const sheet = book.sheet(s.name);
    if (sheet && s.state !== "visible")
      book.setVisibility(sheet, s.state === "hidden" ? "Hidden" : "VeryHidden");
  }
  book.markClean();
  return book;
}
