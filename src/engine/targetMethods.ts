/**
 * Target methods (semantics.md, "Setting targets: methods"), each a pure function returning the
 * target and a rationale sentence; a rate's target is kept within 0–100%.
 * - Hold: the baseline.
 * - Trend: the least-squares line through the last k ≥ 3 yearly figures, at year Y (slope, k, R²).
 * - Stretch(s): baseline × (1 + s) for Higher, × (1 − s) for Lower.
 * - CloseGap(f, C): baseline + f × (C − baseline), only where C is better than the baseline.
 * - Quartile(k): the boundary of peer quartile k among four or more named peers.
 */
import { quartileBoundaries } from "./comparators";
import { formatDifference, formatPercent, formatValue } from "./format";
import { nearlyEqual, type MeasureType, type Polarity } from "./measures";
import { formatFiscalYear } from "./periods";
import { err, isFiniteNumber, ok, type Result } from "./result";

/**
 * The possessive of a comparator's name: "England's", "Leeds's", but "Statistical neighbours'"
 * (a plural noun ending in s takes the apostrophe alone).
 *
 * @example
 * possessive("England") // => "England's"
 * possessive("Statistical neighbours") // => "Statistical neighbours'"
 */
export function possessive(name: string): string {
  return /\b(?:neighbours|neighbors|authorities|councils|areas|peers|regions|LAs)$/i.test(name.trim())
    ? `${name}'`
    : `${name}'s`;
}

export type TargetMethodName = "Hold" | "Trend" | "Stretch" | "CloseGap" | "Quartile";

/** What a method gives: the target, the method as written in `TargetMethod`, and why. */
export interface MethodTarget {
  readonly method: TargetMethodName;
  /** As recorded in TargetMethod, e.g. `CloseGap(0.5, England)`. */
  readonly label: string;
  readonly target: number;
  readonly rationale: string;
}

/** The measure being set, for rates' 0–100% and the sentences' figures. */
export interface MethodContext {
  readonly measureType: MeasureType;
  readonly polarity: Polarity;
  /** The year the target is for (fiscal year, the calendar year it starts in). */
  readonly year: number;
  readonly startMonth?: number;
}

/**
 * A rate's target stays within 0–100% (stored 0–1); other measures are unbounded.
 *
 * @example
 * keepInRange("Rate", 1.04) // => 1
 */
export function keepInRange(measureType: MeasureType, x: number): number {
  return measureType === "Rate" ? Math.min(1, Math.max(0, x)) : x;
}

const fv = (c: MethodContext, x: number): string => formatValue(c.measureType, x);
const fy = (c: MethodContext, y: number): string => formatFiscalYear(y, c.startMonth ?? 4);

/**
 * Hold: the baseline.
 *
 * @example
 * const ctx = { measureType: "Rate", polarity: "Higher", year: 2016 }
 * hold(0.554, ctx).rationale // => "Holds the baseline of 55.4% in 2016-17"
 */
export function hold(baseline: number, c: MethodContext): MethodTarget {
  return {
    method: "Hold",
    label: "Hold",
    target: keepInRange(c.measureType, baseline),
    rationale: `Holds the baseline of ${fv(c, baseline)} in ${fy(c, c.year)}`,
  };
}

/** A least-squares line through yearly figures. */
export interface TrendLine {
  readonly slope: number;
  readonly intercept: number;
  readonly k: number;
  /** Coefficient of determination, 1 when the points lie on the line. */
  readonly r2: number;
}

/**
 * The least-squares line through (year, figure) points; needs three or more distinct years.
 *
 * @example
 * leastSquares([{ year: 2012, value: 1 }, { year: 2013, value: 2 }, { year: 2014, value: 3 }]).value // => { slope: 1, intercept: -2011, k: 3, r2: 1 }
 */
