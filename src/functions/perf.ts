/**
 * The PERF.* functions: thin wrappers that read arguments (./args), call the engine, and spill the
 * results (./grid). Every function is synchronous, never throws, and returns a 2-D array (1×1 for
 * a single cell) whose cells are values or Excel error values with a message.
 *
 * No domain rule is computed here: milestones, RAG, rates, progress, direction of travel,
 * forecasts, explanations and period parsing are the engine's.
 *
 * No global (CustomFunctions, Office, DOM) is touched at import time: the browser preview and
 * tests import this module directly (see ./registry).
 */
import {
  byarInterval,
  compareFigures,
  DEFAULT_CONFIDENCE_LEVEL,
  directionOfTravel,
  distanceTravelled,
  explain as explainStatus,
  forecast as forecastValue,
  formatQuarter,
  milestone as milestoneValue,
  onTrack as onTrackValue,
  parseConfidenceLevel,
  parsePeriod,
  ragStatus,
  rate as rateValue,
  variance as varianceValue,
  variancePct,
  weightFor,
  wilsonInterval,
  type ConfidenceLevel,
  type Interval,
  type MeasureType,
  type Polarity,
  type RagResult,
  type ToleranceType,
} from "../engine";
import {
  isEmpty,
  isProblem,
  toBoolean,
  toMeasureType,
  toNumber,
  toOptionalMeasureType,
  toOptionalNumber,
  toOptionalScheme,
  toOptionalToleranceType,
  toOptionalWeight,
  toPolarity,
  toQuarterNumber,
  toStartMonth,
  toText,
  toWeights,
} from "./args";
import { divByZero, invalid, notAvailable, Problem } from "./errors";
import { spill } from "./grid";

/** A result as Excel receives it: rows of cells. */
export type Spill = unknown[][];

/** =PERF.QUARTER(dateOrLabel, [fyStartMonth]): the canonical quarter label. */
export function quarter(dateOrLabel?: unknown, fyStartMonth?: unknown): Spill {
  return spill([dateOrLabel, fyStartMonth], ([d, sm]) => {
    const startMonth = toStartMonth(sm);
    if (isProblem(startMonth)) return startMonth;
    if (isEmpty(d)) return notAvailable("The date or label is empty");
    if (typeof d === "boolean")
      return invalid(`${d ? "TRUE" : "FALSE"} is a logical value, not a date or label`);
    const text = typeof d === "number" || d instanceof Date ? d : toText(d);
    if (isProblem(text)) return text;
    const p = parsePeriod(text, { startMonth });
    return p.ok ? formatQuarter(p.value, startMonth) : Problem.fromEngine(p.error);
  });
}

/** =PERF.WEIGHT(profile, quarter, [customWeights]): the cumulative weight W1-W4. */
export function weight(profile?: unknown, quarterArg?: unknown, customWeights?: unknown): Spill {
  return spill([profile, quarterArg], ([p, q]) => {
    const weights = toWeights(p, customWeights);
    if (isProblem(weights)) return weights;
    const qn = toQuarterNumber(q);
    if (isProblem(qn)) return qn;
    return weightFor(weights, qn);
  });
}

/** =PERF.MILESTONE(measureType, baseline, target, quarter, [profile], [customWeights]). */
export function milestone(
  measureType?: unknown,
  baseline?: unknown,
  target?: unknown,
  quarterArg?: unknown,
  profile?: unknown,
  customWeights?: unknown,
): Spill {
  return spill([measureType, baseline, target, quarterArg, profile], ([mt, b, t, q, p]) => {
    const type = toMeasureType(mt);
    if (isProblem(type)) return type;
    const base = toOptionalNumber(b, "Baseline");
    if (isProblem(base)) return base;
    const tgt = toNumber(t, "Target", "No target");
    if (isProblem(tgt)) return tgt;
    const qn = toQuarterNumber(q);
    if (isProblem(qn)) return qn;
    const weights = toWeights(p, customWeights, type);
    if (isProblem(weights)) return weights;
    const m = milestoneValue(type, base ?? undefined, tgt, weightFor(weights, qn));
    return m.ok ? m.value : Problem.fromEngine(m.error);
  });
}

/** =PERF.RATE(numerator, denominator): the rate as a fraction; #DIV/0! when the denominator is 0. */
export function rate(numerator?: unknown, denominator?: unknown): Spill {
  return spill([numerator, denominator], ([n, d]) => {
    const num = toNumber(n, "Numerator", "No data");
    if (isProblem(num)) return num;
    const den = toNumber(d, "Denominator", "No data");
    if (isProblem(den)) return den;
    const r = rateValue(num, den);
    return r.ok ? r.value : Problem.fromEngine(r.error);
  });
}

