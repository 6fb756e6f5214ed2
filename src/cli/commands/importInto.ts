/**
 * `perfcycle import --into BOOK.xlsx`: the imported rows put into the book's PerfActuals, part by
 * part (matching rows updated, nothing else in the book changed): the book opened here, the
 * rows written by `../into`.
 */
import { readSettings, TABLE } from "../../contract";
import { CliError } from "../errors";
import { limitsOf, type CliIo } from "../io";
import { openXlsx, type XlsxBook } from "../ooxml/book";

/** The book rows are imported into: read, with its PerfActuals table and fiscal year start. */
export async function openInto(into: string, io: CliIo): Promise<{ target: XlsxBook; startMonth: number }> {
  const target = await openXlsx(into, limitsOf(io));
  if (!target.tableNamed(TABLE.actuals)) {
    const names = target.tables.map((t) => t.name).join(", ");
    throw new CliError(
      "TABLE_MISSING",
      `${into} has no ${TABLE.actuals} table to add the rows to (tables found: ${names || "none"})`,
    );
  }
  // Only the settings are read now (the fiscal year start); PerfActuals when the rows are put in.
  const settings = target.tableNamed(TABLE.settings);
  const raw = { tables: settings ? [target.rawTable(settings, { formats: false })] : [] };
  return { target, startMonth: readSettings(raw).settings.startMonth };
}
