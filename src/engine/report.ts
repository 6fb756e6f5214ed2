/**
 * The report for a period: one row per target (indicator and unit), in the shape of the
 * report JSON of workbook.md, with the one-line explanation, a summary of statuses, the SMART
 * findings and the errors met while evaluating. Built in one pass over indexed actuals.
 */
import { explain } from "./explain";
import { milestone as milestoneOf } from "./milestones";
import type { MeasureType, Polarity, RagRule } from "./measures";
import { formatFiscalYear, formatQuarter, quarterIndex, type Quarter, type QuarterNumber } from "./periods";
import { profileWeights, weightFor, type Weights } from "./profiles";
import {
  directionOfTravel,
  distanceTravelled,
  forecast,
  onTrack,
  variance,
  variancePct,
  type Direction,
} from "./progress";
import { ragStatus, RAG_STATUSES, type RagStatus } from "./rag";
import { buildHierarchy, resolveUnit, unitKey, type Hierarchy, type Observation } from "./rollup";
import { idKey, type ActualRecord, type Register, type TargetRecord, type UnitRecord } from "./register";
import { smartFindings, type Finding } from "./smart";
import { rate } from "./values";

/** A row of the report JSON, exactly the keys of workbook.md. */
export interface ReportRow {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly measureType: MeasureType;
  readonly polarity: Polarity;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly milestone: number | null;
  readonly actual: number | null;
  readonly variance: number | null;
  readonly variancePct: number | null;
  readonly distanceTravelled: number | null;
  readonly rag: RagStatus;
  readonly dotPrevious: Direction | null;
  readonly dotYearAgo: Direction | null;
  readonly forecast: number | null;
  readonly onTrack: boolean | null;
  readonly explanation: string;
}

/** A point of an indicator's trend: the quarter's compared actual and milestone. */
export interface TrendPoint {
  readonly period: string;
  readonly actual: number | null;
  readonly milestone: number | null;
}

/** A report row with what the hosts need to lay it out (not part of the JSON row). */
export interface ReportEntry {
  readonly row: ReportRow;
  readonly targetRow: number;
  readonly indicator: string;
  readonly unit: string;
  readonly outcome: string;
  readonly owner: string;
  readonly commentary: string;
  readonly action: string;
  /** The actual came from the children's roll-up, not the unit's own row. */
  readonly rolledUp: boolean;
  /** The eight quarters up to the period (when asked for). */
  readonly trend: readonly TrendPoint[];
}

