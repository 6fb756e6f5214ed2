/**
 * The one-line explanation of a status, e.g.
 * "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5."
 * Figures are rounded for reading; the rule is named when it is not the default Milestone rule; a
 * figure that is not validated says so after the status ("Amber, provisional: ..."), and the
 * confidence interval, small base, overlapping intervals and lineage are added where they apply.
 */
import type { ConfidenceLevel, Interval } from "./confidence";
import type { MeasureType, Polarity, RagRule, ToleranceType } from "./measures";
import { formatDifference, formatNumber, formatPercent, formatShare, formatValue } from "./format";
import type { Direction } from "./progress";
import type { Quality } from "./quality";
import type { RagResult } from "./rag";

export interface ExplainInput {
  readonly rag: RagResult;
  readonly measureType: MeasureType;
  readonly polarity: Polarity;
  /** The unit of the measure as typed (e.g. "plans", "families", "%"). */
  readonly unit?: string | undefined;
  readonly actual?: number | null | undefined;
  readonly milestone?: number | null | undefined;
  readonly target?: number | null | undefined;
  readonly tolerance?: number | null | undefined;
  readonly toleranceType?: ToleranceType | null | undefined;
  readonly forecast?: number | null | undefined;
  readonly dotPrevious?: Direction | null | undefined;
  readonly dotYearAgo?: Direction | null | undefined;
  readonly yearAgoActual?: number | null | undefined;
  /** Label of the period rated (e.g. "2015-16 Q2"). */
  readonly period?: string | undefined;
  readonly reportingPeriod?: string | undefined;
  /** Why there is no data, when known: the units that have not reported, or the quarters missing from a YTD. */
  readonly missingUnits?: readonly string[] | undefined;
  readonly missingQuarters?: readonly string[] | undefined;
  /** Why there is no target, when it is for another year. */
  readonly targetYearLabel?: string | undefined;
  /** Schema 2: the actual's confidence interval (null where there is none) and its level. */
  readonly interval?: Interval | null | undefined;
  readonly level?: ConfidenceLevel | undefined;
  /** A rate's counts, for "23 of 56". */
  readonly numerator?: number | null | undefined;
  readonly denominator?: number | null | undefined;
  /** The number of cases when the base is small ("small base (23 cases)"). */
  readonly smallBaseCases?: number | null | undefined;
  /** The figure's quality, and the unit it comes from when rolled up. */
  readonly quality?: Quality | undefined;
  readonly qualityUnit?: string | null | undefined;
  /** Directions of travel made No change because the intervals overlap (DotSignificance). */
  readonly notSignificant?: readonly ("previous" | "yearAgo")[] | undefined;
  /** The previous id whose figures gave last year's (lineage). */
  readonly previousId?: string | undefined;
  /** The multi-year plan: its final target, last year (as a label) and whether it is on track. */
  readonly plan?:
    { readonly finalTarget: number; readonly endYear: string; readonly onTrack: boolean } | undefined;
}

const RULE_NAMES: Record<RagRule, string> = {
  Milestone: "milestone rule",
  ToleranceBand: "tolerance band rule",
  Forecast: "forecast rule",
  Confidence: "confidence rule",
};

function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

/** The unit as a word after a count or level (" plans"); none for rates and percentages. */
function unitWordOf(unit: string): string {
  const u = unit.trim();
  if (u === "" || u === "%" || /^(percent|percentage|rate|%.*)$/i.test(u)) return "";
  return ` ${u}`;
}

/** Units repeat across a register: remember each one's word (bounded, cleared when full). */
const UNIT_WORDS = new Map<string, string>();

function unitWord(measureType: MeasureType, unit: string | undefined): string {
  if (measureType === "Rate" || unit === undefined) return "";
  let w = UNIT_WORDS.get(unit);
  if (w === undefined) {
    if (UNIT_WORDS.size >= 10_000) UNIT_WORDS.clear();
    UNIT_WORDS.set(unit, (w = unitWordOf(unit)));
  }
  return w;
}

function head(input: ExplainInput): string {
  const s = input.rag.status;
  const h = input.rag.rule === "Milestone" ? s : `${s} (${RULE_NAMES[input.rag.rule]})`;
  const q = input.quality;
  if (q === undefined || q === "Validated" || input.actual === null || input.actual === undefined) return h;
  return `${h}, ${q.toLowerCase()}${input.qualityUnit ? ` (from ${input.qualityUnit})` : ""}`;
}

/** The sentence of a status with no comparison: Not due, No data, No target; else null. */
function withoutFigure(input: ExplainInput, h: string): string | null {
  const period = input.period ?? "the quarter";
  switch (input.rag.reason) {
    case "not-due":
      return `${h}: ${period} is after the reporting period${input.reportingPeriod ? ` ${input.reportingPeriod}` : ""}.`;
    case "no-data":
      if (input.missingUnits && input.missingUnits.length > 0) {
        const n = input.missingUnits.length;
        return `${h}: ${listAnd(input.missingUnits)} ${n === 1 ? "has" : "have"} not reported for ${period}, so the total is not rated.`;
      }
      if (input.missingQuarters && input.missingQuarters.length > 0) {
        return `${h}: the year to date needs ${listAnd(input.missingQuarters)}, which ${input.missingQuarters.length === 1 ? "has" : "have"} no actual.`;
      }
      return `${h}: no actual for ${period}.`;
    case "no-target":
      return input.targetYearLabel
        ? `${h}: the target is set for ${input.targetYearLabel}, not for ${period}.`
        : `${h}: no target is set for this indicator.`;
    default:
      return null;
  }
}

