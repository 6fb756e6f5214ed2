/**
 * The header of a wide table: which row holds the quarters, the row of fiscal years above it
 * (the Derby table prints "2013-14" over four quarter-end dates), and what each header cell is.
 *
 * Decisions where the spec is silent (docs/decisions.md, "Tables as councils publish them"):
 * - A fiscal-year row is a row above the quarter headers (at most two rows above) whose cells,
 *   from its first fiscal year on, are all fiscal years (`2013-14`, `2014/15`). A year covers
 *   its merged area, or, unmerged, the columns up to the next year. A year alone in the first
 *   column, unmerged, is a title, not a fiscal-year row.
 * - Under a fiscal year, `Q1`…`Q4` (`Qtr 1`, `Quarter 1`) are that year's quarters; a full
 *   quarter header (a date or a label) must be in that year, else it is an error naming both.
 * - A mistyped header is an error, never another quarter; under a fiscal year the message
 *   suggests the quarter its place implies ("probably 31/12/2013, 2013-14 Q3").
 * - A fiscal year alone or with Total, YTD, Year or Outturn (`2014-15 Total`) is a year column:
 *   ignored with a warning, not an error.
 */
import {
  formatDateUK,
  formatFiscalYear,
  formatQuarter,
  parseFiscalYear,
  parsePeriod,
  quarterEnd,
  quote,
  type Quarter,
  type QuarterNumber,
} from "../../engine";
import type { RawCell } from "../raw";
import { cellText, isBlankCell } from "../read";
import { matchHeader } from "../schema";
import { areaAt, type GridArea } from "./merges";

export type Label = "id" | "indicator" | "unit";

const LABEL_HEADERS: Readonly<Record<Label, readonly string[]>> = {
  id: ["IndicatorId", "Id", "Code", "IndicatorCode", "Ref", "Reference", "PI", "PIRef", "KPIRef", "KPICode"],
  indicator: [
    "Indicator",
    "Measure",
    "IndicatorName",
    "Description",
    "Name",
    "PerformanceIndicator",
    "KPI",
    "Metric",
    "MeasureName",
  ],
  unit: ["OrgUnit", "Unit", "Cluster", "Centre", "Center", "Area", "Locality", "Team", "Service"],
};

export function labelOf(cell: RawCell): Label | undefined {
  if (typeof cell !== "string") return undefined;
  for (const k of ["id", "indicator", "unit"] as const) {
    if (matchHeader(cell, LABEL_HEADERS[k]) !== undefined) return k;
  }
  return undefined;
}

/** Text that looks like a date or a quarter, so failing to read it is an error rather than a stray column. */
function looksLikePeriod(text: string): boolean {
  return (
    /\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}/.test(text) ||
    /\bQ\s*\d\b/i.test(text) ||
    /^\d{4}\s*[-/]\s*\d{2,4}\b/.test(text) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s-]*'?\d{2,4}$/i.test(text)
  );
}

/** The fiscal year over a column, from the fiscal-year row. */
export interface BandYear {
  readonly fy: number;
  /** Address of the fiscal-year cell. */
  readonly cell: string;
  /** 0-based place of the column in the year's span. */
  readonly place: number;
}

export type HeaderRead =
  | { readonly kind: "label"; readonly label: Label }
  | { readonly kind: "period"; readonly quarter: Quarter }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "year"; readonly fy: number }
  | { readonly kind: "ignored" }
  | { readonly kind: "blank" };

const YEAR_WORDS =
  /\b(?:full\s+year|year\s+total|year\s+to\s+date|year|total|ytd|annual|outturn|to\s+date)\b/gi;

function yearColumn(text: string, startMonth: number): number | undefined {
  const core = text.replace(YEAR_WORDS, " ").replace(/\s+/g, " ").trim();
  if (core === "" || !/\d{4}/.test(core)) return undefined;
  const y = parseFiscalYear(core, startMonth);
  return y.ok ? y.value : undefined;
}

