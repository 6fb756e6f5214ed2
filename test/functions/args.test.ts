/** The one place arguments are read: cells as Excel passes them, figures as people type them. */
import {
  isEmpty,
  isProblem,
  toBoolean,
  toNumber,
  toOptionalNumber,
  toOptionalWeight,
  toPolarity,
  toQuarterNumber,
  toStartMonth,
  toText,
  toWeights,
} from "../../src/functions/args";
import { Problem } from "../../src/functions/errors";

function problem(x: unknown): Problem {
  expect(isProblem(x)).toBe(true);
  return x as Problem;
}

describe("reading arguments", () => {
  it("treats null, undefined, '' and spaces as empty, in a cell or a whole range", () => {
    for (const x of [null, undefined, "", "   ", [[""]], [["", null]]]) expect(isEmpty(x)).toBe(true);
    for (const x of [0, false, "0", [["", 1]]]) expect(isEmpty(x)).toBe(false);
  });

  it("reads figures as people type them", () => {
    expect(toOptionalNumber(1242, "Actual")).toBe(1242);
    expect(toOptionalNumber("1,242", "Actual")).toBe(1242);
    expect(toOptionalNumber(" 12.4% ", "Actual")).toBeCloseTo(0.124, 12);
    expect(toOptionalNumber("31/274", "Actual")).toBe(31 / 274);
    expect(toOptionalNumber("-3.5", "Actual")).toBe(-3.5);
  });

  it("reads empty cells and placeholders as no figure", () => {
    for (const x of ["", null, undefined, "awaiting data", "n/a", "-", "tbc"]) {
      expect(toOptionalNumber(x, "Actual")).toBeNull();
    }
  });

  it("refuses text, decimal commas, logical values and dates where a figure is needed, quoting them", () => {
    expect(problem(toOptionalNumber("abc", "Actual"))).toMatchObject({
      code: "#VALUE!",
      message: "Actual: 'abc' is not a number",
    });
    expect(problem(toOptionalNumber("12,5%", "Actual")).message).toMatch(
      /^Actual: '12,5%' is not a percentage/,
    );
    expect(problem(toOptionalNumber(true, "Target"))).toMatchObject({
      code: "#VALUE!",
      message: "Target: TRUE is a logical value, not a number",
    });
    expect(problem(toOptionalNumber("30/06/2015", "Actual")).code).toBe("#VALUE!");
    expect(problem(toOptionalNumber("5/0", "Actual")).code).toBe("#DIV/0!");
    expect(problem(toOptionalNumber(Number.NaN, "Actual")).code).toBe("#VALUE!");
  });

  it("makes a missing required figure #N/A that says what is missing", () => {
    expect(problem(toNumber("", "Actual", "No data"))).toMatchObject({
      code: "#N/A",
      message: "No data: the actual is empty",
    });
    expect(problem(toNumber("n/a", "Target", "No target")).message).toBe("No target: the target is 'n/a'");
    expect(problem(toNumber(null, "Weight")).message).toBe("Weight is empty");
  });

  it("keeps an error cell passed in, with its message or one naming the code", () => {
    expect(problem(toOptionalNumber({ code: "#N/A", message: "Lookup failed" }, "Actual"))).toMatchObject({
      code: "#N/A",
      message: "Lookup failed",
    });
    expect(problem(toText({ code: "#DIV/0!" })).message).toBe("The cell holds the error #DIV/0!");
  });

  it("reads text arguments: trimmed, numbers as written, TRUE/FALSE, empty as null", () => {
    expect(toText("  Higher ")).toBe("Higher");
    expect(toText(12)).toBe("12");
    expect(toText(false)).toBe("FALSE");
    expect(toText("")).toBeNull();
    expect(toPolarity(" lower ")).toBe("Lower");
  });

  it("reads TRUE/FALSE from logical values, 1/0 and words; empty is the default", () => {
    expect(toBoolean(true, "asPercent", false)).toBe(true);
    expect(toBoolean("false", "asPercent", true)).toBe(false);
    expect(toBoolean("Yes", "asPercent", false)).toBe(true);
    expect(toBoolean(0, "asPercent", true)).toBe(false);
    expect(toBoolean(null, "asPercent", true)).toBe(true);
    expect(problem(toBoolean("perhaps", "asPercent", false)).message).toBe(
      "asPercent must be TRUE or FALSE; got 'perhaps'",
    );
  });

  it("reads the quarter from a number, Q-number, label or date, refusing small numbers that are not 1-4", () => {
    expect(toQuarterNumber(3)).toBe(3);
    expect(toQuarterNumber("q4")).toBe(4);
    expect(toQuarterNumber("2015/16 Q1")).toBe(1);
    expect(toQuarterNumber("2016 Q1")).toBe(1);
    expect(toQuarterNumber("31/12/2015")).toBe(3);
    expect(toQuarterNumber(42369)).toBe(3); // 31/12/2015 as an Excel date
    expect(problem(toQuarterNumber(0)).message).toMatch(/1 to 4.*got '0'/);
    expect(problem(toQuarterNumber(366)).code).toBe("#VALUE!");
    expect(problem(toQuarterNumber(null)).code).toBe("#N/A");
    expect(problem(toQuarterNumber("Q5")).message).toMatch(/'Q5' is not a quarter/);
  });

  it("reads the fiscal year start month, April by default", () => {
    expect(toStartMonth(null)).toBe(4);
    expect(toStartMonth("")).toBe(4);
    expect(toStartMonth(7)).toBe(7);
    expect(toStartMonth("9")).toBe(9);
    expect(problem(toStartMonth(0)).code).toBe("#VALUE!");
    expect(problem(toStartMonth(4.5)).message).toMatch(/1 to 12/);
  });

  it("reads a weight from 0 to 1", () => {
    expect(toOptionalWeight("")).toBeNull();
    expect(toOptionalWeight("70%")).toBeCloseTo(0.7, 12);
    expect(problem(toOptionalWeight(-0.1)).code).toBe("#VALUE!");
  });

  it("reads profile weights from a range in either orientation", () => {
    expect(toWeights("Custom", [[0.1], [0.3], [0.6], [1]])).toEqual([0.1, 0.3, 0.6, 1]);
    expect(toWeights("custom", [["10%", "30%", "60%", "100%"]])).toEqual([0.1, 0.3, 0.6, 1]);
    expect(toWeights(null, null)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(toWeights("Back", [["", ""]])).toEqual([0.1, 0.3, 0.6, 1]);
  });
});
