/**
 * The one located-error type: a problem in the workbook (or found evaluating it) with its code,
 * the table, the 1-based data row (null for the table as a whole), the column and a message
 * quoting the text found. The contract's errors and the report's errors are both this type.
 */
import type { LocatedCode } from "./errorCodes";

export interface LocatedError {
  /** Stable code from the catalogue (errorCodes.ts): decide on this, never on the message. */
  readonly code: LocatedCode;
  readonly table: string;
  readonly row: number | null;
  readonly column: string | null;
  /** The message as the user reads it, naming the place and the text found. */
  readonly message: string;
  /**
   * When the message begins with its place (`PerfTargets row 3 (Targets!E4), MeasureType: …`),
   * the rest of it, for a host that shows the place its own way; absent when the message does not
   * begin with its place. Set where the place is composed, never cut from the message.
   */
  readonly detail?: string;
}

/**
 * A message that begins with its place, with the rest kept as `detail`.
 *
 * @example
 * placed("PerfTargets row 3, Baseline", "no figure") // => { message: "PerfTargets row 3, Baseline: no figure", detail: "no figure" }
 */
export function placed(place: string, detail: string): { readonly message: string; readonly detail: string } {
  return { message: `${place}: ${detail}`, detail };
}
