/**
 * The writes PerfCycle makes into a user's workbook, each as a part-by-part edit of the
 * package (see edit.ts): the report sheet added to a copy (`evaluate --xlsx`), and rows put into
 * tables (`import --into`, the schema upgrade: see rows.ts, columns.ts, ../upgrade.ts). Anything that cannot be written safely is refused
 * before a byte is written.
 */
import { extname } from "node:path";
import { CliError } from "../errors";
import { sheetName } from "./a1";
import type { XlsxBook } from "./book";
import { PackageEdit, putWorksheet, StyleAppender } from "./edit";
import { reportSheetXml, type ReportSheetLayout } from "./reportPart";
import { planBookUpgrade, upgradeWrite, writeBook } from "../upgrade";

/** A book with macros written to a name Excel opens only without them is refused (Excel would refuse to open it). */
export function refuseMacroLoss(book: XlsxBook, out: string): void {
  if (book.macros && extname(out).toLowerCase() === ".xlsx")
    throw new CliError(
      "UNSAFE_WRITE",
      `${book.path} has macros (a VBA project), which Excel does not open from an .xlsx file; name the copy .xlsm to keep them (PerfCycle never runs them)`,
    );
}

/**
 * The package of `book` with the report sheet added (or its earlier version replaced). Written
 * over the book itself (`inPlace`), it is a write into the workbook, so the schema upgrade is
 * made in the same edit (docs/decisions.md, "Schema upgrade and comparators in the CLI"); a copy
 * is the book as it was plus the report sheet.
 */
export function withReportSheet(book: XlsxBook, inPlace: boolean, layout: ReportSheetLayout): Buffer {
  if (inPlace) {
    const write = upgradeWrite(book, planBookUpgrade(book));
    return writeBook(book, write, (edit, styles) => {
      const xml = reportSheetXml(layout, styles, book.date1904);
      putWorksheet(edit, sheetName(layout.sheetName), xml);
    });
  }
  const edit = new PackageEdit(book);
  const styles = new StyleAppender(edit);
  const xml = reportSheetXml(layout, styles, book.date1904);
  styles.commit();
  putWorksheet(edit, sheetName(layout.sheetName), xml);
  return edit.write();
}
