/**
 * Multi-year plans (semantics.md, "Setting targets: methods"): a target row may state the last
 * year of its plan (`PlanEndYear`) and the plan's final target (`PlanTarget`). The yearly targets
 * lie on a straight line from the baseline to the final target unless typed: a row of its own
 * for a year (same indicator and unit) is that year's target, and the row's own Target is its
 * first year's.
 *
 * Decisions where the spec is silent (docs/decisions.md): the line runs from the plan row's
 * Baseline (at the year before the plan starts) to PlanTarget at PlanEndYear; a year's milestones
 * (Level and Rate) run from the previous year's target on the line to the year's, so each year is
 * profiled into its quarters; the plan is on track when this year's forecast meets this year's
 * target on the line.
 */
import type { TargetRecord } from "./register";

/** One year of a plan. */
export interface PlanYear {
  readonly year: number;
  readonly target: number;
  /** The target was typed (its own row, or the plan row's Target), not laid out on the line. */
  readonly typed: boolean;
}

/**
 * Whether a target row states a plan of more than its own year.
 *
 * @example
 * hasPlan({ targetYear: 2015, planEndYear: 2017, planTarget: 0.674, baseline: 0.544 }) // => true
 */
export function hasPlan(t: TargetRecord): boolean {
  return (
    t.targetYear !== null &&
    t.planEndYear !== undefined &&
    t.planEndYear !== null &&
    t.planEndYear > t.targetYear &&
    t.planTarget !== undefined &&
    t.planTarget !== null &&
    t.baseline !== null
  );
}

/**
 * The plan's yearly targets: on the straight line from the baseline (the year before the plan)
 * to the final target, except the years typed.
 *
 * @example
 * planYears(2015, 2017, 0.544, 0.674, new Map()) // => [{ year: 2015, target: 0.5873, typed: false }, { year: 2016, target: 0.6307, typed: false }, { year: 2017, target: 0.674, typed: true }]
 */
export function planYears(
  startYear: number,
  endYear: number,
  baseline: number,
  finalTarget: number,
  typed: ReadonlyMap<number, number>,
): PlanYear[] {
  const span = endYear - startYear + 1;
  const out: PlanYear[] = [];
  for (let y = startYear; y <= endYear; y++) {
    const own = y === endYear ? undefined : typed.get(y);
    const line = baseline + ((finalTarget - baseline) * (y - startYear + 1)) / span;
    out.push(
      own === undefined
        ? { year: y, target: y === endYear ? finalTarget : line, typed: y === endYear }
        : { year: y, target: own, typed: true },
    );
  }
  return out;
}

/**
 * A plan row's years, with the targets typed in the group's rows (and its own first-year Target).
 *
 * @example
 * const plan = { measureType: "Rate", targetYear: 2015, target: null, planEndYear: 2017, planTarget: 0.674, baseline: 0.544 }
 * planOf(plan, [plan]) // => [{ year: 2015, target: 0.5873, typed: false }, { year: 2016, target: 0.6307, typed: false }, { year: 2017, target: 0.674, typed: true }]
 */
export function planOf(plan: TargetRecord, group: readonly TargetRecord[]): PlanYear[] {
  if (!hasPlan(plan)) return [];
  const start = plan.targetYear ?? 0;
  const end = plan.planEndYear ?? start;
  const typed = new Map<number, number>();
  if (plan.target !== null) typed.set(start, plan.target);
  for (const t of group)
    if (t !== plan && t.targetYear !== null && t.target !== null && !typed.has(t.targetYear))
      typed.set(t.targetYear, t.target);
  return planYears(start, end, plan.baseline ?? 0, plan.planTarget ?? 0, typed);
}

/**
 * The target of a group (one indicator and unit) for a fiscal year: its own row for the year,
 * else the year laid out by a plan covering it (a record for that year: the year's target on the
 * line, the previous year's as its baseline), else null.
 *
 * @example
 * const plan = { measureType: "Rate", targetYear: 2015, target: null, planEndYear: 2017, planTarget: 0.674, baseline: 0.544 }
 * plannedTarget([plan], 2016).target // => { targetYear: 2016, target: 0.6307, baseline: 0.5873 }
 */
export function plannedTarget(
  group: readonly TargetRecord[],
  fy: number,
): { readonly index: number; readonly target: TargetRecord } | null {
  if (group.some((t) => t.targetYear === fy)) return null;
  const index = group.findIndex((t) => hasPlan(t) && (t.targetYear ?? 0) < fy && fy <= (t.planEndYear ?? 0));
  const plan = group[index];
  if (!plan) return null;
  const years = planOf(plan, group);
  const at = years.find((y) => y.year === fy);
  const before = years.find((y) => y.year === fy - 1);
  if (!at || !before) return null;
  const segmentStart = plan.measureType === "Count" ? plan.baseline : before.target;
  return { index, target: { ...plan, targetYear: fy, target: at.target, baseline: segmentStart } };
}

/**
 * A plan row's first year, with its target laid out when the row gives none.
 *
 * @example
 * const plan = { measureType: "Rate", targetYear: 2015, target: null, planEndYear: 2017, planTarget: 0.674, baseline: 0.544 }
 * firstPlanYear(plan, [plan]).target // => 0.5873
 */
export function firstPlanYear(t: TargetRecord, group: readonly TargetRecord[]): TargetRecord {
  if (!hasPlan(t) || t.target !== null) return t;
  const first = planOf(t, group)[0];
  return first ? { ...t, target: first.target } : t;
}