/** Read one header cell; `band` is the fiscal year printed over its column, if any. */
export function readHeader(cell: RawCell, startMonth: number, band?: BandYear): HeaderRead {
  if (isBlankCell(cell)) return { kind: "blank" };
  const label = labelOf(cell);
  if (label) return { kind: "label", label };
  const fyName = band ? formatFiscalYear(band.fy, startMonth) : "";
  if (band && typeof cell === "string") {
    const q = /^(?:Q|Qtr\.?|Quarter)\s*([1-4])$/i.exec(cell.trim());
    if (q) return { kind: "period", quarter: { fy: band.fy, q: Number(q[1]) as QuarterNumber } };
  }
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2199) {
    return {
      kind: "error",
      message: `${quote(cell)} is a year, not a quarter: write the quarter (${formatQuarter({ fy: cell, q: 1 }, startMonth)}) or its end date`,
    };
  }
  if (typeof cell === "boolean") return { kind: "ignored" };
  if (typeof cell === "string") {
    const fy = yearColumn(cell.trim(), startMonth);
    if (fy !== undefined) return { kind: "year", fy };
  }
  const p = parsePeriod(cell, { startMonth, requireQuarterEnd: true });
  if (p.ok) {
    if (band && p.value.fy !== band.fy) {
      return {
        kind: "error",
        message: `${quote(cellText(cell))} is ${formatQuarter(p.value, startMonth)}, but it is printed under ${fyName} (${band.cell})`,
      };
    }
    return { kind: "period", quarter: p.value };
  }
  if (typeof cell === "string" && p.error.code === "PERIOD_UNPARSEABLE" && !looksLikePeriod(cell.trim())) {
    return { kind: "ignored" };
  }
  let message = p.error.message;
  if (band && band.place >= 0 && band.place < 4) {
    const q: Quarter = { fy: band.fy, q: (band.place + 1) as QuarterNumber };
    message += `; under ${fyName} (${band.cell}) and in its place this is probably ${formatDateUK(quarterEnd(q, startMonth))} (${formatQuarter(q, startMonth)}), but a mistyped header is not guessed: correct the cell`;
  }
  return { kind: "error", message };
}

function fiscalYearOf(cell: RawCell, startMonth: number): number | undefined {
  if (typeof cell !== "string" && typeof cell !== "number") return undefined;
  if (typeof cell === "string" && !/\d{4}/.test(cell)) return undefined;
  const y = parseFiscalYear(cell, startMonth);
  return y.ok ? y.value : undefined;
}

/**
 * The fiscal-year row's years by column, when `row` is one: from its first fiscal year on,
 * every cell is a fiscal year or blank (a merged label such as "Case Type" may sit left of it).
 */
export function bandOf(
  row: readonly RawCell[],
  r: number,
  areas: readonly GridArea[],
  startMonth: number,
  at: (r: number, c: number) => string,
): ((c: number) => BandYear | undefined) | undefined {
  const first = row.findIndex((c) => fiscalYearOf(c, startMonth) !== undefined);
  if (first < 0) return undefined;
  // A year alone in the first column is a title ("2015-16"), not years over quarter columns,
  // unless it is merged across them.
  const lead = areaAt(areas, r, first);
  if (first === 0 && !(lead && lead.right > lead.left)) return undefined;
  const starts: { c: number; fy: number; end: number }[] = [];
  for (let c = first; c < row.length; c++) {
    const cell = row[c] ?? null;
    if (isBlankCell(cell)) continue;
    const fy = fiscalYearOf(cell, startMonth);
    if (fy === undefined) return undefined;
    const prev = starts[starts.length - 1];
    if (prev && prev.fy === fy && prev.end >= c - 1) {
      prev.end = c; // the same year repeated (a merge spread, or typed in each cell)
      continue;
    }
    const area = areaAt(areas, r, c);
    starts.push({ c, fy, end: area ? area.right : c });
  }
  // An unmerged year runs to the column before the next year (or to the end of the row).
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const next = starts[i + 1];
    if (!s) continue;
    if (!areaAt(areas, r, s.c)) s.end = next ? next.c - 1 : Number.MAX_SAFE_INTEGER;
  }
  return (c) => {
    const s = starts.find((x) => c >= x.c && c <= x.end);
    return s ? { fy: s.fy, cell: at(r, s.c), place: c - s.c } : undefined;
  };
}
