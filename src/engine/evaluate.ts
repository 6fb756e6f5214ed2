/**
 * Evaluating one target for one period, in named steps: the milestone, the figure compared, the
 * direction of travel, the status, the explanation and the eight-quarter trend.
 */
import { explain } from "./explain";
import type { FigureSource, QuarterFigure } from "./figureSource";
import { targetWeights } from "./figureSource";
import type { MeasureType, Polarity, ToleranceType } from "./measures";
import { milestone as milestoneOf } from "./milestones";
import { formatFiscalYear, formatQuarter, type Quarter, type QuarterNumber } from "./periods";
import { weightFor, type Weights } from "./profiles";
import {
  directionOfTravel,
  distanceTravelled,
  forecast,
  onTrack,
  variance,
  variancePct,
  type Direction,
} from "./progress";
import { ragStatus, type RagResult } from "./rag";
import type { Register, TargetRecord } from "./register";
import type { ReportEntry, ReportError, ReportOptions, ReportRow, TrendPoint } from "./reportTypes";

const NO_TREND: readonly TrendPoint[] = Object.freeze([]);

export interface Evaluated {
  readonly entry: ReportEntry;
  readonly error: ReportError | null;
}

/** What every target of one report shares: worked out once per report. */
export interface ReportContext {
  readonly settings: Register["settings"];
  readonly period: Quarter;
  readonly label: string;
  readonly pi: number;
  /** The workbook's reporting period as a label, when set. */
  readonly reportingLabel: string | undefined;
  /** False when the period is after the workbook's reporting period. */
  readonly due: boolean;
  readonly options: ReportOptions;
}

/** One target in one report: the target, its measure, the report's context and its figures. */
interface Subject {
  readonly t: TargetRecord;
  readonly measureType: MeasureType;
  readonly polarity: Polarity;
  readonly ctx: ReportContext;
  readonly src: FigureSource;
}

interface MilestoneStep {
  readonly inYear: boolean;
  readonly weights: Weights | null;
  readonly milestone: number | null;
  /** The target's year, when the target is for another year than the period's. */
  readonly targetNote: string | undefined;
  readonly error: ReportError | null;
}

/** The milestone for the period, from the target of its year and the profile's weights. */
function milestoneStep({ t, measureType, ctx, src }: Subject): MilestoneStep {
  const { period, settings } = ctx;
  const inYear = t.targetYear === period.fy;
  const targetNote =
    t.target !== null && !inYear && t.targetYear !== null
      ? formatFiscalYear(t.targetYear, settings.startMonth)
      : undefined;
  const none = { inYear, weights: null, milestone: null, targetNote };
  if (t.target === null || !inYear) return { ...none, error: null };
  const w = (src.weights ??= targetWeights(t, measureType, (qi) => src.value(qi)));
  if (!w.ok) {
    const column = t.profile === "Custom" ? (/\bW([1-4])\b/.exec(w.error.message)?.[0] ?? "W1") : "Profile";
    const message = `${t.indicatorId} (${t.orgUnit}): ${w.error.message}`;
    return { ...none, error: { table: "PerfTargets", row: t.row, column, message } };
  }
  const m = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(w.value, period.q));
  if (m.ok) return { ...none, weights: w.value, milestone: m.value, error: null };
  const message = `${t.indicatorId} (${t.orgUnit}): ${m.error.message}`;
  return {
    ...none,
    weights: w.value,
    error: { table: "PerfTargets", row: t.row, column: "Baseline", message },
  };
}

interface Compared {
  /** The figure compared: YTD for Count, the quarter's value otherwise. */
  readonly actual: number | null;
  readonly rolledUp: boolean;
  /** The quarter's own figure (not YTD), for the direction of travel. */
  readonly quarterValue: number | null;
  /** Why the quarter has no figure, when it has none. */
  readonly cur: QuarterFigure | null;
  readonly missingUnits: string[] | undefined;
  readonly missingQuarters: string[] | undefined;
}

/** A Count's year to date, or why there is none (the quarters or units missing). */
function yearToDate({
  ctx,
  src,
}: Subject): Pick<Compared, "actual" | "rolledUp" | "missingUnits" | "missingQuarters"> {
  const { period, pi, label } = ctx;
  const q = period.q;
  let sum = 0;
  let rolledUp = false;
  let missingUnits: string[] | undefined;
  const missing: string[] = [];
  for (let k = 1; k <= q; k++) {
    const qi = pi - q + k;
    const v = src.value(qi);
    if (v !== null) {
      sum += v;
      rolledUp ||= src.rolledUp(qi);
      continue;
    }
    const f = src.at(qi);
    if (k === q && f.kind === "missing" && f.missingUnits.length > 0) missingUnits = [...f.missingUnits];
    else missing.push(formatQuarter({ fy: period.fy, q: k as QuarterNumber }, ctx.settings.startMonth));
  }
  if (missing.length === 0 && missingUnits === undefined)
    return { actual: sum, rolledUp, missingUnits, missingQuarters: undefined };
  const missingQuarters =
    missing.length > 0 && !(missing.length === 1 && missing[0] === label) ? missing : undefined;
  return { actual: null, rolledUp, missingUnits, missingQuarters };
}

