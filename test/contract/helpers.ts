/** Small raw workbooks for the contract's tests: tables from column → value records. */
import type { RawCell, RawTable, RawWorkbook } from "../../src/contract";
import { ACTUAL_COLUMNS, TARGET_COLUMNS, UNIT_COLUMNS } from "../../src/contract";

export type Row = Record<string, RawCell>;

export function table(
  name: string,
  headers: readonly string[],
  rows: readonly Row[],
  sheet?: string,
): RawTable {
  const t: RawTable = {
    name,
    headers: [...headers],
    rows: rows.map((r) => headers.map((h) => r[h] ?? null)),
  };
  return sheet === undefined ? t : { ...t, sheet, topLeft: "A1" };
}

/** A valid count target for EH-EHA at City, 2015-16, with fields overridden. */
export function target(over: Row = {}): Row {
  return {
    IndicatorId: "EH-EHA",
    Indicator: "Early Help Assessments completed",
    OrgUnit: "City",
    Outcome: "Families get help early",
    MeasureType: "Count",
    Polarity: "Higher",
    Unit: "assessments",
    Owner: "Head of Early Help",
    DataSource: "EHM",
    BaselinePeriod: "2014-15",
    Baseline: 556,
    TargetYear: "2015-16",
    Target: 780,
    Profile: "Linear",
    Status: "Approved",
    ...over,
  };
}

export function actual(over: Row = {}): Row {
  return { IndicatorId: "EH-EHA", OrgUnit: "City", Period: "2015-16 Q1", Value: 187, ...over };
}

export interface BookParts {
  readonly settings?: readonly [string, RawCell][];
  readonly targets?: readonly Row[];
  readonly actuals?: readonly Row[];
  readonly units?: readonly Row[];
  readonly targetHeaders?: readonly string[];
  readonly actualHeaders?: readonly string[];
}

export function book(parts: BookParts = {}): RawWorkbook {
  const settings = parts.settings ?? [
    ["SchemaVersion", 1],
    ["FiscalYearStartMonth", 4],
    ["ReportingPeriod", "2015-16 Q2"],
  ];
  const tables: RawTable[] = [
    {
      name: "PerfSettings",
      headers: ["Setting", "Value"],
      rows: settings.map(([k, v]) => [k, v]),
      sheet: "Settings",
      topLeft: "A1",
    },
    table("PerfTargets", parts.targetHeaders ?? TARGET_COLUMNS, parts.targets ?? [target()], "Targets"),
    table("PerfActuals", parts.actualHeaders ?? ACTUAL_COLUMNS, parts.actuals ?? [actual()], "Actuals"),
  ];
  if (parts.units) tables.push(table("PerfUnits", UNIT_COLUMNS, parts.units, "Units"));
  return { tables };
}
