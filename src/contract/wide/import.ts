/**
 * Import of a wide table (indicators down, quarters across) into the long PerfActuals form
 * (workbook.md, "perfcycle import"), as councils publish such tables: title and note rows
 * above the header, a row of fiscal years over the quarter headers, merged header cells, a label
 * column headed anything ("Case Type", "KPI", nothing), totals and "of which" rows, footnote
 * and quality marks on figures, and a percentage row under its `n/d` row. Every error and
 * warning names the sheet, the cell and the text found there; a mistyped header is an error and
 * the rest of the table still imports.
 *
 * Decisions where the spec is silent (docs/decisions.md, "Wide import" and "Tables as councils
 * publish them"):
 * - The header row is the first row with a quarter header and either a label column
 *   (IndicatorId/Id/Code, Indicator/Measure/KPI, OrgUnit/Unit/Cluster/Centre) or a second
 *   quarter; a fiscal-year row is never the header row.
 * - With no IndicatorId or Indicator column, the label column is the first column of text
 *   below the header (at least half its filled cells are words, not figures), whatever its
 *   header says. Ids are then made from the labels (labels.ts), with a warning naming each
 *   label's cell; two labels that make the same id get -2, -3 (a warning each).
 * - A header that is neither a quarter nor a label column is ignored with a warning, unless it
 *   looks like a date or a quarter (`31/12/213`, `15/05/2015`, `Q5 2015`): then it is an error
 *   naming how many figures under it are not imported.
 * - A row whose figures are all `n/d` followed directly by a percentage row (its label has %,
 *   percent, proportion or rate, or all its figures are percentages) is one indicator: the
 *   `n/d` figures are imported; a percentage is imported only where its `n/d` cell is blank;
 *   each percentage that does not equal its `n/d` at its published precision is a warning here
 *   (and a finding of `perfcycle check`).
 * - Totals and "of which" rows are imported as indicators of their own, flagged with `role`
 *   (`total` or `part`, and `partOf`, the id of the row a part belongs to): PerfCycle never adds
 *   indicators together, so nothing is counted twice; the flag lets a reader keep them apart.
 * - Footnote marks are read off figures (marks.ts), one warning per mark listing the cells;
 *   `(p)` and `(e)` give the row `quality` Provisional or Estimated.
 * - A placeholder (`awaiting data`) gives no row and a warning; a blank gives no row silently.
 * - Rows are sorted by indicator id, unit and quarter (stable); issues by cell, row by row.
 */
import { idKey, quote, unitKey } from "../../engine";
import { offsetA1, parseA1 } from "../a1";
import type { RawCell } from "../raw";
import { Issues, type CellIssue } from "./issues";
import { readLayout } from "./layout";
import { mergeAreas, spreadMerges } from "./merges";
import type { MarkQuality } from "./marks";
import type { RowRole } from "./labels";
import { RowImporter, type MarkCells, type SortableRow } from "./rows";

export { issueJson, type CellIssue } from "./issues";

/** A row of the import JSON: the spec's keys, and the optional flags only when they apply. */
export interface ImportedRow {
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The figure carried a data-quality mark (`(p)`, `(e)`). */
  readonly quality?: MarkQuality;
  /** A total row, or a part ("of which") of the row `partOf`. */
  readonly role?: RowRole;
  readonly partOf?: string;
}

export interface WideImport {
  readonly rows: ImportedRow[];
  readonly errors: CellIssue[];
  readonly warnings: CellIssue[];
}

export interface WideImportOptions {
  /** First month of the fiscal year, 1-12. */
  readonly startMonth: number;
  /** A1 address of grid[0][0] (default A1). */
  readonly origin?: string;
  /** Merged areas as A1 ranges in sheet coordinates (SheetGrid.merges). */
  readonly merges?: readonly string[];
  /** Number formats, the grid's shape (to read the precision a percentage is published with). */
  readonly formats?: readonly (readonly string[])[];
}

export const IMPORT_JSON_KEYS = [
  "indicatorId",
  "indicator",
  "orgUnit",
  "period",
  "value",
  "numerator",
  "denominator",
] as const satisfies readonly (keyof ImportedRow)[];

/** The optional keys of an imported row, written to the JSON only when present. */
export const IMPORT_JSON_OPTIONAL_KEYS = [
  "quality",
  "role",
  "partOf",
] as const satisfies readonly (keyof ImportedRow)[];

/** One warning per footnote mark, listing the cells it was read off. */
function markWarnings(marks: ReadonlyMap<string, MarkCells>, issues: Issues): void {
  for (const [mark, m] of marks) {
    const list =
      m.cells.length > 6
        ? `${m.cells.slice(0, 6).join(", ")} and ${m.cells.length - 6} more`
        : m.cells.join(", ");
    const what = m.quality
      ? `imported with quality ${m.quality}`
      : "imported without the mark (see the table's notes)";
    issues.warn(
      m.r,
      m.c,
      m.cell,
      "WIDE_MARK",
      `the mark ${quote(mark)} is read off ${m.cells.length === 1 ? "the figure" : `${m.cells.length} figures`} (${list}): ${what}`,
    );
  }
}

/** Rows by indicator id, unit and quarter (stable), without their sort keys. */
function sortedRows(rows: SortableRow[]): ImportedRow[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort(
    (a, b) =>
      cmp(idKey(a.indicatorId), idKey(b.indicatorId)) ||
      cmp(unitKey(a.orgUnit), unitKey(b.orgUnit)) ||
      a.qi - b.qi ||
      a.seq - b.seq,
  );
  return rows.map(({ qi: _qi, seq: _seq, ...row }) => row);
}

/** Import a wide grid. Never throws: every problem is an error or a warning naming its cell. */
export function importWide(
  sheet: string,
  grid: readonly (readonly RawCell[])[],
  options: WideImportOptions,
): WideImport {
  const { startMonth } = options;
  const origin = options.origin !== undefined && parseA1(options.origin) ? options.origin : "A1";
  const at = (r: number, c: number): string => offsetA1(origin, r, c);
  const issues = new Issues(sheet, at);
  const areas = mergeAreas(options.merges, origin);
  const headerGrid = spreadMerges(grid, areas);
  const layout = readLayout({ grid, headerGrid, areas, startMonth, at, issues });
  if (layout === null) return { rows: [], ...issues.sorted() };
  const importer = new RowImporter(layout, issues, at, startMonth, options.formats);
  for (let r = layout.headerRow + 1; r < grid.length; r++) importer.read(r, grid[r] ?? []);
  markWarnings(importer.marks, issues);
  return { rows: sortedRows(importer.rows), ...issues.sorted() };
}
