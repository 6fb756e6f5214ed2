/**
 * The report as data: the report JSON of workbook.md (exact keys, in the spec's order, null never
 * NaN), which the CLI prints and the task pane exports.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - The JSON carries one extra top-level key, `ragRule`, after `period` (the report names its rule).
 * - `errors` lists the reader's errors first, then the evaluation's, without repeats.
 */
import {
  QUALITIES,
  RAG_STATUSES,
  type ComparatorResult,
  type Finding,
  type Quality,
  type RagStatus,
  type Report,
  type ReportRow,
} from "../engine";
import type { ContractError } from "../contract";

/** The keys of a report JSON row, in the spec's order. */
export const REPORT_ROW_KEYS = [
  "indicatorId",
  "orgUnit",
  "period",
  "measureType",
  "polarity",
  "baseline",
  "target",
  "milestone",
  "actual",
  "variance",
  "variancePct",
  "distanceTravelled",
  "rag",
  "dotPrevious",
  "dotYearAgo",
  "forecast",
  "onTrack",
  "explanation",
  "confidenceLow",
  "confidenceHigh",
  "smallBase",
  "quality",
  "previousId",
  "comparators",
] as const satisfies readonly (keyof ReportRow)[];

export type JsonRow = { [K in (typeof REPORT_ROW_KEYS)[number]]: ReportRow[K] };

export interface ReportJson {
  readonly schemaVersion: number;
  readonly period: string;
  readonly ragRule: string;
  readonly rows: readonly JsonRow[];
  readonly summary: Readonly<Record<RagStatus, number>>;
  /** The rows with a figure, per quality, per status (docs/decisions.md). */
  readonly quality: Readonly<Record<Quality, Readonly<Record<RagStatus, number>>>>;
  readonly findings: readonly Finding[];
  readonly errors: readonly ContractError[];
}

/** A finite number, else null: the JSON never holds NaN or Infinity. */
function num<T>(x: T): T | null {
  return typeof x === "number" && !Number.isFinite(x) ? null : x;
}

function jsonComparator(c: ComparatorResult): ComparatorResult {
  return {
    comparator: c.comparator,
    kind: c.kind,
    value: num(c.value),
    gap: num(c.gap),
    status: c.status,
    quartile: c.quartile,
  };
}

function jsonRow(row: ReportRow): JsonRow {
  const out: Record<string, unknown> = {};
  for (const k of REPORT_ROW_KEYS)
    out[k] = k === "comparators" ? row.comparators.map(jsonComparator) : num(row[k]);
  return out as JsonRow;
}

/** Every status count of a summary, in the spec's order. */
function counts(
  summary: Readonly<Partial<Record<RagStatus, number>>> | undefined,
): Record<RagStatus, number> {
  const out = {} as Record<RagStatus, number>;
  for (const s of RAG_STATUSES) out[s] = summary?.[s] ?? 0;
  return out;
}

function errorKey(e: ContractError): string {
  return `${e.table}|${e.row ?? ""}|${e.column ?? ""}|${e.message}`;
}

/**
 * The report JSON of workbook.md. `readErrors` (from readRegister) come first in `errors`; the
 * evaluation's own errors follow, repeats dropped.
 */
export function reportJson(report: Report, readErrors: readonly ContractError[] = []): ReportJson {
  const summary = counts(report.summary);
  const quality = {} as Record<Quality, Record<RagStatus, number>>;
  for (const q of QUALITIES) quality[q] = counts(report.quality[q]);
  const seen = new Set<string>();
  const errors: ContractError[] = [];
  for (const e of [...readErrors, ...report.errors]) {
    const k = errorKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    errors.push({ table: e.table, row: e.row, column: e.column, message: e.message, code: e.code });
  }
  return {
    schemaVersion: report.schemaVersion,
    period: report.period,
    ragRule: report.ragRule,
    rows: report.entries.map((e) => jsonRow(e.row)),
    summary,
    quality,
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      indicatorId: f.indicatorId,
      orgUnit: f.orgUnit,
      field: f.field,
      message: f.message,
    })),
    errors,
  };
}
