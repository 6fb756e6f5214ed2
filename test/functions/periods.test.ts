/**
 * PERF.QUARTER, PERF.WEIGHT and PERF.MILESTONE called as Excel calls them. Date-related: runs
 * under three time zones (scripts/test-timezones.js).
 */
import { dateToSerial } from "../../src/engine";
import { milestone, quarter, weight } from "../../src/functions/functions";
import { cell, column, expectError, OMITTED, only, row } from "./excel";

// The spec's profile table (semantics.md, "Milestones").
const LINEAR = [0.25, 0.5, 0.75, 1];
const FRONT = [0.4, 0.7, 0.9, 1];
const BACK = [0.1, 0.3, 0.6, 1];

describe("PERF.QUARTER", () => {
  it.each([
    ["2015-16 Q1", "2015-16 Q1"],
    ["2015/16 Q1", "2015-16 Q1"],
    ["Q1 2015-16", "2015-16 Q1"],
    ["Q3 2015/16", "2015-16 Q3"],
    ["30/06/2015", "2015-16 Q1"],
    ["2015-06-30", "2015-16 Q1"],
    ["Jun-15", "2015-16 Q1"],
    ["March 2016", "2015-16 Q4"],
    ["15/05/2015", "2015-16 Q1"],
    ["01/04/2015", "2015-16 Q1"],
    ["31/03/2016", "2015-16 Q4"],
  ])("reads the text %s as %s with the default April start", (text, label) => {
    expect(only(quarter(cell(text), OMITTED))).toBe(label);
  });

  it("reads an Excel date (a serial number) as its calendar date, whatever the time zone", () => {
    const serial = dateToSerial({ year: 2015, month: 6, day: 30 });
    expect(only(quarter(cell(serial), OMITTED))).toBe("2015-16 Q1");
    const firstOfJuly = dateToSerial({ year: 2015, month: 7, day: 1 });
    expect(only(quarter(cell(firstOfJuly), OMITTED))).toBe("2015-16 Q2");
  });

  it("reads a JavaScript date (as a host other than Excel may pass) by its calendar date", () => {
    expect(only(quarter(cell(new Date(Date.UTC(2015, 5, 30))), OMITTED))).toBe("2015-16 Q1");
    expect(only(quarter(cell(new Date(Date.UTC(2015, 6, 1))), OMITTED))).toBe("2015-16 Q2");
  });

  it("reads dates day-first: 01/04/2016 is 1 April, not 4 January", () => {
    expect(only(quarter(cell("01/04/2016"), OMITTED))).toBe("2016-17 Q1");
    expect(only(quarter(cell("04/01/2016"), OMITTED))).toBe("2015-16 Q4");
  });

  it("uses the fiscal year start month given: January gives single-year labels", () => {
    expect(only(quarter(cell("30/06/2015"), cell(1)))).toBe("2015 Q2");
    expect(only(quarter(cell("30/09/2015"), cell(7)))).toBe("2015-16 Q1");
    expect(only(quarter(cell("30/06/2015"), cell("")))).toBe("2015-16 Q1");
  });

  it("spills over a range of dates, with an error only in the cell that is wrong", () => {
    const out = quarter(column("30/06/2015", "31/12/213", "30/09/2015", ""), OMITTED);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual(["2015-16 Q1"]);
    expectError(out[1]?.[0], "#VALUE!", /'31\/12\/213'.*impossible year/);
    expect(out[2]).toEqual(["2015-16 Q2"]);
    expectError(out[3]?.[0], "#N/A", "The date or label is empty");
  });

  it("refuses text that is not a quarter, quoting it", () => {
    expectError(only(quarter(cell("Q5 2015-16"), OMITTED)), "#VALUE!", /'Q5 2015-16' is not a quarter/);
    expectError(only(quarter(cell("Feb-16"), OMITTED)), "#VALUE!", /'Feb-16' is a month inside 2015-16 Q4/);
    expectError(only(quarter(cell(true), OMITTED)), "#VALUE!", /TRUE is a logical value/);
  });

  it("refuses a fiscal year start month outside 1-12", () => {
    expectError(only(quarter(cell("30/06/2015"), cell(13))), "#VALUE!", /start month.*1 to 12; got '13'/);
    expectError(only(quarter(cell("30/06/2015"), cell("April"))), "#VALUE!", /'April'/);
  });
});

