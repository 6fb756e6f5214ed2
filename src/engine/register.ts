/**
 * The typed register: what the workbook contract reads from the tables, in domain terms.
 * The contract (src/contract) fills it from raw table values and reports every problem with
 * its table, row and column; the engine computes everything from it.
 */
import type { MeasureType, Polarity, RagRule, RagScheme, ToleranceType } from "./measures";
import type { Quarter, QuarterNumber } from "./periods";
import type { ProfileName } from "./profiles";
import type { Aggregation } from "./rollup";

export type TargetStatus = "Draft" | "Agreed" | "Approved";
export const TARGET_STATUSES: readonly TargetStatus[] = ["Draft", "Agreed", "Approved"];

export const SCHEMA_VERSION = 1;

export interface Settings {
  readonly schemaVersion: number;
  /** First month of the fiscal year, 1-12 (default 4). */
  readonly startMonth: number;
  readonly reportingPeriod: Quarter | null;
  /** The workbook's default tolerance t, Relative (default 0.05). */
  readonly defaultTolerance: number;
  readonly scheme: RagScheme;
  readonly rule: RagRule;
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
}

export interface UnitRecord {
  readonly row: number;
  readonly orgUnit: string;
  readonly parent: string | null;
}

export interface Register {
  readonly settings: Settings;
  readonly targets: readonly TargetRecord[];
  readonly actuals: readonly ActualRecord[];
  readonly units: readonly UnitRecord[];
}

/** Indicator ids match case- and space-insensitively. */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}
