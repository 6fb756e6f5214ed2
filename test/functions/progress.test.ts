/** PERF.RATE, VARIANCE, PROGRESS, DOT, FORECAST and ONTRACK called as Excel calls them. */
import { dot, forecast, onTrack, progress, rate, variance } from "../../src/functions/functions";
import { cell, column, expectError, OMITTED, only, row } from "./excel";

describe("PERF.RATE", () => {
  it("divides the numerator by the denominator (Derby escalations 31 of 274)", () => {
    expect(only(rate(cell(31), cell(274)))).toBe(31 / 274);
    expect(only(rate(cell("1,242"), cell("4,216")))).toBe(1242 / 4216);
  });

  it("spills over columns of counts (case-file audits 52 of 86, respect 127 of 160)", () => {
    expect(rate(column(52, 127), column(86, 160))).toEqual([[52 / 86], [127 / 160]]);
  });

  it("gives #DIV/0! for a denominator of 0, in that cell only", () => {
    const out = rate(column(31, 5), column(0, 10));
    expectError(out[0]?.[0], "#DIV/0!", /denominator is 0/);
    expect(out[1]).toEqual([0.5]);
  });

  it("gives #N/A No data for a missing count and #VALUE! for words or negative counts", () => {
    expectError(only(rate(cell(""), cell(274))), "#N/A", "No data: the numerator is empty");
    expectError(only(rate(cell(31), cell(null))), "#N/A", "No data: the denominator is empty");
    expectError(
      only(rate(cell(31), cell("awaiting data"))),
      "#N/A",
      "No data: the denominator is 'awaiting data'",
    );
    expectError(only(rate(cell("thirty"), cell(274))), "#VALUE!", "Numerator: 'thirty' is not a number");
    expectError(only(rate(cell(-1), cell(274))), "#VALUE!", /cannot be negative/);
    expectError(only(rate(cell(false), cell(274))), "#VALUE!", /FALSE is a logical value/);
  });

  it("pairs ranges of different sizes as Excel does: #N/A where one has no cell", () => {
    const out = rate(column(31, 18, 5), column(274, 206));
    expect(out[0]).toEqual([31 / 274]);
    expect(out[1]).toEqual([18 / 206]);
    expectError(out[2]?.[0], "#N/A", /different sizes/);
  });
});

describe("PERF.VARIANCE", () => {
  it("gives A - M, or (A - M) / |M| as a fraction when asked", () => {
    expect(only(variance(cell(296), cell(290), OMITTED))).toBe(296 - 290);
    expect(only(variance(cell(296), cell(290), cell(true)))).toBe((296 - 290) / 290);
    expect(only(variance(cell(-3), cell(-4), cell("TRUE")))).toBe((-3 - -4) / 4);
    expect(only(variance(cell(296), cell(290), cell(0)))).toBe(6);
  });

  it("gives #N/A No data without an actual and #DIV/0! for a percentage of a 0 milestone", () => {
    expectError(only(variance(cell(""), cell(290), OMITTED)), "#N/A", "No data: the actual is empty");
    expectError(only(variance(cell(1), cell(""), OMITTED)), "#N/A", "No target: the milestone is empty");
    expectError(only(variance(cell(5), cell(0), cell(true))), "#DIV/0!", /milestone is 0/);
    expect(only(variance(cell(5), cell(0), cell(false)))).toBe(5);
  });

  it("refuses an asPercent that is not TRUE or FALSE", () => {
    expectError(
      only(variance(cell(5), cell(4), cell("maybe"))),
      "#VALUE!",
      "asPercent must be TRUE or FALSE; got 'maybe'",
    );
  });
});

describe("PERF.PROGRESS", () => {
  it("gives (A - Baseline) / (Target - Baseline) for a Level or Rate", () => {
    expect(only(progress(cell("Level"), cell(324), cell(327), cell(290)))).toBe((324 - 327) / (290 - 327));
    expect(only(progress(cell("Rate"), cell("60%"), cell("55.4%"), cell("63.9%")))).toBeCloseTo(
      (0.6 - 0.554) / (0.639 - 0.554),
      12,
    );
  });

  it("gives YTD / Target for a Count, without a baseline", () => {
    expect(only(progress(cell("Count"), cell(229), cell(""), cell(600)))).toBe(229 / 600);
  });

  it("gives #DIV/0! when the target equals the baseline, #N/A without a baseline or actual", () => {
    expectError(
      only(progress(cell("Level"), cell(5), cell(10), cell(10))),
      "#DIV/0!",
      /target equals the baseline/,
    );
    expectError(only(progress(cell("Count"), cell(5), cell(""), cell(0))), "#DIV/0!", /target is 0/);
    expectError(only(progress(cell("Level"), cell(5), cell(""), cell(10))), "#N/A", /No baseline/);
    expectError(
      only(progress(cell("Level"), cell(""), cell(1), cell(10))),
      "#N/A",
      "No data: the actual is empty",
    );
  });
});

