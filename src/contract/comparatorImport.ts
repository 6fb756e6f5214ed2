/**
 * Comparator tables as DfE and OHID publish them (authorities down, years across) read into
 * PerfComparators rows for one indicator: the first row with years is the header (`2013`,
 * `2013-14`, `2014/15`, `2013/2014`); the first column names the authority or area; `England`
 * is National, statistical neighbours' average is Average, an English region is Region, and any
 * other name is a Peer. Values are numbers or percentages; the publishers' suppression marks
 * (`x`, `c`, `..`, `:`, `z`, `-`, blanks, `n/a`) are no figure. Anything else is an error naming
 * the cell and the text found; nothing is guessed. Pure.
 *
 * Choices (docs/decisions.md, "Suggest, comparators and confidence in the interface"):
 * - A single year `2013` is, by default, the fiscal year starting in it (2013-14): the option
 *   `singleYear: "ends"` reads it as the year ending in it (2012-13), for academic-year tables.
 *   The caller shows which reading it used.
 * - A Rate's values: with `valuesAs: "auto"` (default), when any plain number in the table is
 *   above 1 the whole table is read as percentages (55.4 → 55.4%), as DfE tables print them;
 *   a cell written with `%` is always a percentage. One reading for the whole table, never per cell.
 */
import {
  formatFiscalYear,
  fractionOfPoints,
  parseCellNumber,
  parseFiscalYear,
  quote,
  type MeasureType,
} from "../engine";
import { offsetA1 } from "./a1";
import type { RawCell } from "./raw";
import { cellText } from "./read";
import { COMPARATOR_COLUMNS, OPTIONAL_COMPARATOR_COLUMNS } from "./schema";

export type ComparatorKindName = "National" | "Region" | "Average" | "Peer";

/** One PerfComparators row. */
export interface ComparatorRow {
  readonly indicatorId: string;
  /** The fiscal year label, e.g. `2014-15`. */
  readonly period: string;
  readonly comparator: string;
  readonly kind: ComparatorKindName;
  readonly value: number;
  readonly source: string;
}

export interface ComparatorIssue {
  /** A1 address of the cell (from the pasted range's top-left). */
  readonly cell: string;
  readonly text: string;
  readonly message: string;
}

export interface ComparatorImport {
  readonly rows: ComparatorRow[];
  readonly errors: ComparatorIssue[];
  /** How the table was read, in words, for the user to check ("2013 read as 2013-14"…). */
  readonly notes: string[];
}

export interface ComparatorImportOptions {
  readonly indicatorId: string;
  readonly measureType?: MeasureType | null;
  readonly startMonth?: number;
  /** A1 address of the grid's top-left cell (default A1). */
  readonly origin?: string;
  readonly source?: string;
  readonly singleYear?: "starts" | "ends";
  readonly valuesAs?: "auto" | "percent" | "fraction";
}

/** The English regions (ONS), as DfE and OHID name them. */
const REGIONS = [
  "north east",
  "north west",
  "yorkshire and the humber",
  "yorkshire and humber",
  "east midlands",
  "west midlands",
  "east of england",
  "east",
  "london",
  "inner london",
  "outer london",
  "south east",
  "south west",
];

const SUPPRESSED = new Set(["x", "c", "..", ":", "z", "-", "–", "n/a", "na", "low", "u", "*"]);

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The kind of a comparator by its name. */
export function comparatorKind(name: string): ComparatorKindName {
  const n = norm(name).replace(/[.:]$/, "");
  if (n === "england" || n === "england average" || n === "national" || n === "england (national)")
    return "National";
  if (/^(statistical|stat\.?) neighbours?( average| mean)?$/.test(n) || n === "sn average") return "Average";
  if (REGIONS.includes(n.replace(/ region$/, ""))) return "Region";
  return "Peer";
}

/** A header cell as a fiscal year; null when it is not a year. */
function yearOf(cell: RawCell, startMonth: number, singleYear: "starts" | "ends"): number | null {
  const t = typeof cell === "number" ? String(cell) : cellText(cell).trim();
  if (/^\d{4}$/.test(t)) {
    const y = Number(t);
    if (y < 1990 || y > 2100) return null;
    return startMonth === 1 || singleYear === "starts" ? y : y - 1;
  }
  if (!/^\d{4}\s*[-/–]\s*\d{2,4}$/.test(t)) return null;
  const r = parseFiscalYear(t.replace(/\s+/g, "").replace("–", "-"), startMonth);
  return r.ok ? r.value : null;
}

