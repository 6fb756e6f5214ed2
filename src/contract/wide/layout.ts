/**
 * The layout of a wide table: its header row (under any fiscal-year row), the quarter of each
 * figure column, and the label columns (named by their header, else the first column of words).
 * Each header that is not imported is an error or a warning naming its cell.
 */
import { formatQuarter, quarterIndex, quote, type Quarter } from "../../engine";
import type { RawCell } from "../raw";
import { cellText, isBlankCell } from "../read";
import { isWords } from "./figure";
import { bandOf, readHeader, type BandYear, type HeaderRead, type Label } from "./header";
import type { Issues } from "./issues";
import type { GridArea } from "./merges";

type Grid = readonly (readonly RawCell[])[];

/** What the layout is read from. */
export interface LayoutInput {
  readonly grid: Grid;
  /** The grid with merged header cells spread over their area. */
  readonly headerGrid: Grid;
  readonly areas: readonly GridArea[];
  readonly startMonth: number;
  readonly at: (r: number, c: number) => string;
  readonly issues: Issues;
}

export interface Layout {
  readonly headerRow: number;
  readonly labelCol: Partial<Record<Label, number>>;
  readonly periodCols: readonly { readonly c: number; readonly quarter: Quarter }[];
}

/** The header row (the first with a quarter and a label column or a second quarter) and its headers read. */
function findHeaderRow(input: LayoutInput): { row: number; headers: HeaderRead[] } | null {
  const { grid, headerGrid, areas, startMonth, at } = input;
  let band: ((c: number) => BandYear | undefined) | undefined;
  let bandRow = -1;
  for (let r = 0; r < grid.length; r++) {
    const row = headerGrid[r] ?? [];
    const asBand = bandOf(grid[r] ?? [], r, areas, startMonth, at);
    if (asBand && !row.some((c) => readHeader(c, startMonth).kind === "period")) {
      band = asBand;
      bandRow = r;
      continue;
    }
    const over = bandRow >= 0 && r - bandRow <= 2 ? band : undefined;
    const read = row.map((c, i) => readHeader(c, startMonth, over?.(i)));
    const periods = read.filter((h) => h.kind === "period").length;
    const labels = read.filter((h) => h.kind === "label").length;
    const bad = read.filter((h) => h.kind === "error").length;
    // One quarter with no label header: a header when the row below has words left of it.
    const firstPeriod = read.findIndex((h) => h.kind === "period");
    const wordsBelow = firstPeriod > 0 && (grid[r + 1] ?? []).slice(0, firstPeriod).some((c) => isWords(c));
    if ((periods >= 1 || bad >= 1) && (labels >= 1 || periods + bad >= 2 || wordsBelow))
      return { row: r, headers: read };
  }
  return null;
}

interface Columns {
  readonly labelCol: Partial<Record<Label, number>>;
  readonly periodCols: { c: number; quarter: Quarter }[];
  readonly ignored: number[];
}

/** Each header's column: a label, a quarter (once), else an error or a warning. */
function readColumns(input: LayoutInput, headerRow: number, headers: readonly HeaderRead[]): Columns {
  const { grid, startMonth, at, issues } = input;
  const hdr = input.headerGrid[headerRow] ?? [];
  const labelCol: Partial<Record<Label, number>> = {};
  const periodCols: { c: number; quarter: Quarter }[] = [];
  const seenQuarter = new Map<number, number>();
  const ignored: number[] = [];
  const notImported = (c: number): string => {
    const n = grid.slice(headerRow + 1).filter((row) => !isBlankCell(row[c] ?? null)).length;
    return n === 0
      ? "this column is not imported"
      : `the ${n} figure${n === 1 ? "" : "s"} under it are not imported`;
  };
  headers.forEach((h, c) => {
    const cell = hdr[c] ?? null;
    if (h.kind === "label") {
      if (labelCol[h.label] === undefined) labelCol[h.label] = c;
      else
        issues.warn(
          headerRow,
          c,
          cell,
          "WIDE_LABEL_REPEATED",
          `a second ${h.label} column; the first is used`,
        );
    } else if (h.kind === "period") {
      const first = seenQuarter.get(quarterIndex(h.quarter));
      if (first !== undefined) {
        issues.error(
          headerRow,
          c,
          cell,
          "WIDE_QUARTER_REPEATED",
          `${quote(cellText(cell))} is ${formatQuarter(h.quarter, startMonth)} again (also the header of ${at(headerRow, first)}); ${notImported(c)}`,
        );
      } else {
        seenQuarter.set(quarterIndex(h.quarter), c);
        periodCols.push({ c, quarter: h.quarter });
      }
    } else if (h.kind === "error")
      issues.error(headerRow, c, cell, "WIDE_HEADER", `${h.message}; ${notImported(c)}`);
    else if (h.kind === "year") {
      const message = `${quote(cellText(cell))} is a whole year's column, not a quarter; the column is not imported`;
      issues.warn(headerRow, c, cell, "WIDE_YEAR_COLUMN", message);
    } else if (h.kind === "ignored") ignored.push(c);
  });
  return { labelCol, periodCols, ignored };
}

