/**
 * The report for a period: one row per target (indicator and unit), in the shape of the
 * report JSON of workbook.md, with the one-line explanation, a summary of statuses, the SMART
 * findings and the errors met while evaluating. Built in one pass over indexed actuals.
 *
 * The parts live one concept a file: the types (reportTypes), figures and series (series,
 * figureSource), the prepared-register cache (prepared), one target's evaluation (evaluate).
 */
import { evaluateTarget, type ReportContext } from "./evaluate";
import { FigureSource, targetWeights } from "./figureSource";
import { milestone as milestoneOf } from "./milestones";
import { formatQuarter, quarterIndex, type Quarter } from "./periods";
import { newSource, prepare, pickTargetIndex, type Prepared, type TargetGroup } from "./prepared";
import { weightFor, type Weights } from "./profiles";
import { idKey, SCHEMA_VERSION, type Register, type TargetRecord } from "./register";
import {
  emptyQualitySummary,
  emptySummary,
  type Report,
  type ReportEntry,
  type ReportError,
  type ReportOptions,
} from "./reportTypes";
import { firstPlanYear, plannedTarget } from "./plans";
import { smartFindings } from "./smart";

export * from "./reportTypes";
export { observationOf } from "./series";
export { targetWeights } from "./figureSource";

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
 *
 * @example
 * const t = { row: 2, indicatorId: "EH-EHA", indicator: "Early Help Assessments", orgUnit: "City", outcome: "", measureType: "Count", polarity: "Higher", unit: "assessments", owner: "", dataSource: "", baselinePeriod: { fy: 2014, q: null }, baseline: 556, targetYear: 2015, target: 900, profile: "Linear", weights: [], tolerance: null, toleranceType: null, status: "Approved", aggregation: "Sum" }
 * const register = { settings: DEFAULT_SETTINGS, targets: [t], actuals: [], units: [] }
 * targetMilestones(register, t).milestones // => [225, 450, 675, 900]
 */
export function targetMilestones(register: Register, t: TargetRecord): TargetMilestones {
  const mt = t.measureType;
  if (mt === null) return { weights: null, milestones: [null, null, null, null], problem: "No measure type" };
  const prepared = prepare(register);
  const src = newSource(prepared, t, mt);
  const w = targetWeights(t, mt, (qi) => src.lineageValue(qi).value);
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

/** The FigureSource of a group's k-th target, made on first use. */
function sourceOf(prepared: Prepared, group: TargetGroup, k: number, t: TargetRecord): FigureSource | null {
  if (t.measureType === null) return null;
  let src = group.sources[k];
  if (src === undefined) {
    // A group's targets share the indicator id's key (rows without an id stand alone).
    if (group.byUnit === null) group.byUnit = prepared.series.get(idKey(t.indicatorId));
    src = newSource(prepared, t, t.measureType, group.byUnit);
    group.sources[k] = src;
  }
  return src;
}

/** What every target of the report shares. */
function contextOf(
  register: Register,
  prepared: Prepared,
  period: Quarter,
  options: ReportOptions,
): ReportContext {
  const { settings } = register;
  const pi = quarterIndex(period);
  const rp = settings.reportingPeriod;
  return {
    settings,
    period,
    label: formatQuarter(period, settings.startMonth),
    pi,
    // A quarter after the workbook's reporting period is Not due (semantics.md, RAG).
    reportingLabel: rp === null ? undefined : formatQuarter(rp, settings.startMonth),
    due: rp === null || pi <= quarterIndex(rp),
    options,
    comparators: prepared.comparators,
  };
}

/**
 * Build the report for a period (default: the register's reporting period).
 *
 * @example
 * const t = { row: 2, indicatorId: "EH-EHA", indicator: "Early Help Assessments", orgUnit: "City", outcome: "", measureType: "Count", polarity: "Higher", unit: "assessments", owner: "", dataSource: "", baselinePeriod: { fy: 2014, q: null }, baseline: 556, targetYear: 2015, target: 900, profile: "Linear", weights: [], tolerance: null, toleranceType: null, status: "Approved", aggregation: "Sum" }
 * const actual = (q, value) => ({ row: q + 1, indicatorId: "EH-EHA", orgUnit: "City", period: { fy: 2015, q }, value, numerator: null, denominator: null, commentary: "", action: "" })
 * const register = { settings: DEFAULT_SETTINGS, targets: [t], actuals: [actual(1, 187), actual(2, 206)], units: [] }
 * buildReport(register, { fy: 2015, q: 2 }).entries[0].row // => { milestone: 450, actual: 393, rag: "Red" }
 */
export function buildReport(register: Register, period: Quarter, options: ReportOptions = {}): Report {
  const { settings } = register;
  const prepared = prepare(register);
  const errors: ReportError[] = [];
  if (prepared.hierarchyError !== null)
    errors.push({
      code: prepared.hierarchyError.code,
      table: "PerfUnits",
      row: null,
      column: "Parent",
      message: prepared.hierarchyError.message,
    });
  const ctx = contextOf(register, prepared, period, options);
  const summary = emptySummary();
  const quality = emptyQualitySummary();
  const entries: ReportEntry[] = [];
  for (const group of prepared.groups) {
    // The year's own row, else the year a multi-year plan lays out, else the group's first row.
    const planned = plannedTarget(group.targets, period.fy);
    const k = planned?.index ?? pickTargetIndex(group.targets, period.fy);
    const row = group.targets[k];
    const t = planned?.target ?? (row === undefined ? undefined : firstPlanYear(row, group.targets));
    if (t === undefined || row === undefined || t.measureType === null || t.polarity === null) continue; // M-UNIT says why
    const src = sourceOf(prepared, group, k, row);
    if (src === null) continue;
    const ev = evaluateTarget(t, t.measureType, t.polarity, ctx, src);
    entries.push(ev.entry);
    summary[ev.entry.row.rag] += 1;
    if (ev.entry.row.quality !== null) quality[ev.entry.row.quality][ev.entry.row.rag] += 1;
    if (ev.error) errors.push(ev.error);
  }
  prepared.findings ??= smartFindings(register, prepared.hierarchy);
  return {
    // The report's own format: schema 2's keys whatever the workbook's version.
    schemaVersion: SCHEMA_VERSION,
    period: ctx.label,
    ragRule: settings.rule,
    entries,
    summary,
    quality,
    findings: prepared.findings,
    errors,
  };
}
