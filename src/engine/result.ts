/**
 * Errors as values. Nothing in the engine throws across its boundary: every function that
 * can fail returns a `Result` whose error carries a stable code and a plain-English message.
 */

/** The engine's error codes: each function's failures, one code a kind (the catalogue of the contract's own is errorCodes.ts). */
export const ERROR_CODES = [
  "PERIOD_UNPARSEABLE",
  "PERIOD_AMBIGUOUS",
  "PERIOD_NOT_QUARTER_END",
  "PERIOD_YEAR",
  "FY_START_MONTH",
  "MEASURE_TYPE",
  "POLARITY",
  "PROFILE",
  "PROFILE_WEIGHTS",
  "PROFILE_SEASONAL",
  "TOLERANCE",
  "TOLERANCE_TYPE",
  "RAG_SCHEME",
  "RAG_RULE",
  "NOT_A_NUMBER",
  "DIVIDE_BY_ZERO",
  "RATE_NOT_AGGREGABLE",
  "LEVEL_NOT_AGGREGABLE",
  "UNIT_CYCLE",
  "MISSING_VALUE",
  "QUARTER",
  "CONFIDENCE_LEVEL",
  "CONFIDENCE_INPUT",
  "QUALITY",
  "TARGET_METHOD",
  "FIGURE_ONE_COUNT",
  "FIGURE_FRACTION_NOT_RATE",
  "FIGURE_FRACTION_AND_COUNTS",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface EngineError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The input the error is about, when the function reads several (e.g. `W3` of a custom profile). */
  readonly field?: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

/**
 * A success.
 *
 * @example
 * ok(42) // => { ok: true, value: 42 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * A failure with its code, its message and, when it is about one input, that input's name.
 *
 * @example
 * err("DIVIDE_BY_ZERO", "the denominator is 0", "Denominator") // => { ok: false, error: { code: "DIVIDE_BY_ZERO", field: "Denominator" } }
 */
export function err<T = never>(code: ErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Text of any value for a message; never throws (an object without a usable toString is described). */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Quote a user's text for an error message, trimming very long input. Never throws.
 *
 * @example
 * quote("Q5 2015") // => "'Q5 2015'"
 */
export function quote(text: unknown): string {
  const s = textOf(text);
  const cut = s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return `'${cut}'`;
}

/**
 * True for a finite number (never NaN, never ±Infinity).
 *
 * @example
 * isFiniteNumber(0.554) // => true
 * isFiniteNumber(NaN) // => false
 * isFiniteNumber("55.4%") // => false
 */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