describe("PERF.DOT", () => {
  it("reads Improving / Worsening / No change under the polarity (EHA quarters 135, 94, 159, 168)", () => {
    expect(dot(row(94, 159, 168, 168), row(135, 94, 159, 168), cell("Higher"))).toEqual([
      ["Worsening", "Improving", "Improving", "No change"],
    ]);
    expect(dot(column(324, 327), column(327, 188), cell("Lower"))).toEqual([["Improving"], ["Worsening"]]);
  });

  it("reads Up / Down / Same for a Neutral measure (open cases 615 ... 740)", () => {
    expect(dot(row(740, 615, 615), row(615, 740, 615), cell("Neutral"))).toEqual([["Up", "Down", "Same"]]);
  });

  it("treats figures equal within the float allowance as No change", () => {
    expect(only(dot(cell(0.1 + 0.2), cell(0.3), cell("Higher")))).toBe("No change");
  });

  it("gives #N/A without a figure to compare and #VALUE! for a bad polarity", () => {
    expectError(
      only(dot(cell(5), cell(""), cell("Higher"))),
      "#N/A",
      "No data: the previous figure is empty",
    );
    expectError(only(dot(cell(""), cell(5), cell("Higher"))), "#N/A", "No data: the current figure is empty");
    expectError(
      only(dot(cell(5), cell(4), cell("Up"))),
      "#VALUE!",
      "Polarity must be Higher, Lower or Neutral; got 'Up'",
    );
  });
});

describe("PERF.FORECAST", () => {
  it("projects a Count as YTD / W, linear (q/4) without a weight", () => {
    expect(only(forecast(cell("Count"), cell(229), cell(""), cell(2), OMITTED))).toBe(229 / (2 / 4));
    expect(only(forecast(cell("Count"), cell(229), cell(""), cell("2015-16 Q2"), cell(0.7)))).toBe(229 / 0.7);
    expect(only(forecast(cell("Count"), cell(100), cell(""), cell(1), cell("40%")))).toBe(100 / 0.4);
  });

  it("projects a Level or Rate as A + (A - Baseline) / q x (4 - q)", () => {
    expect(only(forecast(cell("Level"), cell(324), cell(327), cell(2), OMITTED))).toBe(
      324 + ((324 - 327) / 2) * 2,
    );
    expect(only(forecast(cell("Rate"), cell(0.6), cell(0.554), cell(4), OMITTED))).toBe(0.6);
  });

  it("spills over a row of quarters", () => {
    expect(forecast(cell("Count"), row(100, 200, 300), cell(""), row(1, 2, 3), OMITTED)).toEqual([
      [400, 400, 400],
    ]);
  });

  it("gives #N/A for a Level without baseline and refuses a weight outside 0-1", () => {
    expectError(only(forecast(cell("Level"), cell(5), cell(""), cell(2), OMITTED)), "#N/A", /No baseline/);
    expectError(
      only(forecast(cell("Count"), cell(5), cell(""), cell(2), cell(1.5))),
      "#VALUE!",
      /0 to 1.*1\.5/,
    );
    expectError(only(forecast(cell("Count"), cell(""), cell(""), cell(2), OMITTED)), "#N/A", /^No data/);
  });
});

describe("PERF.ONTRACK", () => {
  it("is TRUE when the forecast meets the target under the polarity", () => {
    expect(only(onTrack(cell(620), cell(600), cell("Higher")))).toBe(true);
    expect(only(onTrack(cell(600), cell(600), cell("Higher")))).toBe(true);
    expect(only(onTrack(cell(580), cell(600), cell("Higher")))).toBe(false);
    expect(only(onTrack(cell(0.054), cell(0.055), cell("Lower")))).toBe(true);
    expect(only(onTrack(cell("5.9%"), cell("5.5%"), cell("Lower")))).toBe(false);
  });

  it("chains with PERF.FORECAST", () => {
    const f = forecast(cell("Count"), column(229, 350), cell(""), cell(2), OMITTED);
    expect(onTrack(f, cell(600), cell("Higher"))).toEqual([[false], [true]]);
  });

  it("gives #N/A for a Neutral measure and for a missing forecast or target", () => {
    expectError(only(onTrack(cell(600), cell(600), cell("Neutral"))), "#N/A", /Neutral/);
    expectError(only(onTrack(cell(""), cell(600), cell("Higher"))), "#N/A", "No data: the forecast is empty");
    expectError(only(onTrack(cell(1), cell(""), cell("Higher"))), "#N/A", "No target: the target is empty");
  });
});
