/**
 * The first steps of one target's evaluation: its milestone for the period, and the figure
 * compared with it (YTD for a Count), with why there is none and the figure's quality.
 */
import { targetWeights, type QuarterFigure } from "./figureSource";
import { milestone as milestoneOf } from "./milestones";
import { formatFiscalYear, formatQuarter, type QuarterNumber } from "./periods";
import { weightFor, type Weights } from "./profiles";
import { lessCertain, type QualityOf } from "./quality";
import type { ReportError } from "./reportTypes";
import type { EngineError } from "./result";
import type { Subject } from "./subject";

/** A report error and its reason: the engine's message, without the row's name in front. */
export interface Problem {
  readonly error: ReportError;
  readonly reason: string;
}

/** The problem of a target's row: its name in front of the engine's message, the column the error is about. */
function targetProblem(s: Subject, column: string, e: EngineError): Problem {
  const { t } = s;
  const message = `${t.indicatorId} (${t.orgUnit}): ${e.message}`;
  return { error: { code: e.code, table: "PerfTargets", row: t.row, column, message }, reason: e.message };
}

export interface MilestoneStep {
  readonly inYear: boolean;
  readonly weights: Weights | null;
  readonly milestone: number | null;
  /** The target's year, when the target is for another year than the period's. */
  readonly targetNote: string | undefined;
  readonly error: Problem | null;
}

function stepOf(
  inYear: boolean,
  targetNote: string | undefined,
  weights: Weights | null,
  milestone: number | null,
  error: Problem | null,
): MilestoneStep {
  return { inYear, weights, milestone, targetNote, error };
}

/** The milestone for the period, from the target of its year and the profile's weights. */
export function milestoneStep(s: Subject): MilestoneStep {
  const { t, measureType, ctx, src } = s;
  const { period, settings } = ctx;
  const inYear = t.targetYear === period.fy;
  const targetNote =
    t.target !== null && !inYear && t.targetYear !== null
      ? formatFiscalYear(t.targetYear, settings.startMonth)
      : undefined;
  if (t.target === null || !inYear) return stepOf(inYear, targetNote, null, null, null);
  const w = (src.weights ??= targetWeights(t, measureType, (qi) => {
    const v = src.lineageValue(qi);
    if (v.fromPrevious) src.usedPrevious = true;
    return v.value;
  }));
  if (!w.ok) {
    const column = t.profile === "Custom" ? (w.error.field ?? "W1") : "Profile";
    return stepOf(inYear, targetNote, null, null, targetProblem(s, column, w.error));
  }
  const m = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(w.value, period.q));
  if (m.ok) return stepOf(inYear, targetNote, w.value, m.value, null);
  return stepOf(inYear, targetNote, w.value, null, targetProblem(s, "Baseline", m.error));
}

export interface Compared {
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
function yearToDate({ ctx, src }: Subject, quarterValue: number | null, cur: QuarterFigure | null): Compared {
  const { period, pi, label } = ctx;
  const q = period.q;
  let sum = 0;
  let rolledUp = false;
  let missingUnits: string[] | undefined;
  let missing: string[] | undefined;
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
    else
      (missing ??= []).push(formatQuarter({ fy: period.fy, q: k as QuarterNumber }, ctx.settings.startMonth));
  }
  if (missing === undefined && missingUnits === undefined)
    return { actual: sum, rolledUp, quarterValue, cur, missingUnits, missingQuarters: undefined };
  const missingQuarters =
    missing !== undefined && !(missing.length === 1 && missing[0] === label) ? missing : undefined;
  return { actual: null, rolledUp, quarterValue, cur, missingUnits, missingQuarters };
}

/** The figure compared with the milestone, and why there is none. */
export function comparedActual(s: Subject): Compared {
  const { src, ctx } = s;
  const quarterValue = src.value(ctx.pi);
  const cur = quarterValue === null ? src.at(ctx.pi) : null; // why there is none
  if (s.measureType === "Count") return yearToDate(s, quarterValue, cur);
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
export function actualError({ t, ctx, src }: Subject, cur: QuarterFigure | null): Problem | null {
  if (cur === null || cur.kind !== "error") return null;
  const error: ReportError = {
    code: cur.code,
    table: "PerfActuals",
    row: cur.row ?? src.record(ctx.pi)?.row ?? null,
    column: cur.column,
    message: `${t.indicatorId} (${t.orgUnit}) ${ctx.label}: ${cur.message}`,
  };
  return { error, reason: cur.message };
}

/**
 * The quality of the compared figure: the quarter's (a roll-up's least certain child, named), or
 * for a Count the least certain of the year's quarters summed; null when there is no figure.
 */
export function qualityOfActual({ measureType, ctx, src }: Subject, actual: number | null): QualityOf | null {
  if (actual === null) return null;
  if (measureType !== "Count") return src.quality(ctx.pi);
  let worst = src.quality(ctx.pi - ctx.period.q + 1);
  for (let qi = ctx.pi - ctx.period.q + 2; qi <= ctx.pi; qi++) {
    const q = src.quality(qi);
    if (lessCertain(worst.quality, q.quality) !== worst.quality) worst = q;
  }
  return worst;
}
