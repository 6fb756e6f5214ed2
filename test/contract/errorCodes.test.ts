import { readRegister, checkBook, importWide } from "../../src/contract";
import { CONTRACT_CODES, ERROR_CODES, type LocatedCode } from "../../src/engine";
import { actual, book, target } from "./helpers";

const ENGINE_CODES = new Set<string>(ERROR_CODES);

function catalogued(code: LocatedCode): boolean {
  return code in CONTRACT_CODES || ENGINE_CODES.has(code);
}

function codes(errors: readonly { readonly code: LocatedCode }[]): string[] {
  return errors.map((e) => e.code);
}

describe("every error a user can meet carries a catalogued code", () => {
  test("a workbook with a bad cell in each place: one code each, all in the catalogue", () => {
    const r = readRegister(
      book({
        targets: [
          target({ MeasureType: "Cnt", Target: "tbc", Status: "Done" }),
          target({ IndicatorId: "EH-R", MeasureType: "Count", Baseline: "3/4" }),
        ],
        actuals: [
          actual({ Value: "31/274", Numerator: 5, Denominator: 10 }),
          actual({ Period: "2015-16 Q2", Value: null, Numerator: 5 }),
          actual({ Period: "2015-16 Q3", Value: null, Numerator: 3, Denominator: 0 }),
          actual({ IndicatorId: "EH-XYZ", Period: "2015-16 Q4" }),
          actual({ Period: "" }),
        ],
      }),
    );
    expect(r.errors.length).toBeGreaterThanOrEqual(8);
    for (const e of r.errors) expect(catalogued(e.code)).toBe(true);
    expect(codes(r.errors)).toEqual(
      expect.arrayContaining([
        "MEASURE_TYPE",
        "PLACEHOLDER",
        "STATUS",
        "FIGURE_FRACTION_NOT_RATE",
        "FIGURE_FRACTION_AND_COUNTS",
        "FIGURE_ONE_COUNT",
        "DIVIDE_BY_ZERO",
        "ACTUAL_NO_INDICATOR",
        "PERIOD_MISSING",
      ]),
    );
  });

  test("no PerfTargets table is TARGETS_TABLE_MISSING, which the check does not count as an error", () => {
    const r = readRegister({ tables: [] });
    expect(r.fatal?.code).toBe("TARGETS_TABLE_MISSING");
    expect(checkBook({ tables: [] }, []).errors).toEqual([]);
  });

  test("the wide import's errors and warnings carry codes", () => {
    const w = importWide(
      "Wide",
      [
        ["Indicator", "2015-16 Q1", "2015-16 Q2"],
        ["Referrals", "12,5%", "awaiting data"],
        ["Rate", "18/0", 4],
      ],
      { startMonth: 4 },
    );
    expect(codes(w.errors)).toEqual(["NOT_A_NUMBER", "DIVIDE_BY_ZERO"]);
    expect(codes(w.warnings)).toEqual(
      expect.arrayContaining(["WIDE_NO_UNIT", "WIDE_PLACEHOLDER", "WIDE_ID_FROM_LABEL"]),
    );
    for (const i of [...w.errors, ...w.warnings]) expect(catalogued(i.code)).toBe(true);
  });
});
