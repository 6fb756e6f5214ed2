/**
 * PERF.RAG and PERF.EXPLAIN as data: the same seven arguments rated by the engine, the second
 * with the explanation's measure type and unit read after the rating.
 */
import {
  explain as explainStatus,
  ragStatus,
  type MeasureType,
  type Polarity,
  type RagResult,
  type RagScheme,
  type ToleranceType,
} from "../engine";
import { definePerf } from "./define";
import { notAvailable, Problem } from "./errors";
import {
  optionalFigure,
  optionalMeasureType,
  optionalScheme,
  optionalToleranceType,
  polarity,
  text,
} from "./readers";

const ACTUAL = { name: "actual", read: optionalFigure("Actual") } as const;
const MILESTONE = { name: "milestone", read: optionalFigure("Milestone") } as const;
const POLARITY = { name: "polarity", read: polarity } as const;
const TOLERANCE = { name: "tolerance", optional: true, read: optionalFigure("Tolerance") } as const;
const TOLERANCE_TYPE = { name: "toleranceType", optional: true, read: optionalToleranceType } as const;
const TARGET = { name: "target", optional: true, read: optionalFigure("Target") } as const;
const SCHEME = { name: "scheme", optional: true, read: optionalScheme } as const;

/** The arguments a status is rated from, as read. */
interface RagInputs {
  readonly actual: number | null;
  readonly milestone: number | null;
  readonly polarity: Polarity;
  readonly tolerance: number | null;
  readonly toleranceType: ToleranceType | null;
  readonly target: number | null;
  readonly scheme: RagScheme | null;
}

interface RatedCell {
  readonly rag: RagResult;
  readonly polarity: Polarity;
  readonly actual: number | null;
  readonly milestone: number | null;
  readonly target: number | null;
  readonly tolerance: number | null;
  readonly toleranceType: ToleranceType | null;
}

/** Rates one cell with the engine, reading its arguments in order. */
function rateCell(v: RagInputs): RatedCell | Problem {
  const { actual, milestone, polarity: po, tolerance, toleranceType: typed, target, scheme } = v;
  // As in the report: with no tolerance of its own, an indicator takes the default 5% as Relative.
  const toleranceType = tolerance === null ? null : typed;
  const rag = ragStatus({ actual, milestone, polarity: po, tolerance, toleranceType, target, scheme });
  if (!rag.ok) return Problem.fromEngine(rag.error);
  return { rag: rag.value, polarity: po, actual, milestone, target, tolerance, toleranceType };
}

/** =PERF.RAG(actual, milestone, polarity, [tolerance], [toleranceType], [target], [scheme]). */
export const RAG = definePerf({
  name: "RAG",
  params: [ACTUAL, MILESTONE, POLARITY, TOLERANCE, TOLERANCE_TYPE, TARGET, SCHEME],
  cell: (v) => {
    const rated = rateCell(v);
    if (rated instanceof Problem) return rated;
    // A missing actual is #N/A with the status as its message (the contract for Excel).
    if (rated.rag.status === "No data") return notAvailable("No data: the actual is empty");
    return rated.rag.status;
  },
});

/**
 * =PERF.EXPLAIN(actual, milestone, polarity, [measureType], [unit], [tolerance], [toleranceType],
 * [target], [scheme]): the engine's one-line explanation of the status.
 */
export const EXPLAIN = definePerf({
  name: "EXPLAIN",
  params: [
    ACTUAL,
    MILESTONE,
    POLARITY,
    { name: "measureType", optional: true, read: optionalMeasureType },
    { name: "unit", optional: true, read: text },
    TOLERANCE,
    TOLERANCE_TYPE,
    TARGET,
    SCHEME,
  ],
  cell: (v) => {
    const rated = rateCell(v);
    if (rated instanceof Problem) return rated;
    const measure: MeasureType = v.measureType ?? "Level";
    const unit = v.unit;
    return explainStatus({
      rag: rated.rag,
      measureType: measure,
      polarity: rated.polarity,
      unit: unit ?? undefined,
      actual: rated.actual,
      milestone: rated.milestone,
      target: rated.target,
      tolerance: rated.tolerance,
      toleranceType: rated.toleranceType,
    });
  },
});
