/**
 * The report's types: a row of the report JSON (workbook.md), the entry a host lays out, the
 * report's errors and summary, and the options of `buildReport`.
 */
import type { ComparatorResult } from "./comparators";
import type { LocatedError } from "./located";
import type { MeasureType, Polarity, RagRule } from "./measures";
import type { Direction } from "./progress";
import { QUALITIES, type Quality } from "./quality";
import { RAG_STATUSES, type RagStatus } from "./rag";
import type { Finding } from "./smart";

/** A row of the report JSON, exactly the keys of workbook.md (with the schema 2 additions). */
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
  /** Schema 2: the compared figure's confidence interval (null where there is none). */
  readonly confidenceLow: number | null;
  readonly confidenceHigh: number | null;
  /** Schema 2: a rate's denominator below SmallBase, or a count below 10. */
  readonly smallBase: boolean;
  /** Schema 2: the compared figure's quality (a roll-up's least certain child); null without a figure. */
  readonly quality: Quality | null;
  /** Schema 2: the previous id whose figures were used (lineage), else null. */
  readonly previousId: string | null;
  /** Schema 2: the row against each comparator of its indicator and period. */
  readonly comparators: readonly ComparatorResult[];
}

/** A multi-year plan seen from one year of it. */
export interface PlanStatus {
  readonly endYear: number;
  readonly finalTarget: number;
  /** This year's forecast meets this year's target on the plan's line; null without a forecast. */
  readonly onTrack: boolean | null;
}

/** A point of an indicator's trend: the quarter's compared actual and milestone. */
export interface TrendPoint {
  readonly period: string;
  readonly actual: number | null;
  readonly milestone: number | null;
  /** The actual's confidence interval (Wilson for a rate with its counts, Byar for a count's year to date), when it has one. */
  readonly interval?: { readonly lower: number; readonly upper: number };
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
  /** The unit the row's quality comes from, when rolled up and not validated. */
  readonly qualityUnit: string | null;
  /** The multi-year plan the target belongs to, and whether its final target is on track. */
  readonly plan: PlanStatus | null;
  /** The eight quarters up to the period (when asked for). */
  readonly trend: readonly TrendPoint[];
}

/** An error found evaluating the register: the located error of the contract (located.ts). */
export type ReportError = LocatedError;

export type Summary = Record<RagStatus, number>;

/** The summary counts of the rows with a figure, per quality. */
export type QualitySummary = Record<Quality, Summary>;

export interface Report {
  readonly schemaVersion: number;
  readonly period: string;
  readonly ragRule: RagRule;
  readonly entries: readonly ReportEntry[];
  readonly summary: Summary;
  /** Rows with a figure, by its quality, then by status (schema 2; docs/decisions.md). */
  readonly quality: QualitySummary;
  readonly findings: readonly Finding[];
  readonly errors: readonly ReportError[];
}

export interface ReportOptions {
  /** Include each entry's eight-quarter trend (for charts). Default false. */
  readonly trend?: boolean;
}

/**
 * A summary with every status at 0.
 *
 * @example
 * emptySummary() // => { Red: 0, Amber: 0, Green: 0, Blue: 0 }
 */
export function emptySummary(): Summary {
  const s = {} as Summary;
  for (const k of RAG_STATUSES) s[k] = 0;
  return s;
}

/**
 * A quality summary with every count at 0.
 *
 * @example
 * emptyQualitySummary().Provisional // => { Red: 0, Green: 0 }
 */
export function emptyQualitySummary(): QualitySummary {
  const s = {} as QualitySummary;
  for (const q of QUALITIES) s[q] = emptySummary();
  return s;
}
