/**
 * The geometry and text alternative of an indicator's trend chart (the compared actual and the
 * milestone over the report's eight quarters), shared by the committee report's inline SVG and
 * the task pane's chart so both scale, place and describe the figures the same way.
 */
import { formatValue, type MeasureType, type RagStatus, type TrendPoint } from "../engine";

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly pad: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

export type ChartPoint = readonly [number, number];

export interface TrendGeometry {
  /** The value range of the vertical axis (bottom, top). */
  readonly lo: number;
  readonly hi: number;
  /** The bottom of the plot area (the horizontal axis). */
  readonly axisY: number;
  readonly x: (i: number) => number;
  readonly actual: readonly (ChartPoint | null)[];
  readonly milestone: readonly (ChartPoint | null)[];
  /** SVG polyline `points` of the runs of consecutive figures (a gap breaks the line). */
  readonly actualRuns: readonly string[];
  readonly milestoneRuns: readonly string[];
  /** Per point: its quarter (`Q1`) and its fiscal year (`2015-16`). */
  readonly quarters: readonly string[];
  readonly years: readonly string[];
  /** Per point: the vertical whisker of its confidence interval (x, top y, bottom y), or null. */
  readonly whiskers: readonly (readonly [number, number, number] | null)[];
  /** The height of the comparator's horizontal line, when one is drawn. */
  readonly comparatorY: number | null;
}

/** What a chart may add to the actual and the milestone: intervals and a comparator's figure. */
export interface TrendExtras {
  /** Per point of the trend (same order), its interval; missing or null where there is none. */
  readonly intervals?: readonly ({ readonly lower: number; readonly upper: number } | null)[];
  /** A comparator's figure (England, a region) drawn as a horizontal line. */
  readonly comparator?: number | null;
}

/** The comparator a chart draws: England first, then a region, then an average; never a peer. */
export function chartComparator(
  comparators: readonly {
    readonly comparator: string;
    readonly kind: string;
    readonly value: number | null;
  }[],
): { readonly name: string; readonly value: number } | null {
  for (const kind of ["National", "Region", "Average"]) {
    const c = comparators.find((x) => x.kind === kind && x.value !== null);
    if (c && c.value !== null) return { name: c.comparator, value: c.value };
  }
  return null;
}

/**
 * The intervals of a trend, a whisker a point: each quarter's own interval (the engine gives one
 * where the figure has one), the last point taking the report row's (the compared figure).
 */
export function trendIntervals(
  trend: readonly TrendPoint[],
  low: number | null,
  high: number | null,
): ({ readonly lower: number; readonly upper: number } | null)[] {
  return trend.map((p, i) =>
    i === trend.length - 1 && low !== null && high !== null
      ? { lower: low, upper: high }
      : (p.interval ?? null),
  );
}

function runs(points: readonly (ChartPoint | null)[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const p of points) {
    if (p === null) {
      if (cur.length > 1) out.push(cur.join(" "));
      cur = [];
    } else cur.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`);
  }
  if (cur.length > 1) out.push(cur.join(" "));
  return out;
}

/**
 * Scale a trend into a box: counts and levels from 0, rates padded within 0%–100%; null when
 * there is no figure to draw.
 */
export function trendGeometry(
  trend: readonly TrendPoint[],
  measureType: MeasureType,
  box: ChartBox,
  extras: TrendExtras = {},
): TrendGeometry | null {
  const figures = trend.flatMap((p) => [p.actual, p.milestone]).filter((v): v is number => v !== null);
  if (trend.length === 0 || figures.length === 0) return null;
  const intervals = trend.map((_, i) => extras.intervals?.[i] ?? null);
  const comparator = extras.comparator ?? null;
  const values = [
    ...figures,
    ...intervals.flatMap((v) => (v === null ? [] : [v.lower, v.upper])),
    ...(comparator === null ? [] : [comparator]),
  ].filter((v) => Number.isFinite(v));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (measureType !== "Rate" && lo >= 0) lo = 0;
  if (measureType === "Rate" && lo >= 0 && hi <= 1) {
    lo = Math.max(0, lo - (hi - lo) * 0.15 - 0.02);
    hi = Math.min(1, hi + (hi - lo) * 0.1 + 0.01);
  }
  if (hi === lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1);
  const { pad } = box;
  const pw = box.width - pad.left - pad.right;
  const ph = box.height - pad.top - pad.bottom;
  const x = (i: number): number => pad.left + (trend.length === 1 ? pw / 2 : (i * pw) / (trend.length - 1));
  const y = (v: number): number => pad.top + ph - ((v - lo) / (hi - lo)) * ph;
  const actual = trend.map((p, i) => (p.actual === null ? null : ([x(i), y(p.actual)] as const)));
  const milestone = trend.map((p, i) => (p.milestone === null ? null : ([x(i), y(p.milestone)] as const)));
  return {
    lo,
    hi,
    axisY: pad.top + ph,
    x,
    actual,
    milestone,
    actualRuns: runs(actual),
    milestoneRuns: runs(milestone),
    quarters: trend.map((p) => /Q\d$/.exec(p.period)?.[0] ?? p.period),
    years: trend.map((p) => p.period.replace(/\s*Q\d$/, "")),
    whiskers: intervals.map((v, i) => (v === null ? null : ([x(i), y(v.upper), y(v.lower)] as const))),
    comparatorY: comparator === null || !Number.isFinite(comparator) ? null : y(comparator),
  };
}

function describe(mt: MeasureType, trend: readonly TrendPoint[], key: "actual" | "milestone"): string {
  return trend
    .filter((p) => key === "actual" || p[key] !== null)
    .map((p) => `${p.period} ${p[key] === null ? "no figure" : formatValue(mt, p[key])}`)
    .join("; ");
}

/** The chart's text alternative: every figure, and the status of the period. */
export function trendDescription(
  measureType: MeasureType,
  trend: readonly TrendPoint[],
  period: string,
  rag: RagStatus,
  extras: {
    readonly interval?: { readonly lower: number; readonly upper: number } | null;
    readonly comparator?: { readonly name: string; readonly value: number } | null;
  } = {},
): string {
  const ms = describe(measureType, trend, "milestone");
  const act = describe(measureType, trend, "actual") || "no figures";
  const f = (x: number): string => formatValue(measureType, x);
  const ci = extras.interval
    ? ` Interval in ${period}: ${f(extras.interval.lower)} to ${f(extras.interval.upper)}.`
    : "";
  const cmp = extras.comparator ? ` ${extras.comparator.name}: ${f(extras.comparator.value)}.` : "";
  return `Actual: ${act}.${ms ? ` Milestone: ${ms}.` : " No milestones in these quarters."}${ci}${cmp} Status in ${period}: ${rag}.`;
}