export interface ReportError {
  readonly table: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export type Summary = Record<RagStatus, number>;

export interface Report {
  readonly schemaVersion: number;
  readonly period: string;
  readonly ragRule: RagRule;
  readonly entries: readonly ReportEntry[];
  readonly summary: Summary;
  readonly findings: readonly Finding[];
  readonly errors: readonly ReportError[];
}

export interface ReportOptions {
  /** Include each entry's eight-quarter trend (for charts). Default false. */
  readonly trend?: boolean;
}

export function emptySummary(): Summary {
  const s = {} as Summary;
  for (const k of RAG_STATUSES) s[k] = 0;
  return s;
}

/** Actuals indexed by indicator, then unit, then quarter index. */
export interface ActualIndex {
  get(indicatorId: string, orgUnit: string, qIndex: number): ActualRecord | undefined;
  forIndicator(indicatorId: string): ReadonlyMap<string, ReadonlyMap<number, ActualRecord>> | undefined;
}

export function indexActuals(actuals: readonly ActualRecord[]): ActualIndex {
  const byId = new Map<string, Map<string, Map<number, ActualRecord>>>();
  for (const a of actuals) {
    const ik = idKey(a.indicatorId);
    let byUnit = byId.get(ik);
    if (!byUnit) byId.set(ik, (byUnit = new Map()));
    const uk = unitKey(a.orgUnit);
    let byQ = byUnit.get(uk);
    if (!byQ) byUnit.set(uk, (byQ = new Map()));
    const qi = quarterIndex(a.period);
    if (!byQ.has(qi)) byQ.set(qi, a); // the first row wins; the contract reports duplicates
  }
  return {
    get: (id, unit, qi) => byId.get(idKey(id))?.get(unitKey(unit))?.get(qi),
    forIndicator: (id) => byId.get(idKey(id)),
  };
}

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

type QuarterFigure =
  | { readonly kind: "value"; readonly value: number; readonly rolledUp: boolean }
  | { readonly kind: "missing"; readonly missingUnits: readonly string[] }
  | {
      readonly kind: "error";
      readonly message: string;
      readonly row: number | null;
      readonly column: string;
    };

/** A rate's record with a denominator of 0: the error message (semantics.md: an error, not Red). */
function zeroDenominator(a: ActualRecord | undefined): string | null {
  if (!a || a.numerator === null || a.denominator !== 0) return null;
  const r = rate(a.numerator, a.denominator);
  return r.ok ? null : r.error.message;
}

/** The figure a unit's own record gives: a rate from its counts when both are given, else the value. */
function recordValue(a: ActualRecord, measureType: MeasureType): number | null {
  if (measureType === "Rate" && a.numerator !== null && a.denominator !== null) {
    return a.denominator === 0 ? null : a.numerator / a.denominator;
  }
  return a.value;
}

/** One indicator's records for one unit, by quarter: `recs[quarterIndex - base]`. */
interface Series {
  base: number;
  recs: (ActualRecord | undefined)[];
}

const seriesAt = (s: Series | undefined, qi: number): ActualRecord | undefined =>
  s === undefined || qi < s.base ? undefined : s.recs[qi - s.base];

/** Actuals by indicator key, then unit key: each a short array by quarter (the first row wins). */
type SeriesIndex = Map<string, Map<string, Series>>;

/** A key function that remembers its answers for the life of one preparation (units repeat). */
function remembered(key: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let k = known.get(text);
    if (k === undefined) known.set(text, (k = key(text)));
    return k;
  };
}

function indexSeries(
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
    const uk = unitKeyOf(a.orgUnit);
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
  return byId;
}

/**
 * A forecast of a rate stays within 0%–100%: a proportion cannot be forecast beyond either end
 * (docs/decisions.md). Other measures are unbounded.
 */
function rateForecast(measureType: MeasureType, fc: number | null): number | null {
  if (fc === null || measureType !== "Rate") return fc;
  return Math.min(1, Math.max(0, fc));
}

/**
 * For a total not rated because units have not reported: what those units wrote for the quarter
 * ("East Cluster: returns not yet received"), so the exceptions show why.
 */
function unitsSay(units: readonly string[] | undefined, text: (unit: string) => string | undefined): string {
  if (!units || units.length === 0) return "";
  const said: string[] = [];
  for (const u of units) {
    const x = text(u)?.trim();
    if (x) said.push(`${u}: ${x}`);
  }
  return said.join(" ");
}

/**
 * Resolves a target's figures for any quarter, rolling up children where the unit has none. A unit
 * without children (the common case) reads its own records directly; the roll-up, and the reasons
 * a figure is missing, are worked out only when needed. Kept per target while its register is
 * the same, with the profile's weights, so reports for several periods share the work.
 */
class FigureSource {
  private cache: Map<number, QuarterFigure> | null = null;
  private readonly own: Series | undefined;
  /** A leaf's figures by quarter (NaN for none), read from its records on first use. */
  private figures: Float64Array | null = null;
  /** The unit has no children in PerfUnits: its figure is its own record or nothing. */
  readonly leaf: boolean;
  /** The profile's weights, once worked out. */
  weights: ReturnType<typeof profileWeights> | undefined;
  constructor(
    private readonly target: TargetRecord,
    private readonly measureType: MeasureType,
    private readonly byUnit: ReadonlyMap<string, Series> | undefined,
    private readonly hierarchy: Hierarchy,
    private readonly names: (unitKey: string) => string,
    unitKeyOf: (unit: string) => string = unitKey,
  ) {
    const key = unitKeyOf(target.orgUnit);
    this.own = byUnit?.get(key);
    this.leaf = !hierarchy.childrenOf.has(key);
  }

