/**
 * The one-line explanation of a status, e.g.
 * "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5."
 * Figures are rounded for reading; the rule is named when it is not the default Milestone rule.
 */
import type { MeasureType, Polarity, RagRule, ToleranceType } from "./measures";
import { formatDifference, formatShare, formatValue } from "./format";
import type { Direction } from "./progress";
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
}

const RULE_NAMES: Record<RagRule, string> = {
  Milestone: "milestone rule",
  ToleranceBand: "tolerance band rule",
  Forecast: "forecast rule",
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
  return input.rag.rule === "Milestone" ? s : `${s} (${RULE_NAMES[input.rag.rule]})`;
}

/** The plain-English reason for the status. */
export function explain(input: ExplainInput): string {
  const { rag, measureType, polarity } = input;
  const h = head(input);
  const period = input.period ?? "the quarter";
  switch (rag.reason) {
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
      break;
  }
  const a = input.actual ?? 0;
  const what = `${formatValue(measureType, a)}${unitWord(measureType, input.unit)}${measureType === "Count" ? " so far" : ""}`;
  if (rag.reason === "monitor") {
    const dot = input.dotPrevious ? `; ${input.dotPrevious.toLowerCase()} on the previous quarter` : "";
    return `${h}: ${what} (monitored, no better direction)${dot}.`;
  }
  const m = input.milestone ?? 0;
  const better = polarity === "Higher" ? "higher is better" : "lower is better";
  const base = `${h}: ${what} against a milestone of ${formatValue(measureType, m)} (${better})`;
  const g = rag.gap ?? 0;
  const diff = formatDifference(measureType, g);
  const gapText =
    g === 0
      ? "on the milestone"
      : polarity === "Higher"
        ? `${diff} ${g > 0 ? "ahead" : "short"}`
        : `${diff} ${g > 0 ? "under" : "over"}`;
  const target = input.target;
  // Fast paths first: most rows are on their milestone, and need no tolerance text.
  switch (rag.reason) {
    case "target-met":
      return `${base}; the annual target of ${target === null || target === undefined ? "?" : formatValue(measureType, target)} is already met.`;
    case "on-milestone":
      return `${base}; ${gapText}.`;
    default:
      break;
  }
  const T = rag.toleranceAmount ?? 0;
  const t = input.tolerance ?? 0.05;
  const tolText =
    input.toleranceType === "Absolute"
      ? `the tolerance of ${formatDifference(measureType, T)}`
      : `the ${formatShare(t)} tolerance of ${formatDifference(measureType, T)}`;
  switch (rag.reason) {
    case "within-tolerance":
      return `${base}; ${gapText}, within ${tolText}.`;
    case "beyond-tolerance":
      return `${base}; ${gapText}, beyond ${tolText}.`;
    case "band-improving": {
      const ya = input.yearAgoActual;
      const yaText = ya === null || ya === undefined ? "" : ` (${formatValue(measureType, ya)})`;
      const word = input.dotYearAgo === "No change" ? "no worse than" : "improving on";
      return `${base}; ${gapText}, beyond ${tolText}, but ${word} the same quarter last year${yaText}.`;
    }
    case "band-worsening": {
      const ya = input.yearAgoActual;
      const yaText = ya === null || ya === undefined ? "" : ` (${formatValue(measureType, ya)})`;
      return `${base}; ${gapText}, beyond ${tolText}, and worse than the same quarter last year${yaText}.`;
    }
    case "band-no-year-ago":
      return `${base}; ${gapText}, beyond ${tolText}, and there is no figure for the same quarter last year to show improvement.`;
    case "forecast-meets":
      return `${base}; ${gapText}, but the year-end forecast of ${formatValue(measureType, input.forecast ?? 0)} meets the target of ${formatValue(measureType, target ?? 0)}.`;
    case "forecast-misses":
      return `${base}; ${gapText}, and the year-end forecast of ${formatValue(measureType, input.forecast ?? 0)} misses the target of ${formatValue(measureType, target ?? 0)}.`;
    case "no-forecast":
      return `${base}; ${gapText}, and no year-end forecast can be made to show the target is reachable.`;
  }
}
