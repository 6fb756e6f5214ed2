/**
 * Suggested targets (semantics.md, "Setting targets: methods"): for one indicator and unit, every
 * method that applies — Hold, Trend, Stretch, CloseGap and Quartile — with its target, its
 * quarterly milestones under the target's profile, and its rationale. A suggestion is never
 * written into the register; the user chooses one (recorded in TargetMethod and TargetRationale).
 *
 * Decisions where the spec is silent (docs/decisions.md): the baseline is last year's yearly
 * figure from the register (a Count's year total, a Level's or Rate's Q4; following PreviousId),
 * else the target row's Baseline; Stretch is offered at 5% and 10%; CloseGap closes half the gap
 * to each National, Region or Average comparator better than the baseline (its latest figure
 * before the year); Quartile(k) is offered for k = 1 to 3 where the boundary beats the baseline.
 */
import { meetsOrBetter, type MeasureType } from "./measures";
import { newSource, prepare } from "./prepared";
import { idKey, type ComparatorRecord, type Register, type TargetRecord } from "./register";
import { targetMilestones } from "./report";
import { unitKey } from "./rollup";
import {
  closeGap,
  hold,
  quartile,
  stretch,
  trend,
  type MethodContext,
  type MethodTarget,
} from "./targetMethods";

/** One suggestion: a method's target with its milestones. */
export interface Suggestion extends MethodTarget {
  /** Q1..Q4 milestones under the target's profile (null where they cannot be set). */
  readonly milestones: readonly (number | null)[];
}

export interface Suggestions {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly year: number;
  readonly baseline: number | null;
  /** The yearly figures the methods read (oldest first). */
  readonly history: readonly { readonly year: number; readonly value: number }[];
  readonly suggestions: readonly Suggestion[];
  /** Why there is nothing to suggest, when there is nothing. */
  readonly problem: string | null;
}

/** The target row a suggestion is modelled on: the year's, else the latest before it, else the first. */
function templateOf(
  register: Register,
  indicatorId: string,
  unit: string,
  year: number,
): TargetRecord | null {
  const rows = register.targets.filter(
    (t) => idKey(t.indicatorId) === idKey(indicatorId) && unitKey(t.orgUnit) === unitKey(unit),
  );
  const exact = rows.find((t) => t.targetYear === year);
  if (exact) return exact;
  const before = rows.filter((t) => t.targetYear !== null && t.targetYear < year);
  before.sort((a, b) => (b.targetYear ?? 0) - (a.targetYear ?? 0));
  return before[0] ?? rows[0] ?? null;
}

/** Yearly figures before the year (a Count's four quarters summed; else Q4), up to six years back. */
function yearlyFigures(register: Register, t: TargetRecord, measureType: MeasureType, year: number) {
  const src = newSource(prepare(register), t, measureType);
  const out: { year: number; value: number }[] = [];
  for (let y = year - 6; y < year; y++) {
    const qs = [1, 2, 3, 4].map((q) => src.lineageValue(y * 4 + q - 1).value);
    if (measureType === "Count") {
      if (qs.every((v) => v !== null))
        out.push({ year: y, value: qs.reduce<number>((s, v) => s + (v ?? 0), 0) });
    } else if (qs[3] !== null && qs[3] !== undefined) out.push({ year: y, value: qs[3] });
  }
  return out;
}

/** Each comparator's latest figure before the year (else its latest), by kind. */
function latestComparators(register: Register, indicatorId: string, year: number): ComparatorRecord[] {
  const rows = (register.comparators ?? []).filter((c) => idKey(c.indicatorId) === idKey(indicatorId));
  const key = (c: ComparatorRecord): number => c.period.fy * 4 + (c.period.q ?? 4);
  const byName = new Map<string, ComparatorRecord>();
  const sorted = [...rows].sort((a, b) => key(b) - key(a));
  for (const c of sorted.filter((x) => x.period.fy < year).concat(sorted)) {
    const k = c.comparator.trim().toLowerCase();
    if (!byName.has(k)) byName.set(k, c);
  }
  return [...byName.values()];
}

