/**
 * The catalogue of the Excel layer's errors: every code a `WorkbookError`, `AuditRangeError` or
 * `ReportDialogError` carries, with when it arises. The pane decides on the code, never on the
 * message's text; the message stays what the user reads. Each throw site gives its error one of
 * these (test/workbook/errorCodes.test.ts scans them).
 */
export const WORKBOOK_CODES = {
  TABLE_MISSING: "A table the action needs (PerfActuals, or the one named) is not in the workbook.",
  COLUMN_MISSING: "The table named has no such column.",
  ROW_MISSING: "The table named has no such data row.",
  REGISTER_UNREADABLE: "The register cannot be read (no PerfTargets table, or the contract's fatal error).",
  PERIOD_INVALID: "A period given to the action cannot be read.",
  PERIOD_NEEDED: "No quarter is given and PerfSettings has no ReportingPeriod.",
  SHEET_NOT_REPORT: "A sheet has the report's name but is not a PerfCycle report, so it is not replaced.",
  ALREADY_SET_UP: "The sample goes into a workbook that already has PerfCycle tables.",
  SELECTION: "The selection cannot be used (several areas, not cells, or Excel could not read it).",
  UPGRADE_REFUSED: "The workbook's SchemaVersion is one this PerfCycle does not upgrade.",
  IN_THE_WAY: "Columns PerfCycle must add would move the user's cells or run off the sheet.",
  AUDIT_CELLS: "The cells chosen to audit are not a report (no header row) or are too many.",
  DIALOG_UNAVAILABLE: "This Excel cannot open the report window or pass the report to it.",
  DIALOG_FAILED: "The report window did not open, failed, or could not show the report.",
  DIALOG_TIMEOUT: "The report window did not answer in time.",
  DIALOG_CLOSED: "The report window was closed before it opened the report.",
} as const;

export type WorkbookCode = keyof typeof WORKBOOK_CODES;