/** What every step of an import reads with and writes to. */
interface ImportContext {
  readonly sm: number;
  readonly singleYear: "starts" | "ends";
  readonly at: (r: number, c: number) => string;
  readonly errors: ComparatorIssue[];
  readonly notes: string[];
}

/** A figure read from the table, before it is scaled to a rate. */
interface FigureCell {
  readonly r: number;
  readonly c: number;
  readonly name: string;
  readonly year: number;
  readonly value: number;
  readonly percentSign: boolean;
}

/** The header row's years by column (null for column A and for a header that is not a year). */
function headerYears(header: readonly RawCell[], headerAt: number, ctx: ImportContext): (number | null)[] {
  const { sm } = ctx;
  const years: (number | null)[] = header.map((c, j) => (j === 0 ? null : yearOf(c, sm, ctx.singleYear)));
  header.forEach((c, j) => {
    const t = cellText(c).trim();
    if (j > 0 && t !== "" && years[j] === null)
      ctx.errors.push({
        cell: ctx.at(headerAt, j),
        text: t,
        message: `${quote(t)} is not a year (write 2013, 2013-14 or 2014/15)`,
      });
    if (j > 0 && /^\d{4}$/.test(t) && years[j] !== null && years[j] !== undefined)
      ctx.notes.push(`${t} read as ${formatFiscalYear(years[j] ?? 0, sm)}`);
  });
  return years;
}

/** One authority's figures, year by year: numbers or percentages; suppression marks are no figure. */
function rowFigures(
  row: readonly RawCell[],
  r: number,
  years: readonly (number | null)[],
  ctx: ImportContext,
): FigureCell[] {
  const name = cellText(row[0] ?? null).trim();
  const filled = row.slice(1).some((c) => cellText(c).trim() !== "");
  if (name === "") {
    if (filled)
      ctx.errors.push({
        cell: ctx.at(r, 0),
        text: "",
        message: "This row has figures but no authority or area name",
      });
    return [];
  }
  const cells: FigureCell[] = [];
  for (let c = 1; c < row.length; c++) {
    const year = years[c];
    if (year === null || year === undefined) continue;
    const raw = row[c] ?? null;
    const text = cellText(raw).trim();
    if (text === "" || SUPPRESSED.has(text.toLowerCase())) continue;
    const p = parseCellNumber(raw);
    if (!p.ok) {
      ctx.errors.push({
        cell: ctx.at(r, c),
        text,
        message: `${name} ${formatFiscalYear(year, ctx.sm)}: ${p.error.message}`,
      });
      continue;
    }
    if (p.value.kind === "blank" || p.value.kind === "placeholder") continue;
    if (p.value.kind === "fraction") {
      ctx.errors.push({
        cell: ctx.at(r, c),
        text,
        message: `${name} ${formatFiscalYear(year, ctx.sm)}: give the figure, not a fraction (${quote(text)})`,
      });
      continue;
    }
    cells.push({ r, c, name, year, value: p.value.value, percentSign: p.value.percent });
  }
  return cells;
}

/** The figures as PerfComparators rows, a rate's plain numbers read as percentages where they must be. */
function comparatorRows(
  grid: readonly (readonly RawCell[])[],
  cells: readonly FigureCell[],
  options: ComparatorImportOptions,
  ctx: ImportContext,
): ComparatorRow[] {
  let asPercent = false;
  if (options.measureType === "Rate") {
    const mode = options.valuesAs ?? "auto";
    asPercent = mode === "percent" || (mode === "auto" && cells.some((x) => !x.percentSign && x.value > 1));
    if (asPercent) ctx.notes.push("Plain numbers read as percentages (55.4 is 55.4%)");
  }
  const rows: ComparatorRow[] = [];
  for (const x of cells) {
    const value = asPercent && !x.percentSign ? fractionOfPoints(x.value) : x.value;
    if (options.measureType === "Rate" && (value < 0 || value > 1)) {
      ctx.errors.push({
        cell: ctx.at(x.r, x.c),
        text: cellText(grid[x.r]?.[x.c] ?? null),
        message: `${x.name} ${formatFiscalYear(x.year, ctx.sm)}: a rate must be between 0% and 100%`,
      });
      continue;
    }
    rows.push({
      indicatorId: options.indicatorId,
      period: formatFiscalYear(x.year, ctx.sm),
      comparator: x.name,
      kind: comparatorKind(x.name),
      value,
      source: options.source ?? "",
    });
  }
  return rows;
}

