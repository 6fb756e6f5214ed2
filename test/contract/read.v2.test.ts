/**
 * Schema 2 in the reader: a version-1 workbook is read as it is; a version-2 workbook's optional
 * settings, columns and PerfComparators table are read, and bad text in them is an error naming
 * the table, row, column and text; a newer version is refused saying which PerfCycle reads it.
 */
import {
  ACTUAL_COLUMNS,
  COMPARATOR_COLUMNS,
  CURRENT_SCHEMA_VERSION,
  OPTIONAL_COMPARATOR_COLUMNS,
  readRegister,
  TARGET_COLUMNS,
  V2_TARGET_COLUMNS,
  type RawCell,
  type RawWorkbook,
} from "../../src/contract";
import { buildReport } from "../../src/engine";
import { actual, book, table, target, type Row } from "./helpers";

const V2: [string, RawCell][] = [
  ["SchemaVersion", 2],
  ["FiscalYearStartMonth", 4],
  ["ReportingPeriod", "2015-16 Q2"],
];

function withComparators(b: RawWorkbook, rows: readonly Row[]): RawWorkbook {
  const headers = [...COMPARATOR_COLUMNS, ...OPTIONAL_COMPARATOR_COLUMNS];
  return { tables: [...b.tables, table("PerfComparators", headers, rows, "Comparators")] };
}

describe("versions", () => {
  test("this PerfCycle writes schema 2", () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
  });

  test("a version-1 workbook is read as it is: no upgrade on reading, no v2 settings invented", () => {
    const input = book();
    const r = readRegister(input);
    expect(r.fatal).toBeNull();
    expect(r.schema).toEqual({ found: 1, current: 2, upgraded: [] });
    expect(r.register?.settings.schemaVersion).toBe(1);
    expect(r.register?.settings.confidenceLevel).toBeUndefined();
    expect(r.book).toBe(input); // the same workbook, nothing rewritten
  });

  test("a version-3 workbook is refused, saying this PerfCycle reads 2 and older", () => {
    const r = readRegister(book({ settings: [["SchemaVersion", 3]] }));
    expect(r.register).toBeNull();
    expect(r.fatal?.message).toContain("uses schema version 3");
    expect(r.fatal?.message).toContain("reads schema version 2 and older");
  });
});

