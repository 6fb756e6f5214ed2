/** The problems of a draft as the form lists them: the cell errors first, then the SMART findings. */
import type { Severity } from "../../../engine";
import { short } from "./fieldLabels";
import type { DraftEvaluation } from "../../model/targetDraft";

export interface DraftProblem {
  readonly key: string;
  readonly severity: Severity;
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

export function draftProblems(evaluation: DraftEvaluation | null): DraftProblem[] {
  return [
    ...(evaluation?.cellErrors ?? []).map((e) => ({
      key: `cell-${e.column ?? ""}-${e.message}`,
      severity: "error" as const,
      code: "Cell",
      field: e.column ?? "IndicatorId",
      message: short(e),
    })),
    ...(evaluation?.findings ?? []).map((f, i) => ({
      key: `f-${f.code}-${f.field}-${i}`,
      severity: f.severity,
      code: f.code,
      field: f.field,
      message: f.message,
    })),
  ];
}
