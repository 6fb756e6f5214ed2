/**
 * Schema 2 columns a write needs that the table does not have yet: a target saved with its
 * method (TargetMethod, TargetRationale) or its lineage (PreviousId), an actual with its Quality.
 * The hosts add them at the right end of the table before the write (workbook.md: "new optional
 * columns added at the end of their tables, user columns untouched"), so choosing a suggestion
 * in a version-1 workbook never fails for want of a column. Pure.
 */
import type { RawCell } from "./raw";
import { cellText } from "./read";
import { matchHeader, OPTIONAL_ACTUAL_COLUMNS, V2_TARGET_COLUMNS } from "./schema";

/** The optional columns a host may add on a write, by table. */
const ADDABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  PerfTargets: V2_TARGET_COLUMNS,
  PerfActuals: OPTIONAL_ACTUAL_COLUMNS,
};

/**
 * The schema 2 columns among `names` (as the contract spells them) that `headers` lack, in the
 * contract's order; names that are not addable columns of the table are left to the writer.
 *
 * @example
 * columnsToAdd("PerfTargets", ["IndicatorId", "Target"], ["Target", "TargetMethod"]) // ["TargetMethod"]
 */
export function columnsToAdd(table: string, headers: readonly RawCell[], names: readonly string[]): string[] {
  const addable = ADDABLE_COLUMNS[table] ?? [];
  const have = headers.map((h) => cellText(h));
  const wanted = new Set(
    names.map((n) => matchHeader(n, addable)).filter((n): n is string => n !== undefined),
  );
  return addable.filter((c) => wanted.has(c) && matchHeader(c, have) === undefined);
}
