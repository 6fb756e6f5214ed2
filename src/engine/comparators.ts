/**
 * Comparators (semantics.md, "Comparators"): a figure against England, a region, statistical
 * neighbours or each named peer — the gap under polarity, Better / Similar / Worse by the
 * intervals, and the quartile among four or more named peers (1 best … 4 worst, ties to the better).
 */
import {
  intervalContains,
  intervalOf,
  intervalsOverlap,
  type ConfidenceLevel,
  type Interval,
} from "./confidence";
import { nearlyEqual, type MeasureType, type Polarity } from "./measures";
import type { Quarter } from "./periods";
import { idKey, type ComparatorKind, type ComparatorRecord } from "./register";

export type ComparatorStatus = "Better" | "Similar" | "Worse";
export type Quartile = 1 | 2 | 3 | 4;

/** One entry of a report row's `comparators`. */
export interface ComparatorResult {
  readonly comparator: string;
  readonly kind: ComparatorKind;
  readonly value: number | null;
  /** A − C under polarity (C − A for Lower), in the value's unit; null without an actual. */
  readonly gap: number | null;
  /** Null for Neutral polarity or without an actual. */
  readonly status: ComparatorStatus | null;
  /** Only on the peer group's entry (four or more named peers), else null. */
  readonly quartile: Quartile | null;
}

const NO_COMPARATORS: readonly ComparatorRecord[] = Object.freeze([]);
const NO_RESULTS: readonly ComparatorResult[] = Object.freeze([]);

/** The fewest named peers that give a quartile. */
export const MIN_PEERS = 4;

/** The name of the peer group's own entry in a row's comparators. */
export const PEER_GROUP = "Peer group";

/**
 * The gap and status of an actual against a comparator: with intervals on both sides, Similar
 * when they overlap; with one, Similar when it contains the other figure; with none, by polarity,
 * equal within the float allowance being Similar.
 *
 * @example
 * compareFigures(0.554, null, 0.6, null, "Higher") // => { gap: -0.046, status: "Worse" }
 */
export function compareFigures(
  actual: number,
  actualInterval: Interval | null,
  comparator: number,
  comparatorInterval: Interval | null,
  polarity: Polarity,
): { readonly gap: number; readonly status: ComparatorStatus | null } {
  const gap = polarity === "Lower" ? comparator - actual : actual - comparator;
  if (polarity === "Neutral") return { gap, status: null };
  let similar: boolean;
  if (actualInterval && comparatorInterval) similar = intervalsOverlap(actualInterval, comparatorInterval);
  else if (actualInterval) similar = intervalContains(actualInterval, comparator);
  else if (comparatorInterval) similar = intervalContains(comparatorInterval, actual);
  else similar = nearlyEqual(actual, comparator);
  if (similar) return { gap, status: "Similar" };
  return { gap, status: gap > 0 ? "Better" : "Worse" };
}

/** QUARTILE.INC of sorted ascending values at share p (linear between order statistics). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/**
 * The boundaries of peer quartiles 1, 2 and 3 under polarity: the figure a unit needs to be in
 * that quartile or better (Higher: the 75th, 50th and 25th percentiles; Lower: the 25th, 50th,
 * 75th). Null with fewer than four peers.
 *
 * @example
 * quartileBoundaries([0.5, 0.6, 0.7, 0.8], "Higher") // => [0.725, 0.65, 0.575]
 */
export function quartileBoundaries(
  peers: readonly number[],
  polarity: "Higher" | "Lower",
): readonly [number, number, number] | null {
  if (peers.length < MIN_PEERS) return null;
  const sorted = [...peers].sort((x, y) => x - y);
  const q = (p: number): number => quantile(sorted, p);
  return polarity === "Higher" ? [q(0.75), q(0.5), q(0.25)] : [q(0.25), q(0.5), q(0.75)];
}

/**
 * The quartile of a figure among peers: 1 best … 4 worst; on a boundary, the better quartile.
 *
 * @example
 * quartileOf(0.554, [0.5, 0.6, 0.7, 0.8], "Higher") // => 4
 */
export function quartileOf(
  actual: number,
  peers: readonly number[],
  polarity: "Higher" | "Lower",
): Quartile | null {
  const b = quartileBoundaries(peers, polarity);
  if (b === null) return null;
  const asGood = (x: number): boolean =>
    nearlyEqual(actual, x) || (polarity === "Higher" ? actual > x : actual < x);
  if (asGood(b[0])) return 1;
  if (asGood(b[1])) return 2;
  if (asGood(b[2])) return 3;
  return 4;
}

