/** What an audit reads (the cells and the options) and what it finds (each row, the summary). */
import type { Polarity, RagRule, RagScheme, RagStatus, ToleranceType } from "../../engine";
import type { PublishedFinding } from "../published";
import type { RawCell } from "../raw";
import type { AuditRole, ColumnGuess } from "./columns";

/** The cells to audit, as any host reads them. */
export interface AuditSource {
  readonly sheet: string;
  /** A1 address of values[0][0]. */
  readonly origin: string;
  readonly values: readonly (readonly RawCell[])[];
  /** Number formats (`0.0%`), same shape as values, when the host has them. */
  readonly formats?: readonly (readonly string[])[] | null;
  /** Solid fill colours `#RRGGBB` (null for none), same shape as values; null when the host cannot read them. */
  readonly fills?: readonly (readonly (string | null)[])[] | null;
  /** The Excel table the cells are, when they are one (its first row is the header row). */
  readonly table?: string | null;
}

export interface AuditOptions {
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  /** Polarity of rows with no polarity column, or a blank polarity cell. */
  readonly polarity?: Polarity | null;
  /** Columns chosen by the user (0-based within the cells); null means "the report has none". Others are guessed. */
  readonly columns?: Partial<Record<AuditRole, number | null>>;
  /** Row of the cells holding the headers (0-based); default: found (the first of the first 30 rows naming a status, an actual and a target). */
  readonly headerRow?: number;
}

export type AuditOutcome = "agrees" | "disagrees" | "cannot-rate";

export interface PublishedStatus {
  readonly status: RagStatus;
  /** Read from the cell's text, or from its fill colour where it has no text. */
  readonly from: "text" | "fill";
  readonly text: string | null;
  readonly fill: string | null;
}

export interface AuditRow {
  /** Sheet row (1-based). */
  readonly row: number;
  readonly label: string;
  /** The status cell (`B7`), or the row's first cell when there is no status column. */
  readonly cell: string;
  readonly published: PublishedStatus | null;
  readonly recomputed: RagStatus | null;
  readonly outcome: AuditOutcome;
  /** The recomputed status's explanation, or why the row cannot be rated. */
  readonly explanation: string;
  /** The figures as read (a rate as a fraction), null where absent. */
  readonly actual: number | null;
  readonly milestone: number | null;
  readonly target: number | null;
  readonly polarity: Polarity | null;
  /** The figures are rates (a percentage or n/d): shown as percentages. */
  readonly rate: boolean;
}

export interface AuditSummary {
  /** Rows audited (headings and blank rows left out). */
  readonly rows: number;
  readonly agree: number;
  readonly disagree: number;
  readonly cannotRate: number;
  /** Statuses read from a fill colour. */
  readonly fromFill: number;
}

export interface AuditResult {
  readonly sheet: string;
  readonly table: string | null;
  /** The cells audited, header row included (`A3:H20`). */
  readonly range: string;
  /** The header row (sheet row, 1-based). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnGuess[];
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  /** The tolerance in the words a council would use. */
  readonly toleranceText: string;
  readonly scheme: RagScheme;
  /** Polarity of rows without their own. */
  readonly polarity: Polarity | null;
  /** False when the host could not read fill colours (statuses were read from text only). */
  readonly fillsRead: boolean;
  readonly rows: readonly AuditRow[];
  readonly summary: AuditSummary;
  /** The published-figure check over the same cells. */
  readonly published: readonly PublishedFinding[];
}

/** Why the audit cannot run at all (no status column, no actual, no target or milestone). */
export class AuditSetupError extends Error {
  override readonly name = "AuditSetupError";
}