  /** The unit's own record of a quarter (commentary and action live there). */
  record(qi: number): ActualRecord | undefined {
    return seriesAt(this.own, qi);
  }

  /** Another unit's record of a quarter, by its name (a child that has not reported may say why). */
  recordOfUnit(unit: string, qi: number): ActualRecord | undefined {
    return seriesAt(this.byUnit?.get(unitKey(unit)), qi);
  }

  /** The figure of a quarter, or null when there is none (`at` says why). */
  value(qi: number): number | null {
    if (this.leaf) {
      const own = this.own;
      if (own === undefined) return null;
      let figures = this.figures;
      if (figures === null) {
        figures = new Float64Array(own.recs.length);
        for (let k = 0; k < own.recs.length; k++) {
          const a = own.recs[k];
          figures[k] = (a === undefined ? null : recordValue(a, this.measureType)) ?? Number.NaN;
        }
        this.figures = figures;
      }
      const k = qi - own.base;
      const v = k >= 0 && k < figures.length ? (figures[k] ?? Number.NaN) : Number.NaN;
      return Number.isNaN(v) ? null : v;
    }
    const f = this.at(qi);
    return f.kind === "value" ? f.value : null;
  }

  /** Whether a quarter's figure came from the children's roll-up. */
  rolledUp(qi: number): boolean {
    if (this.leaf) return false;
    const f = this.at(qi);
    return f.kind === "value" && f.rolledUp;
  }

  at(qi: number): QuarterFigure {
    const hit = this.cache?.get(qi);
    if (hit) return hit;
    let bad: { record: ActualRecord; message: string } | null = null;
    const own = (uk: string): Observation | undefined => {
      const record = seriesAt(this.byUnit?.get(uk), qi);
      if (this.measureType === "Rate" && bad === null) {
        const message = zeroDenominator(record);
        if (message !== null && record) bad = { record, message };
      }
      return observationOf(record, this.measureType);
    };
    const r = resolveUnit(
      this.target.orgUnit,
      this.hierarchy,
      own,
      this.measureType,
      this.target.aggregation,
      this.names,
    );
    const zero = bad as { record: ActualRecord; message: string } | null;
    const f: QuarterFigure =
      r.kind === "value"
        ? { kind: "value", value: r.observation.value, rolledUp: r.rolledUp }
        : zero !== null
          ? { kind: "error", message: zero.message, row: zero.record.row, column: "Denominator" }
          : r.kind === "missing"
            ? { kind: "missing", missingUnits: r.missingUnits }
            : { kind: "error", message: r.message, row: null, column: "Value" };
    (this.cache ??= new Map()).set(qi, f);
    return f;
  }
}

/** The profile's weights for a target; Seasonal reads the baseline year's four quarters. */
export function targetWeights(
  t: TargetRecord,
  measureType: MeasureType,
  quarterValue: (qi: number) => number | null,
): ReturnType<typeof profileWeights> {
  const profile = t.profile ?? "Linear";
  const seasonalBaseline: (number | null)[] = [];
  if (profile === "Seasonal" && t.baselinePeriod) {
    const base = t.baselinePeriod.fy * 4;
    for (let i = 0; i < 4; i++) seasonalBaseline.push(quarterValue(base + i));
  }
  return profileWeights(profile, { customWeights: t.weights, seasonalBaseline, measureType });
}

const NO_TREND: readonly TrendPoint[] = Object.freeze([]);

interface Evaluated {
  readonly entry: ReportEntry;
  readonly error: ReportError | null;
}

/** What every target of one report shares: worked out once per report. */
interface ReportContext {
  readonly settings: Register["settings"];
  readonly period: Quarter;
  readonly label: string;
  readonly pi: number;
  /** The workbook's reporting period as a label, when set. */
  readonly reportingLabel: string | undefined;
  /** False when the period is after the workbook's reporting period. */
  readonly due: boolean;
  readonly options: ReportOptions;
}

