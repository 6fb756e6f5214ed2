/**
 * RAG status (semantics.md, "RAG" and "RAG rules in use by councils").
 *
 * Order of precedence, where the spec is silent (docs/decisions.md):
 * Not due → No data (no actual) → Monitor (Neutral) → No target → Blue (BRAG, target met) →
 * the workbook's rule (Milestone, ToleranceBand, Forecast or Confidence).
 */
import type { Interval } from "./confidence";
import {
  meetsOrBetter,
  nearlyEqual,
  parsePolarity,
  parseRagRule,
  parseRagScheme,
  parseToleranceType,
  POLARITIES,
  RAG_RULES,
  RAG_SCHEMES,
  TOLERANCE_TYPES,
  type Polarity,
  type RagRule,
  type RagScheme,
  type ToleranceType,
} from "./measures";
import type { Direction } from "./progress";
import { err, isFiniteNumber, quote, type Result } from "./result";

export type RagStatus = "Red" | "Amber" | "Green" | "Blue" | "No data" | "Not due" | "No target" | "Monitor";
export const RAG_STATUSES: readonly RagStatus[] = [
  "Red",
  "Amber",
  "Green",
  "Blue",
  "No data",
  "Not due",
  "No target",
  "Monitor",
];

export const DEFAULT_TOLERANCE = 0.05;

/** Why the status is what it is: the explanation is written from this. */
export type RagReason =
  | "not-due"
  | "no-data"
  | "monitor"
  | "no-target"
  | "target-met"
  | "on-milestone"
  | "within-tolerance"
  | "beyond-tolerance"
  | "band-improving"
  | "band-worsening"
  | "band-no-year-ago"
  | "forecast-meets"
  | "forecast-misses"
  | "no-forecast"
  | "significant-miss"
  | "not-significant";

export interface RagInput {
  /** The figure compared: YTD for Count, the quarter's value otherwise (a rate as a fraction). */
  readonly actual: number | null | undefined;
  /** The milestone; null or undefined when no target is set. */
  readonly milestone: number | null | undefined;
  readonly polarity: Polarity;
  /** t: relative share (0.05) or absolute amount; default 0.05. */
  readonly tolerance?: number | null | undefined;
  readonly toleranceType?: ToleranceType | null | undefined;
  /** The annual target (for Blue and the Forecast rule). */
  readonly target?: number | null | undefined;
  /** The figure compared with the annual target for Blue (YTD for Count, else the quarter's actual). */
  readonly scheme?: RagScheme | null | undefined;
  readonly rule?: RagRule | null | undefined;
  /** False when the quarter is after the reporting period. Default true. */
  readonly due?: boolean | undefined;
  /** ToleranceBand: direction of travel against the same quarter a year earlier. */
  readonly dotYearAgo?: Direction | null | undefined;
  /** Forecast rule: the year-end forecast. */
  readonly forecast?: number | null | undefined;
  /** Confidence rule: the interval of the actual (none: rated by the Milestone rule). */
  readonly interval?: Interval | null | undefined;
}

export interface RagResult {
  readonly status: RagStatus;
  readonly reason: RagReason;
  readonly rule: RagRule;
  /** g = A - M (Higher) or M - A (Lower), snapped to 0 within the float allowance. */
  readonly gap: number | null;
  /** T, the tolerance in the value's unit. */
  readonly toleranceAmount: number | null;
}

/** T = t x |M| (Relative) or t (Absolute). */
function toleranceAmount(milestone: number, t: number, type: ToleranceType): number {
  return type === "Absolute" ? t : t * Math.abs(milestone);
}

/** g >= 0 means on or better than the milestone; |g| within the float allowance is 0. */
function ragGap(actual: number, milestone: number, polarity: "Higher" | "Lower"): number {
  const g = polarity === "Higher" ? actual - milestone : milestone - actual;
  return nearlyEqual(g, 0, milestone) ? 0 : g;
}

/** One of a closed list of names: the name itself (fast path), else the lenient parser's answer. */
function named<T extends string>(
  value: unknown,
  names: readonly T[],
  fallback: T | null,
  parse: (text: unknown) => Result<T>,
): T | Result<never> {
  if (value === null || value === undefined) {
    if (fallback !== null) return fallback;
  } else if (names.includes(value as T)) return value as T;
  const r = parse(value);
  return r.ok ? r.value : (r as Result<never>);
}

