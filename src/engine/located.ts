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
}