/** The figure compared with the milestone, and why there is none. */
function comparedActual(s: Subject): Compared {
  const { src, ctx } = s;
  const quarterValue = src.value(ctx.pi);
  const cur = quarterValue === null ? src.at(ctx.pi) : null; // why there is none
  if (s.measureType === "Count") return { ...yearToDate(s), quarterValue, cur };
  if (quarterValue !== null)
    return {
      actual: quarterValue,
      rolledUp: src.rolledUp(ctx.pi),
      quarterValue,
      cur,
      missingUnits: undefined,
      missingQuarters: undefined,
    };
  const missingUnits =
    cur !== null && cur.kind === "missing" && cur.missingUnits.length > 0 ? [...cur.missingUnits] : undefined;
  return { actual: null, rolledUp: false, quarterValue, cur, missingUnits, missingQuarters: undefined };
}

/** The error of a quarter whose figure cannot be read (a denominator of 0, a rate not aggregable). */
function actualError({ t, ctx, src }: Subject, cur: QuarterFigure | null): ReportError | null {
  if (cur === null || cur.kind !== "error") return null;
  return {
    table: "PerfActuals",
    row: cur.row ?? src.record(ctx.pi)?.row ?? null,
    column: cur.column,
    message: `${t.indicatorId} (${t.orgUnit}) ${ctx.label}: ${cur.message}`,
  };
}

interface Travel {
  readonly dotPrevious: Direction | null;
  readonly dotYearAgo: Direction | null;
  readonly yearAgo: number | null;
}

/** Direction of travel compares quarter values (not YTD). */
function travel({ polarity, ctx, src }: Subject, quarterValue: number | null): Travel {
  const prev = src.value(ctx.pi - 1);
  const yearAgo = src.value(ctx.pi - 4);
  return {
    dotPrevious: directionOfTravel(quarterValue, prev, polarity),
    dotYearAgo: directionOfTravel(quarterValue, yearAgo, polarity),
    yearAgo,
  };
}

interface Rated {
  readonly rag: RagResult;
  readonly forecast: number | null;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  readonly error: ReportError | null;
}

/**
 * A forecast of a rate stays within 0%–100%: a proportion cannot be forecast beyond either end
 * (docs/decisions.md). Other measures are unbounded.
 */
function rateForecast(measureType: MeasureType, fc: number | null): number | null {
  if (fc === null || measureType !== "Rate") return fc;
  return Math.min(1, Math.max(0, fc));
}

/** The status under the workbook's rule, with the forecast it may need. */
function rate(s: Subject, m: MilestoneStep, actual: number | null, tr: Travel, blocked: boolean): Rated {
  const { t, measureType, polarity, ctx } = s;
  const { settings, period } = ctx;
  // No forecast where the milestone cannot be set (the row is No target with the reason).
  const fc =
    m.inYear && !blocked
      ? rateForecast(
          measureType,
          forecast(
            measureType,
            actual,
            t.baseline,
            period.q,
            m.weights ? weightFor(m.weights, period.q) : null,
          ),
        )
      : null;
  const tolerance = t.tolerance ?? settings.defaultTolerance;
  const toleranceType = t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative");
  const r = ragStatus({
    actual,
    milestone: m.milestone,
    polarity,
    tolerance,
    toleranceType,
    target: m.inYear ? t.target : null,
    scheme: settings.scheme,
    rule: settings.rule,
    dotYearAgo: tr.dotYearAgo,
    forecast: fc,
    due: ctx.due,
  });
  if (r.ok) return { rag: r.value, forecast: fc, tolerance, toleranceType, error: null };
  const rag = {
    status: "No target",
    reason: "no-target",
    rule: settings.rule,
    gap: null,
    toleranceAmount: null,
  } as const;
  const message = `${t.indicatorId} (${t.orgUnit}): ${r.error.message}`;
  const error = { table: "PerfTargets", row: t.row, column: "Tolerance", message };
  return { rag, forecast: fc, tolerance, toleranceType, error };
}

