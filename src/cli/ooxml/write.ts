/**
 * The two writes PerfCycle makes into a user's workbook, each as a part-by-part edit of the
 * package (see edit.ts): the report sheet added to a copy (`evaluate --xlsx`), and rows put into
 * PerfActuals (`import --into`, see rows.ts). Anything that cannot be written safely is refused
 * before a byte is written.
 */
import { extname } from "node:path";
import { CliError } from "../errors";
import { sheetName } from "./a1";
import type { XlsxBook } from "./book";
import { PackageEdit, putWorksheet, StyleAppender } from "./edit";
import { reportSheetXml, type ReportSheetLayout } from "./reportPart";

/** A book with macros written to a name Excel opens only without them is refused (Excel would refuse to open it). */
export function refuseMacroLoss(book: XlsxBook, out: string): void {
  if (book.macros && extname(out).toLowerCase() === ".xlsx")
    throw new CliError(
      `${book.path} has macros (a VBA project), which Excel does not open from an .xlsx file; name the copy .xlsm to keep them (PerfCycle never runs them)`,
    );
}

/** The package of `book` with the report sheet added (or its earlier version replaced). */
export function withReportSheet(book: XlsxBook, layout: ReportSheetLayout): Buffer {
  const edit = new PackageEdit(book);
  const styles = new StyleAppender(edit);
  const xml = reportSheetXml(layout, styles, book.date1904);
  styles.commit();
  putWorksheet(edit, sheetName(layout.sheetName), xml);
  return edit.write();
}
