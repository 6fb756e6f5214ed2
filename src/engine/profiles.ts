/**
 * Milestone profiles: cumulative weights W1..W4 with W4 = 1 (semantics.md, "Milestones").
 */
import { nearlyEqual, matchName, type MeasureType } from "./measures";
import { err, isFiniteNumber, ok, quote, type Result } from "./result";
import type { QuarterNumber } from "./periods";

export type ProfileName = "Linear" | "Front" | "Back" | "Flat" | "Custom" | "Seasonal";
export const PROFILE_NAMES: readonly ProfileName[] = [
  "Linear",
  "Front",
  "Back",
  "Flat",
  "Custom",
  "Seasonal",
];

export type Weights = readonly [number, number, number, number];

const FIXED: Readonly<Record<"Linear" | "Front" | "Back" | "Flat", Weights>> = {
  Linear: [0.25, 0.5, 0.75, 1],
  Front: [0.4, 0.7, 0.9, 1],
  Back: [0.1, 0.3, 0.6, 1],
  Flat: [1, 1, 1, 1],
};

/**
 * A `Profile` cell: Linear, Seasonal, Front, Back, Flat or Custom, case-insensitively.
 *
 * @example
 * parseProfile("seasonal") // => { ok: true, value: "Seasonal" }
 */
export function parseProfile(text: unknown): Result<ProfileName> {
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === ""))
    return ok("Linear");
  const found = matchName(text, PROFILE_NAMES);
  if (found) return ok(found);
  return err("PROFILE", `Profile must be Linear, Front, Back, Flat, Custom or Seasonal; got ${quote(text)}`);
}

/**
 * Validate typed cumulative weights: four numbers in [0,1], non-decreasing, W4 = 1.
 *
 * @example
 * validateCustomWeights([0.1, 0.3, 0.6, 1]) // => { ok: true, value: [0.1, 0.3, 0.6, 1] }
 * validateCustomWeights([0.1, 0.2, 0.3, 0.4]).ok // => false
 */
export function validateCustomWeights(weights: readonly unknown[]): Result<Weights> {
  if (weights.length !== 4) {
    return err(
      "PROFILE_WEIGHTS",
      `A custom profile needs four cumulative weights W1-W4; got ${weights.length}`,
    );
  }
  const w: number[] = [];
  for (let i = 0; i < 4; i++) {
    const x = weights[i];
    if (!isFiniteNumber(x)) {
      return err(
        "PROFILE_WEIGHTS",
        `Custom weight W${i + 1} must be a number from 0 to 1; got ${quote(x ?? "")}`,
        `W${i + 1}`,
      );
    }
    if (x < 0 || x > 1 + 1e-9) {
      return err("PROFILE_WEIGHTS", `Custom weight W${i + 1} must be from 0 to 1; got ${x}`, `W${i + 1}`);
    }
    const prev = w[i - 1];
    if (prev !== undefined && x < prev - 1e-9) {
      return err(
        "PROFILE_WEIGHTS",
        `Custom weights are cumulative and must not decrease; W${i + 1} (${x}) is below W${i} (${prev})`,
        `W${i + 1}`,
      );
    }
    // A weight within the float allowance above 1 or below the previous one is a rounding error
    // (e.g. a weight typed as a formula): keep it in range so milestones stay defined.
    w.push(Math.min(1, Math.max(prev ?? 0, x)));
  }
  if (!nearlyEqual(w[3] ?? 0, 1)) {
    return err("PROFILE_WEIGHTS", `Custom weight W4 must be 1 (the whole year's target); got ${w[3]}`, "W4");
  }
  return ok([w[0] ?? 0, w[1] ?? 0, w[2] ?? 0, 1]);
}

/**
 * Cumulative shares of the baseline year's four quarterly counts.
 *
 * @example
 * seasonalWeights([135, 94, 159, 168]) // => { ok: true, value: [0.2428, 0.4119, 0.6978, 1] }
 */
export function seasonalWeights(baselineQuarters: readonly unknown[]): Result<Weights> {
  if (baselineQuarters.length !== 4 || !baselineQuarters.every((x) => isFiniteNumber(x))) {
    const have = baselineQuarters.filter((x) => isFiniteNumber(x)).length;
    return err(
      "PROFILE_SEASONAL",
      `A seasonal profile needs all four quarters of the baseline year; ${have} of 4 are available`,
    );
  }
  const v = baselineQuarters as readonly number[];
  if (v.some((x) => x < 0))
    return err("PROFILE_SEASONAL", "A seasonal profile needs counts that are not negative");
  const total = v.reduce((a, b) => a + b, 0);
  if (total <= 0)
    return err("PROFILE_SEASONAL", "A seasonal profile needs a baseline year whose total is above 0");
  const c1 = (v[0] ?? 0) / total;
  const c2 = ((v[0] ?? 0) + (v[1] ?? 0)) / total;
  const c3 = ((v[0] ?? 0) + (v[1] ?? 0) + (v[2] ?? 0)) / total;
  return ok([c1, c2, c3, 1]);
}

export interface ProfileInputs {
  readonly customWeights?: readonly unknown[];
  /** The baseline year's four quarter values (Seasonal only). */
  readonly seasonalBaseline?: readonly unknown[];
  readonly measureType?: MeasureType;
}

/**
 * The cumulative weights of a profile.
 *
 * @example
 * profileWeights("Linear") // => { ok: true, value: [0.25, 0.5, 0.75, 1] }
 * profileWeights("Flat") // => { ok: true, value: [1, 1, 1, 1] }
 */
export function profileWeights(profile: ProfileName, inputs: ProfileInputs = {}): Result<Weights> {
  switch (profile) {
    case "Custom":
      return validateCustomWeights(inputs.customWeights ?? []);
    case "Seasonal":
      if (inputs.measureType !== undefined && inputs.measureType !== "Count") {
        return err(
          "PROFILE_SEASONAL",
          `A seasonal profile applies to Count measures only; this is a ${inputs.measureType}`,
        );
      }
      return seasonalWeights(inputs.seasonalBaseline ?? []);
    default:
      return ok(FIXED[profile]);
  }
}

/**
 * The cumulative weight of a quarter (Q1 = the first of the four).
 *
 * @example
 * weightFor([0.25, 0.5, 0.75, 1], 2) // => 0.5
 */
export function weightFor(weights: Weights, q: QuarterNumber): number {
  switch (q) {
    case 1:
      return weights[0];
    case 2:
      return weights[1];
    case 3:
      return weights[2];
    case 4:
      return weights[3];
  }
}