function evaluateTarget(
  t: TargetRecord,
  measureType: MeasureType,
  polarity: Polarity,
  ctx: ReportContext,
  src: FigureSource,
): Evaluated {
  const { settings, period, label, pi, options } = ctx;
  const sm = settings.startMonth;
  const q: QuarterNumber = period.q;
  let error: ReportError | null = null;
  const ownRecord = src.record(pi);

  // Milestone for the period.
  let weights: Weights | null = null;
  let milestone: number | null = null;
  let targetNote: string | undefined;
  const inYear = t.targetYear === period.fy;
  if (t.target !== null && !inYear && t.targetYear !== null) targetNote = formatFiscalYear(t.targetYear, sm);
  if (t.target !== null && inYear) {
    const w = (src.weights ??= targetWeights(t, measureType, (qi) => src.value(qi)));
    if (!w.ok) {
      error = {
        table: "PerfTargets",
        row: t.row,
        column: t.profile === "Custom" ? (/\bW([1-4])\b/.exec(w.error.message)?.[0] ?? "W1") : "Profile",
        message: `${t.indicatorId} (${t.orgUnit}): ${w.error.message}`,
      };
    } else {
      weights = w.value;
      const m = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(weights, q));
      if (m.ok) milestone = m.value;
      else
        error = {
          table: "PerfTargets",
          row: t.row,
          column: "Baseline",
          message: `${t.indicatorId} (${t.orgUnit}): ${m.error.message}`,
        };
    }
  }

  // The figure compared: YTD for Count, the quarter's value otherwise.
  let actual: number | null = null;
  let rolledUp = false;
  let missingUnits: string[] | undefined;
  let missingQuarters: string[] | undefined;
  const curValue = src.value(pi);
  const cur: QuarterFigure | null = curValue === null ? src.at(pi) : null; // why there is none
  if (cur !== null && cur.kind === "error") {
    error ??= {
      table: "PerfActuals",
      row: cur.row ?? ownRecord?.row ?? null,
      column: cur.column,
      message: `${t.indicatorId} (${t.orgUnit}) ${label}: ${cur.message}`,
    };
  }
  if (measureType === "Count") {
    let sum = 0;
    const missing: string[] = [];
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
      else missing.push(formatQuarter({ fy: period.fy, q: k as QuarterNumber }, sm));
    }
    if (missing.length === 0 && missingUnits === undefined) actual = sum;
    else if (missing.length > 0 && !(missing.length === 1 && missing[0] === label)) missingQuarters = missing;
  } else if (curValue !== null) {
    actual = curValue;
    rolledUp = src.rolledUp(pi);
  } else if (cur !== null && cur.kind === "missing" && cur.missingUnits.length > 0)
    missingUnits = [...cur.missingUnits];

  // Direction of travel compares quarter values (not YTD).
  const qv = curValue;
  const prev = src.value(pi - 1);
  const yearAgo = src.value(pi - 4);
  const dotPrevious = directionOfTravel(qv, prev, polarity);
  const dotYearAgo = directionOfTravel(qv, yearAgo, polarity);

  const target = inYear ? t.target : null;
  // No forecast where the milestone cannot be set (the row is No target with the reason).
  const fc =
    inYear && error === null
      ? rateForecast(
          measureType,
          forecast(measureType, actual, t.baseline, q, weights ? weightFor(weights, q) : null),
        )
      : null;
  const tolerance = t.tolerance ?? settings.defaultTolerance;
  const toleranceType = t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative");
  const rag = ragStatus({
    actual,
    milestone,
    polarity,
    tolerance,
    toleranceType,
    target,
    scheme: settings.scheme,
    rule: settings.rule,
    dotYearAgo,
    forecast: fc,
    due: ctx.due,
  });
  const ragResult = rag.ok
    ? rag.value
    : {
        status: "No target" as const,
        reason: "no-target" as const,
        rule: settings.rule,
        gap: null,
        toleranceAmount: null,
      };
  if (!rag.ok)
    error ??= {
      table: "PerfTargets",
      row: t.row,
      column: "Tolerance",
      message: `${t.indicatorId} (${t.orgUnit}): ${rag.error.message}`,
    };

  const explanation = explain({
    rag: ragResult,
    measureType,
    polarity,
    unit: t.unit,
    actual,
    milestone,
    target,
    tolerance,
    toleranceType,
    forecast: fc,
    dotPrevious,
    dotYearAgo,
    yearAgoActual: yearAgo,
    period: label,
    reportingPeriod: ctx.reportingLabel,
    missingUnits,
    missingQuarters,
    targetYearLabel: targetNote,
  });
  const explained =
    error && ragResult.status === "No target" && t.target !== null && inYear
      ? `No target: the milestone cannot be set. ${error.message.replace(/^[^:]*: /, "")}`
      : cur !== null && cur.kind === "error" && ragResult.status === "No data"
        ? `No data: ${label} cannot be rated. ${cur.message}`
        : explanation;
  // V8 keeps a string built by concatenation as a tree of its pieces; reading a character joins
  // it into one flat string, which is much cheaper to keep (a report holds one per row).
  explained.charCodeAt(0);

  let trend: readonly TrendPoint[] = NO_TREND;
  if (options.trend) {
    const points: TrendPoint[] = [];
    for (let k = pi - 7; k <= pi; k++) {
      const kq = { fy: Math.floor(k / 4), q: ((k % 4) + 1) as QuarterNumber };
      let a: number | null = src.value(k);
      if (measureType === "Count" && a !== null) {
        for (let j = k - kq.q + 1; j < k && a !== null; j++) {
          const v = src.value(j);
          a = v === null ? null : a + v;
        }
      }
      let m: number | null = null;
      if (weights && t.target !== null && kq.fy === period.fy) {
        const r = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(weights, kq.q));
        if (r.ok) m = r.value;
      }
      points.push({ period: formatQuarter(kq, sm), actual: a, milestone: m });
    }
    trend = points;
  }

  const row: ReportRow = {
    indicatorId: t.indicatorId,
    orgUnit: t.orgUnit,
    period: label,
    measureType,
    polarity,
    baseline: t.baseline,
    target: t.target,
    milestone,
    actual,
    variance: variance(actual, milestone),
    variancePct: variancePct(actual, milestone),
    distanceTravelled: inYear ? distanceTravelled(measureType, actual, t.baseline, t.target) : null,
    rag: ragResult.status,
    dotPrevious,
    dotYearAgo,
    forecast: fc,
    onTrack: onTrack(fc, target, polarity),
    explanation: explained,
  };
  return {
    entry: {
      row,
      targetRow: t.row,
      indicator: t.indicator,
      unit: t.unit,
      outcome: t.outcome,
      owner: t.owner,
      commentary: ownRecord?.commentary || unitsSay(missingUnits, (u) => src.recordOfUnit(u, pi)?.commentary),
      action: ownRecord?.action || unitsSay(missingUnits, (u) => src.recordOfUnit(u, pi)?.action),
      rolledUp,
      trend,
    },
    error,
  };
}

