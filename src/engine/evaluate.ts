/**
 * Evaluating one target for one period, in named steps: the milestone and the figure compared
 * (evaluateSteps), the direction of travel, the status, the explanation and the trend.
 */
import { comparatorsAt, rowComparators } from "./comparators";
import {
  actualError,
  comparedActual,
  milestoneStep,
  qualityOfActual,
  type Compared,
  type MilestoneStep,
  type Problem,
} from "./evaluateSteps";
import { explain } from "./explain";
import type { FigureSource } from "./figureSource";
import type { MeasureType, Polarity, ToleranceType } from "./measures";
import { weightFor } from "./profiles";
import {
  directionOfTravel,
  distanceTravelled,
  forecast,
  onTrack,
  variance,
  variancePct,
  type Direction,
} from "./progress";
import type { QualityOf } from "./quality";
import { ragStatus, type RagResult } from "./rag";
import type { TargetRecord } from "./register";
import { formatFiscalYear } from "./periods";
import type { PlanStatus, ReportEntry, ReportRow } from "./reportTypes";
import { rowConfidence, significantDirection, type RowConfidence } from "./significance";
import type { Evaluated, ReportContext, Subject } from "./subject";
import { trendPoints, unitsSay } from "./trendPoints";

export type { Evaluated, ReportContext } from "./subject";

interface Travel {
  readonly dotPrevious: Direction | null;
  readonly dotYearAgo: Direction | null;
  readonly yearAgo: number | null;
  /** Directions made No change because the intervals overlap (DotSignificance). */
  readonly notSignificant: readonly ("previous" | "yearAgo")[];
  /** The previous id's figures were used (lineage). */
  readonly usedPrevious: boolean;
}

const NONE: readonly ("previous" | "yearAgo")[] = Object.freeze([]);

/**
 * Direction of travel compares quarter values (not YTD); with DotSignificance, a change within
 * overlapping intervals is No change.
 */
function travel(s: Subject, quarterValue: number | null, level: RowConfidence["level"]): Travel {
  const { polarity, measureType, ctx, src } = s;
  // Without a previous id (the common case) a quarter's own figure is all there is.
  const lineage = src.previous !== null;
  const p0 = lineage ? src.lineageValue(ctx.pi - 1) : null;
  const y0 = lineage ? src.lineageValue(ctx.pi - 4) : null;
  const prev = p0 ? p0.value : src.value(ctx.pi - 1);
  const yearAgo = y0 ? y0.value : src.value(ctx.pi - 4);
  let dotPrevious = directionOfTravel(quarterValue, prev, polarity);
  let dotYearAgo = directionOfTravel(quarterValue, yearAgo, polarity);
  const notSignificant: ("previous" | "yearAgo")[] = [];
  if (ctx.settings.dotSignificance === true && (dotPrevious !== null || dotYearAgo !== null)) {
    const now = src.observation(ctx.pi);
    const significant = (dot: typeof dotPrevious, back: number): ReturnType<typeof significantDirection> =>
      significantDirection(dot, polarity, measureType, now, src.observation(ctx.pi - back), level);
    const p = significant(dotPrevious, 1);
    const y = significant(dotYearAgo, 4);
    dotPrevious = p.direction;
    dotYearAgo = y.direction;
    if (p.changed) notSignificant.push("previous");
    if (y.changed) notSignificant.push("yearAgo");
  }
  const usedPrevious =
    (p0?.fromPrevious === true && dotPrevious !== null) || (y0?.fromPrevious === true && dotYearAgo !== null);
  return {
    dotPrevious,
    dotYearAgo,
    yearAgo,
    notSignificant: notSignificant.length === 0 ? NONE : notSignificant,
    usedPrevious,
  };
}

