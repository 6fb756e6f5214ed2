/**
 * `perfcycle import --into BOOK.xlsx`: the imported rows put into the book's PerfActuals, part by
 * part (matching rows updated, nothing else in the book changed).
 */
import { cellText, columnIndex, readSettings, TABLE, upsertActuals, type ImportedRow } from "../../contract";
import { idKey } from "../../engine";
import { CliError } from "../errors";
import { writeAtomic } from "../files";
import { limitsOf, type CliIo } from "../io";
import { openXlsx, type XlsxBook } from "../ooxml/book";
import { planTableRows, writeTableRows, type RowsPlan } from "../ooxml/rows";

/** The book rows are imported into: read, with its PerfActuals table and fiscal year start. */
export async function openInto(into: string, io: CliIo): Promise<{ target: XlsxBook; startMonth: number }> {
  const target = await openXlsx(into, limitsOf(io));
  if (!target.tableNamed(TABLE.actuals)) {
    const names = target.tables.map((t) => t.name).join(", ");
    throw new CliError(
      `${into} has no ${TABLE.actuals} table to add the rows to (tables found: ${names || "none"})`,
    );
  }
  // Only the settings are read now (the fiscal year start); PerfActuals when the rows are put in.
  const settings = target.tableNamed(TABLE.settings);
  const raw = { tables: settings ? [target.rawTable(settings, { formats: false })] : [] };
  return { target, startMonth: readSettings(raw).settings.startMonth };
}

interface IntoPlan {
  readonly plan: RowsPlan | undefined;
  readonly added: number;
  readonly updated: number;
  readonly qualityNotKept: number;
}

/** The cells an import writes into the book's PerfActuals (the table's rows are read and dropped here). */
function planInto(
  target: XlsxBook,
  into: string,
  rows: readonly ImportedRow[],
  startMonth: number,
): IntoPlan {
  const table = target.tableNamed(TABLE.actuals);
  if (!table) throw new CliError(`${into} has no ${TABLE.actuals} table to add the rows to`);
  const before = target.rawTable(table, { formats: false, styles: true });
  // The table's own values are in `before` now; the rows below it are kept for the checks.
  target.dropValuesAbove(table.sheet, table.range.bottom + 1);
  const up = upsertActuals(before, rows, startMonth);
  if (up.errors.length > 0) throw new CliError(`${into}: ${up.errors.map((e) => e.message).join("; ")}`);
  // A new row takes the cell formats of the last row of the same indicator (a rate's 0.0%,
  // a count's #,##0), or none.
  const idCol = columnIndex(before).positions.get("IndicatorId");
  const lastOf = new Map<string, number>();
  if (idCol !== undefined) before.rows.forEach((r, i) => lastOf.set(idKey(cellText(r[idCol] ?? null)), i));
  const formatFrom = (i: number): number | undefined =>
    idCol === undefined ? undefined : lastOf.get(idKey(cellText(up.rows[i]?.[idCol] ?? null)));
  const plan =
    up.added + up.updated > 0
      ? planTableRows(target, table, before.rows, { rows: up.rows, formatFrom })
      : undefined;
  return { plan, added: up.added, updated: up.updated, qualityNotKept: up.qualityNotKept };
}

/** Put the imported rows into the book's PerfActuals (part by part); returns the note to print. */
export async function writeInto(
  target: XlsxBook,
  into: string,
  rows: readonly ImportedRow[],
  startMonth: number,
): Promise<string> {
  const { plan, added, updated, qualityNotKept } = planInto(target, into, rows, startMonth);
  if (plan) await writeAtomic(into, writeTableRows(target, plan));
  const quality =
    qualityNotKept > 0
      ? `${into}: ${TABLE.actuals} has no Quality column, so ${qualityNotKept} provisional or estimated mark${qualityNotKept === 1 ? " was" : "s were"} not kept (add a Quality column at the end of the table, or set it in the task pane's quality entry)\n`
      : "";
  return `${into}: ${added} row${added === 1 ? "" : "s"} added and ${updated} updated in ${TABLE.actuals}${added + updated === 0 ? " (nothing to change; the file was not rewritten)" : ""}\n${quality}`;
}