/**
 * Targets grouped by indicator and unit, in the order each group first appears: a register may
 * hold targets for several years of the same indicator and unit. Rows without an id stand alone.
 */
function groupTargets(
  targets: readonly TargetRecord[],
  unitKeyOf: (unit: string) => string = unitKey,
): TargetRecord[][] {
  const groups: TargetRecord[][] = [];
  const slot = new Map<string, Map<string, TargetRecord[]>>();
  for (const t of targets) {
    if (t.indicatorId.trim() === "") {
      groups.push([t]);
      continue;
    }
    const ik = idKey(t.indicatorId);
    let byUnit = slot.get(ik);
    if (byUnit === undefined) slot.set(ik, (byUnit = new Map()));
    const uk = unitKeyOf(t.orgUnit);
    const group = byUnit.get(uk);
    if (group === undefined) {
      const g = [t];
      byUnit.set(uk, g);
      groups.push(g);
    } else group.push(t);
  }
  return groups;
}

/** The group's target for a fiscal year: the first for that year, else the group's first. */
function pickTarget(group: readonly TargetRecord[], fy: number): TargetRecord | undefined {
  for (const t of group) if (t.targetYear === fy) return t;
  return group[0];
}

/**
 * The targets reported for a period: one per indicator and unit. A register may hold targets for
 * several years; the one for the period's fiscal year is rated, and only when there is none is
 * the first (in row order) reported, as No target. Rows without an id are each their own.
 */
