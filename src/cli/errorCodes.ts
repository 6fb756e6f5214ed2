/**
 * The catalogue of the command's errors: every code a `CliError` carries, with when it arises.
 * Callers (and tests) decide on the code, never on the message's text; the message stays what the
 * user reads on stderr. Each throw site gives its CliError one of these (test/cli/errorCodes.test.ts).
 */
export const CLI_CODES = {
  USAGE:
    "The command line is wrong: an unknown command or option, a missing or empty value, options that exclude each other.",
  BAD_VALUE:
    "An option's value cannot be read (a period, a year, a rule, a tolerance, a polarity, a column role).",
  FILE_MISSING: "An input file does not exist.",
  FILE_UNREADABLE: "An input cannot be read: it is a folder, or the system refused to read it.",
  OUTPUT_UNWRITABLE:
    "An output cannot be written: its folder is missing, it is a folder, or the write failed.",
  OUTPUT_EXISTS: "The output already exists and is not one the command may replace.",
  NOT_XLSX:
    "The input is not an .xlsx workbook (empty, an older Office file, not a zip, no workbook part, Strict Open XML).",
  ENCRYPTED: "The workbook is password-protected.",
  TOO_LARGE:
    "An input is refused for its size (a zip bomb, too many rows, parts or bytes), or the output would be too large.",
  DAMAGED: "The workbook's package or one of its parts is damaged.",
  CSV_MALFORMED: "A CSV file cannot be read (a quoted field is not closed).",
  UNSAFE_WRITE:
    "The workbook cannot be written safely (a part lacks the element a write needs, macros in an .xlsx).",
  IN_THE_WAY:
    "Something in the workbook is in the way of the write (a cell, a table, merged cells, a totals row, a formula, a sheet).",
  TABLE_MISSING: "A table the command needs is not in the workbook (or not on the sheet named).",
  SHEET_MISSING: "A sheet named is not in the workbook, or the workbook has no sheets.",
  NOTHING_TO_READ: "The source has no data: no table to import, no report to audit.",
  AUDIT_SOURCE:
    "The report to audit cannot be read as given (no header row, a column not found, its set-up).",
  CONTRACT:
    "The workbook's contract cannot be read: the reader's fatal error, such as a SchemaVersion it cannot read.",
  ROWS_REFUSED: "The rows to add to PerfActuals were refused by the contract's writer.",
  INDICATOR_UNKNOWN: "An indicator or unit named is not in PerfTargets.",
  PERIOD_NEEDED: "No quarter is given and PerfSettings has no ReportingPeriod.",
  YEAR_NEEDED: "No target year is given and the indicator's rows give none.",
  UNIT_NEEDED: "The indicator has targets for several units and none is chosen.",
  UPGRADE_REFUSED: "The workbook cannot be upgraded to the current schema.",
} as const;

export type CliCode = keyof typeof CLI_CODES;
