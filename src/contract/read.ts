/**
 * The one reader of the workbook contract: raw table values (any host) → the engine's typed
 * Register. Every problem is a ContractError naming the table, the 1-based data row, the column
 * and the text found; a row with a bad cell is still read, with that field null where sensible.
 *
 * The reader lives one concept a module under `reader/`: table lookup and the column index
 * (tables), settings, the schema upgrade (upgrade), targets, units, actuals and readRegister
 * (register). This module is their public face.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - Tables are found by name case-insensitively; headers match tolerant of case, spaces,
 *   underscores and order. Columns that are not the contract's are kept (exposed in `columns`).
 * - A blank row (every cell blank) is skipped silently: Excel tables often end with one.
 * - PerfSettings missing: the defaults (April start, 5% Relative, RAG, Milestone); SchemaVersion
 *   missing or blank: 1.
 * - A blank Status is Draft. A blank Profile is Linear (engine). A blank ToleranceType is Relative.
 * - BaselinePeriod: a fiscal year (`2014-15`) or a quarter label/date; a number from 1900 to 2199
 *   is a year (a January-start fiscal year), any other number an Excel date.
 * - A Target or Baseline written `n/d` on a Rate is read as the fraction n/d.
 * - A placeholder in Target, Baseline or a weight (`tbc`) is an error; in an actual's Value it is
 *   a gap (no figure yet), not an error.
 * - An actual `Value` written `31/274` gives the numerator and denominator when those are blank.
 * - Duplicate targets are the same indicator id, unit and target year; both rows are kept (the
 *   engine's S-ID finding says so too). Duplicate actuals: the first row is used.
 * - An actual needs a target for its indicator at its unit or at a unit above it in PerfUnits.
 */
export { cellText, columnIndex, findTable, isBlankCell } from "./reader/tables";
export type { ColumnIndex, UnknownColumn } from "./reader/tables";
export { readSettings, schemaVersionOf } from "./reader/settings";
export type { ExtraSetting, SettingsRead } from "./reader/settings";
export { upgradeBook, withSchemaVersion } from "./reader/upgrade";
export type { UpgradeResult } from "./reader/upgrade";
export { readRegister } from "./reader/register";
export type { ReadOptions, ReadResult } from "./reader/register";