/** "95% interval 29.2%–54.1%, 23 of 56" (a count's interval as numbers). */
function intervalText(input: ExplainInput, ci: Interval): string {
  const f = input.measureType === "Rate" ? formatPercent : formatNumber;
  const n = input.numerator;
  const d = input.denominator;
  const counts =
    input.measureType === "Rate" && typeof n === "number" && typeof d === "number"
      ? `, ${formatNumber(n)} of ${formatNumber(d)}`
      : "";
  return `${input.level ?? 95}% interval ${f(ci.lower)}–${f(ci.upper)}${counts}`;
}

/** What follows the comparison, for the rule and reason. */
function reasonText(input: ExplainInput, gapText: string): string {
  const { rag, measureType } = input;
  const target = input.target;
  const T = rag.toleranceAmount ?? 0;
  const t = input.tolerance ?? 0.05;
  const tolText =
    input.toleranceType === "Absolute"
      ? `the tolerance of ${formatDifference(measureType, T)}`
      : `the ${formatShare(t)} tolerance of ${formatDifference(measureType, T)}`;
  const ya = input.yearAgoActual;
  const yaText = ya === null || ya === undefined ? "" : ` (${formatValue(measureType, ya)})`;
  const side = input.polarity === "Lower" ? "above" : "below";
  const ci = input.interval;
  switch (rag.reason) {
    case "target-met":
      return `; the annual target of ${target === null || target === undefined ? "?" : formatValue(measureType, target)} is already met`;
    case "on-milestone":
      return `; ${gapText}`;
    case "within-tolerance":
      return `; ${gapText}, within ${tolText}${rag.rule === "Confidence" ? NO_INTERVAL : ""}`;
    case "beyond-tolerance":
      return `; ${gapText}, beyond ${tolText}${rag.rule === "Confidence" ? NO_INTERVAL : ""}`;
    case "band-improving": {
      const word = input.dotYearAgo === "No change" ? "no worse than" : "improving on";
      return `; ${gapText}, beyond ${tolText}, but ${word} the same quarter last year${yaText}`;
    }
    case "band-worsening":
      return `; ${gapText}, beyond ${tolText}, and worse than the same quarter last year${yaText}`;
    case "band-no-year-ago":
      return `; ${gapText}, beyond ${tolText}, and there is no figure for the same quarter last year to show improvement`;
    case "forecast-meets":
      return `; ${gapText}, but the year-end forecast of ${formatValue(measureType, input.forecast ?? 0)} meets the target of ${formatValue(measureType, target ?? 0)}`;
    case "forecast-misses":
      return `; ${gapText}, and the year-end forecast of ${formatValue(measureType, input.forecast ?? 0)} misses the target of ${formatValue(measureType, target ?? 0)}`;
    case "no-forecast":
      return `; ${gapText}, and no year-end forecast can be made to show the target is reachable`;
    case "not-significant":
      return `; ${side} it, but not significantly${ci ? ` (${intervalText(input, ci)})` : ""}`;
    case "significant-miss":
      return `; ${side} it, and significantly so${ci ? ` (${intervalText(input, ci)})` : ""}`;
    default:
      return "";
  }
}

const NO_INTERVAL = "; the figure has no confidence interval, so the milestone rule rates it";

/** Small base, intervals that overlap, lineage: what is added after the reason. */
function notes(input: ExplainInput): string {
  let out = "";
  const cases = input.smallBaseCases;
  if (typeof cases === "number")
    out += `; small base (${formatNumber(cases)} ${cases === 1 ? "case" : "cases"})`;
  const ns = input.notSignificant;
  if (ns && ns.length > 0) {
    const on = ns.map((k) => (k === "previous" ? "the previous quarter" : "the same quarter last year"));
    out += `; no significant change on ${on.join(" or ")}`;
  }
  if (input.previousId) out += `; last year's figures are those of ${input.previousId} (its previous id)`;
  const plan = input.plan;
  if (plan) {
    const goal = `the plan's ${formatValue(input.measureType, plan.finalTarget)} by ${plan.endYear}`;
    out += plan.onTrack ? `; on track for ${goal}` : `; not on track for ${goal}`;
  }
  return out;
}

/**
 * The plain-English reason for the status.
 *
 * @example
 * const rag = ragStatus({ actual: 324, milestone: 290, polarity: "Lower", tolerance: 0.2 }).value
 * explain({ rag, measureType: "Level", polarity: "Lower", unit: "plans", actual: 324, milestone: 290, tolerance: 0.2 }) // => "Amber: 324 plans against a milestone of 290 (lower is better); 34 over, within the 20% tolerance of 58."
 */
export function explain(input: ExplainInput): string {
  const { rag, measureType, polarity } = input;
  const h = head(input);
  const none = withoutFigure(input, h);
  if (none !== null) return none;
  const a = input.actual ?? 0;
  const what = `${formatValue(measureType, a)}${unitWord(measureType, input.unit)}${measureType === "Count" ? " so far" : ""}`;
  const extra =
    input.smallBaseCases != null || input.notSignificant?.length || input.previousId || input.plan
      ? notes(input)
      : "";
  if (rag.reason === "monitor") {
    const dot = input.dotPrevious ? `; ${input.dotPrevious.toLowerCase()} on the previous quarter` : "";
    return `${h}: ${what} (monitored, no better direction)${dot}${extra}.`;
  }
  const m = input.milestone ?? 0;
  const better = polarity === "Higher" ? "higher is better" : "lower is better";
  const g = rag.gap ?? 0;
  const diff = formatDifference(measureType, g);
  const gapText =
    g === 0
      ? "on the milestone"
      : polarity === "Higher"
        ? `${diff} ${g > 0 ? "ahead" : "short"}`
        : `${diff} ${g > 0 ? "under" : "over"}`;
  return `${h}: ${what} against a milestone of ${formatValue(measureType, m)} (${better})${reasonText(input, gapText)}${extra}.`;
}
