/**
 * The report's types: a row of the report JSON (workbook.md), the entry a host lays out, the
 * report's errors and summary, and the options of `buildReport`.
 */
import type { MeasureType, Polarity, RagRule } from "./measures";
import type { Direction } from "./progress";
import { RAG_STATUSES, type RagStatus } from "./rag";
import type { Finding } from "./smart";

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

/** A summary with every status at 0. */
export function emptySummary(): Summary {
  const s = {} as Summary;
  for (const k of RAG_STATUSES) s[k] = 0;
  return s;
}
