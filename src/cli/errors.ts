/**
 * Errors the command reports in one line (never a stack trace). `CliError` means "cannot run":
 * exit status 2 (workbook.md). Anything else that escapes is an internal error, also one line.
 */
import type { CliCode } from "./errorCodes";

export class CliError extends Error {
  /** Stable code from the catalogue (errorCodes.ts): decide on this, never on the message. */
  readonly code: CliCode;
  readonly exitCode: number;
  constructor(code: CliCode, message: string, exitCode = 2) {
    super(oneLine(message));
    this.name = "CliError";
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Collapse a message to one line: newlines and runs of spaces become one space. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** The message of anything thrown, as one line. */
export function messageOf(e: unknown): string {
  // Errors from another realm (a test runner's sandbox) are not `instanceof Error`.
  if (e !== null && typeof e === "object" && typeof (e as { message?: unknown }).message === "string") {
    const m = (e as { message: string; name?: unknown }).message;
    return oneLine(m || String((e as { name?: unknown }).name ?? "error"));
  }
  return oneLine(String(e));
}