function result(
  status: RagStatus,
  reason: RagReason,
  rule: RagRule,
  gap: number | null,
  T: number | null,
): Result<RagResult> {
  return { ok: true, value: { status, reason, rule, gap, toleranceAmount: T } };
}

/**
 * Rate one indicator-quarter. Total: every input gives a status or an error value. An unknown
 * polarity, rule, scheme or tolerance type is an error naming the text (never silently another).
 *
 * @example
 * ragStatus({ actual: 0.124, milestone: 0.12, polarity: "Lower" }).value.status // => "Amber"
 * ragStatus({ actual: 0.14, milestone: 0.12, polarity: "Lower" }).value.status // => "Red"
 */
export function ragStatus(input: RagInput): Result<RagResult> {
  const i: Partial<RagInput> = typeof input === "object" && input !== null ? input : {};
  // Validation without allocating on the happy path (a report rates every row).
  const polarity = named(i.polarity, POLARITIES, null, parsePolarity);
  if (typeof polarity !== "string") return polarity;
  const rule = named(i.rule, RAG_RULES, "Milestone", parseRagRule);
  if (typeof rule !== "string") return rule;
  const scheme = named(i.scheme, RAG_SCHEMES, "RAG", parseRagScheme);
  if (typeof scheme !== "string") return scheme;
  const toleranceType = named(i.toleranceType, TOLERANCE_TYPES, "Relative", parseToleranceType);
  if (typeof toleranceType !== "string") return toleranceType;
  const t = i.tolerance ?? DEFAULT_TOLERANCE;
  if (!isFiniteNumber(t) || t < 0)
    return err("TOLERANCE", `Tolerance must be a number of 0 or more; got ${quote(t)}`);
  if (i.due === false) return result("Not due", "not-due", rule, null, null);
  const a = i.actual;
  if (!isFiniteNumber(a)) return result("No data", "no-data", rule, null, null);
  if (polarity === "Neutral") return result("Monitor", "monitor", rule, null, null);
  const m = i.milestone;
  if (!isFiniteNumber(m)) return result("No target", "no-target", rule, null, null);
  const g = ragGap(a, m, polarity);
  const T = toleranceAmount(m, t, toleranceType);
  const target = i.target;
  if (scheme === "BRAG" && isFiniteNumber(target) && meetsOrBetter(a, target, polarity)) {
    return result("Blue", "target-met", rule, g, T);
  }
  // The tolerance boundary is Amber (or Green under ToleranceBand): allow for floating point there too.
  const withinTolerance = -g <= T + 1e-9 * Math.max(1, Math.abs(m));
  switch (rule) {
    case "Milestone":
      if (g >= 0) return result("Green", "on-milestone", rule, g, T);
      return withinTolerance
        ? result("Amber", "within-tolerance", rule, g, T)
        : result("Red", "beyond-tolerance", rule, g, T);
    case "ToleranceBand":
      if (withinTolerance) return result("Green", g >= 0 ? "on-milestone" : "within-tolerance", rule, g, T);
      if (i.dotYearAgo === "Improving" || i.dotYearAgo === "No change")
        return result("Amber", "band-improving", rule, g, T);
      if (i.dotYearAgo === "Worsening") return result("Red", "band-worsening", rule, g, T);
      return result("Red", "band-no-year-ago", rule, g, T);
    case "Confidence": {
      if (g >= 0) return result("Green", "on-milestone", rule, g, T);
      const ci = i.interval;
      // A figure with no interval is rated by the Milestone rule (the explanation says so).
      if (!ci)
        return withinTolerance
          ? result("Amber", "within-tolerance", rule, g, T)
          : result("Red", "beyond-tolerance", rule, g, T);
      const wholeMiss = polarity === "Higher" ? ci.upper < m : ci.lower > m;
      return wholeMiss
        ? result("Red", "significant-miss", rule, g, T)
        : result("Amber", "not-significant", rule, g, T);
    }
    case "Forecast": {
      if (g >= 0) return result("Green", "on-milestone", rule, g, T);
      const f = i.forecast;
      if (!isFiniteNumber(f) || !isFiniteNumber(target)) return result("Red", "no-forecast", rule, g, T);
      return meetsOrBetter(f, target, polarity)
        ? result("Amber", "forecast-meets", rule, g, T)
        : result("Red", "forecast-misses", rule, g, T);
    }
  }
}
