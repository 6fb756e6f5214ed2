/**
 * Excel errors for the PERF.* functions.
 *
 * Excel shows a custom function's error as `#VALUE!`, `#N/A`, `#DIV/0!`… with an optional message
 * (the tooltip on the cell). The runtime's class is `CustomFunctions.Error`, a global that exists
 * only inside Excel: in jest, in the browser preview and in the task pane opened outside Excel it
 * is absent. `cellError` builds the real one when the global is there and a structurally identical
 * `CellError` otherwise, so every host sees `{ code, message }`.
 *
 * Nothing here touches a global at import time.
 */
import type { EngineError, ErrorCode as EngineErrorCode } from "../engine";

/** The error values a custom function may return (the `CustomFunctions.ErrorCode` strings). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;
export type ExcelErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set<string>(Object.values(ErrorCode));

/**
 * Excel displays a custom message only with `#VALUE!` and `#N/A` (CustomFunctionsRuntime 1.3);
 * the real class is given no message for the others. The local class keeps it for the preview.
 */
const MESSAGE_SHOWN: ReadonlySet<ExcelErrorCode> = new Set<ExcelErrorCode>([
  ErrorCode.invalidValue,
  ErrorCode.notAvailable,
]);

/** Same shape as `CustomFunctions.Error`: an error code and an optional message. */
export class CellError {
  readonly code: ExcelErrorCode;
  readonly message?: string;
  constructor(code: ExcelErrorCode, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

/** What the PERF functions put in a cell for an error: the runtime's object or a `CellError`. */
export interface ExcelError {
  readonly code: ExcelErrorCode;
  readonly message?: string;
}

interface RuntimeErrorClass {
  new (code: ExcelErrorCode, message?: string): ExcelError;
}

function runtimeErrorClass(): RuntimeErrorClass | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: unknown } }).CustomFunctions;
  return typeof cf?.Error === "function" ? (cf.Error as RuntimeErrorClass) : undefined;
}

/** An Excel error value with a message, through `CustomFunctions.Error` when Excel provides it. */
export function cellError(code: ExcelErrorCode, message: string): ExcelError {
  const Real = runtimeErrorClass();
  if (Real) return MESSAGE_SHOWN.has(code) ? new Real(code, message) : new Real(code);
  return new CellError(code, message);
}

/** True for an Excel error value (ours, the runtime's, or an error cell Excel passed in). */
export function isExcelError(x: unknown): x is ExcelError {
  if (typeof x !== "object" || x === null) return false;
  const code = (x as { code?: unknown }).code;
  return typeof code === "string" && EXCEL_ERROR_CODES.has(code);
}

/**
 * An error cell Excel passed in. With `allowErrorForDataTypeAny` in functions.json (added by the
 * build, scripts/functions-metadata.js) Excel calls a function whose `any` parameters hold error
 * cells, passing each as a `CustomFunctions.Error`: `{ code, message? }`, `code` one of the
 * `CustomFunctions.ErrorCode` strings. `#NAME?` and `#REF!` are input-only codes
 * (CustomFunctionsRuntime 1.3: "supported as a custom function input error, but not as a custom
 * function output error"); newer Excel errors (`#SPILL!`, `#CALC!`, `#BUSY!`...) may arrive too, so
 * any `#...` code is taken as an error cell.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 */
export interface InputError {
  readonly code: string;
  readonly message?: string;
}

const RE_ERROR_CODE = /^#[A-Z0-9/_.]+[!?]?$/i;

export function isInputError(x: unknown): x is InputError {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const code = (x as { code?: unknown }).code;
  return typeof code === "string" && RE_ERROR_CODE.test(code);
}

/** True for a code a custom function may return (the others become `#VALUE!` with a message). */
export function isOutputCode(code: string): code is ExcelErrorCode {
  return EXCEL_ERROR_CODES.has(code);
}

/** The Excel error a user expects for each engine error code. */
export function excelCodeFor(code: EngineErrorCode): ExcelErrorCode {
  switch (code) {
    case "DIVIDE_BY_ZERO":
      return ErrorCode.divisionByZero;
    case "MISSING_VALUE":
      return ErrorCode.notAvailable;
    default:
      return ErrorCode.invalidValue;
  }
}

/**
 * A problem found while computing one cell. Internal to the functions: it becomes an Excel error
 * value (`toCell`) only when the result is written out.
 */
export class Problem {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message: string,
  ) {}

  static fromEngine(error: EngineError, prefix?: string): Problem {
    return new Problem(excelCodeFor(error.code), prefix ? `${prefix}: ${error.message}` : error.message);
  }

  toCell(): ExcelError {
    return cellError(this.code, this.message);
  }
}

export const invalid = (message: string): Problem => new Problem(ErrorCode.invalidValue, message);
export const notAvailable = (message: string): Problem => new Problem(ErrorCode.notAvailable, message);
export const divByZero = (message: string): Problem => new Problem(ErrorCode.divisionByZero, message);