describe("PERF.WEIGHT", () => {
  it.each([
    ["Linear", LINEAR],
    ["Front", FRONT],
    ["Back", BACK],
    ["Flat", [1, 1, 1, 1]],
  ])("gives the spec's cumulative weights for %s over a row of quarters", (profile, ws) => {
    expect(weight(cell(profile), row(1, 2, 3, 4), OMITTED)).toEqual([ws]);
  });

  it("treats an empty profile as Linear and accepts names in any case", () => {
    expect(only(weight(cell(""), cell(2), OMITTED))).toBe(LINEAR[1]);
    expect(only(weight(cell("front"), cell(3), OMITTED))).toBe(FRONT[2]);
  });

  it("takes the quarter as 1-4, Q2, or a label, in either year form", () => {
    expect(
      weight(cell("Back"), column(2, "Q2", "2015-16 Q2", "Q2 2015/16", "2015 Q2", "30/09/2015"), OMITTED),
    ).toEqual(Array.from({ length: 6 }, () => [BACK[1]]));
  });

  it("reads custom weights W1-W4 from a range, as numbers or percentages", () => {
    expect(weight(cell("Custom"), row(1, 2, 3, 4), column(0.1, "30%", 0.6, 1))).toEqual([[0.1, 0.3, 0.6, 1]]);
  });

  it("treats an empty profile with weights as Custom", () => {
    expect(only(weight(cell(""), cell(2), row(0.2, 0.4, 0.7, 1)))).toBe(0.4);
  });

  it("builds a Seasonal profile from the baseline year's four quarters (EHA counts 135, 94, 159, 168)", () => {
    const counts = [135, 94, 159, 168];
    const total = counts.reduce((a, b) => a + b, 0);
    const out = weight(cell("Seasonal"), row(1, 2, 3, 4), row(...counts));
    expect(out[0]?.[0]).toBeCloseTo(135 / total, 12);
    expect(out[0]?.[1]).toBeCloseTo((135 + 94) / total, 12);
    expect(out[0]?.[2]).toBeCloseTo((135 + 94 + 159) / total, 12);
    expect(out[0]?.[3]).toBe(1);
  });

  it("refuses custom weights that are not a valid profile, naming the weight", () => {
    expectError(
      only(weight(cell("Custom"), cell(1), row(0.5, 0.4, 0.8, 1))),
      "#VALUE!",
      /W2 \(0.4\) is below W1/,
    );
    expectError(only(weight(cell("Custom"), cell(1), row(0.2, 0.4, 0.8, 0.9))), "#VALUE!", /W4 must be 1/);
    expectError(
      only(weight(cell("Custom"), cell(1), row(0.2, 0.4, 1))),
      "#VALUE!",
      /four cumulative weights.*got 3/,
    );
    expectError(only(weight(cell("Custom"), cell(1), OMITTED)), "#VALUE!", /four cumulative weights/);
    expectError(only(weight(cell("Custom"), cell(1), row(0.2, "lots", 0.8, 1))), "#VALUE!", /'lots'/);
  });

  it("refuses weights given with a fixed profile rather than ignoring them", () => {
    expectError(
      only(weight(cell("Linear"), cell(1), row(0.2, 0.4, 0.8, 1))),
      "#VALUE!",
      /the profile is Linear/,
    );
  });

  it("refuses an unknown profile and a bad quarter, quoting them", () => {
    expectError(
      only(weight(cell("Lineal"), cell(1), OMITTED)),
      "#VALUE!",
      "Profile must be Linear, Front, Back, Flat, Custom or Seasonal; got 'Lineal'",
    );
    expectError(only(weight(cell("Linear"), cell(5), OMITTED)), "#VALUE!", /1 to 4.*got '5'/);
    expectError(only(weight(cell("Linear"), cell(2.5), OMITTED)), "#VALUE!", /got '2.5'/);
    expectError(only(weight(cell("Linear"), cell("Q0"), OMITTED)), "#VALUE!", /'Q0'/);
    expectError(only(weight(cell("Linear"), cell(""), OMITTED)), "#N/A", /quarter is empty/);
  });
});