/** Comparator rows by indicator key. */
export type ComparatorIndex = ReadonlyMap<string, readonly ComparatorRecord[]>;

/**
 * Comparator rows grouped by indicator (matched as idKey matches them).
 *
 * @example
 * const england = { indicatorId: "GLD", period: { fy: 2015, q: null }, comparator: "England", kind: "National", value: 0.6, source: "" }
 * indexComparators([england]).get("GLD").length // => 1
 */
export function indexComparators(records: readonly ComparatorRecord[] | undefined): ComparatorIndex {
  const out = new Map<string, ComparatorRecord[]>();
  for (const c of records ?? []) {
    const k = idKey(c.indicatorId);
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

/**
 * The comparators of an indicator for a quarter: the rows for that quarter, and for a comparator
 * with none, its row for the quarter's whole fiscal year (first row of each name wins).
 *
 * @example
 * const england = { indicatorId: "GLD", period: { fy: 2015, q: null }, comparator: "England", kind: "National", value: 0.6, source: "" }
 * comparatorsAt(indexComparators([england]), "GLD", { fy: 2015, q: 2 }).map((c) => c.comparator) // => ["England"]
 */
export function comparatorsAt(
  index: ComparatorIndex,
  indicatorId: string,
  period: Quarter,
): readonly ComparatorRecord[] {
  const rows = index.size === 0 ? undefined : index.get(idKey(indicatorId));
  if (!rows) return NO_COMPARATORS;
  const out = new Map<string, ComparatorRecord>();
  for (const c of rows) {
    const k = c.comparator.trim().toLowerCase();
    if (c.period.fy === period.fy && c.period.q === period.q && !out.has(k)) out.set(k, c);
  }
  for (const c of rows) {
    const k = c.comparator.trim().toLowerCase();
    if (c.period.fy === period.fy && c.period.q === null && !out.has(k)) out.set(k, c);
  }
  // In the table's order (the user's), whichever period each came from.
  return [...out.values()].sort((x, y) => x.row - y.row);
}

/** A comparator's interval: Wilson from its counts for a rate, else none. */
function comparatorInterval(
  c: ComparatorRecord,
  measureType: MeasureType,
  level: ConfidenceLevel,
): Interval | null {
  if (measureType !== "Rate" || c.numerator === null || c.denominator === null) return null;
  return intervalOf("Rate", { value: c.value, numerator: c.numerator, denominator: c.denominator }, level);
}

/** The middle of sorted values (the peer group's figure). */
function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}

/**
 * A report row's comparators: each comparator's gap and status, then, with four or more named
 * peers, the peer group's entry (its median, and the row's quartile among the peers).
 *
 * @example
 * const england = { indicatorId: "GLD", period: { fy: 2015, q: null }, comparator: "England", kind: "National", value: 0.6, source: "" }
 * rowComparators([england], { actual: 0.554, interval: null }, "Rate", "Higher", 95) // => [{ comparator: "England", gap: -0.046, status: "Worse" }]
 */
export function rowComparators(
  records: readonly ComparatorRecord[],
  figure: { readonly actual: number | null; readonly interval: Interval | null },
  measureType: MeasureType,
  polarity: Polarity,
  level: ConfidenceLevel,
): readonly ComparatorResult[] {
  if (records.length === 0) return NO_RESULTS;
  const out: ComparatorResult[] = [];
  const { actual, interval } = figure;
  for (const c of records) {
    const cmp =
      actual === null
        ? null
        : compareFigures(actual, interval, c.value, comparatorInterval(c, measureType, level), polarity);
    out.push({
      comparator: c.comparator,
      kind: c.kind,
      value: c.value,
      gap: cmp?.gap ?? null,
      status: cmp?.status ?? null,
      quartile: null,
    });
  }
  const peers = records.filter((c) => c.kind === "Peer").map((c) => c.value);
  if (peers.length >= MIN_PEERS) {
    const mid = median(peers);
    const cmp = actual === null ? null : compareFigures(actual, null, mid, null, polarity);
    const quartile = actual === null || polarity === "Neutral" ? null : quartileOf(actual, peers, polarity);
    out.push({
      comparator: `${PEER_GROUP} (${peers.length})`,
      kind: "Peer",
      value: mid,
      gap: cmp?.gap ?? null,
      status: cmp?.status ?? null,
      quartile,
    });
  }
  return out;
}
