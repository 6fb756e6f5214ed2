/**
 * What one target's evaluation works on: the report's shared context, and the subject (the
 * target, its measure, the context and its figures).
 */
import type { ComparatorIndex } from "./comparators";
import type { FigureSource } from "./figureSource";
import type { MeasureType, Polarity } from "./measures";
import type { Quarter } from "./periods";
import type { Register, TargetRecord } from "./register";
import type { ReportEntry, ReportError, ReportOptions } from "./reportTypes";

export interface Evaluated {
  readonly entry: ReportEntry;
  readonly error: ReportError | null;
}

/** What every target of one report shares: worked out once per report. */
export interface ReportContext {
  readonly settings: Register["settings"];
  readonly period: Quarter;
  readonly label: string;
  readonly pi: number;
  /** The workbook's reporting period as a label, when set. */
  readonly reportingLabel: string | undefined;
  /** False when the period is after the workbook's reporting period. */
  readonly due: boolean;
  readonly options: ReportOptions;
  /** The register's comparators by indicator. */
  readonly comparators: ComparatorIndex;
}

/** One target in one report: the target, its measure, the report's context and its figures. */
export interface Subject {
  readonly t: TargetRecord;
  readonly measureType: MeasureType;
  readonly polarity: Polarity;
  readonly ctx: ReportContext;
  readonly src: FigureSource;
}