interface RatedCell {
  readonly rag: RagResult;
  readonly polarity: Polarity;
  readonly actual: number | null;
  readonly milestone: number | null;
  readonly target: number | null;
  readonly tolerance: number | null;
  readonly toleranceType: ToleranceType | null;
}

/** Reads the RAG arguments of one cell and rates it with the engine. */
function rateCell(
  a: unknown,
  m: unknown,
  pol: unknown,
  tol: unknown,
  tolType: unknown,
  tgt: unknown,
  sch: unknown,
): RatedCell | Problem {
  const actual = toOptionalNumber(a, "Actual");
  if (isProblem(actual)) return actual;
  const milestoneN = toOptionalNumber(m, "Milestone");
  if (isProblem(milestoneN)) return milestoneN;
  const polarity = toPolarity(pol);
  if (isProblem(polarity)) return polarity;
  const tolerance = toOptionalNumber(tol, "Tolerance");
  if (isProblem(tolerance)) return tolerance;
  const typed = toOptionalToleranceType(tolType);
  if (isProblem(typed)) return typed;
  const target = toOptionalNumber(tgt, "Target");
  if (isProblem(target)) return target;
  const scheme = toOptionalScheme(sch);
  if (isProblem(scheme)) return scheme;
  // As in the report: with no tolerance of its own, an indicator takes the default 5% as Relative.
  const toleranceType = tolerance === null ? null : typed;
  const rag = ragStatus({
    actual,
    milestone: milestoneN,
    polarity,
    tolerance,
    toleranceType,
    target,
    scheme,
  });
  if (!rag.ok) return Problem.fromEngine(rag.error);
  return { rag: rag.value, polarity, actual, milestone: milestoneN, target, tolerance, toleranceType };
}

