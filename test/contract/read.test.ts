import { readRegister, TARGET_COLUMNS, ACTUAL_COLUMNS, type ContractError } from "../../src/contract";
import { buildHierarchy, smartFindings } from "../../src/engine";
import { actual, book, target } from "./helpers";

function only(errors: readonly ContractError[]): ContractError {
  expect(errors).toHaveLength(1);
  return errors[0] as ContractError;
}

/** The error names the table, the 1-based data row and the column, and quotes the text. */
function expectNamed(
  e: ContractError,
  table: string,
  row: number | null,
  column: string,
  text: string,
): void {
  expect(e).toMatchObject({ table, row, column });
  expect(e.message).toContain(`'${text}'`);
  expect(e.message).toContain(table);
  expect(e.message).toContain(column);
}

describe("readRegister: every problem names table, row, column and the text found", () => {
  test("an unknown measure type", () => {
    const r = readRegister(book({ targets: [target({ MeasureType: "Cnt" })] }));
    expectNamed(only(r.errors), "PerfTargets", 1, "MeasureType", "Cnt");
    expect(r.register?.targets[0]?.measureType).toBeNull();
    // the rest of the row is still read
    expect(r.register?.targets[0]?.target).toBe(780);
  });

  test("a decimal comma in a percentage (12,5%) is refused, not read as 125%", () => {
    const r = readRegister(
      book({
        targets: [target({ MeasureType: "Rate", Unit: "%", Baseline: 0.1, Target: "12,5%" })],
        actuals: [],
      }),
    );
    expectNamed(only(r.errors), "PerfTargets", 1, "Target", "12,5%");
    expect(r.register?.targets[0]?.target).toBeNull();
  });

  test("12,5% in an actual's Value", () => {
    const r = readRegister(book({ actuals: [actual({ Value: "12,5%" })] }));
    expectNamed(only(r.errors), "PerfActuals", 1, "Value", "12,5%");
  });

  test("a period label that does not parse", () => {
    const r = readRegister(book({ actuals: [actual(), actual({ Period: "Qtr 2 2015" })] }));
    expectNamed(only(r.errors), "PerfActuals", 2, "Period", "Qtr 2 2015");
    expect(r.register?.actuals).toHaveLength(1);
  });

  test("a duplicate indicator id for the same unit and year", () => {
    const r = readRegister(book({ targets: [target(), target({ Indicator: "Copy" })] }));
    const e = only(r.errors);
    expectNamed(e, "PerfTargets", 2, "IndicatorId", "EH-EHA");
    expect(e.message).toContain("row 1");
  });

  test("the same indicator for two units or two years is not a duplicate", () => {
    const r = readRegister(book({ targets: [target(), target({ TargetYear: "2016-17" })], actuals: [] }));
    expect(r.errors).toEqual([]);
  });

  test("a duplicate actual row, matched across label spellings", () => {
    const r = readRegister(book({ actuals: [actual(), actual({ Period: "2015/16 Q1", Value: 190 })] }));
    const e = only(r.errors);
    expectNamed(e, "PerfActuals", 2, "Period", "2015/16 Q1");
    expect(e.message).toContain("row 1");
  });

  test("a rate with a denominator of 0 is an error, not a Red", () => {
    const r = readRegister(
      book({
        targets: [
          target({
            IndicatorId: "CS-ESC",
            MeasureType: "Rate",
            Polarity: "Lower",
            Baseline: 0.113,
            Target: 0.09,
          }),
        ],
        actuals: [actual({ IndicatorId: "CS-ESC", Value: null, Numerator: 3, Denominator: 0 })],
      }),
    );
    expectNamed(only(r.errors), "PerfActuals", 1, "Denominator", "3/0");
    const a = r.register?.actuals[0];
    expect(a?.numerator).toBeNull();
    expect(a?.denominator).toBeNull();
  });

  test('a target typed as text "tbc"', () => {
    const r = readRegister(book({ targets: [target({ Target: "tbc" })] }));
    expectNamed(only(r.errors), "PerfTargets", 1, "Target", "tbc");
    expect(r.register?.targets[0]?.target).toBeNull();
  });

  test("a Status that is not Draft, Agreed or Approved", () => {
    const r = readRegister(book({ targets: [target({ Status: "Signed off" })] }));
    expectNamed(only(r.errors), "PerfTargets", 1, "Status", "Signed off");
    expect(r.register?.targets[0]?.status).toBe("Draft");
  });

  test("Status is matched case- and space-insensitively; blank is Draft", () => {
    const r = readRegister(
      book({
        targets: [target({ Status: " agreed " }), target({ OrgUnit: "North", Status: null })],
        actuals: [],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.targets.map((t) => t.status)).toEqual(["Agreed", "Draft"]);
  });

  test("an actual for an indicator with no target", () => {
    const r = readRegister(book({ actuals: [actual({ IndicatorId: "EH-XYZ" })] }));
    expectNamed(only(r.errors), "PerfActuals", 1, "IndicatorId", "EH-XYZ");
  });

  test("an actual for a unit with no target, unless a unit above it has one", () => {
    const lone = readRegister(book({ actuals: [actual({ OrgUnit: "North Cluster" })] }));
    expectNamed(only(lone.errors), "PerfActuals", 1, "OrgUnit", "North Cluster");
    const child = readRegister(
      book({
        actuals: [actual({ OrgUnit: "North Cluster" })],
        units: [{ OrgUnit: "North Cluster", Parent: "City" }],
      }),
    );
    expect(child.errors).toEqual([]);
  });

  test("errors give the cell's address when the table's sheet is known", () => {
    const r = readRegister(book({ targets: [target({ MeasureType: "Cnt" })] }));
    const col = TARGET_COLUMNS.indexOf("MeasureType");
    expect(only(r.errors).message).toContain(`Targets!${String.fromCharCode(65 + col)}2`);
  });

  test("an unknown polarity, profile, tolerance type and a bad weight each give their own error", () => {
    const r = readRegister(
      book({
        targets: [target({ Polarity: "Up", Profile: "Wavy", ToleranceType: "Percent", W2: "half" })],
        actuals: [],
      }),
    );
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "Polarity"],
      [1, "Profile"],
      [1, "W2"],
      [1, "ToleranceType"],
    ]);
    expect(r.errors.map((e) => e.message).join("\n")).toEqual(expect.stringContaining("'Wavy'"));
  });
});

