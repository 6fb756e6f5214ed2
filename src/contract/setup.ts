/**
 * What a host writes when it sets a workbook up: the contract's tables with their headers, and
 * the PerfSettings rows. A table that already exists is adopted as it is (its rows and the
 * user's own columns kept); only the settings PerfCycle owns are written.
 *
 * A new workbook is SchemaVersion 2 with the tables' required columns; schema 2's optional
 * columns and settings are added on first write by `upgradePlan` (upgradePlan.ts), as for a
 * workbook upgraded from version 1, so every host lays a workbook out one way.
 */
import { formatQuarter, parsePeriod } from "../engine";
import type { SetupOptions } from "./host";
import type { RawCell } from "./raw";
import {
  ACTUAL_COLUMNS,
  AUDIT_COLUMNS,
  CURRENT_SCHEMA_VERSION,
  SETTINGS_COLUMNS,
  TABLE,
  TARGET_COLUMNS,
  UNIT_COLUMNS,
} from "./schema";

/** The contract's tables, in the order a new workbook gets them, with a suggested sheet name. */
export const CONTRACT_TABLES: readonly {
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly string[];
}[] = [
  { name: TABLE.settings, sheet: "Settings", headers: SETTINGS_COLUMNS },
  { name: TABLE.targets, sheet: "Targets", headers: TARGET_COLUMNS },
  { name: TABLE.actuals, sheet: "Actuals", headers: ACTUAL_COLUMNS },
  { name: TABLE.units, sheet: "Units", headers: UNIT_COLUMNS },
  { name: TABLE.audit, sheet: "Audit", headers: AUDIT_COLUMNS },
];

/** PerfSettings rows for a new workbook (the reporting period written as its canonical label). */
export function settingsRows(options: SetupOptions): RawCell[][] {
  const p = parsePeriod(options.reportingPeriod, { startMonth: options.startMonth });
  return [
    ["SchemaVersion", CURRENT_SCHEMA_VERSION],
    ["FiscalYearStartMonth", options.startMonth],
    ["ReportingPeriod", p.ok ? formatQuarter(p.value, options.startMonth) : options.reportingPeriod],
    ["DefaultTolerance", options.defaultTolerance],
    ["RagScheme", options.scheme],
    ["RagRule", options.rule],
  ];
}