/** =PERF.RAG(actual, milestone, polarity, [tolerance], [toleranceType], [target], [scheme]). */
export function rag(
  actual?: unknown,
  milestoneArg?: unknown,
  polarity?: unknown,
  tolerance?: unknown,
  toleranceType?: unknown,
  target?: unknown,
  scheme?: unknown,
): Spill {
  return spill([actual, milestoneArg, polarity, tolerance, toleranceType, target, scheme], (v) => {
    const rated = rateCell(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    if (isProblem(rated)) return rated;
    // A missing actual is #N/A with the status as its message (the contract for Excel).
    if (rated.rag.status === "No data") return notAvailable("No data: the actual is empty");
    return rated.rag.status;
  });
}

/** =PERF.VARIANCE(actual, milestone, [asPercent]): A − M, or (A − M) / |M|. */
export function variance(actual?: unknown, milestoneArg?: unknown, asPercent?: unknown): Spill {
  return spill([actual, milestoneArg, asPercent], ([a, m, pct]) => {
    const act = toNumber(a, "Actual", "No data");
    if (isProblem(act)) return act;
    const mil = toNumber(m, "Milestone", "No target");
    if (isProblem(mil)) return mil;
    const percent = toBoolean(pct, "asPercent", false);
    if (isProblem(percent)) return percent;
    if (!percent) return varianceValue(act, mil);
    return variancePct(act, mil) ?? divByZero("Variance % is undefined when the milestone is 0");
  });
}

/** =PERF.PROGRESS(measureType, actual, baseline, target): distance travelled. */
export function progress(
  measureType?: unknown,
  actual?: unknown,
  baseline?: unknown,
  target?: unknown,
): Spill {
  return spill([measureType, actual, baseline, target], ([mt, a, b, t]) => {
    const type = toMeasureType(mt);
    if (isProblem(type)) return type;
    const act = toNumber(a, "Actual", "No data");
    if (isProblem(act)) return act;
    const base = toOptionalNumber(b, "Baseline");
    if (isProblem(base)) return base;
    const tgt = toNumber(t, "Target", "No target");
    if (isProblem(tgt)) return tgt;
    const d = distanceTravelled(type, act, base, tgt);
    if (d !== null) return d;
    if (type === "Count")
      return divByZero("Distance travelled (year to date / target) is undefined when the target is 0");
    if (base === null)
      return notAvailable(`No baseline: distance travelled for a ${type} needs the baseline`);
    return divByZero("Distance travelled is undefined when the target equals the baseline");
  });
}

/** =PERF.DOT(current, previous, polarity): direction of travel. */
export function dot(current?: unknown, previous?: unknown, polarity?: unknown): Spill {
  return spill([current, previous, polarity], ([c, p, pol]) => {
    const cur = toNumber(c, "Current figure", "No data");
    if (isProblem(cur)) return cur;
    const prev = toNumber(p, "Previous figure", "No data");
    if (isProblem(prev)) return prev;
    const po = toPolarity(pol);
    if (isProblem(po)) return po;
    return directionOfTravel(cur, prev, po) ?? invalid("No direction of travel");
  });
}

/** =PERF.FORECAST(measureType, actual, baseline, quarter, [weight]): the year-end forecast. */
export function forecast(
  measureType?: unknown,
  actual?: unknown,
  baseline?: unknown,
  quarterArg?: unknown,
  weightArg?: unknown,
): Spill {
  return spill([measureType, actual, baseline, quarterArg, weightArg], ([mt, a, b, q, w]) => {
    const type = toMeasureType(mt);
    if (isProblem(type)) return type;
    const act = toNumber(a, "Actual", "No data");
    if (isProblem(act)) return act;
    const base = toOptionalNumber(b, "Baseline");
    if (isProblem(base)) return base;
    const qn = toQuarterNumber(q);
    if (isProblem(qn)) return qn;
    const wt = toOptionalWeight(w);
    if (isProblem(wt)) return wt;
    return (
      forecastValue(type, act, base, qn, wt) ??
      notAvailable(`No baseline: a ${type} forecast needs the baseline to project the trend`)
    );
  });
}

/** =PERF.ONTRACK(forecast, target, polarity): TRUE when the forecast meets the target. */
export function onTrack(forecastArg?: unknown, target?: unknown, polarity?: unknown): Spill {
  return spill([forecastArg, target, polarity], ([f, t, pol]) => {
    const fc = toNumber(f, "Forecast", "No data");
    if (isProblem(fc)) return fc;
    const tgt = toNumber(t, "Target", "No target");
    if (isProblem(tgt)) return tgt;
    const po = toPolarity(pol);
    if (isProblem(po)) return po;
    return (
      onTrackValue(fc, tgt, po) ??
      notAvailable("Monitor: a Neutral measure has no better direction, so on track is not rated")
    );
  });
}

/**
 * =PERF.EXPLAIN(actual, milestone, polarity, [measureType], [unit], [tolerance], [toleranceType],
 * [target], [scheme]): the engine's one-line explanation of the status.
 */
export function explain(
  actual?: unknown,
  milestoneArg?: unknown,
  polarity?: unknown,
  measureType?: unknown,
  unit?: unknown,
  tolerance?: unknown,
  toleranceType?: unknown,
  target?: unknown,
  scheme?: unknown,
): Spill {
  return spill(
    [actual, milestoneArg, polarity, measureType, unit, tolerance, toleranceType, target, scheme],
    (v) => {
      const rated = rateCell(v[0], v[1], v[2], v[5], v[6], v[7], v[8]);
      if (isProblem(rated)) return rated;
      const type = toOptionalMeasureType(v[3]);
      if (isProblem(type)) return type;
      const unitText = toText(v[4]);
      if (isProblem(unitText)) return unitText;
      const measure: MeasureType = type ?? "Level";
      return explainStatus({
        rag: rated.rag,
        measureType: measure,
        polarity: rated.polarity,
        unit: unitText ?? undefined,
        actual: rated.actual,
        milestone: rated.milestone,
        target: rated.target,
        tolerance: rated.tolerance,
        toleranceType: rated.toleranceType,
      });
    },
  );
}

/** The confidence level argument: 95 (default) or 99.8, also as 95%, 0.95 or 0.998. */
function toLevel(x: unknown): ConfidenceLevel | Problem {
  if (isEmpty(x)) return DEFAULT_CONFIDENCE_LEVEL;
  const t = typeof x === "number" ? x : toText(x);
  if (isProblem(t)) return t;
  const r = parseConfidenceLevel(t);
  return r.ok ? r.value : Problem.fromEngine(r.error, "Level");
}

/**
 * The interval of one figure: Wilson for a rate (numerator of denominator), Byar for a count (no
 * denominator). Both counts must be whole-number-free of words; the engine checks their range.
 */
function intervalCell(n: unknown, d: unknown, lv: unknown): Interval | Problem {
  const level = toLevel(lv);
  if (isProblem(level)) return level;
  const count = toNumber(n, isEmpty(d) ? "Count" : "Numerator", "No data");
  if (isProblem(count)) return count;
  if (isEmpty(d)) {
    const r = byarInterval(count, level);
    return r.ok ? r.value : Problem.fromEngine(r.error);
  }
  const den = toNumber(d, "Denominator", "No data");
  if (isProblem(den)) return den;
  if (den === 0) return divByZero("The denominator is 0, so there is no rate to give an interval of");
  const r = wilsonInterval(count, den, level);
  return r.ok ? r.value : Problem.fromEngine(r.error);
}

/**
 * =PERF.CI(numerator, [denominator], [level]): the confidence interval, spilled as two cells,
 * lower then upper. With a denominator, the Wilson score interval of the rate (fractions); with
 * the denominator left out, Byar's interval of the count. A range of figures spills a row each.
 */
export function ci(numerator?: unknown, denominator?: unknown, level?: unknown): Spill {
  const cells = spill([numerator, denominator, level], ([n, d, lv]) => {
    const i = intervalCell(n, d, lv);
    // An interval travels through spill as a pair; a problem stays a problem.
    return isProblem(i) ? i : [i.lower, i.upper];
  });
  // A single figure in error is one error cell, as any function's error is.
  const first = cells[0]?.[0];
  if (cells.length === 1 && cells[0]?.length === 1 && !Array.isArray(first)) return [[first]];
  // Each figure's cell becomes two adjacent cells: lower, upper (an error fills both).
  return cells.map((line) => line.flatMap((c) => (Array.isArray(c) ? (c as unknown[]) : [c, c])));
}

/**
 * =PERF.SIGNIFICANCE(numerator, denominator, milestone, polarity, [level]): whether a figure is
 * significantly better or worse than a milestone (or any fixed figure): the milestone lies outside
 * the figure's interval (Wilson with a denominator, Byar for a count without one).
 */
export function significance(
  numerator?: unknown,
  denominator?: unknown,
  milestoneArg?: unknown,
  polarity?: unknown,
  level?: unknown,
): Spill {
  return spill([numerator, denominator, milestoneArg, polarity, level], ([n, d, m, pol, lv]) => {
    const interval = intervalCell(n, d, lv);
    if (isProblem(interval)) return interval;
    const mil = toNumber(m, "Milestone", "No target");
    if (isProblem(mil)) return mil;
    const po = toPolarity(pol);
    if (isProblem(po)) return po;
    const count = toNumber(n, "Numerator");
    if (isProblem(count)) return count;
    const den = isEmpty(d) ? null : toNumber(d, "Denominator");
    if (isProblem(den)) return den;
    const figure = den === null ? count : count / den;
    // Neutral has no better side: compared as Higher, reported as higher or lower.
    const c = compareFigures(figure, interval, mil, null, po === "Neutral" ? "Higher" : po);
    if (c.status === "Similar") return "Not significant";
    if (po === "Neutral") return c.status === "Better" ? "Significantly higher" : "Significantly lower";
    return c.status === "Better" ? "Significantly better" : "Significantly worse";
  });
}

/** An optional interval from two cells: both or neither, lower no more than upper. */
function optionalInterval(lo: unknown, hi: unknown, what: string): Interval | null | Problem {
  const lower = toOptionalNumber(lo, `${what} lower`);
  if (isProblem(lower)) return lower;
  const upper = toOptionalNumber(hi, `${what} upper`);
  if (isProblem(upper)) return upper;
  if (lower === null && upper === null) return null;
  if (lower === null || upper === null)
    return invalid(`The ${what.toLowerCase()} interval needs both its lower and upper ends`);
  if (lower > upper)
    return invalid(`The ${what.toLowerCase()} interval's lower end ${lower} is above its upper end ${upper}`);
  return { lower, upper };
}

/**
 * =PERF.COMPARE(actual, comparator, polarity, [actualLow], [actualHigh], [comparatorLow],
 * [comparatorHigh]): Better, Similar or Worse against a comparator (England, a region, a peer),
 * by the intervals given (overlapping, or containing the other figure, is Similar).
 */
export function compare(
  actual?: unknown,
  comparator?: unknown,
  polarity?: unknown,
  actualLow?: unknown,
  actualHigh?: unknown,
  comparatorLow?: unknown,
  comparatorHigh?: unknown,
): Spill {
  return spill(
    [actual, comparator, polarity, actualLow, actualHigh, comparatorLow, comparatorHigh],
    ([a, c, pol, al, ah, cl, ch]) => {
      const act = toNumber(a, "Actual", "No data");
      if (isProblem(act)) return act;
      const comp = toNumber(c, "Comparator", "No data");
      if (isProblem(comp)) return comp;
      const po = toPolarity(pol);
      if (isProblem(po)) return po;
      const ai = optionalInterval(al, ah, "Actual");
      if (isProblem(ai)) return ai;
      const ci = optionalInterval(cl, ch, "Comparator");
      if (isProblem(ci)) return ci;
      const r = compareFigures(act, ai, comp, ci, po);
      return (
        r.status ?? notAvailable("Monitor: a Neutral measure has no better direction, so it is not compared")
      );
    },
  );
}