/** With no IndicatorId or Indicator column: the first column of words below the header (at least half its filled cells). */
function wordsColumn(input: LayoutInput, headerRow: number, skip: ReadonlySet<number>): number | undefined {
  const { grid } = input;
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if (skip.has(c)) continue;
    let text = 0;
    let filled = 0;
    for (let r = headerRow + 1; r < grid.length; r++) {
      const cell = grid[r]?.[c] ?? null;
      if (isBlankCell(cell)) continue;
      filled++;
      if (isWords(cell)) text++;
    }
    if (text > 0 && text * 2 >= filled) return c;
  }
  return undefined;
}

/** The table's layout, or null (with its error) when it has no header row or nothing naming its rows. */
export function readLayout(input: LayoutInput): Layout | null {
  const { grid, issues } = input;
  const found = findHeaderRow(input);
  if (found === null) {
    issues.error(
      0,
      0,
      grid[0]?.[0] ?? null,
      "WIDE_NO_HEADER",
      "No header row with quarters was found: the table needs a row of quarter headers (2015-16 Q1, 30/06/2015 or Jun-15) beside an Indicator or IndicatorId column",
    );
    return null;
  }
  const headerRow = found.row;
  const hdr = input.headerGrid[headerRow] ?? [];
  const { labelCol, periodCols, ignored } = readColumns(input, headerRow, found.headers);
  if (labelCol.id === undefined && labelCol.indicator === undefined) {
    const figureCols = [
      ...periodCols.map((p) => p.c),
      ...found.headers.flatMap((h, c) => (h.kind === "error" || h.kind === "year" ? [c] : [])),
    ];
    const skip = new Set(labelCol.unit === undefined ? figureCols : [...figureCols, labelCol.unit]);
    const words = wordsColumn(input, headerRow, skip);
    if (words !== undefined) labelCol.indicator = words;
  }
  for (const c of ignored) {
    if (c === labelCol.indicator) continue;
    const cell = hdr[c] ?? null;
    const message = `${quote(cellText(cell))} is not a quarter or a label column; the column is ignored`;
    issues.warn(headerRow, c, cell, "WIDE_COLUMN_IGNORED", message);
  }
  if (labelCol.id === undefined && labelCol.indicator === undefined) {
    issues.error(
      headerRow,
      0,
      hdr[0] ?? null,
      "WIDE_NO_LABELS",
      "The table has no IndicatorId (or Id, Code) column, no Indicator (or Measure, KPI) column and no column of labels, so the rows cannot be named",
    );
    return null;
  }
  if (labelCol.unit === undefined) {
    const c = labelCol.indicator ?? labelCol.id ?? 0;
    issues.warn(
      headerRow,
      c,
      hdr[c] ?? null,
      "WIDE_NO_UNIT",
      "No OrgUnit (or Unit, Cluster, Centre) column: the unit is left blank",
    );
  }
  return { headerRow, labelCol, periodCols };
}