interface Rated {
  readonly rag: RagResult;
  readonly forecast: number | null;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  readonly error: Problem | null;
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
function rate(
  s: Subject,
  m: MilestoneStep,
  actual: number | null,
  tr: Travel,
  ci: RowConfidence,
  blocked: boolean,
): Rated {
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
    interval: ci.interval,
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
  const error = { code: r.error.code, table: "PerfTargets", row: t.row, column: "Tolerance", message };
  return { rag, forecast: fc, tolerance, toleranceType, error: { error, reason: r.error.message } };
}

/** The one-line explanation, or the reason the row cannot be rated. */
function explanationOf(
  s: Subject,
  m: MilestoneStep,
  c: Compared,
  tr: Travel,
  r: Rated,
  ci: RowConfidence,
  quality: QualityOf | null,
  previousId: string | null,
  plan: PlanStatus | null,
  error: Problem | null,
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
    interval: ci.interval,
    level: ci.level,
    numerator: ci.numerator,
    denominator: ci.denominator,
    smallBaseCases: ci.smallBaseCases,
    notSignificant: tr.notSignificant,
    quality: quality?.quality,
    qualityUnit: quality?.unit,
    previousId: previousId ?? undefined,
    plan:
      plan === null || plan.onTrack === null
        ? undefined
        : {
            finalTarget: plan.finalTarget,
            endYear: formatFiscalYear(plan.endYear, ctx.settings.startMonth),
            onTrack: plan.onTrack,
          },
  });
  const explained =
    error && r.rag.status === "No target" && t.target !== null && m.inYear
      ? `No target: the milestone cannot be set. ${error.reason}`
      : c.cur !== null && c.cur.kind === "error" && r.rag.status === "No data"
        ? `No data: ${ctx.label} cannot be rated. ${c.cur.message}`
        : explanation;
  // V8 keeps a string built by concatenation as a tree of its pieces; reading a character joins
  // it into one flat string, which is much cheaper to keep (a report holds one per row).
  explained.charCodeAt(0);
  return explained;
}

/** The plan a target belongs to, seen from its year: on track when the year's forecast meets the line. */
function planStatus(t: TargetRecord, yearOnTrack: boolean | null): PlanStatus | null {
  const end = t.planEndYear;
  const final = t.planTarget;
  if (end === undefined || end === null || final === undefined || final === null) return null;
  if (t.targetYear === null || t.targetYear > end) return null;
  return { endYear: end, finalTarget: final, onTrack: yearOnTrack };
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
  const ci = rowConfidence(
    ctx.settings,
    measureType,
    c.actual,
    c.actual === null || measureType !== "Rate" ? null : src.observation(pi),
  );
  const tr = travel(s, c.quarterValue, ci.level);
  const quality = qualityOfActual(s, c.actual);
  const previousId = (tr.usedPrevious || src.usedPrevious) && t.previousId ? t.previousId.trim() : null;
  const r = rate(s, m, c.actual, tr, ci, error !== null);
  error ??= r.error;
  const fc = r.forecast;
  const yearOnTrack = onTrack(fc, m.inYear ? t.target : null, polarity);
  const plan = planStatus(t, yearOnTrack);
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
    onTrack: yearOnTrack,
    explanation: explanationOf(s, m, c, tr, r, ci, quality, previousId, plan, error),
    confidenceLow: ci.interval?.lower ?? null,
    confidenceHigh: ci.interval?.upper ?? null,
    smallBase: ci.smallBaseCases !== null,
    quality: quality?.quality ?? null,
    previousId,
    comparators: rowComparators(
      comparatorsAt(ctx.comparators, t.indicatorId, ctx.period),
      { actual: c.actual, interval: ci.interval },
      measureType,
      polarity,
      ci.level,
    ),
  };
  return {
    entry: entryOf(s, row, { m, c, qualityUnit: quality?.unit ?? null, plan }),
    error: error?.error ?? null,
  };
}

/** The entry around a row: what a host lays out beside it (names, commentary, trend). */
function entryOf(
  s: Subject,
  row: ReportRow,
  parts: {
    readonly m: MilestoneStep;
    readonly c: Compared;
    readonly qualityUnit: string | null;
    readonly plan: PlanStatus | null;
  },
): ReportEntry {
  const { t, measureType, ctx, src } = s;
  const { pi } = ctx;
  const { m, c, qualityUnit, plan } = parts;
  const own = src.record(pi);
  return {
    row,
    targetRow: t.row,
    indicator: t.indicator,
    unit: t.unit,
    outcome: t.outcome,
    owner: t.owner,
    commentary: own?.commentary || unitsSay(c.missingUnits, (u) => src.recordOfUnit(u, pi)?.commentary),
    action: own?.action || unitsSay(c.missingUnits, (u) => src.recordOfUnit(u, pi)?.action),
    rolledUp: c.rolledUp,
    qualityUnit,
    plan,
    trend: trendPoints(
      t,
      measureType,
      {
        pi,
        period: ctx.period,
        startMonth: ctx.settings.startMonth,
        trend: ctx.options.trend === true,
        level: ctx.settings.confidenceLevel,
      },
      src,
      m.weights,
    ),
  };
}
