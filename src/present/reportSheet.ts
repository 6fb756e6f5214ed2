/**
 * The report sheet as data, for every host: its columns, headers, cells, number formats, the RAG
 * column and the sheet's name. Hosts write it; none computes a figure.
 *
 * Decision where the spec is silent (docs/decisions.md): the report sheet shows figures
 * unrounded with number formats doing the rounding: rates `0.0%`, counts and levels `#,##0` when
 * whole and `#,##0.0` otherwise; variance % `0.0%`, distance travelled `0%`; On track as Yes/No.
 */
import { formatDifference, formatValue, type Report, type ReportEntry } from "../engine";
import type { RawCell } from "../contract";
import { REPORT_ROW_KEYS } from "./reportData";

type Figure = "value" | "variance" | "share" | "share0" | "text";

export interface ReportColumn {
  readonly header: string;
  /** The report JSON key this column shows, when there is one. */
  readonly key:
    | Exclude<(typeof REPORT_ROW_KEYS)[number], "comparators">
    | "indicator"
    | "commentary"
    | "action"
    | "owner"
    | "comparators";
  readonly figure: Figure;
  /** Suggested width in characters. */
  readonly width: number;
}

/** The report sheet's columns, in order. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { header: "Indicator ID", key: "indicatorId", figure: "text", width: 12 },
  { header: "Indicator", key: "indicator", figure: "text", width: 44 },
  { header: "Unit", key: "orgUnit", figure: "text", width: 16 },
  { header: "Period", key: "period", figure: "text", width: 11 },
  { header: "Measure", key: "measureType", figure: "text", width: 9 },
  { header: "Polarity", key: "polarity", figure: "text", width: 9 },
  { header: "Baseline", key: "baseline", figure: "value", width: 10 },
  { header: "Target", key: "target", figure: "value", width: 10 },
  { header: "Milestone", key: "milestone", figure: "value", width: 10 },
  { header: "Actual", key: "actual", figure: "value", width: 10 },
  { header: "Variance", key: "variance", figure: "variance", width: 10 },
  { header: "Variance %", key: "variancePct", figure: "share", width: 10 },
  { header: "Distance travelled", key: "distanceTravelled", figure: "share0", width: 10 },
  { header: "RAG", key: "rag", figure: "text", width: 10 },
  { header: "DoT (last quarter)", key: "dotPrevious", figure: "text", width: 12 },
  { header: "DoT (year ago)", key: "dotYearAgo", figure: "text", width: 12 },
  { header: "Forecast", key: "forecast", figure: "value", width: 10 },
  { header: "On track", key: "onTrack", figure: "text", width: 8 },
  { header: "Confidence interval", key: "confidenceLow", figure: "text", width: 18 },
  { header: "Quality", key: "quality", figure: "text", width: 11 },
  { header: "Comparators", key: "comparators", figure: "text", width: 40 },
  { header: "Explanation", key: "explanation", figure: "text", width: 70 },
  { header: "Owner", key: "owner", figure: "text", width: 22 },
  { header: "Commentary", key: "commentary", figure: "text", width: 50 },
  { header: "Action", key: "action", figure: "text", width: 50 },
];

export const REPORT_RAG_COLUMN = REPORT_COLUMNS.findIndex((c) => c.key === "rag");

export interface ReportSheet {
  readonly title: string;
  readonly headers: string[];
  readonly rows: RawCell[][];
  /** Number format per column (the common one; `General` where it depends on the row). */
  readonly numberFormats: string[];
  /** Number format per cell, same shape as rows: hosts apply these. */
  readonly cellFormats: string[][];
  readonly widths: number[];
  /** 0-based column holding the RAG status (colour it with RAG_COLOURS). */
  readonly ragColumn: number;
}

const RULE_TITLE: Readonly<Record<string, string>> = {
  Milestone: "milestone rule",
  ToleranceBand: "tolerance band rule",
  Forecast: "forecast rule",
  Confidence: "confidence rule",
};

