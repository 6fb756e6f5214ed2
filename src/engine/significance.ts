/**
 * Confidence in one report row (semantics.md, "Confidence and small numbers"): the interval of
 * the compared figure (Wilson for a rate's counts, Byar for a Count's year to date), the small-base
 * flag, and the direction of travel made No change where the two quarters' intervals overlap.
 */
import {
  DEFAULT_CONFIDENCE_LEVEL,
  DEFAULT_SMALL_BASE,
  intervalOf,
  intervalsOverlap,
  smallBaseCases,
  type ConfidenceLevel,
  type Interval,
} from "./confidence";
import type { MeasureType, Polarity } from "./measures";
import type { Direction } from "./progress";
import type { Settings } from "./register";
import type { Observation } from "./rollup";

export interface RowConfidence {
  readonly level: ConfidenceLevel;
  readonly interval: Interval | null;
  /** The number of cases when the base is small, else null. */
  readonly smallBaseCases: number | null;
  /** The rate's counts, for the explanation ("23 of 56"). */
  readonly numerator: number | null;
  readonly denominator: number | null;
}

const none = (level: ConfidenceLevel): RowConfidence =>
  Object.freeze({ level, interval: null, smallBaseCases: null, numerator: null, denominator: null });
/** A Level, or no figure: no interval (shared: most rows of a report). */
const NO_CONFIDENCE: Readonly<Record<ConfidenceLevel, RowConfidence>> = { 95: none(95), 99.8: none(99.8) };

/** The interval and small base of the compared figure. */
export function rowConfidence(
  settings: Settings,
  measureType: MeasureType,
  actual: number | null,
  current: Observation | null,
): RowConfidence {
  const level = settings.confidenceLevel ?? DEFAULT_CONFIDENCE_LEVEL;
  if (measureType === "Level" || actual === null) return NO_CONFIDENCE[level];
  // The compared figure: a Count's year to date; a Rate's quarter with its counts.
  const figure = actual === null ? null : measureType === "Rate" ? current : { value: actual };
  return {
    level,
    interval: intervalOf(measureType, figure, level),
    smallBaseCases: smallBaseCases(measureType, figure, settings.smallBase ?? DEFAULT_SMALL_BASE),
    numerator: measureType === "Rate" ? (figure?.numerator ?? null) : null,
    denominator: measureType === "Rate" ? (figure?.denominator ?? null) : null,
  };
}

/**
 * With `DotSignificance` on, a direction whose two quarters' intervals overlap is No change
 * (Same when Neutral). Quarter values are compared (a Count's quarter, not its YTD).
 */
export function significantDirection(
  direction: Direction | null,
  polarity: Polarity,
  measureType: MeasureType,
  now: Observation | null,
  then: Observation | null,
  level: ConfidenceLevel,
): { readonly direction: Direction | null; readonly changed: boolean } {
  if (direction === null || direction === "No change" || direction === "Same")
    return { direction, changed: false };
  const a = intervalOf(measureType, now, level);
  const b = intervalOf(measureType, then, level);
  if (a === null || b === null || !intervalsOverlap(a, b)) return { direction, changed: false };
  return { direction: polarity === "Neutral" ? "Same" : "No change", changed: true };
}