/** The one-line explanation, or the reason the row cannot be rated. */
function explanationOf(
  s: Subject,
  m: MilestoneStep,
  c: Compared,
  tr: Travel,
  r: Rated,
  error: ReportError | null,
): string {
  const { t, measureType, polarity, ctx } = s;
  const explanation = explain({
    rag: r.rag,
    measureType,
    polarity,
    unit: t.unit,
    actual: c.actual,
    milestone: m.milestone,
    target: m.inYear ? t.target : null,
    tolerance: r.tolerance,
    toleranceType: r.toleranceType,
    forecast: r.forecast,
    dotPrevious: tr.dotPrevious,
    dotYearAgo: tr.dotYearAgo,
    yearAgoActual: tr.yearAgo,
    period: ctx.label,
    reportingPeriod: ctx.reportingLabel,
    missingUnits: c.missingUnits,
    missingQuarters: c.missingQuarters,
    targetYearLabel: m.targetNote,
  });
  const explained =
    error && r.rag.status === "No target" && t.target !== null && m.inYear
      ? `No target: the milestone cannot be set. ${error.message.replace(/^[^:]*: /, "")}`
      : c.cur !== null && c.cur.kind === "error" && r.rag.status === "No data"
        ? `No data: ${ctx.label} cannot be rated. ${c.cur.message}`
        : explanation;
  // V8 keeps a string built by concatenation as a tree of its pieces; reading a character joins
  // it into one flat string, which is much cheaper to keep (a report holds one per row).
  explained.charCodeAt(0);
  return explained;
}

/** The eight quarters up to the period: compared actual (YTD for a Count) and milestone. */
function trendPoints({ t, measureType, ctx, src }: Subject, weights: Weights | null): readonly TrendPoint[] {
  if (!ctx.options.trend) return NO_TREND;
  const points: TrendPoint[] = [];
  for (let k = ctx.pi - 7; k <= ctx.pi; k++) {
    const kq = { fy: Math.floor(k / 4), q: ((k % 4) + 1) as QuarterNumber };
    let a: number | null = src.value(k);
    if (measureType === "Count" && a !== null) {
      for (let j = k - kq.q + 1; j < k && a !== null; j++) {
        const v = src.value(j);
        a = v === null ? null : a + v;
      }
    }
    let m: number | null = null;
    if (weights && t.target !== null && kq.fy === ctx.period.fy) {
      const r = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(weights, kq.q));
      if (r.ok) m = r.value;
    }
    points.push({ period: formatQuarter(kq, ctx.settings.startMonth), actual: a, milestone: m });
  }
  return points;
}

/**
 * For a total not rated because units have not reported: what those units wrote for the quarter
 * ("East Cluster: returns not yet received"), so the exceptions show why.
 */
function unitsSay(units: readonly string[] | undefined, text: (unit: string) => string | undefined): string {
  if (!units || units.length === 0) return "";
  const said: string[] = [];
  for (const u of units) {
    const x = text(u)?.trim();
    if (x) said.push(`${u}: ${x}`);
  }
  return said.join(" ");
}

/** Evaluate one target for the report's period. */
export function evaluateTarget(
  t: TargetRecord,
  measureType: MeasureType,
  polarity: Polarity,
  ctx: ReportContext,
  src: FigureSource,
): Evaluated {
  const s: Subject = { t, measureType, polarity, ctx, src };
  const { pi } = ctx;
  const m = milestoneStep(s);
  const c = comparedActual(s);
  let error = m.error ?? actualError(s, c.cur);
  const tr = travel(s, c.quarterValue);
  const r = rate(s, m, c.actual, tr, error !== null);
  error ??= r.error;
  const fc = r.forecast;
  const row: ReportRow = {
    indicatorId: t.indicatorId,
    orgUnit: t.orgUnit,
    period: ctx.label,
    measureType,
    polarity,
    baseline: t.baseline,
    target: t.target,
    milestone: m.milestone,
    actual: c.actual,
    variance: variance(c.actual, m.milestone),
    variancePct: variancePct(c.actual, m.milestone),
    distanceTravelled: m.inYear ? distanceTravelled(measureType, c.actual, t.baseline, t.target) : null,
    rag: r.rag.status,
    dotPrevious: tr.dotPrevious,
    dotYearAgo: tr.dotYearAgo,
    forecast: fc,
    onTrack: onTrack(fc, m.inYear ? t.target : null, polarity),
    explanation: explanationOf(s, m, c, tr, r, error),
  };
  const own = src.record(pi);
  const entry: ReportEntry = {
    row,
    targetRow: t.row,
    indicator: t.indicator,
    unit: t.unit,
    outcome: t.outcome,
    owner: t.owner,
    commentary: own?.commentary || unitsSay(c.missingUnits, (u) => src.recordOfUnit(u, pi)?.commentary),
    action: own?.action || unitsSay(c.missingUnits, (u) => src.recordOfUnit(u, pi)?.action),
    rolledUp: c.rolledUp,
    trend: trendPoints(s, m.weights),
  };
  return { entry, error };
}
