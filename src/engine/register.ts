/**
 * The typed register: what the workbook contract reads from the tables, in domain terms.
 * The contract (src/contract) fills it from raw table values and reports every problem with
 * its table, row and column; the engine computes everything from it.
 */
import type { MeasureType, Polarity, RagRule, RagScheme, ToleranceType } from "./measures";
import type { Quarter, QuarterNumber } from "./periods";
import type { ProfileName } from "./profiles";
import type { ConfidenceLevel } from "./confidence";
import type { Quality } from "./quality";
import type { Aggregation } from "./rollup";

export type TargetStatus = "Draft" | "Agreed" | "Approved";
export const TARGET_STATUSES: readonly TargetStatus[] = ["Draft", "Agreed", "Approved"];

/** The workbook schema and report JSON version of this engine (workbook.md, "Additions (schema version 2)"). */
export const SCHEMA_VERSION = 2;

export interface Settings {
  readonly schemaVersion: number;
  /** First month of the fiscal year, 1-12 (default 4). */
  readonly startMonth: number;
  readonly reportingPeriod: Quarter | null;
  /** The workbook's default tolerance t, Relative (default 0.05). */
  readonly defaultTolerance: number;
  readonly scheme: RagScheme;
  readonly rule: RagRule;
  /** Schema 2 `ConfidenceLevel`: 95 (default) or 99.8. */
  readonly confidenceLevel?: ConfidenceLevel;
  /** Schema 2 `SmallBase`: a rate with a denominator below it has a small base (default 30). */
  readonly smallBase?: number;
  /** Schema 2 `DotSignificance`: a change within overlapping intervals is No change (default false). */
  readonly dotSignificance?: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SCHEMA_VERSION,
  startMonth: 4,
  reportingPeriod: null,
  defaultTolerance: 0.05,
  scheme: "RAG",
  rule: "Milestone",
};

/** A baseline period: a whole fiscal year (q null) or one quarter. */
export interface BaselinePeriod {
  readonly fy: number;
  readonly q: QuarterNumber | null;
}

export interface TargetRecord {
  /** 1-based row number in the PerfTargets table's data (for findings); 0 when not from a table. */
  readonly row: number;
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly outcome: string;
  readonly measureType: MeasureType | null;
  readonly polarity: Polarity | null;
  readonly unit: string;
  readonly owner: string;
  readonly dataSource: string;
  readonly baselinePeriod: BaselinePeriod | null;
  readonly baseline: number | null;
  /** Fiscal year of the target (the calendar year it starts in). */
  readonly targetYear: number | null;
  readonly target: number | null;
  readonly profile: ProfileName | null;
  /** W1..W4 as typed (Custom profile). */
  readonly weights: readonly (number | null)[];
  /** Own tolerance t, or null to take the workbook's default (Relative). */
  readonly tolerance: number | null;
  readonly toleranceType: ToleranceType | null;
  readonly status: TargetStatus;
  /** Optional `Aggregation` column: a Level that is not additive says None. Default Sum. */
  readonly aggregation: Aggregation;
  /** Schema 2 `TargetMethod` as typed (e.g. `CloseGap(0.5, England)`); blank when none. */
  readonly targetMethod?: string;
  /** Schema 2 `TargetRationale`: the reason in a sentence. */
  readonly targetRationale?: string;
  /** Schema 2 `PreviousId`: the id the same measure had in an earlier year. */
  readonly previousId?: string;
  /** Schema 2 `PlanEndYear`: the last year of a multi-year plan this row belongs to. */
  readonly planEndYear?: number | null;
  /** Schema 2 `PlanTarget`: the plan's final target, for its last year. */
  readonly planTarget?: number | null;
}

export interface ActualRecord {
  readonly row: number;
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: Quarter;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly commentary: string;
  readonly action: string;
  /** Schema 2 `Quality` (blank is Validated). */
  readonly quality?: Quality;
}

export interface UnitRecord {
  readonly row: number;
  readonly orgUnit: string;
  readonly parent: string | null;
}

/** Schema 2 `PerfComparators` row: a comparator's figure for an indicator and period. */
export type ComparatorKind = "National" | "Region" | "Average" | "Peer";
export const COMPARATOR_KINDS: readonly ComparatorKind[] = ["National", "Region", "Average", "Peer"];

export interface ComparatorRecord {
  readonly row: number;
  readonly indicatorId: string;
  /** A quarter, or a whole fiscal year (q null) that applies to each of its quarters. */
  readonly period: BaselinePeriod;
  readonly comparator: string;
  readonly kind: ComparatorKind;
  /** The figure (a rate as a fraction: from the counts when both are given). */
  readonly value: number;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly source: string;
}

export interface Register {
  readonly settings: Settings;
  readonly targets: readonly TargetRecord[];
  readonly actuals: readonly ActualRecord[];
  readonly units: readonly UnitRecord[];
  /** Schema 2 `PerfComparators` (optional table). */
  readonly comparators?: readonly ComparatorRecord[];
}

/**
 * Indicator ids match case- and space-insensitively.
 *
 * @example
 * idKey(" cs-esc ") // => "CS-ESC"
 */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}