function formatFor(figure: Figure, entry: ReportEntry, value: RawCell): string {
  const rate = entry.row.measureType === "Rate";
  switch (figure) {
    case "text":
      return "General";
    case "share":
      return "0.0%";
    case "share0":
      return "0%";
    case "value":
    case "variance":
      if (rate) return "0.0%";
      return typeof value === "number" && Number.isInteger(value) ? "#,##0" : "#,##0.0";
  }
}

function cellOf(column: ReportColumn, entry: ReportEntry): RawCell {
  switch (column.key) {
    case "indicator":
      return entry.indicator;
    case "commentary":
      return entry.commentary;
    case "action":
      return entry.action;
    case "owner":
      return entry.owner;
    case "onTrack":
      return entry.row.onTrack === null ? null : entry.row.onTrack ? "Yes" : "No";
    case "confidenceLow":
      return intervalText(entry);
    case "quality":
      return entry.row.quality === null || entry.row.quality === "Validated"
        ? entry.row.quality
        : qualityText(entry);
    case "comparators":
      return comparatorsText(entry);
    default: {
      const v = entry.row[column.key];
      if (typeof v === "number") return Number.isFinite(v) ? v : null;
      return v;
    }
  }
}

/**
 * The interval as read, "29.2%–54.1%", with ", small base" where the base is small; the JSON
 * keeps both ends unrounded (one text column keeps the sheet within a sync for 10,000 rows).
 */
function intervalText(entry: ReportEntry): string | null {
  const { confidenceLow: lo, confidenceHigh: hi, measureType, smallBase } = entry.row;
  const range =
    lo === null || hi === null ? "" : `${formatValue(measureType, lo)}–${formatValue(measureType, hi)}`;
  const text = smallBase ? (range === "" ? "small base" : `${range}, small base`) : range;
  return text === "" ? null : text;
}

/** A quality not validated, with the unit it comes from when rolled up: "Provisional (North)". */
function qualityText(entry: ReportEntry): string {
  return entry.qualityUnit ? `${entry.row.quality ?? ""} (${entry.qualityUnit})` : (entry.row.quality ?? "");
}

/** "England 60.0%: Worse by 4.6 points; Peer group (8) 57.0%: quartile 3" (blank without any). */
export function comparatorsText(entry: ReportEntry): string | null {
  const mt = entry.row.measureType;
  const parts = entry.row.comparators.map((c) => {
    const value = c.value === null ? "" : ` ${formatValue(mt, c.value)}`;
    const gap = c.gap === null || c.status === "Similar" ? "" : ` by ${formatDifference(mt, c.gap)}`;
    const status = c.status === null ? "" : `: ${c.status}${gap}`;
    const quartile = c.quartile === null ? "" : `${status === "" ? ":" : ","} quartile ${c.quartile}`;
    return `${c.comparator}${value}${status}${quartile}`;
  });
  return parts.length === 0 ? null : parts.join("; ");
}

/** The report sheet for a period: the rows as cells, with formats and the RAG column. */
export function reportSheet(report: Report): ReportSheet {
  const rows: RawCell[][] = [];
  const cellFormats: string[][] = [];
  for (const e of report.entries) {
    const cells = REPORT_COLUMNS.map((c) => cellOf(c, e));
    rows.push(cells);
    cellFormats.push(REPORT_COLUMNS.map((c, i) => formatFor(c.figure, e, cells[i] ?? null)));
  }
  return {
    title: `PerfCycle report ${report.period} (${RULE_TITLE[report.ragRule] ?? report.ragRule})`,
    headers: REPORT_COLUMNS.map((c) => c.header),
    rows,
    numberFormats: REPORT_COLUMNS.map((c) =>
      c.figure === "share" ? "0.0%" : c.figure === "share0" ? "0%" : "General",
    ),
    cellFormats,
    widths: REPORT_COLUMNS.map((c) => c.width),
    ragColumn: REPORT_RAG_COLUMN,
  };
}

/** The report sheet of a period, `PerfReport 2015-16 Q2`, cut to Excel's 31-character limit: every host names it so. */
export function reportSheetName(periodLabel: string): string {
  return `PerfReport ${periodLabel}`.slice(0, 31);
}