describe("readRegister: values", () => {
  test("percentages typed as text become fractions", () => {
    const r = readRegister(
      book({
        targets: [target({ MeasureType: "Rate", Baseline: "54.4%", Target: "67.4%", Tolerance: "2%" })],
        actuals: [],
      }),
    );
    expect(r.errors).toEqual([]);
    const t = r.register?.targets[0];
    expect(t?.baseline).toBeCloseTo(0.544, 12);
    expect(t?.target).toBeCloseTo(0.674, 12);
    expect(t?.tolerance).toBeCloseTo(0.02, 12);
  });

  test("a rate target typed as 67.4 is not divided: SMART A-RANGE reports it", () => {
    const r = readRegister(
      book({ targets: [target({ MeasureType: "Rate", Baseline: 0.544, Target: 67.4 })], actuals: [] }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.targets[0]?.target).toBe(67.4);
    const reg = r.register;
    if (!reg) throw new Error("no register");
    const h = buildHierarchy([]);
    if (!h.ok) throw new Error("hierarchy");
    expect(smartFindings(reg, h.value).map((f) => f.code)).toContain("A-RANGE");
  });

  test("a Rate's baseline may be written as n/d", () => {
    const r = readRegister(
      book({ targets: [target({ MeasureType: "Rate", Baseline: "31/274", Target: 0.09 })], actuals: [] }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.targets[0]?.baseline).toBe(31 / 274);
  });

  test("BaselinePeriod is a fiscal year or a quarter", () => {
    const r = readRegister(
      book({
        targets: [
          target({ BaselinePeriod: "2014-15" }),
          target({ OrgUnit: "A", BaselinePeriod: "2014-15 Q4" }),
          target({ OrgUnit: "B", BaselinePeriod: "Q3 2014/15" }),
          target({ OrgUnit: "C", BaselinePeriod: "2014/2015" }),
        ],
        actuals: [],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.targets.map((t) => t.baselinePeriod)).toEqual([
      { fy: 2014, q: null },
      { fy: 2014, q: 4 },
      { fy: 2014, q: 3 },
      { fy: 2014, q: null },
    ]);
  });

  test("a BaselinePeriod that is neither is an error quoting it", () => {
    const r = readRegister(book({ targets: [target({ BaselinePeriod: "last year" })], actuals: [] }));
    expectNamed(only(r.errors), "PerfTargets", 1, "BaselinePeriod", "last year");
    expect(r.register?.targets[0]?.baselinePeriod).toBeNull();
  });

  test("TargetYear 2015-16; a bare 2015 only with a January start", () => {
    const april = readRegister(book({ targets: [target({ TargetYear: 2015 })], actuals: [] }));
    expectNamed(only(april.errors), "PerfTargets", 1, "TargetYear", "2015");
    expect(april.register?.targets[0]?.targetYear).toBeNull();

    const january = readRegister(
      book({
        settings: [
          ["FiscalYearStartMonth", 1],
          ["ReportingPeriod", "2015 Q2"],
        ],
        targets: [
          target({ TargetYear: 2015, BaselinePeriod: 2014 }),
          target({ OrgUnit: "North", TargetYear: "2015-16", BaselinePeriod: 2014 }),
        ],
        actuals: [],
      }),
    );
    expect(january.register?.targets[0]?.targetYear).toBe(2015);
    expect(january.register?.targets[0]?.baselinePeriod).toEqual({ fy: 2014, q: null });
    expectNamed(only(january.errors), "PerfTargets", 2, "TargetYear", "2015-16");
  });

  test("an actual Value written 31/274 gives its numerator and denominator", () => {
    const r = readRegister(
      book({
        targets: [
          target({
            IndicatorId: "CS-ESC",
            MeasureType: "Rate",
            Polarity: "Lower",
            Baseline: 0.113,
            Target: 0.09,
          }),
        ],
        actuals: [actual({ IndicatorId: "CS-ESC", Value: "31/274" })],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.actuals[0]).toMatchObject({ value: null, numerator: 31, denominator: 274 });
  });

  test("a placeholder in an actual's Value is a gap, not an error; commentary is kept", () => {
    const r = readRegister(
      book({ actuals: [actual({ Value: "awaiting data", Commentary: "Late return" })] }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.actuals[0]).toMatchObject({ value: null, commentary: "Late return" });
  });

  test("only one of numerator and denominator is an error naming the missing one", () => {
    const r = readRegister(book({ actuals: [actual({ Value: null, Numerator: 31 })] }));
    expect(only(r.errors)).toMatchObject({ table: "PerfActuals", row: 1, column: "Denominator" });
  });

  test("blank rows are skipped and row numbers stay those of the table", () => {
    const r = readRegister(book({ actuals: [actual(), {}, actual({ Period: "nonsense" })] }));
    expect(only(r.errors)).toMatchObject({ row: 3, column: "Period" });
  });
});

describe("readRegister: headers", () => {
  test("headers match tolerant of case, spacing, underscores and order", () => {
    const plain = readRegister(book());
    const oddHeaders: Record<string, string> = {
      IndicatorId: "indicator id",
      OrgUnit: "ORG_UNIT",
      MeasureType: " Measure Type ",
      BaselinePeriod: "baseline_period",
      TargetYear: "Target-Year",
    };
    const shuffled = [...TARGET_COLUMNS].reverse();
    const t = target();
    const row: Record<string, unknown> = {};
    for (const c of shuffled) row[oddHeaders[c] ?? c.toUpperCase()] = t[c];
    const odd = readRegister(
      book({
        targetHeaders: shuffled.map((c) => oddHeaders[c] ?? c.toUpperCase()),
        targets: [row as Record<string, string | number | null>],
        actualHeaders: [...ACTUAL_COLUMNS].map((c) => c.toLowerCase()),
        actuals: [Object.fromEntries(Object.entries(actual()).map(([k, v]) => [k.toLowerCase(), v]))],
      }),
    );
    expect(odd.errors).toEqual([]);
    expect(odd.register).toEqual(plain.register);
  });

  test("unknown columns are kept and exposed with their positions", () => {
    const headers = ["RAG lead", ...TARGET_COLUMNS, "Notes"];
    const r = readRegister(
      book({ targetHeaders: headers, targets: [target({ "RAG lead": "JB", Notes: "see minutes" })] }),
    );
    expect(r.errors).toEqual([]);
    expect(r.columns.PerfTargets?.unknown).toEqual([
      { header: "RAG lead", index: 0 },
      { header: "Notes", index: headers.length - 1 },
    ]);
    expect(r.columns.PerfTargets?.positions.get("IndicatorId")).toBe(1);
    // the raw rows (the user's cells) are untouched in the book the reader returns
    expect(r.book.tables.find((t) => t.name === "PerfTargets")?.rows[0]?.[0]).toBe("JB");
  });

  test("a missing column is an error naming it; the table is still read", () => {
    const headers = TARGET_COLUMNS.filter((c) => c !== "Owner");
    const r = readRegister(book({ targetHeaders: headers }));
    expect(only(r.errors)).toMatchObject({ table: "PerfTargets", row: null, column: "Owner" });
    expect(r.register?.targets[0]?.owner).toBe("");
  });

  test("no PerfTargets table is fatal", () => {
    const r = readRegister({ tables: [] });
    expect(r.register).toBeNull();
    expect(r.fatal).toMatchObject({ table: "PerfTargets" });
  });

  test("tables are found by name case-insensitively", () => {
    const b = book();
    const r = readRegister({ tables: b.tables.map((t) => ({ ...t, name: t.name.toLowerCase() })) });
    expect(r.errors).toEqual([]);
    expect(r.register?.targets).toHaveLength(1);
  });
});
