/**
 * The catalogue of located errors: every code a contract or report error can carry, what it
 * means, and the message templates of the rules several places share. Modelled on
 * HyperFormula's `error-message.ts`: callers decide on a code, never on a message's text, and a
 * message is written once here rather than at each place that raises it.
 *
 * An error built from an engine function's own error (a period that cannot be read, a weight out
 * of range) keeps that function's `ErrorCode`; the codes below are the ones the contract's
 * readers, writers and the wide import raise themselves.
 */
import { quote, type ErrorCode } from "./result";

/** Each code the contract raises, with when it arises (the text a reader of the code wants). */
export const CONTRACT_CODES = {
  TARGETS_TABLE_MISSING: "The workbook has no PerfTargets table: nothing can be read.",
  ACTUALS_TABLE_MISSING: "The workbook has no PerfActuals table to write actuals to.",
  SCHEMA_NEWER: "SchemaVersion is newer than this PerfCycle reads.",
  SCHEMA_UPGRADE: "SchemaVersion is older than this PerfCycle can upgrade.",
  SCHEMA_VERSION: "SchemaVersion is not a whole number.",
  COLUMN_MISSING: "A contract table lacks one of its required columns.",
  COLUMN_REPEATED: "A header repeats a contract column already matched.",
  SETTING_REPEATED: "A setting is given twice in PerfSettings.",
  SETTING_VALUE: "A setting's value cannot be read; its default is used.",
  TOLERANCE_NEGATIVE: "A tolerance is below 0.",
  ID_MISSING: "A row has no indicator id.",
  UNIT_MISSING: "A row has no unit.",
  UNIT_REPEATED: "A unit is listed twice in PerfUnits.",
  PERIOD_MISSING: "A row has no period.",
  NAME_MISSING: "A comparator row has no comparator name.",
  KIND: "A comparator's Kind is not one of the kinds.",
  COMPARATOR_DUPLICATE: "A comparator is given twice for one indicator and period.",
  PLACEHOLDER: "A placeholder (tbc, awaiting data) where a figure is needed.",
  NO_FIGURE: "A row has no figure where one is needed.",
  BASELINE_PERIOD: "BaselinePeriod is not a fiscal year or a quarter.",
  FISCAL_YEAR: "A fiscal year cannot be read.",
  PLAN_BEFORE_TARGET: "A plan ends before its target year.",
  STATUS: "Status is not Draft, Agreed or Approved.",
  AGGREGATION: "Aggregation is not Sum or None.",
  TARGET_DUPLICATE: "Two targets for one indicator, unit and year.",
  ACTUAL_DUPLICATE: "Two actuals for one indicator, unit and quarter.",
  ACTUAL_NO_INDICATOR: "An actual's indicator has no target.",
  ACTUAL_NO_TARGET: "An actual's unit has no target for its indicator, nor a unit above it.",
  QUALITY_NO_FIGURE: "A quality mark for a quarter with no figure.",
  WIDE_NO_HEADER: "A wide table has no header row of quarters.",
  WIDE_HEADER: "A wide table's header looks like a quarter or date but cannot be read.",
  WIDE_QUARTER_REPEATED: "A wide table gives one quarter twice.",
  WIDE_NO_LABELS: "A wide table has no column naming its rows.",
  WIDE_ROW_NO_ID: "A wide table's row has figures but no indicator id.",
  WIDE_FIGURE_REPEATED: "A wide table gives one indicator, unit and quarter twice.",
  WIDE_LABEL_REPEATED: "A wide table has a second label column (the first is used).",
  WIDE_YEAR_COLUMN: "A wide table's column is a whole year, not a quarter.",
  WIDE_COLUMN_IGNORED: "A wide table's header is neither a quarter nor a label column.",
  WIDE_NO_UNIT: "A wide table has no unit column.",
  WIDE_PERCENT_ROW: "A percentage row is read with the n/d row above it.",
  WIDE_ID_FROM_LABEL: "Ids are made from the labels.",
  WIDE_TOTAL: "A total row is imported as its own indicator.",
  WIDE_PART: "An 'of which' row is imported as its own indicator.",
  WIDE_PLACEHOLDER: "A placeholder gives no row.",
  WIDE_MARK: "A footnote or quality mark is read off figures.",
  PUBLISHED_MISMATCH: "A published percentage does not match its numerator and denominator.",
} as const;

export type ContractCode = keyof typeof CONTRACT_CODES;

/** Every code a located error can carry: an engine function's, or the contract's own. */
export type LocatedCode = ErrorCode | ContractCode;

/**
 * The message templates of the rules raised in more than one place (the figure rules, the
 * tables' columns). Each returns the message exactly as the user reads it.
 */
export const MESSAGES = {
  /** A required column the table lacks, after the table's name (`PerfTargets: ` + this). */
  columnMissing: (column: string, headers: readonly string[]): string =>
    `the table has no ${column} column (headers found: ${headers.map((h) => quote(h)).join(", ") || "none"})`,
  /** A header that repeats a matched column, after the table's name. */
  columnRepeated: (header: string): string =>
    `the column ${quote(header)} repeats another column's name; the first is used and this one is kept as it is`,
  targetsTableMissing: (table: string, found: readonly string[]): string =>
    `This workbook has no ${table} table, so it has no targets to read (tables found: ${found.map((n) => quote(n)).join(", ") || "none"}). Set the workbook up with PerfCycle, or name the targets table ${table}`,
  actualsTableMissing: (): string => "This workbook has no PerfActuals table: set it up first (Set up).",
  /** A Value written n/d where only a Rate may be (FIGURE_FRACTION_NOT_RATE). */
  fractionNotRate: (text: string): string =>
    `${quote(text)} is a fraction; only a Rate may be written as n/d`,
  /** A Value written n/d beside Numerator and Denominator (FIGURE_FRACTION_AND_COUNTS). */
  fractionAndCounts: (text: string): string =>
    `${quote(text)} is a fraction, but the row also gives Numerator and Denominator: give one or the other`,
  /** One count without the other, as a table row reads it (FIGURE_ONE_COUNT). */
  oneCount: (missing: "Numerator" | "Denominator"): string =>
    `a rate needs both a numerator and a denominator; only the ${missing === "Numerator" ? "denominator" : "numerator"} is given`,
  /** One count without the other, as the pane's entry grid says it (FIGURE_ONE_COUNT). */
  oneCountInGrid: (): string => "give both the numerator and the denominator",
  /** A figure's text with the reason it cannot be a rate (`'18/0': The denominator is 0, ...`). */
  quotedReason: (text: string, reason: string): string => `${quote(text)}: ${reason}`,
} as const;