describe("PERF.MILESTONE", () => {
  it("profiles a Count target as Target x W, spilling over a row of quarters", () => {
    const target = 600;
    expect(milestone(cell("Count"), cell(""), cell(target), row(1, 2, 3, 4), OMITTED, OMITTED)).toEqual([
      LINEAR.map((w) => target * w),
    ]);
  });

  it("profiles a Level as Baseline + (Target - Baseline) x W (child protection plans 327 -> 290, Front)", () => {
    const [b, t] = [327, 290];
    const out = milestone(cell("Level"), cell(b), cell(t), column(1, 2, 3, 4), cell("Front"), OMITTED);
    expect(out).toHaveLength(4);
    FRONT.forEach((w, i) => expect(out[i]?.[0]).toBeCloseTo(b + (t - b) * w, 9));
    expect(out[3]?.[0]).toBe(t);
  });

  it("profiles a Rate given as percentages and gives the target at Q4 (good level of development)", () => {
    const out = milestone(
      cell("Rate"),
      cell("55.4%"),
      cell("63.9%"),
      row("2015-16 Q2", "2015-16 Q4"),
      OMITTED,
      OMITTED,
    );
    expect(out[0]?.[0]).toBeCloseTo(0.554 + (0.639 - 0.554) * 0.5, 12);
    expect(out[0]?.[1]).toBeCloseTo(0.639, 12);
  });

  it("broadcasts a column of indicators against a row of quarters into a grid", () => {
    const out = milestone(
      column("Count", "Level"),
      column("", 100),
      column(400, 200),
      row(1, 2, 3, 4),
      OMITTED,
      OMITTED,
    );
    expect(out).toEqual([LINEAR.map((w) => 400 * w), LINEAR.map((w) => 100 + (200 - 100) * w)]);
  });

  it("holds a Flat Level or Rate at the target (a standard such as 100% trained)", () => {
    expect(milestone(cell("Rate"), cell(""), cell(1), row(1, 2, 3, 4), cell("Flat"), OMITTED)).toEqual([
      [1, 1, 1, 1],
    ]);
  });

  it("uses a Seasonal profile from the baseline year's quarters for a Count", () => {
    const counts = [135, 94, 159, 168];
    const total = counts.reduce((a, b) => a + b, 0);
    const target = 600;
    const out = milestone(cell("Count"), cell(""), cell(target), cell(2), cell("Seasonal"), row(...counts));
    expect(only(out)).toBeCloseTo((target * (135 + 94)) / total, 9);
  });

  it("refuses a Seasonal profile for a Level, and one without four baseline quarters", () => {
    expectError(
      only(milestone(cell("Level"), cell(10), cell(20), cell(2), cell("Seasonal"), row(1, 2, 3, 4))),
      "#VALUE!",
      /Count measures only/,
    );
    expectError(
      only(milestone(cell("Count"), cell(""), cell(20), cell(2), cell("Seasonal"), row(135, 94, "", 168))),
      "#VALUE!",
      /3 of 4/,
    );
  });

  it("puts an error only in the quarters that are wrong", () => {
    const out = milestone(cell("Count"), cell(""), cell(100), column(1, "Q5", 3), OMITTED, OMITTED);
    expect(out[0]).toEqual([25]);
    expectError(out[1]?.[0], "#VALUE!", /'Q5' is not a quarter/);
    expect(out[2]).toEqual([75]);
  });

  it("gives #N/A when a Level has no baseline before Q4, and when the target is missing", () => {
    expectError(
      only(milestone(cell("Level"), cell(""), cell(150), cell(2), OMITTED, OMITTED)),
      "#N/A",
      /needs a baseline/,
    );
    expect(only(milestone(cell("Level"), cell(""), cell(150), cell(4), OMITTED, OMITTED))).toBe(150);
    expectError(
      only(milestone(cell("Count"), cell(""), cell(""), cell(2), OMITTED, OMITTED)),
      "#N/A",
      "No target: the target is empty",
    );
    expectError(
      only(milestone(cell("Count"), cell(""), cell("tbc"), cell(2), OMITTED, OMITTED)),
      "#N/A",
      "No target: the target is 'tbc'",
    );
  });

  it("refuses an unknown measure type and a target typed as words", () => {
    expectError(
      only(milestone(cell("Counts"), cell(""), cell(100), cell(2), OMITTED, OMITTED)),
      "#VALUE!",
      "Measure type must be Count, Level or Rate; got 'Counts'",
    );
    expectError(
      only(milestone(cell("Count"), cell(""), cell("about 100"), cell(2), OMITTED, OMITTED)),
      "#VALUE!",
      "Target: 'about 100' is not a number",
    );
    expectError(
      only(milestone(cell("Rate"), cell("12,5%"), cell(0.2), cell(2), OMITTED, OMITTED)),
      "#VALUE!",
      /Baseline: '12,5%' is not a percentage/,
    );
  });
});
