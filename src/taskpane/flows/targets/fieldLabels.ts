/** The target form's words: each field's label, the choices of its drop-downs, and a cell error as the form shows it. */
import { MEASURE_TYPES, POLARITIES, PROFILE_NAMES } from "../../../engine";
import { TABLE, type ContractError } from "../../../contract";
import type { FormField } from "../../model/targetDraft";

export const LABELS: Readonly<Record<FormField, string>> = {
  IndicatorId: "Indicator ID",
  Indicator: "Indicator name",
  OrgUnit: "Unit (centre, cluster, city)",
  Outcome: "Outcome or priority it serves",
  MeasureType: "Measure type",
  Polarity: "Polarity",
  Unit: "Unit of measure",
  Owner: "Owner",
  DataSource: "Data source",
  BaselinePeriod: "Baseline period",
  Baseline: "Baseline",
  TargetYear: "Target year",
  Target: "Target",
  Profile: "Milestone profile",
  W1: "W1",
  W2: "W2",
  W3: "W3",
  W4: "W4",
  Tolerance: "Tolerance",
  ToleranceType: "Tolerance type",
};

/**
 * A cell error as the form shows it: without its place (`PerfTargets row 3 (Targets!E4), Baseline: `)
 * when it is a target row's cell, which the form already makes plain; otherwise the whole message.
 */
export function short(e: ContractError): string {
  const atCell = e.table === TABLE.targets && e.row !== null && e.column !== null;
  return atCell && e.detail !== undefined ? e.detail : e.message;
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}
export const MEASURE_TYPE_OPTIONS: readonly SelectOption[] = MEASURE_TYPES.map((x) => ({
  value: x,
  label: x,
}));
export const POLARITY_OPTIONS: readonly SelectOption[] = POLARITIES.map((p) => ({
  value: p,
  label: p === "Higher" ? "Higher is better" : p === "Lower" ? "Lower is better" : "Neutral (monitor)",
}));
export const PROFILE_OPTIONS: readonly SelectOption[] = PROFILE_NAMES.map((p) => ({ value: p, label: p }));
export const TOLERANCE_TYPE_OPTIONS: readonly SelectOption[] = [
  { value: "", label: "Relative (default)" },
  { value: "Relative", label: "Relative" },
  { value: "Absolute", label: "Absolute" },
];
