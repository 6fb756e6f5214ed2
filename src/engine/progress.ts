/**
 * Progress figures (semantics.md, "Progress figures"): variance, variance %, distance
 * travelled, direction of travel, year-end forecast and on-track. Undefined figures are
 * `null`, never NaN.
 */
import { meetsOrBetter, nearlyEqual, type MeasureType, type Polarity } from "./measures";
import { isFiniteNumber } from "./result";
import type { QuarterNumber } from "./periods";

export type Direction = "Improving" | "Worsening" | "No change" | "Up" | "Down" | "Same";
export const DIRECTIONS: readonly Direction[] = ["Improving", "Worsening", "No change", "Up", "Down", "Same"];

type Num = number | null | undefined;
const has = (x: Num): x is number => isFiniteNumber(x);
/** A quotient that overflows (a divisor like 5e-324) is undefined too: null, never ±Infinity. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Variance = A - M.
 *
 * @example
 * variance(324, 290) // => 34
 */
export function variance(actual: Num, milestone: Num): number | null {
  return has(actual) && has(milestone) ? actual - milestone : null;
}

/**
 * Variance % = (A - M) / |M|; null when M = 0.
 *
 * @example
 * variancePct(324, 290) // => 0.1172
 */
export function variancePct(actual: Num, milestone: Num): number | null {
  if (!has(actual) || !has(milestone) || milestone === 0) return null;
  return finite((actual - milestone) / Math.abs(milestone));
}

/**
 * Distance travelled: (A - Baseline) / (Target - Baseline) for Level/Rate, YTD / Target for
 * Count; null when the denominator is 0 or a figure is missing.
 *
 * @example
 * distanceTravelled("Level", 324, 188, 290) // => 1.3333
 */
export function distanceTravelled(
  measureType: MeasureType,
  actual: Num,
  baseline: Num,
  target: Num,
): number | null {
  if (!has(actual) || !has(target)) return null;
  if (measureType === "Count") return target === 0 ? null : finite(actual / target);
  if (!has(baseline)) return null;
  const span = target - baseline;
  return span === 0 ? null : finite((actual - baseline) / span);
}

/**
 * Direction of travel from `previous` to `current`: Improving / Worsening / No change under
 * Higher or Lower (equal within the float allowance is No change); Up / Down / Same for Neutral.
 *
 * @example
 * directionOfTravel(324, 327, "Lower") // => "Improving"
 */
export function directionOfTravel(current: Num, previous: Num, polarity: Polarity): Direction | null {
  if (!has(current) || !has(previous)) return null;
  if (nearlyEqual(current, previous)) return polarity === "Neutral" ? "Same" : "No change";
  const up = current > previous;
  if (polarity === "Neutral") return up ? "Up" : "Down";
  return up === (polarity === "Higher") ? "Improving" : "Worsening";
}

/**
 * Year-end forecast after quarter q. Count: YTD / Wq (the profile's pace), linear (q/4) when
 * Wq is 0 (or within the float allowance of 0, 1e-9). Level/Rate: A + (A - Baseline) / q x (4 - q);
 * null without a baseline.
 *
 * @example
 * forecast("Count", 393, null, 2, 0.5) // => 786
 */
export function forecast(
  measureType: MeasureType,
  actual: Num,
  baseline: Num,
  q: QuarterNumber,
  weight?: Num,
): number | null {
  if (!has(actual)) return null;
  if (measureType === "Count") {
    const w = has(weight) && weight > 1e-9 ? weight : q / 4;
    return finite(actual / w);
  }
  if (!has(baseline)) return null;
  return finite(actual + ((actual - baseline) / q) * (4 - q));
}

/**
 * On track: the forecast meets the target under the polarity; null for Neutral or missing figures.
 *
 * @example
 * onTrack(786, 900, "Higher") // => false
 */
export function onTrack(forecastValue: Num, target: Num, polarity: Polarity): boolean | null {
  if (!has(forecastValue) || !has(target) || polarity === "Neutral") return null;
  return meetsOrBetter(forecastValue, target, polarity);
}