/** The named peers of the latest period (a quarter or a whole year) with four or more. */
function latestPeers(register: Register, indicatorId: string): { values: number[]; year: number } | null {
  const groups = new Map<number, ComparatorRecord[]>();
  for (const c of register.comparators ?? []) {
    if (c.kind !== "Peer" || idKey(c.indicatorId) !== idKey(indicatorId)) continue;
    const k = c.period.fy * 5 + (c.period.q ?? 0);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const latest = [...groups.entries()].filter(([, g]) => g.length >= 4).sort(([a], [b]) => b - a)[0];
  return latest ? { values: latest[1].map((c) => c.value), year: Math.floor(latest[0] / 5) } : null;
}

/** The methods that apply, before milestones. */
function methods(
  register: Register,
  t: TargetRecord,
  c: MethodContext,
  baseline: number | null,
  history: readonly { year: number; value: number }[],
): MethodTarget[] {
  const out: MethodTarget[] = [];
  const add = (r: { ok: true; value: MethodTarget } | { ok: false }): void => {
    if (r.ok) out.push(r.value);
  };
  if (baseline !== null) out.push(hold(baseline, c));
  if (history.length >= 3) add(trend(history.slice(-6), c));
  if (baseline === null || c.polarity === "Neutral") return out;
  for (const s of [0.05, 0.1]) add(stretch(baseline, s, c));
  for (const cmp of latestComparators(register, t.indicatorId, c.year)) {
    if (cmp.kind === "Peer") continue;
    add(closeGap(baseline, 0.5, { name: cmp.comparator, value: cmp.value }, c));
  }
  const peers = latestPeers(register, t.indicatorId);
  if (peers) {
    for (const k of [1, 2, 3] as const) {
      const r = quartile(peers.values, k, { ...c, peerYear: peers.year });
      if (r.ok && !meetsOrBetter(baseline, r.value.target, c.polarity)) out.push(r.value);
    }
  }
  return out;
}

/**
 * Every target method that applies to an indicator and unit for a year, with milestones.
 *
 * @example
 * const t = { row: 2, indicatorId: "GLD", indicator: "Good level of development", orgUnit: "City", outcome: "", measureType: "Rate", polarity: "Higher", unit: "%", owner: "", dataSource: "", baselinePeriod: { fy: 2014, q: null }, baseline: 0.554, targetYear: 2015, target: null, profile: "Flat", weights: [], tolerance: null, toleranceType: null, status: "Draft", aggregation: "Sum" }
 * const england = { indicatorId: "GLD", period: { fy: 2014, q: null }, comparator: "England", kind: "National", value: 0.6, source: "" }
 * const register = { settings: DEFAULT_SETTINGS, targets: [t], actuals: [], units: [], comparators: [england] }
 * suggestTargets(register, "GLD", "City", 2015).suggestions.map((s) => s.method) // => ["Hold", "Stretch", "Stretch", "CloseGap"]
 */
export function suggestTargets(
  register: Register,
  indicatorId: string,
  unit: string,
  year: number,
): Suggestions {
  const none = (problem: string, baseline: number | null = null): Suggestions => ({
    indicatorId,
    orgUnit: unit,
    year,
    baseline,
    history: [],
    suggestions: [],
    problem,
  });
  const t = templateOf(register, indicatorId, unit, year);
  if (t === null) return none(`${indicatorId} has no target row for ${unit || "no unit"} to suggest from`);
  if (t.measureType === null || t.polarity === null)
    return none(
      `${indicatorId} (${t.orgUnit}) needs a measure type and a polarity before a target can be suggested`,
    );
  const c: MethodContext = {
    measureType: t.measureType,
    polarity: t.polarity,
    year,
    startMonth: register.settings.startMonth,
  };
  const history = yearlyFigures(register, t, t.measureType, year);
  const last = history[history.length - 1];
  const baseline = last !== undefined && last.year === year - 1 ? last.value : t.baseline;
  const found = methods(register, t, c, baseline, history);
  const suggestions = found.map((m) => {
    const draft: TargetRecord = {
      ...t,
      targetYear: year,
      target: m.target,
      baseline: baseline ?? t.baseline,
    };
    return { ...m, milestones: targetMilestones(register, draft).milestones };
  });
  return {
    indicatorId: t.indicatorId,
    orgUnit: t.orgUnit,
    year,
    baseline,
    history,
    suggestions,
    problem:
      suggestions.length === 0
        ? `${indicatorId} (${t.orgUnit}) has no baseline and fewer than three years of figures`
        : null,
  };
}
