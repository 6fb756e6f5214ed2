/**
 * Milestones from the profile (semantics.md, "Milestones").
 * - Count: Target x Wq, compared with the year-to-date actual.
 * - Level and Rate: Baseline + (Target - Baseline) x Wq, compared with the quarter's actual.
 *   With weight 1 (Q4, or a Flat profile) the baseline is not needed: the milestone is the target.
 */
import type { MeasureType } from "./measures";
import { err, isFiniteNumber, ok, type Result } from "./result";

/**
 * The milestone of a quarter from its cumulative weight: a Count's year-to-date share of the
 * target (target × weight); a Level or Rate moved from the baseline towards the target.
 *
 * @example
 * milestone("Count", undefined, 900, 0.5) // => { ok: true, value: 450 }
 * milestone("Level", 188, 290, 0.5) // => { ok: true, value: 239 }
 */
export function milestone(
  measureType: MeasureType,
  baseline: number | undefined,
  target: number,
  weight: number,
): Result<number> {
  if (!isFiniteNumber(target)) return err("NOT_A_NUMBER", "The target must be a number");
  if (!isFiniteNumber(weight) || weight < 0 || weight > 1) {
    return err("PROFILE_WEIGHTS", `A profile weight must be from 0 to 1; got ${String(weight)}`);
  }
  if (measureType === "Count") return ok(target * weight);
  if (weight === 1) return ok(target);
  if (!isFiniteNumber(baseline)) {
    return err("MISSING_VALUE", `A ${measureType} milestone needs a baseline (or a Flat profile)`);
  }
  return ok(baseline + (target - baseline) * weight);
}