export function leastSquares(
  points: readonly { readonly year: number; readonly value: number }[],
): Result<TrendLine> {
  const k = points.length;
  if (k < 3 || new Set(points.map((p) => p.year)).size < k)
    return err("TARGET_METHOD", `A trend needs three or more yearly figures, one a year; got ${k}`);
  const mx = points.reduce((s, p) => s + p.year, 0) / k;
  const my = points.reduce((s, p) => s + p.value, 0) / k;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
    syy += (p.value - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (const p of points) ssr += (p.value - (intercept + slope * p.year)) ** 2;
  const r2 = nearlyEqual(syy, 0, my * my) ? 1 : Math.max(0, 1 - ssr / syy);
  return ok({ slope, intercept, k, r2 });
}

/**
 * Trend: the least-squares line through the last k ≥ 3 yearly figures, at the target's year.
 *
 * @example
 * const ctx = { measureType: "Rate", polarity: "Higher", year: 2016 }
 * trend([{ year: 2012, value: 0.5 }, { year: 2013, value: 0.52 }, { year: 2014, value: 0.54 }], ctx).value.target // => 0.58
 */
export function trend(
  points: readonly { readonly year: number; readonly value: number }[],
  c: MethodContext,
): Result<MethodTarget & { readonly line: TrendLine }> {
  const line = leastSquares(points);
  if (!line.ok) return line;
  const { slope, intercept, k, r2 } = line.value;
  const sign = slope > 0 ? "+" : slope < 0 ? "−" : "";
  const perYear = `${sign}${formatDifference(c.measureType, slope)} a year`;
  return ok({
    method: "Trend",
    label: `Trend(${k})`,
    target: keepInRange(c.measureType, intercept + slope * c.year),
    rationale: `Continues the trend of the last ${k} years (${perYear}, R² ${r2.toFixed(2)}) to ${fy(c, c.year)}`,
    line: line.value,
  });
}

/**
 * Stretch(s): the baseline improved by the share s under polarity.
 *
 * @example
 * const ctx = { measureType: "Rate", polarity: "Higher", year: 2016 }
 * stretch(0.544, 0.05, ctx).value.target // => 0.5712
 */
export function stretch(baseline: number, s: number, c: MethodContext): Result<MethodTarget> {
  if (c.polarity === "Neutral")
    return err("TARGET_METHOD", "A neutral measure has no better direction to stretch");
  if (!isFiniteNumber(s) || s <= 0)
    return err("TARGET_METHOD", `A stretch must be a share above 0; got ${s}`);
  const target = keepInRange(
    c.measureType,
    c.polarity === "Higher" ? baseline * (1 + s) : baseline * (1 - s),
  );
  const word = c.polarity === "Higher" ? "Raises" : "Lowers";
  return ok({
    method: "Stretch",
    label: `Stretch(${s})`,
    target,
    rationale: `${word} the baseline of ${fv(c, baseline)} by ${formatPercent(s).replace(".0%", "%")}, to ${fv(c, target)} in ${fy(c, c.year)}`,
  });
}

/** "half", "a quarter", "all" … of the gap; other shares as a percentage. */
function shareWords(f: number): string {
  const words: readonly [number, string][] = [
    [1, "all"],
    [0.5, "half"],
    [0.25, "a quarter"],
    [0.75, "three quarters"],
    [1 / 3, "a third"],
    [2 / 3, "two thirds"],
  ];
  return words.find(([x]) => Math.abs(x - f) < 1e-9)?.[1] ?? `${formatPercent(f).replace(".0%", "%")} of`;
}

/**
 * CloseGap(f, C): baseline + f × (C − baseline), offered only where the comparator is better than
 * the baseline under polarity.
 *
 * @example
 * const ctx = { measureType: "Rate", polarity: "Higher", year: 2016 }
 * closeGap(0.554, 0.5, { name: "England", value: 0.6 }, ctx).value.rationale // => "Closes half the gap to England's 60.0% in one year, from 55.4%"
 */
export function closeGap(
  baseline: number,
  f: number,
  comparator: { readonly name: string; readonly value: number },
  c: MethodContext & { readonly years?: number },
): Result<MethodTarget> {
  if (c.polarity === "Neutral") return err("TARGET_METHOD", "A neutral measure has no gap to close");
  if (!isFiniteNumber(f) || f <= 0 || f > 1)
    return err("TARGET_METHOD", `The share of the gap to close must be above 0 and at most 1; got ${f}`);
  const C = comparator.value;
  const better = c.polarity === "Higher" ? C > baseline : C < baseline;
  if (!better || nearlyEqual(C, baseline))
    return err(
      "TARGET_METHOD",
      `${possessive(comparator.name)} ${fv(c, C)} is not better than the baseline of ${fv(c, baseline)}, so there is no gap to close`,
    );
  const years = c.years ?? 1;
  const when = years === 1 ? "in one year" : `in ${years} years`;
  const gapWords = f === 1 ? "Closes the gap" : `Closes ${shareWords(f)} the gap`;
  return ok({
    method: "CloseGap",
    label: `CloseGap(${f}, ${comparator.name})`,
    target: keepInRange(c.measureType, baseline + f * (C - baseline)),
    rationale: `${gapWords} to ${possessive(comparator.name)} ${fv(c, C)} ${when}, from ${fv(c, baseline)}`,
  });
}

const QUARTILE_WORDS = ["", "top quartile", "second quartile", "third quartile"] as const;

/**
 * Quartile(k): the boundary of peer quartile k (1 to 3) among four or more named peers.
 *
 * @example
 * const ctx = { measureType: "Rate", polarity: "Higher", year: 2016 }
 * quartile([0.5, 0.55, 0.6, 0.65], 1, ctx).value.target // => 0.6125
 */
export function quartile(
  peers: readonly number[],
  k: 1 | 2 | 3,
  c: MethodContext & { readonly peerYear?: number },
): Result<MethodTarget> {
  if (c.polarity === "Neutral") return err("TARGET_METHOD", "A neutral measure has no better quartile");
  const b = quartileBoundaries(peers, c.polarity);
  if (b === null)
    return err("TARGET_METHOD", `A quartile needs four or more named peers; got ${peers.length}`);
  const target = keepInRange(c.measureType, b[k - 1] ?? b[0]);
  const among = `${peers.length} named peers${c.peerYear === undefined ? "" : ` in ${fy(c, c.peerYear)}`}`;
  return ok({
    method: "Quartile",
    label: `Quartile(${k})`,
    target,
    rationale: `Reaches the ${QUARTILE_WORDS[k]} of ${among} (${fv(c, target)} or ${c.polarity === "Higher" ? "more" : "less"}) in ${fy(c, c.year)}`,
  });
}
