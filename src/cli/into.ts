/**
 * `import --into BOOK.xlsx`: the imported rows put into BOOK's PerfActuals, part by part, in
 * the same write as the schema upgrade (upgrade.ts). The upgrade gives PerfActuals its Quality
 * column (at the table's right end, when it has none), so a provisional or estimated mark from
 * the wide table is written beside its figure; Validated stays a blank (semantics: blank means
 * Validated). Nothing is written when nothing changes, and nothing at all when any table
 * cannot take its part of the write.
 */
import { plural } from "../engine";
import { cellText, columnIndex, TABLE, upsertActuals, type ImportedRow } from "../contract";
import { idKey } from "../engine";
import { CliError } from "./errors";
import { writeAtomic } from "./files";
import type { XlsxBook } from "./ooxml/book";
import { planBookUpgrade, upgradedHeaders, upgradeNote, upgradeWrite, writeBook } from "./upgrade";

/** Put the imported rows into the book's PerfActuals (part by part); returns the note to print. */
export async function writeInto(
  target: XlsxBook,
  into: string,
  rows: readonly ImportedRow[],
  startMonth: number,
): Promise<string> {
  const up = planBookUpgrade(target);
  const table = target.tableNamed(TABLE.actuals);
  if (!table) throw new CliError("TABLE_MISSING", `${into} has no ${TABLE.actuals} table to add the rows to`);
  const read = target.rawTable(table, { formats: false, styles: true });
  // The table's own values are in `read` now; the rows below it are kept for the checks.
  target.dropValuesAbove(table.sheet, table.range.bottom + 1);
  const actuals = upgradedHeaders(up, read);
  const put = upsertActuals(actuals, rows, startMonth);
  if (put.errors.length > 0)
    throw new CliError("ROWS_REFUSED", `${into}: ${put.errors.map((e) => e.message).join("; ")}`);
  const changed = put.added + put.updated;
  const counts = `${into}: ${plural(put.added, "row", "rows")} added and ${put.updated} updated in ${TABLE.actuals}`;
  if (changed === 0) return `${counts} (nothing to change; the file was not rewritten)\n`;
  // A new row takes the cell formats of the last row of the same indicator (a rate's 0.0%,
  // a count's #,##0), or none.
  const idCol = columnIndex(actuals).positions.get("IndicatorId");
  const lastOf = new Map<string, number>();
  if (idCol !== undefined) actuals.rows.forEach((r, i) => lastOf.set(idKey(cellText(r[idCol] ?? null)), i));
  const formatFrom = (i: number): number | undefined =>
    idCol === undefined ? undefined : lastOf.get(idKey(cellText(put.rows[i]?.[idCol] ?? null)));
  const write = upgradeWrite(
    target,
    up,
    new Map([[table.name, { before: read.rows, rows: put.rows, formatFrom }]]),
  );
  await writeAtomic(into, writeBook(target, write));
  const marks = rows.filter((r) => r.quality !== undefined).length;
  const quality =
    marks > 0
      ? `${into}: ${plural(marks, "quality mark", "quality marks")} written to ${TABLE.actuals}' Quality column\n`
      : "";
  return `${counts}\n${quality}${upgradeNote(into, up)}`;
}
