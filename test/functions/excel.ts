/**
 * Helpers to call the PERF functions the way Excel does: every argument is a matrix parameter, so
 * a single cell or a literal arrives as [[value]], a range as rows of cells, an empty cell as ""
 * (or null), and an omitted optional argument as null.
 */
import { isExcelError, type ExcelError } from "../../src/functions/errors";

/** What Excel passes for an omitted optional argument (typed as the parameter for the call). */
export const OMITTED = null as unknown as undefined;

/** One cell or a literal: [[v]]. */
export const cell = (v: unknown): unknown[][] => [[v]];

/** A column range: [[a], [b], …]. */
export const column = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);

/** A row range: [[a, b, …]]. */
export const row = (...vs: unknown[]): unknown[][] => [vs];

/** The single value of a 1×1 result. */
export function only(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0]?.[0];
}

/** Asserts a cell holds an Excel error with this code (and a message matching `message`). */
export function expectError(value: unknown, code: ExcelError["code"], message?: string | RegExp): void {
  expect(isExcelError(value)).toBe(true);
  const e = value as ExcelError;
  expect(e.code).toBe(code);
  if (message !== undefined) {
    if (typeof message === "string") expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  }
}
