/**
 * The workbook contract's layout (workbook.md): table names, column names in the order the
 * spec gives them, setting names, the schema version and the upgrade steps between versions.
 * Everything that reads or writes a PerfCycle workbook takes its names from here.
 */
import { SCHEMA_VERSION } from "../engine";
import type { RawCell, RawWorkbook } from "./raw";

/** The contract's tables, by Excel table name (the sheet names are the user's to change). */
export const TABLE = {
  settings: "PerfSettings",
  targets: "PerfTargets",
  actuals: "PerfActuals",
  units: "PerfUnits",
  audit: "PerfAudit",
  /** Schema 2, optional: national, regional and peer figures per indicator and period. */
  comparators: "PerfComparators",
} as const;

export type TableName = (typeof TABLE)[keyof typeof TABLE];

export const SETTINGS_COLUMNS = ["Setting", "Value"] as const;

/** PerfTargets columns in the spec's order. */
export const TARGET_COLUMNS = [
  "IndicatorId",
  "Indicator",
  "OrgUnit",
  "Outcome",
  "MeasureType",
  "Polarity",
  "Unit",
  "Owner",
  "DataSource",
  "BaselinePeriod",
  "Baseline",
  "TargetYear",
  "Target",
  "Profile",
  "W1",
  "W2",
  "W3",
  "W4",
  "Tolerance",
  "ToleranceType",
  "Status",
] as const;

/** Schema 2's PerfTargets columns (optional; added at the end of the table on first write). */
export const V2_TARGET_COLUMNS = [
  "TargetMethod",
  "TargetRationale",
  "PreviousId",
  "PlanEndYear",
  "PlanTarget",
] as const;

/** PerfTargets columns PerfCycle knows but does not require. */
export const OPTIONAL_TARGET_COLUMNS = ["Aggregation", ...V2_TARGET_COLUMNS] as const;

export const ACTUAL_COLUMNS = [
  "IndicatorId",
  "OrgUnit",
  "Period",
  "Value",
  "Numerator",
  "Denominator",
  "Commentary",
  "Action",
] as const;

/** Schema 2's PerfActuals column (optional; blank means Validated). */
export const OPTIONAL_ACTUAL_COLUMNS = ["Quality"] as const;

export const UNIT_COLUMNS = ["OrgUnit", "Parent"] as const;

/** Schema 2's PerfComparators table: the columns it needs, then the optional ones. */
export const COMPARATOR_COLUMNS = ["IndicatorId", "Period", "Comparator", "Kind", "Value"] as const;
export const OPTIONAL_COMPARATOR_COLUMNS = ["Numerator", "Denominator", "Source"] as const;

export const AUDIT_COLUMNS = [
  "When",
  "Who",
  "IndicatorId",
  "OrgUnit",
  "Field",
  "OldValue",
  "NewValue",
  "Reason",
] as const;

/** Required columns of each table, and the optional ones the contract knows. */
export const TABLE_COLUMNS: Readonly<
  Record<TableName, { readonly required: readonly string[]; readonly optional: readonly string[] }>
> = {
  PerfSettings: { required: SETTINGS_COLUMNS, optional: [] },
  PerfTargets: { required: TARGET_COLUMNS, optional: OPTIONAL_TARGET_COLUMNS },
  PerfActuals: { required: ACTUAL_COLUMNS, optional: OPTIONAL_ACTUAL_COLUMNS },
  PerfUnits: { required: UNIT_COLUMNS, optional: [] },
  PerfAudit: { required: AUDIT_COLUMNS, optional: [] },
  PerfComparators: { required: COMPARATOR_COLUMNS, optional: OPTIONAL_COMPARATOR_COLUMNS },
};

/** Settings PerfCycle reads, in the order a new workbook lists them. */
export const SETTING_NAMES = [
  "SchemaVersion",
  "FiscalYearStartMonth",
  "ReportingPeriod",
  "DefaultTolerance",
  "RagScheme",
  "RagRule",
  "ConfidenceLevel",
  "SmallBase",
  "DotSignificance",
] as const;

/** Schema 2's settings, with the value a workbook upgraded to schema 2 is given (the defaults). */
export const V2_SETTINGS: readonly (readonly [SettingName, RawCell])[] = [
  ["ConfidenceLevel", 95],
  ["SmallBase", 30],
  ["DotSignificance", "No"],
];

export type SettingName = (typeof SETTING_NAMES)[number];

/** The schema version this PerfCycle writes and reads. */
export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSION;

/**
 * The oldest schema version read as it is: schema 2 only adds optional columns, settings and a
 * table, so a version-1 workbook is read without an upgrade (and upgraded in place on first write,
 * by `upgradePlan`). Older versions go through UPGRADES up to this one.
 */
export const OLDEST_READ_VERSION = 1;

/** This PerfCycle's version (kept equal to package.json by a test). */
export const PERFCYCLE_VERSION = "0.1.0";

/**
 * The first PerfCycle version that reads each schema version. A workbook of a newer schema is
 * refused with a message naming the PerfCycle that reads it, when this table knows it.
 */
export const SCHEMA_READ_BY: Readonly<Record<number, string>> = {
  1: "0.1.0",
  2: "0.1.0",
};

/** Normalise a header or setting name: case, spaces, underscores, hyphens and dots do not matter. */
export function normaliseName(text: RawCell | undefined): string {
  if (text === null || text === undefined) return "";
  return String(text)
    .replace(/[\s_.\-\u00a0]+/g, "")
    .toLowerCase();
}

/**
 * The contract name a header means, tolerant of case, spacing and underscores
 * (`indicator id`, `INDICATOR_ID` and `IndicatorId` all match `IndicatorId`); undefined when none.
 */
export function matchHeader<T extends string>(text: RawCell | undefined, names: readonly T[]): T | undefined {
  const key = normaliseName(text);
  if (key === "") return undefined;
  return names.find((n) => normaliseName(n) === key);
}

/**
 * One upgrade step: turns a workbook of schema version `from` into one of version `from + 1`.
 * Steps work on raw tables, so the upgraded tables can be written back in place; they must
 * keep every column and row the user typed (rename, add, never drop).
 */
export interface UpgradeStep {
  readonly from: number;
  /** What the step changes, in plain English (shown to the user when a workbook is upgraded). */
  readonly describe: string;
  readonly upgrade: (book: RawWorkbook) => RawWorkbook;
}

/**
 * The upgrade steps of this PerfCycle, keyed by the version they upgrade from. Schema 1 is the
 * first published version, so there are none yet; a step is added here with every new version
 * (docs/workbook-format.md, "Schema versions").
 */
export const UPGRADES: readonly UpgradeStep[] = [];
