/**
 * Roll-up over units (semantics.md "Measure types"; workbook.md "PerfUnits").
 * Count and additive Level: sum. Rate: sum of numerators / sum of denominators, never an
 * average of percentages. A rate given only as a percentage cannot be rolled up: an error.
 */
import type { MeasureType } from "./measures";
import { err, isFiniteNumber, ok, type ErrorCode, type Result } from "./result";

/** One unit's figure for a quarter. For a rate, numerator and denominator when known. */
export interface Observation {
  readonly value: number;
  readonly numerator?: number | undefined;
  readonly denominator?: number | undefined;
}

export type Aggregation = "Sum" | "None";

export interface Hierarchy {
  readonly parentOf: ReadonlyMap<string, string>;
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Unit names match case- and space-insensitively.
 *
 * @example
 * unitKey("  North   Cluster ") // => "north cluster"
 */
export function unitKey(unit: string): string {
  return unit.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Build the hierarchy from (unit, parent) pairs; a cycle is an error naming the units.
 *
 * @example
 * buildHierarchy([{ orgUnit: "North", parent: "City" }, { orgUnit: "South", parent: "City" }]).value.childrenOf.get("city") // => ["north", "south"]
 */
export function buildHierarchy(
  pairs: readonly { readonly orgUnit: string; readonly parent: string | null }[],
): Result<Hierarchy> {
  const parentOf = new Map<string, string>();
  const names = new Map<string, string>();
  for (const p of pairs) {
    const u = unitKey(p.orgUnit);
    if (u === "") continue;
    names.set(u, p.orgUnit.trim());
    if (p.parent !== null && p.parent.trim() !== "") {
      const parent = unitKey(p.parent);
      if (!names.has(parent)) names.set(parent, p.parent.trim());
      if (parent === u) return err("UNIT_CYCLE", `Unit ${p.orgUnit.trim()} is its own parent`);
      parentOf.set(u, parent);
    }
  }
  for (const start of parentOf.keys()) {
    const seen: string[] = [start];
    let cur = parentOf.get(start);
    while (cur !== undefined) {
      const at = seen.indexOf(cur);
      if (at >= 0) {
        const cycle = [...seen.slice(at), cur].map((k) => names.get(k) ?? k);
        return err("UNIT_CYCLE", `The unit hierarchy has a cycle: ${cycle.join(" → ")}`);
      }
      seen.push(cur);
      cur = parentOf.get(cur);
    }
  }
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    const list = childrenOf.get(parent);
    if (list) list.push(child);
    else childrenOf.set(parent, [child]);
  }
  for (const list of childrenOf.values()) list.sort();
  return ok({ parentOf, childrenOf });
}

/**
 * Combine the children's observations of one quarter.
 *
 * @example
 * combine("Rate", [{ value: 0.1, numerator: 10, denominator: 100 }, { value: 0.3, numerator: 30, denominator: 100 }]) // => { ok: true, value: { value: 0.2, numerator: 40, denominator: 200 } }
 */
export function combine(
  measureType: MeasureType,
  observations: readonly Observation[],
  aggregation: Aggregation = "Sum",
): Result<Observation> {
  if (observations.length === 0) return err("MISSING_VALUE", "There is nothing to roll up");
  if (measureType === "Rate") {
    let num = 0;
    let den = 0;
    for (const o of observations) {
      if (!isFiniteNumber(o.numerator) || !isFiniteNumber(o.denominator)) {
        return err(
          "RATE_NOT_AGGREGABLE",
          "A rate given only as a percentage cannot be rolled up: give the numerator and denominator of each unit",
        );
      }
      num += o.numerator;
      den += o.denominator;
    }
    if (den === 0)
      return err("DIVIDE_BY_ZERO", "The units' denominators add up to 0, so the rolled-up rate is undefined");
    return ok({ value: num / den, numerator: num, denominator: den });
  }
  if (measureType === "Level" && aggregation === "None") {
    return err(
      "LEVEL_NOT_AGGREGABLE",
      "This level is not additive (Aggregation None), so it cannot be rolled up",
    );
  }
  let sum = 0;
  for (const o of observations) sum += o.value;
  return ok({ value: sum });
}

/** The outcome of resolving a unit's figure for one quarter. */
export type Resolved =
  | { readonly kind: "value"; readonly observation: Observation; readonly rolledUp: boolean }
  | { readonly kind: "missing"; readonly missingUnits: readonly string[] }
  | { readonly kind: "error"; readonly message: string; readonly code: ErrorCode };

/**
 * A unit's figure for a quarter: its own when it has one, else the roll-up of its children
 * (recursively). When any child has not reported, the result is missing and names the units;
 * a partial sum is never returned.
 *
 * @example
 * const h = buildHierarchy([{ orgUnit: "North", parent: "City" }, { orgUnit: "South", parent: "City" }]).value
 * const own = (k) => ({ north: { value: 12 }, south: { value: 30 } })[k]
 * resolveUnit("City", h, own, "Count") // => { kind: "value", observation: { value: 42 }, rolledUp: true }
 */
export function resolveUnit(
  unit: string,
  hierarchy: Hierarchy,
  own: (unitKey: string) => Observation | undefined,
  measureType: MeasureType,
  aggregation: Aggregation = "Sum",
  displayName: (unitKey: string) => string = (k) => k,
): Resolved {
  const key = unitKey(unit);
  const mine = own(key);
  if (mine) return { kind: "value", observation: mine, rolledUp: false };
  const children = hierarchy.childrenOf.get(key);
  if (!children || children.length === 0) return { kind: "missing", missingUnits: [] };
  const obs: Observation[] = [];
  const missing: string[] = [];
  for (const c of children) {
    const r = resolveUnit(c, hierarchy, own, measureType, aggregation, displayName);
    if (r.kind === "error") return r;
    if (r.kind === "missing")
      missing.push(...(r.missingUnits.length > 0 ? r.missingUnits : [displayName(c)]));
    else obs.push(r.observation);
  }
  if (missing.length > 0) return { kind: "missing", missingUnits: missing };
  const c = combine(measureType, obs, aggregation);
  if (!c.ok) return { kind: "error", message: c.error.message, code: c.error.code };
  return { kind: "value", observation: c.value, rolledUp: true };
}