export function targetsForPeriod(targets: readonly TargetRecord[], fy: number): TargetRecord[] {
  const out: TargetRecord[] = [];
  for (const g of groupTargets(targets)) {
    const t = pickTarget(g, fy);
    if (t) out.push(t);
  }
  return out;
}

/**
 * One indicator and unit's targets, with each target's FigureSource (made on first use, at the
 * same position as its target) and the indicator's actuals by unit: kept per register, so no
 * lookup by target is needed for each report.
 */
class TargetGroup {
  readonly sources: (FigureSource | undefined)[];
  byUnit: ReadonlyMap<string, Series> | undefined | null = null;
  constructor(readonly targets: readonly TargetRecord[]) {
    this.sources = new Array<FigureSource | undefined>(targets.length).fill(undefined);
  }
}

/** The position in its group of the target for a fiscal year: the first for that year, else 0. */
function pickTargetIndex(group: readonly TargetRecord[], fy: number): number {
  for (let k = 0; k < group.length; k++) if (group[k]?.targetYear === fy) return k;
  return 0;
}

/**
 * What a report needs from a register whatever the period: the unit hierarchy, display names of
 * units, the actuals by indicator, unit and quarter, the targets grouped by indicator and unit,
 * each target's figures and weights, and the SMART findings. Worked out once per register and
 * kept while its arrays are the same (a Register is immutable; a host that reads the tables again
 * makes a new one), so reports for several periods of one register share the work.
 */
interface Prepared {
  readonly targets: readonly TargetRecord[];
  readonly units: readonly UnitRecord[];
  readonly lengths: string;
  readonly startMonth: number;
  readonly hierarchy: Hierarchy;
  readonly hierarchyError: string | null;
  readonly series: SeriesIndex;
  readonly groups: readonly TargetGroup[];
  readonly displayName: (unitKey: string) => string;
  readonly unitKeyOf: (unit: string) => string;
  findings: readonly Finding[] | null;
}

const PREPARED = new WeakMap<readonly ActualRecord[], Prepared>();

