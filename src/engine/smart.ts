/**
 * SMART checks on a target register (semantics.md, "SMART checks"). Each finding has a stable
 * code, a severity (error blocks approval), the indicator, unit and field.
 *
 * Added where the spec is silent (docs/decisions.md): `M-TOL` (warning) — a relative tolerance
 * above 1 (5 typed for 5%); `T-TARGET` (error) — a Higher/Lower
 * indicator with no target value is not measurable. A duplicate is the same indicator id and
 * unit for the same target year.
 */
import { meetsOrBetter } from "./measures";
import { formatFiscalYear } from "./periods";
import { profileWeights } from "./profiles";
import type { Register, TargetRecord } from "./register";
import { idKey } from "./register";
import { unitKey, type Hierarchy } from "./rollup";
import { hasPlan } from "./plans";
import { evidenceFinding, lineageFindings } from "./smartLineage";

export type FindingCode =
  | "S-ID"
  | "S-NAME"
  | "M-UNIT"
  | "M-RATE"
  | "M-SOURCE"
  | "A-BASE"
  | "A-DIR"
  | "A-RANGE"
  | "R-OUTCOME"
  | "T-YEAR"
  | "T-TARGET"
  | "T-PROFILE"
  | "O-OWNER"
  | "M-TOL"
  | "A-EVIDENCE"
  | "R-LINEAGE";

export type Severity = "error" | "warning";

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly field: string;
  readonly message: string;
}

export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  "S-ID": "error",
  "S-NAME": "error",
  "M-UNIT": "error",
  "M-RATE": "error",
  "M-SOURCE": "warning",
  "A-BASE": "error",
  "A-DIR": "warning",
  "A-RANGE": "error",
  "R-OUTCOME": "warning",
  "T-YEAR": "error",
  "T-TARGET": "error",
  "T-PROFILE": "error",
  "O-OWNER": "warning",
  "M-TOL": "warning",
  "A-EVIDENCE": "warning",
  "R-LINEAGE": "warning",
};

const blank = (s: string): boolean => s.trim() === "";

/**
 * Findings for one target (without the register-wide duplicate and roll-up checks).
 *
 * @example
 * const t = { row: 2, indicatorId: "EH-EHA", indicator: "Early Help Assessments", orgUnit: "City", outcome: "", measureType: "Count", polarity: "Higher", unit: "assessments", owner: "", dataSource: "", baselinePeriod: { fy: 2014, q: null }, baseline: 556, targetYear: 2015, target: 800, profile: "Linear", weights: [], tolerance: null, toleranceType: null, status: "Approved", aggregation: "Sum" }
 * targetFindings(t).map((f) => f.code) // => ["M-SOURCE", "R-OUTCOME", "O-OWNER"]
 */
export function targetFindings(t: TargetRecord, startMonth = 4): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, field: string, message: string): void => {
    const who = `${blank(t.indicatorId) ? "(no id)" : t.indicatorId.trim()} (${blank(t.orgUnit) ? "no unit" : t.orgUnit.trim()})`;
    out.push({
      code,
      severity: FINDING_SEVERITY[code],
      indicatorId: t.indicatorId,
      orgUnit: t.orgUnit,
      field,
      message: `${who}: ${message}`,
    });
  };
  if (blank(t.indicatorId)) add("S-ID", "IndicatorId", "no indicator id");
  if (blank(t.indicator)) add("S-NAME", "Indicator", "no indicator name");
  if (t.measureType === null) add("M-UNIT", "MeasureType", "no measure type (Count, Level or Rate)");
  if (t.polarity === null) add("M-UNIT", "Polarity", "no polarity (Higher, Lower or Neutral)");
  if (blank(t.dataSource)) add("M-SOURCE", "DataSource", "no data source: say where the figures come from");
  if (blank(t.outcome)) add("R-OUTCOME", "Outcome", "not linked to an outcome or priority");
  if (blank(t.owner)) add("O-OWNER", "Owner", "no owner");
  if (t.targetYear === null) add("T-YEAR", "TargetYear", "no target year");
  const rated = t.polarity === "Higher" || t.polarity === "Lower";
  if (t.target === null && rated && !hasPlan(t))
    add("T-TARGET", "Target", "no target value, so progress cannot be measured");
  if (
    (t.measureType === "Level" || t.measureType === "Rate") &&
    (t.baseline === null || t.baselinePeriod === null)
  ) {
    add(
      "A-BASE",
      t.baseline === null ? "Baseline" : "BaselinePeriod",
      `no baseline ${t.baseline === null ? "value" : "period"} for a ${t.measureType}`,
    );
  }
  if (t.tolerance !== null && (t.toleranceType ?? "Relative") === "Relative" && t.tolerance > 1) {
    add(
      "M-TOL",
      "Tolerance",
      `a relative tolerance of ${t.tolerance} allows a miss of ${Math.round(t.tolerance * 100)}% of the milestone; write 0.05 for 5%`,
    );
  }
  if (t.measureType === "Rate" && t.target !== null && (t.target < 0 || t.target > 1)) {
    add("A-RANGE", "Target", `a rate target must be from 0% to 100% (stored as 0 to 1); got ${t.target}`);
  }
  if (t.measureType === "Rate" && t.baseline !== null && (t.baseline < 0 || t.baseline > 1)) {
    add(
      "A-RANGE",
      "Baseline",
      `a rate baseline must be from 0% to 100% (stored as 0 to 1); got ${t.baseline}`,
    );
  }
  if (rated && t.target !== null && t.baseline !== null && t.polarity !== null) {
    const better = t.polarity === "Higher" ? t.target > t.baseline : t.target < t.baseline;
    if (!better || meetsOrBetter(t.baseline, t.target, t.polarity)) {
      add(
        "A-DIR",
        "Target",
        `the target ${t.target} is not better than the baseline ${t.baseline} (${t.polarity.toLowerCase()} is better)`,
      );
    }
  }
  profileFindings(t, startMonth, add);
  return out;
}

