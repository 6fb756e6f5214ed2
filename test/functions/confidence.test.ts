/** PERF.CI, PERF.SIGNIFICANCE and PERF.COMPARE called as Excel calls them. */
import { ci, compare, significance } from "../../src/functions/functions";
import { cell, column, expectError, OMITTED, only } from "./excel";

const close = (x: unknown, y: number, places = 4): void => {
  expect(typeof x).toBe("number");
  expect(x as number).toBeCloseTo(y, places);
};

describe("PERF.CI", () => {
  it("spills a rate's Wilson interval as two cells, lower then upper (23 of 56 children)", () => {
    const out = ci(cell(23), cell(56));
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    close(out[0]?.[0], 0.291668);
    close(out[0]?.[1], 0.541224);
  });

  it("gives Byar's interval of a count when the denominator is left out (65 incidents)", () => {
    const out = ci(cell(65), OMITTED);
    close(out[0]?.[0], 50.1632, 3);
    close(out[0]?.[1], 82.8491, 3);
    const empty = ci(cell(65), cell(""));
    expect(empty).toEqual(out);
  });

  it("widens at 99.8% and reads the level as 99.8, 99.8% or 0.998", () => {
    const at95 = ci(cell(23), cell(56))[0] ?? [];
    for (const level of [99.8, "99.8%", 0.998]) {
      const at998 = ci(cell(23), cell(56), cell(level))[0] ?? [];
      expect(at998[0] as number).toBeLessThan(at95[0] as number);
      expect(at998[1] as number).toBeGreaterThan(at95[1] as number);
    }
  });

  it("spills a column of rates as a column of pairs, an error filling only its own pair", () => {
    const out = ci(column(23, 5, 40), column(56, 0, 56));
    expect(out).toHaveLength(3);
    expect(out.every((r) => r.length === 2)).toBe(true);
    expectError(out[1]?.[0], "#DIV/0!", /denominator is 0/);
    expectError(out[1]?.[1], "#DIV/0!");
    close(out[2]?.[0], 0.5849, 3);
  });

  it("refuses a numerator above its denominator, a negative count and an unknown level", () => {
    expectError(only(ci(cell(60), cell(56))), "#VALUE!", /no larger than its denominator/);
    expectError(only(ci(cell(-3), OMITTED)), "#VALUE!", /count of 0 or more/);
    expectError(only(ci(cell(23), cell(56), cell(90))), "#VALUE!", /95 or 99.8/);
    expectError(only(ci(cell(""), cell(56))), "#N/A", "No data: the numerator is empty");
  });
});

describe("PERF.SIGNIFICANCE", () => {
  it("says a miss is not significant when the interval contains the milestone", () => {
    expect(only(significance(cell(23), cell(56), cell(0.45), cell("Higher")))).toBe("Not significant");
    expect(only(significance(cell(23), cell(56), cell("45%"), cell("Higher")))).toBe("Not significant");
  });

  it("says significantly worse or better when the whole interval is on one side", () => {
    expect(only(significance(cell(10), cell(56), cell(0.45), cell("Higher")))).toBe("Significantly worse");
    expect(only(significance(cell(40), cell(56), cell(0.45), cell("Higher")))).toBe("Significantly better");
    // Lower is better: a high rate is worse.
    expect(only(significance(cell(40), cell(56), cell(0.45), cell("Lower")))).toBe("Significantly worse");
  });

  it("tests a count by Byar's interval when the denominator is empty", () => {
    expect(only(significance(cell(30), cell(""), cell(50), cell("Lower")))).toBe("Significantly better");
    expect(only(significance(cell(45), cell(""), cell(50), cell("Lower")))).toBe("Not significant");
  });

  it("names the side for a Neutral measure, and is #N/A without a milestone", () => {
    expect(only(significance(cell(40), cell(56), cell(0.45), cell("Neutral")))).toBe("Significantly higher");
    expectError(
      only(significance(cell(23), cell(56), cell(""), cell("Higher"))),
      "#N/A",
      "No target: the milestone is empty",
    );
    expectError(only(significance(cell(23), cell(56), cell(0.45), cell("up"))), "#VALUE!");
  });
});

describe("PERF.COMPARE", () => {
  it("rates GLD 55.4% Worse than England's 60% without intervals, Similar with one", () => {
    expect(only(compare(cell(0.554), cell(0.6), cell("Higher")))).toBe("Worse");
    expect(only(compare(cell("55.4%"), cell("60%"), cell("Higher"), cell(0.5), cell(0.61)))).toBe("Similar");
  });

  it("is Similar when both intervals overlap, Better when they do not and polarity favours it", () => {
    expect(
      only(compare(cell(0.62), cell(0.6), cell("Higher"), cell(0.58), cell(0.66), cell(0.59), cell(0.61))),
    ).toBe("Similar");
    expect(
      only(compare(cell(0.7), cell(0.6), cell("Higher"), cell(0.66), cell(0.74), cell(0.59), cell(0.61))),
    ).toBe("Better");
    expect(only(compare(cell(12), cell(15), cell("Lower")))).toBe("Better");
    expect(only(compare(cell(15), cell(15), cell("Lower")))).toBe("Similar");
  });

  it("spills a column of actuals against one comparator", () => {
    expect(compare(column(0.5, 0.6, 0.7), cell(0.6), cell("Higher"))).toEqual([
      ["Worse"],
      ["Similar"],
      ["Better"],
    ]);
  });

  it("refuses half an interval or one upside down, and does not rate a Neutral measure", () => {
    expectError(
      only(compare(cell(0.554), cell(0.6), cell("Higher"), cell(0.5))),
      "#VALUE!",
      "The actual interval needs both its lower and upper ends",
    );
    expectError(
      only(compare(cell(0.554), cell(0.6), cell("Higher"), OMITTED, OMITTED, cell(0.7), cell(0.5))),
      "#VALUE!",
      /lower end 0.7 is above its upper end 0.5/,
    );
    expectError(only(compare(cell(0.554), cell(0.6), cell("Neutral"))), "#N/A", /Neutral/);
    expectError(only(compare(cell(""), cell(0.6), cell("Higher"))), "#N/A", "No data: the actual is empty");
  });
});