function prepare(register: Register): Prepared {
  const { targets, actuals, units } = register;
  const lengths = `${targets.length}/${actuals.length}/${units.length}`;
  const startMonth = register.settings.startMonth;
  const hit = PREPARED.get(actuals);
  if (
    hit &&
    hit.targets === targets &&
    hit.units === units &&
    hit.lengths === lengths &&
    hit.startMonth === startMonth
  )
    return hit;
  const h = buildHierarchy(units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const unitKeyOf = remembered(unitKey);
  let names: Map<string, string> | null = null;
  const displayName = (k: string): string => {
    if (names === null) {
      names = new Map<string, string>();
      for (const u of units) names.set(unitKey(u.orgUnit), u.orgUnit.trim());
      for (const t of targets)
        if (!names.has(unitKey(t.orgUnit))) names.set(unitKey(t.orgUnit), t.orgUnit.trim());
    }
    return names.get(k) ?? k;
  };
  const prepared: Prepared = {
    targets,
    units,
    lengths,
    startMonth,
    hierarchy: h.ok ? h.value : { parentOf: new Map(), childrenOf: new Map() },
    hierarchyError: h.ok ? null : h.error.message,
    series: indexSeries(actuals, unitKeyOf),
    groups: groupTargets(targets, unitKeyOf).map((g) => new TargetGroup(g)),
    displayName,
    unitKeyOf,
    findings: null,
  };
  PREPARED.set(actuals, prepared);
  return prepared;
}

/** A target's cumulative weights and the four milestones of its target year. */
export interface TargetMilestones {
  /** W1..W4, or null when they cannot be worked out (see `problem`). */
  readonly weights: Weights | null;
  /** Q1..Q4 milestones of the target year (null where they cannot be set). */
  readonly milestones: readonly (number | null)[];
  /** Why the milestones cannot be set, in the engine's words; null when they can. */
  readonly problem: string | null;
}

/**
 * The milestones of one target (perhaps a draft not yet in the register), worked out exactly as
 * the report does: Seasonal weights from the baseline year's figures of its unit, rolled up from
 * its children where needed. Reuses the register's prepared index, so a form can call it on every
 * keystroke.
 */
export function targetMilestones(register: Register, t: TargetRecord): TargetMilestones {
  const mt = t.measureType;
  if (mt === null) return { weights: null, milestones: [null, null, null, null], problem: "No measure type" };
  const prepared = prepare(register);
  const src = new FigureSource(
    t,
    mt,
    prepared.series.get(idKey(t.indicatorId)),
    prepared.hierarchy,
    prepared.displayName,
    prepared.unitKeyOf,
  );
  const w = targetWeights(t, mt, (qi) => src.value(qi));
  if (!w.ok) return { weights: null, milestones: [null, null, null, null], problem: w.error.message };
  if (t.target === null)
    return { weights: w.value, milestones: [null, null, null, null], problem: "No target" };
  const target = t.target;
  let problem: string | null = null;
  const milestones = ([1, 2, 3, 4] as const).map((q) => {
    const m = milestoneOf(mt, t.baseline ?? undefined, target, weightFor(w.value, q));
    if (m.ok) return m.value;
    problem ??= m.error.message;
    return null;
  });
  return { weights: w.value, milestones, problem };
}

/** Build the report for a period (default: the register's reporting period). */
export function buildReport(register: Register, period: Quarter, options: ReportOptions = {}): Report {
  const { settings } = register;
  const prepared = prepare(register);
  const { hierarchy } = prepared;
  const errors: ReportError[] = [];
  if (prepared.hierarchyError !== null)
    errors.push({ table: "PerfUnits", row: null, column: "Parent", message: prepared.hierarchyError });
  const pi = quarterIndex(period);
  const rp = settings.reportingPeriod;
  const ctx: ReportContext = {
    settings,
    period,
    label: formatQuarter(period, settings.startMonth),
    pi,
    // A quarter after the workbook's reporting period is Not due (semantics.md, RAG).
    reportingLabel: rp === null ? undefined : formatQuarter(rp, settings.startMonth),
    due: rp === null || pi <= quarterIndex(rp),
    options,
  };
  const summary = emptySummary();
  const entries: ReportEntry[] = [];
  for (const group of prepared.groups) {
    const k = pickTargetIndex(group.targets, period.fy);
    const t = group.targets[k];
    if (t === undefined || t.measureType === null || t.polarity === null) continue; // M-UNIT says why
    let src = group.sources[k];
    if (src === undefined) {
      // A group's targets share the indicator id's key (rows without an id stand alone).
      if (group.byUnit === null) group.byUnit = prepared.series.get(idKey(t.indicatorId));
      src = new FigureSource(
        t,
        t.measureType,
        group.byUnit,
        hierarchy,
        prepared.displayName,
        prepared.unitKeyOf,
      );
      group.sources[k] = src;
    }
    const ev = evaluateTarget(t, t.measureType, t.polarity, ctx, src);
    entries.push(ev.entry);
    summary[ev.entry.row.rag] += 1;
    if (ev.error) errors.push(ev.error);
  }
  prepared.findings ??= smartFindings(register, hierarchy);
  return {
    schemaVersion: settings.schemaVersion,
    period: ctx.label,
    ragRule: settings.rule,
    entries,
    summary,
    findings: prepared.findings,
    errors,
  };
}