/** T-PROFILE: custom weights that are not a valid profile; a seasonal profile it cannot use. */
function profileFindings(
  t: TargetRecord,
  startMonth: number,
  add: (code: FindingCode, field: string, message: string) => void,
): void {
  if (t.profile === "Custom") {
    const w = profileWeights("Custom", { customWeights: t.weights });
    if (!w.ok) add("T-PROFILE", "W1", w.error.message);
  }
  if (t.profile === "Seasonal") {
    if (t.measureType !== null && t.measureType !== "Count")
      add(
        "T-PROFILE",
        "Profile",
        `a seasonal profile applies to Count measures only; this is a ${t.measureType}`,
      );
    else if (t.baselinePeriod === null)
      add(
        "T-PROFILE",
        "BaselinePeriod",
        `a seasonal profile needs a baseline year (e.g. ${formatFiscalYear(2014, startMonth)})`,
      );
  }
}

/**
 * All SMART findings of a register, in the order of the target rows.
 *
 * @example
 * const t = { row: 2, indicatorId: "EH-EHA", indicator: "Early Help Assessments", orgUnit: "City", outcome: "", measureType: "Count", polarity: "Higher", unit: "assessments", owner: "", dataSource: "", baselinePeriod: { fy: 2014, q: null }, baseline: 556, targetYear: 2015, target: 800, profile: "Linear", weights: [], tolerance: null, toleranceType: null, status: "Approved", aggregation: "Sum" }
 * const register = { settings: DEFAULT_SETTINGS, targets: [t], actuals: [], units: [] }
 * smartFindings(register, buildHierarchy([]).value).map((f) => f.code) // => ["M-SOURCE", "R-OUTCOME", "O-OWNER"]
 */
export function smartFindings(register: Register, hierarchy: Hierarchy): Finding[] {
  const out: Finding[] = [];
  // Indicator id → unit → target year (or "") → the first target row with them.
  const seen = new Map<string, Map<string, Map<number | "", TargetRecord>>>();
  // Rate targets rolled up from units: only they need to know which units give a value only.
  const rolledUpRates = new Set<string>();
  for (const t of register.targets) {
    if (t.measureType === "Rate" && hierarchy.childrenOf.has(unitKey(t.orgUnit)))
      rolledUpRates.add(idKey(t.indicatorId));
  }
  // Units with at least one actual row given only as a value (no counts), per such indicator.
  const valueOnly = new Set<string>();
  if (rolledUpRates.size > 0) {
    for (const a of register.actuals) {
      if ((a.numerator === null || a.denominator === null) && a.value !== null) {
        const ik = idKey(a.indicatorId);
        if (rolledUpRates.has(ik)) valueOnly.add(`${ik}|${unitKey(a.orgUnit)}`);
      }
    }
  }
  const descendants = (u: string): string[] => {
    const kids = hierarchy.childrenOf.get(u) ?? [];
    return kids.flatMap((k) => [k, ...descendants(k)]);
  };
  for (const t of register.targets) {
    for (const f of targetFindings(t, register.settings.startMonth)) out.push(f);
    const evidence = evidenceFinding(t);
    if (evidence) out.push(evidence);
    if (!blank(t.indicatorId)) {
      const ik = idKey(t.indicatorId);
      const uk = unitKey(t.orgUnit);
      let byUnit = seen.get(ik);
      if (byUnit === undefined) seen.set(ik, (byUnit = new Map()));
      let byYear = byUnit.get(uk);
      if (byYear === undefined) byUnit.set(uk, (byYear = new Map()));
      const year = t.targetYear ?? "";
      const first = byYear.get(year);
      if (first) {
        out.push({
          code: "S-ID",
          severity: "error",
          indicatorId: t.indicatorId,
          orgUnit: t.orgUnit,
          field: "IndicatorId",
          message: `${t.indicatorId} (${t.orgUnit}): duplicate indicator id for this unit and year (also on row ${first.row})`,
        });
      } else byYear.set(year, t);
    }
    if (t.measureType === "Rate" && hierarchy.childrenOf.has(unitKey(t.orgUnit))) {
      const kids = descendants(unitKey(t.orgUnit));
      const bad = kids.filter((k) => valueOnly.has(`${idKey(t.indicatorId)}|${k}`));
      if (kids.length > 0 && bad.length > 0) {
        out.push({
          code: "M-RATE",
          severity: "error",
          indicatorId: t.indicatorId,
          orgUnit: t.orgUnit,
          field: "Numerator",
          message: `${t.indicatorId} (${t.orgUnit}): the rate is rolled up from its units, but ${bad.length} unit(s) give only a percentage; give numerator and denominator`,
        });
      }
    }
  }
  out.push(...lineageFindings(register));
  return out;
}
