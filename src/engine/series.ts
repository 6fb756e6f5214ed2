/**
 * Figures and series: a record's observation, and the actuals indexed by indicator and unit as
 * short arrays by quarter (the first row of a quarter wins; the contract reports duplicates).
 */
import type { MeasureType } from "./measures";
import { quarterIndex } from "./periods";
import { idKey, type ActualRecord } from "./register";
import { unitKey, type Observation } from "./rollup";
import { rate } from "./values";

/**
 * A record's observation: a rate from its counts when both are given, else its value. Given the
 * measure type, only a Rate reads the counts (a Count or Level is its value).
 */
export function observationOf(
  a: ActualRecord | undefined,
  measureType?: MeasureType,
): Observation | undefined {
  if (!a) return undefined;
  if (measureType !== undefined && measureType !== "Rate")
    return a.value === null ? undefined : { value: a.value };
  // A rate's counts with a denominator of 0 are an error (zeroDenominator), not its value.
  if (measureType === "Rate" && a.numerator !== null && a.denominator === 0) return undefined;
  if (a.numerator !== null && a.denominator !== null && a.denominator !== 0) {
    return { value: a.numerator / a.denominator, numerator: a.numerator, denominator: a.denominator };
  }
  if (a.value === null) return undefined;
  return { value: a.value };
}

/** A rate's record with a denominator of 0: the error message (semantics.md: an error, not Red). */
export function zeroDenominator(a: ActualRecord | undefined): string | null {
  if (!a || a.numerator === null || a.denominator !== 0) return null;
  const r = rate(a.numerator, a.denominator);
  return r.ok ? null : r.error.message;
}

/** The figure a unit's own record gives: a rate from its counts when both are given, else the value. */
export function recordValue(a: ActualRecord, measureType: MeasureType): number | null {
  if (measureType === "Rate" && a.numerator !== null && a.denominator !== null) {
    return a.denominator === 0 ? null : a.numerator / a.denominator;
  }
  return a.value;
}

/** One indicator's records for one unit, by quarter: `recs[quarterIndex - base]`. */
export interface Series {
  base: number;
  recs: (ActualRecord | undefined)[];
}

export const seriesAt = (s: Series | undefined, qi: number): ActualRecord | undefined =>
  s === undefined || qi < s.base ? undefined : s.recs[qi - s.base];

/** Actuals by indicator key, then unit key: each a short array by quarter (the first row wins). */
export type SeriesIndex = Map<string, Map<string, Series>>;

/** A key function that remembers its answers for the life of one preparation (units repeat). */
export function remembered(key: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let k = known.get(text);
    if (k === undefined) known.set(text, (k = key(text)));
    return k;
  };
}

/** Put a record at its quarter in a unit's series (the first record of a quarter stays). */
function place(byUnit: Map<string, Series>, uk: string, a: ActualRecord): void {
  const qi = quarterIndex(a.period);
  const s = byUnit.get(uk);
  if (s === undefined) byUnit.set(uk, { base: qi, recs: [a] });
  else if (qi < s.base) {
    const recs: (ActualRecord | undefined)[] = new Array<ActualRecord | undefined>(s.base - qi).fill(
      undefined,
    );
    recs[0] = a;
    s.recs = recs.concat(s.recs);
    s.base = qi;
  } else {
    const k = qi - s.base;
    while (s.recs.length < k) s.recs.push(undefined);
    if (s.recs[k] === undefined) s.recs[k] = a;
  }
}

/** Index actuals by indicator and unit. */
export function indexSeries(
  actuals: readonly ActualRecord[],
  unitKeyOf: (unit: string) => string = unitKey,
): SeriesIndex {
  const byId: SeriesIndex = new Map();
  let lastId = "";
  let lastUnits: Map<string, Series> | undefined;
  for (const a of actuals) {
    // Rows come grouped by indicator in practice: skip the key work when the id repeats.
    let byUnit = a.indicatorId === lastId ? lastUnits : undefined;
    if (byUnit === undefined) {
      const ik = idKey(a.indicatorId);
      byUnit = byId.get(ik);
      if (byUnit === undefined) byId.set(ik, (byUnit = new Map()));
      lastId = a.indicatorId;
      lastUnits = byUnit;
    }
    place(byUnit, unitKeyOf(a.orgUnit), a);
  }
  return byId;
}
