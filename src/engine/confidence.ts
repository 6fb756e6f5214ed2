/**
 * Confidence and small numbers (semantics.md): the Wilson score interval of a rate and Byar's
 * interval of a count, at 95% or 99.8%, as public health indicators in England are rated; the
 * small-base flag; and whether two figures differ significantly (their intervals do not overlap).
 */
import type { MeasureType } from "./measures";
import { err, isFiniteNumber, ok, quote, type Result } from "./result";

/** The levels of confidence a workbook may choose (setting `ConfidenceLevel`). */
export type ConfidenceLevel = 95 | 99.8;
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = [95, 99.8];
export const DEFAULT_CONFIDENCE_LEVEL: ConfidenceLevel = 95;

/** z for each level, as the spec gives it (the normal quantiles 0.975 and 0.999 to six places). */
export const Z_SCORES: Readonly<Record<ConfidenceLevel, number>> = { 95: 1.959964, 99.8: 3.090232 };

/** The default `SmallBase`: a rate whose denominator is below it has a small base. */
export const DEFAULT_SMALL_BASE = 30;
/** A count below this has a small base (semantics.md). */
export const SMALL_COUNT = 10;

/** A confidence interval, in the figure's own unit (a rate as a fraction). */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * `95`, `99.8`, `95%`, `0.95` or `0.998` → the level; anything else is an error naming the text.
 *
 * @example
 * parseConfidenceLevel("99.8%") // => { ok: true, value: 99.8 }
 */
export function parseConfidenceLevel(text: unknown): Result<ConfidenceLevel> {
  const s = typeof text === "number" ? String(text) : typeof text === "string" ? text.trim() : "";
  const n = Number(s.replace(/%$/, "").trim());
  if (s !== "" && Number.isFinite(n)) {
    if (n === 95 || n === 0.95) return ok(95);
    if (n === 99.8 || n === 0.998) return ok(99.8);
  }
  return err("CONFIDENCE_LEVEL", `Confidence level must be 95 or 99.8; got ${quote(text ?? "")}`);
}

/**
 * The Wilson score interval of a proportion n / d (semantics.md, "Confidence and small numbers"):
 * lower, upper = (2n + z² ∓ z·√(z² + 4n(1 − p))) / (2(d + z²)), p = n / d. Always within 0–1.
 *
 * @example
 * wilsonInterval(65, 100) // => { ok: true, value: { lower: 0.5525, upper: 0.7364 } }
 */
export function wilsonInterval(
  numerator: number,
  denominator: number,
  level: ConfidenceLevel = DEFAULT_CONFIDENCE_LEVEL,
): Result<Interval> {
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator) || numerator < 0 || denominator <= 0)
    return err(
      "CONFIDENCE_INPUT",
      `A Wilson interval needs a numerator of 0 or more and a denominator above 0; got ${quote(numerator)} of ${quote(denominator)}`,
    );
  if (numerator > denominator)
    return err(
      "CONFIDENCE_INPUT",
      `A Wilson interval needs a numerator no larger than its denominator; got ${quote(numerator)} of ${quote(denominator)}`,
    );
  const z = Z_SCORES[level];
  const z2 = z * z;
  const p = numerator / denominator;
  const spread = z * Math.sqrt(z2 + 4 * numerator * (1 - p));
  const base = 2 * numerator + z2;
  const scale = 2 * (denominator + z2);
  // Rounding may take an end a hair outside 0–1 at p = 0 or 1: a proportion's interval never does.
  const lower = Math.min(1, Math.max(0, (base - spread) / scale));
  const upper = Math.min(1, Math.max(0, (base + spread) / scale));
  return ok({ lower: Math.min(lower, p), upper: Math.max(upper, p) });
}

/**
 * Byar's interval of a count O (semantics.md): lower = O·(1 − 1/(9O) − z/(3√O))³ (0 when O = 0),
 * upper = (O + 1)·(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³.
 *
 * @example
 * byarInterval(65) // => { ok: true, value: { lower: 50.1632, upper: 82.8491 } }
 */
export function byarInterval(
  count: number,
  level: ConfidenceLevel = DEFAULT_CONFIDENCE_LEVEL,
): Result<Interval> {
  if (!isFiniteNumber(count) || count < 0)
    return err("CONFIDENCE_INPUT", `Byar's interval needs a count of 0 or more; got ${quote(count)}`);
  const z = Z_SCORES[level];
  const lower = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const o1 = count + 1;
  const upper = o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
  return ok({ lower: Math.max(0, Math.min(lower, count)), upper: Math.max(upper, count) });
}

/** A figure as the interval needs it: a rate's counts, or a count. */
export interface IntervalFigure {
  readonly value: number;
  readonly numerator?: number | undefined;
  readonly denominator?: number | undefined;
}

/**
 * The interval of a figure of a measure: Wilson for a Rate with its numerator and denominator,
 * Byar for a Count (its year to date when it is the compared figure); null for a Level, a rate
 * given as a percentage alone, or counts an interval cannot be made of.
 *
 * @example
 * intervalOf("Rate", { value: 23 / 56, numerator: 23, denominator: 56 }) // => { lower: 0.2917, upper: 0.5412 }
 */
export function intervalOf(
  measureType: MeasureType,
  figure: IntervalFigure | null | undefined,
  level: ConfidenceLevel = DEFAULT_CONFIDENCE_LEVEL,
): Interval | null {
  if (!figure) return null;
  if (measureType === "Rate") {
    const { numerator: n, denominator: d } = figure;
    if (n === undefined || d === undefined) return null;
    const r = wilsonInterval(n, d, level);
    return r.ok ? r.value : null;
  }
  if (measureType === "Count") {
    const r = byarInterval(figure.value, level);
    return r.ok ? r.value : null;
  }
  return null;
}

/**
 * Small base: a rate whose denominator is below `smallBase` (default 30), or a count below 10.
 * Returns the number of cases when the base is small, else null.
 *
 * @example
 * smallBaseCases("Rate", { value: 0.4, numerator: 8, denominator: 20 }) // => 20
 */
export function smallBaseCases(
  measureType: MeasureType,
  figure: IntervalFigure | null | undefined,
  smallBase: number = DEFAULT_SMALL_BASE,
): number | null {
  if (!figure) return null;
  if (measureType === "Rate")
    return figure.denominator !== undefined && figure.denominator < smallBase ? figure.denominator : null;
  if (measureType === "Count") return figure.value < SMALL_COUNT ? figure.value : null;
  return null;
}

/**
 * Whether two intervals overlap (touching ends overlap).
 *
 * @example
 * intervalsOverlap({ lower: 0.29, upper: 0.54 }, { lower: 0.5, upper: 0.6 }) // => true
 */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.lower <= b.upper && b.lower <= a.upper;
}

/**
 * Whether an interval contains a figure.
 *
 * @example
 * intervalContains({ lower: 0.29, upper: 0.54 }, 0.6) // => false
 */
export function intervalContains(a: Interval, x: number): boolean {
  return a.lower <= x && x <= a.upper;
}