/**
 * Read a pasted or selected comparator table (see the module comment).
 *
 * @example
 * importComparators([["", "2013", "2014"], ["England", "52.0%", "60.0%"]], { indicatorId: "GLD" }).rows[1]
 * // { indicatorId: "GLD", period: "2014-15", comparator: "England", kind: "National", value: 0.6, … }
 */
export function importComparators(
  grid: readonly (readonly RawCell[])[],
  options: ComparatorImportOptions,
): ComparatorImport {
  const ctx: ImportContext = {
    sm: options.startMonth ?? 4,
    singleYear: options.singleYear ?? "starts",
    at: (r, c) => offsetA1(options.origin ?? "A1", r, c),
    errors: [],
    notes: [],
  };
  const { errors, notes } = ctx;
  const headerAt = grid.findIndex((row) =>
    row.slice(1).some((c) => yearOf(c, ctx.sm, ctx.singleYear) !== null),
  );
  if (headerAt < 0) {
    return {
      rows: [],
      errors: [
        {
          cell: ctx.at(0, 0),
          text: cellText(grid[0]?.[1] ?? null),
          message:
            "No row of years was found: the table needs the years across its first row (2013, 2013-14 or 2014/15) and the authorities down its first column",
        },
      ],
      notes,
    };
  }
  const years = headerYears(grid[headerAt] ?? [], headerAt, ctx);
  const cells = grid.slice(headerAt + 1).flatMap((row, i) => rowFigures(row, headerAt + 1 + i, years, ctx));
  return { rows: comparatorRows(grid, cells, options, ctx), errors, notes };
}

/** The PerfComparators headers a new table gets. */
export const COMPARATOR_TABLE_HEADERS: readonly string[] = [
  ...COMPARATOR_COLUMNS,
  ...OPTIONAL_COMPARATOR_COLUMNS,
];

/** A row as cells under the given headers (unknown headers left blank). */
export function comparatorCells(row: ComparatorRow, headers: readonly RawCell[]): RawCell[] {
  const byName: Record<string, RawCell> = {
    indicatorid: row.indicatorId,
    period: row.period,
    comparator: row.comparator,
    kind: row.kind,
    value: row.value,
    source: row.source === "" ? null : row.source,
  };
  return headers.map((h) => byName[cellText(h).trim().toLowerCase().replace(/\s+/g, "")] ?? null);
}

export interface ComparatorUpsert {
  /** The table's new data rows. */
  readonly rows: RawCell[][];
  /** 0-based indexes of existing rows that changed. */
  readonly changed: number[];
  readonly added: number;
  readonly updated: number;
}

/**
 * Put comparator rows into a PerfComparators table: a row with the same indicator, period and
 * comparator is updated (Kind, Value and, when given, Source), any other is added at the end.
 * The user's other columns and rows are kept.
 */
export function upsertComparators(
  table: { readonly headers: readonly RawCell[]; readonly rows: readonly (readonly RawCell[])[] },
  incoming: readonly ComparatorRow[],
): ComparatorUpsert {
  const h = table.headers.map((x) => cellText(x).trim().toLowerCase().replace(/\s+/g, ""));
  const col = (name: string): number => h.indexOf(name);
  const key = (id: string, period: string, name: string): string =>
    `${norm(id)}|${norm(period).replace("/", "-")}|${norm(name)}`;
  const rows = table.rows.map((r) => [...r]);
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = key(
      cellText(r[col("indicatorid")] ?? null),
      cellText(r[col("period")] ?? null),
      cellText(r[col("comparator")] ?? null),
    );
    if (!index.has(k)) index.set(k, i);
  });
  const changed = new Set<number>();
  let added = 0;
  let updated = 0;
  for (const c of incoming) {
    const k = key(c.indicatorId, c.period, c.comparator);
    const at = index.get(k);
    if (at === undefined) {
      rows.push(comparatorCells(c, table.headers));
      index.set(k, rows.length - 1);
      added++;
      continue;
    }
    const row = rows[at] ?? [];
    const before = row.map((x) => cellText(x));
    const set = (name: string, v: RawCell): void => {
      const j = col(name);
      if (j >= 0) row[j] = v;
    };
    set("kind", c.kind);
    set("value", c.value);
    if (c.source !== "") set("source", c.source);
    if (row.some((x, j) => cellText(x) !== before[j])) {
      if (at < table.rows.length) {
        changed.add(at);
        updated++;
      }
    }
  }
  return { rows, changed: [...changed].sort((a, b) => a - b), added, updated };
}