describe("schema 2 settings", () => {
  test("ConfidenceLevel, SmallBase and DotSignificance are read", () => {
    const r = readRegister(
      book({
        settings: [
          ...V2,
          ["Confidence level", "99.8%"],
          ["SmallBase", 50],
          ["DotSignificance", "yes"],
          ["RagRule", "confidence"],
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.settings).toMatchObject({
      schemaVersion: 2,
      confidenceLevel: 99.8,
      smallBase: 50,
      dotSignificance: true,
      rule: "Confidence",
    });
  });

  test("bad values are errors naming the row and the text; the defaults are used", () => {
    const r = readRegister(
      book({
        settings: [...V2, ["ConfidenceLevel", "90"], ["SmallBase", "lots"], ["DotSignificance", "maybe"]],
      }),
    );
    expect(r.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ["PerfSettings", 4, "Value"],
      ["PerfSettings", 5, "Value"],
      ["PerfSettings", 6, "Value"],
    ]);
    const text = r.errors.map((e) => e.message).join("\n");
    for (const t of ["'90'", "'lots'", "'maybe'", "95 is used", "30 is used", "No is used"])
      expect(text).toContain(t);
    expect(r.register?.settings.confidenceLevel).toBeUndefined();
  });
});

describe("Quality on PerfActuals", () => {
  const headers = [...ACTUAL_COLUMNS, "Quality"];

  test("case-insensitive; blank is Validated; carried to the report row", () => {
    const r = readRegister(
      book({
        settings: V2,
        actualHeaders: headers,
        actuals: [
          actual({ Quality: " PROVISIONAL " }),
          actual({ Period: "2015-16 Q2", Value: 206, Quality: "" }),
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.actuals.map((a) => a.quality)).toEqual(["Provisional", "Validated"]);
    const report = r.register ? buildReport(r.register, { fy: 2015, q: 1 }) : null;
    expect(report?.entries[0]?.row.quality).toBe("Provisional");
  });

  test("bad text is an error naming table, row, column and text; the row is read as Validated", () => {
    const r = readRegister(
      book({ settings: V2, actualHeaders: headers, actuals: [actual({ Quality: "rough" })] }),
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ table: "PerfActuals", row: 1, column: "Quality" });
    expect(r.errors[0]?.message).toContain("PerfActuals row 1 (Actuals!I2), Quality");
    expect(r.errors[0]?.message).toContain("'rough'");
    expect(r.register?.actuals[0]?.quality).toBe("Validated");
  });

  test("without the column the records carry no quality (read as Validated by the engine)", () => {
    const r = readRegister(book());
    expect(r.register?.actuals[0]).not.toHaveProperty("quality");
  });
});

describe("schema 2 columns of PerfTargets", () => {
  const headers = [...TARGET_COLUMNS, ...V2_TARGET_COLUMNS];

  test("TargetMethod, TargetRationale, PreviousId, PlanEndYear and PlanTarget are read", () => {
    const r = readRegister(
      book({
        settings: V2,
        targetHeaders: headers,
        targets: [
          target({
            TargetMethod: "CloseGap(0.5, England)",
            TargetRationale: "Closes half the gap to England's 60.0% in one year, from 55.4%",
            PreviousId: "EH-OLD",
            PlanEndYear: "2017-18",
            PlanTarget: 900,
          }),
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.targets[0]).toMatchObject({
      targetMethod: "CloseGap(0.5, England)",
      targetRationale: "Closes half the gap to England's 60.0% in one year, from 55.4%",
      previousId: "EH-OLD",
      planEndYear: 2017,
      planTarget: 900,
    });
  });

  test("a plan ending before its target year, or not a year, is an error naming the cell", () => {
    const r = readRegister(
      book({
        settings: V2,
        targetHeaders: headers,
        targets: [target({ PlanEndYear: "2014-15" }), target({ OrgUnit: "North", PlanEndYear: "soon" })],
      }),
    );
    expect(r.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ["PerfTargets", 1, "PlanEndYear"],
      ["PerfTargets", 2, "PlanEndYear"],
    ]);
    expect(r.errors[1]?.message).toContain("'soon'");
  });
});

describe("PerfComparators", () => {
  const rows: Row[] = [
    {
      IndicatorId: "EH-EHA",
      Period: "2015-16 Q1",
      Comparator: "England",
      Kind: "national",
      Value: 170,
      Source: "DfE",
    },
    {
      IndicatorId: "EH-EHA",
      Period: "2015-16",
      Comparator: "Region",
      Kind: "Region",
      Numerator: 60,
      Denominator: 100,
    },
    { IndicatorId: "EH-EHA", Period: "2015-16 Q1", Comparator: "Northfield", Kind: "Peer", Value: "31/274" },
  ];

  test("rows are read: quarters or whole years, kinds case-insensitively, counts or n/d", () => {
    const r = readRegister(withComparators(book({ settings: V2 }), rows));
    expect(r.errors).toEqual([]);
    expect(r.register?.comparators).toEqual([
      expect.objectContaining({
        comparator: "England",
        kind: "National",
        value: 170,
        period: { fy: 2015, q: 1 },
        source: "DfE",
      }),
      expect.objectContaining({
        comparator: "Region",
        kind: "Region",
        value: 0.6,
        numerator: 60,
        denominator: 100,
        period: { fy: 2015, q: null },
      }),
      expect.objectContaining({
        comparator: "Northfield",
        kind: "Peer",
        value: 31 / 274,
        numerator: 31,
        denominator: 274,
      }),
    ]);
    expect(r.columns.PerfComparators?.missing).toEqual([]);
  });

  test("bad rows are errors naming row, column and text, and are left out", () => {
    const r = readRegister(
      withComparators(book({ settings: V2 }), [
        { IndicatorId: "EH-EHA", Period: "Q9", Comparator: "England", Kind: "National", Value: 1 },
        { IndicatorId: "EH-EHA", Period: "2015-16 Q1", Comparator: "England", Kind: "Nation", Value: 1 },
        {
          IndicatorId: "EH-EHA",
          Period: "2015-16 Q1",
          Comparator: "England",
          Kind: "National",
          Value: "tbc",
        },
        { IndicatorId: "EH-EHA", Period: "2015-16 Q1", Comparator: "England", Kind: "National", Value: 1 },
        { IndicatorId: "EH-EHA", Period: "2015-16 Q1", Comparator: "england", Kind: "National", Value: 2 },
      ]),
    );
    expect(r.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ["PerfComparators", 1, "Period"],
      ["PerfComparators", 2, "Kind"],
      ["PerfComparators", 3, "Value"],
      ["PerfComparators", 5, "Comparator"],
    ]);
    expect(r.errors[0]?.message).toContain("'Q9'");
    expect(r.errors[1]?.message).toContain("'Nation'");
    expect(r.errors[2]?.message).toContain("'tbc'");
    expect(r.register?.comparators).toHaveLength(1);
  });

  test("a table without a needed column is an error naming it, and no comparators are read", () => {
    const b = book({ settings: V2 });
    const bad = { tables: [...b.tables, table("PerfComparators", ["IndicatorId", "Period", "Value"], [])] };
    const r = readRegister(bad);
    expect(r.errors.map((e) => e.column)).toEqual(["Comparator", "Kind"]);
    expect(r.register?.comparators).toBeUndefined();
  });
});
