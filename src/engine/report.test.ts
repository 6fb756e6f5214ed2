/**
 * buildReport on tiny registers built from the DOMAIN figures: the workbook.md JSON row, the
 * spec's Amber sentence, child protection plans and the EHA seasonal profile.
 */
import { buildReport, type QuarterNumber, type ReportRow } from "./index";
import { Q, target, series, reg, only } from "../../test/engine/reportRecords";

describe("the workbook.md JSON example row", () => {
  // EH-EHA City 2015-16, Count, Higher, baseline 626, target 900, Linear; Q1 200 + Q2 270 = 470.
  const register = reg(
    [target({ indicatorId: "EH-EHA", unit: "assessments", baseline: 626, target: 900 })],
    [...series("EH-EHA", Q(2014, 1), [140, 150, 160, 176]), ...series("EH-EHA", Q(2015, 1), [200, 270])],
  );
  const report = buildReport(register, Q(2015, 2));

  test("every figure of the row", () => {
    const row: ReportRow = only(report).row;
    expect(row).toEqual({
      indicatorId: "EH-EHA",
      orgUnit: "City",
      period: "2015-16 Q2",
      measureType: "Count",
      polarity: "Higher",
      baseline: 626,
      target: 900,
      milestone: 450,
      actual: 470,
      variance: 20,
      variancePct: 20 / 450,
      distanceTravelled: 470 / 900,
      rag: "Green",
      dotPrevious: "Improving",
      dotYearAgo: "Improving",
      forecast: 940,
      onTrack: true,
      explanation: "Green: 470 assessments so far against a milestone of 450 (higher is better); 20 ahead.",
      // Schema 2: Byar's 95% interval of the year to date, 470.
      confidenceLow: expect.closeTo(428.46, 1) as number,
      confidenceHigh: expect.closeTo(514.48, 1) as number,
      smallBase: false,
      quality: "Validated",
      previousId: null,
      comparators: [],
    });
    expect(row.variancePct).toBeCloseTo(0.0444, 4);
    expect(row.distanceTravelled).toBeCloseTo(0.522, 3);
  });

  test("the row has exactly the spec's keys, in its order", () => {
    expect(Object.keys(only(report).row)).toEqual([
      "indicatorId",
      "orgUnit",
      "period",
      "measureType",
      "polarity",
      "baseline",
      "target",
      "milestone",
      "actual",
      "variance",
      "variancePct",
      "distanceTravelled",
      "rag",
      "dotPrevious",
      "dotYearAgo",
      "forecast",
      "onTrack",
      "explanation",
      "confidenceLow",
      "confidenceHigh",
      "smallBase",
      "quality",
      "previousId",
      "comparators",
    ]);
  });

  test("summary, period and no errors", () => {
    expect(report.period).toBe("2015-16 Q2");
    expect(report.summary).toEqual({
      Red: 0,
      Amber: 0,
      Green: 1,
      Blue: 0,
      "No data": 0,
      "Not due": 0,
      "No target": 0,
      Monitor: 0,
    });
    expect(report.errors).toEqual([]);
  });

  test("the eight-quarter trend, year to date for a Count, milestones in the target year", () => {
    const trend = only(buildReport(register, Q(2015, 2), { trend: true })).trend;
    expect(trend.map((p) => p.period)).toEqual([
      "2013-14 Q3",
      "2013-14 Q4",
      "2014-15 Q1",
      "2014-15 Q2",
      "2014-15 Q3",
      "2014-15 Q4",
      "2015-16 Q1",
      "2015-16 Q2",
    ]);
    expect(trend.map((p) => p.actual)).toEqual([null, null, 140, 290, 450, 626, 200, 470]);
    expect(trend.map((p) => p.milestone)).toEqual([null, null, null, null, null, null, 225, 450]);
  });
});

describe("child protection plans 188 → 327 → 324 (Level, lower is better)", () => {
  const cp = target({
    indicatorId: "CP-PLANS",
    measureType: "Level",
    polarity: "Lower",
    unit: "plans",
    baseline: 327,
    target: 290,
  });

  test("the spec's sentence: Amber, 296 plans against a milestone of 290 at Q4", () => {
    const report = buildReport(reg([cp], series("CP-PLANS", Q(2015, 1), [320, 310, 300, 296])), Q(2015, 4));
    const row = only(report).row;
    expect(row.rag).toBe("Amber");
    expect(row.milestone).toBe(290);
    expect(row.explanation).toBe(
      "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5.",
    );
    expect(row.dotPrevious).toBe("Improving");
    expect(row.forecast).toBe(296);
    expect(row.onTrack).toBe(false);
  });

  test("324 after 327 is improving on the quarter and worse than 188 a year ago", () => {
    const report = buildReport(
      reg([cp], series("CP-PLANS", Q(2014, 1), [188, 250, 300, 327, 324])),
      Q(2015, 1),
    );
    const row = only(report).row;
    expect(row.milestone).toBe(327 + (290 - 327) * 0.25);
    expect(row.dotPrevious).toBe("Improving");
    expect(row.dotYearAgo).toBe("Worsening");
    expect(row.rag).toBe("Amber");
    expect(row.explanation).toBe(
      "Amber: 324 plans against a milestone of 317.8 (lower is better); 6.25 over, within the 5% tolerance of 15.9.",
    );
  });

  test("under the tolerance band rule the year-ago worsening makes a miss beyond tolerance Red", () => {
    const report = buildReport(
      reg([{ ...cp, tolerance: 0.01 }], series("CP-PLANS", Q(2014, 1), [188, 250, 300, 327, 324])),
      Q(2015, 1),
    );
    expect(report.ragRule).toBe("Milestone");
    const band = buildReport(
      reg([{ ...cp, tolerance: 0.01 }], series("CP-PLANS", Q(2014, 1), [188, 250, 300, 327, 324]), [], {
        rule: "ToleranceBand",
      }),
      Q(2015, 1),
    );
    expect(band.ragRule).toBe("ToleranceBand");
    const row = only(band).row;
    expect(row.rag).toBe("Red");
    expect(row.explanation).toMatch(
      /^Red \(tolerance band rule\): .*worse than the same quarter last year \(188\)\.$/,
    );
  });
});

describe("Early Help Assessments against a seasonal profile from 135, 94, 159, 168", () => {
  // Baseline year 2014-15: 135, 94, 159, 168 (556). 2015-16 target 900; actuals 187, 206, 254, 282.
  const eha = target({
    indicatorId: "EH-EHA",
    unit: "assessments",
    profile: "Seasonal",
    baselinePeriod: { fy: 2014, q: null },
    baseline: 556,
    target: 900,
  });
  const actuals = [
    ...series("EH-EHA", Q(2014, 1), [135, 94, 159, 168]),
    ...series("EH-EHA", Q(2015, 1), [187, 206, 254, 282]),
  ];
  const weights = [135 / 556, 229 / 556, 388 / 556, 1];
  const ytd = [187, 393, 647, 929];

  test.each<[QuarterNumber, string]>([
    [1, "Red"],
    [2, "Green"],
    [3, "Green"],
    [4, "Green"],
  ])("2015-16 Q%p is %s against 900 × the cumulative seasonal share", (q, rag) => {
    const row = only(buildReport(reg([eha], actuals), Q(2015, q))).row;
    const w = weights[q - 1] ?? Number.NaN;
    expect(row.milestone).toBe(900 * w);
    expect(row.actual).toBe(ytd[q - 1]);
    expect(row.rag).toBe(rag);
    expect(row.forecast).toBe((ytd[q - 1] ?? Number.NaN) / w);
    expect(row.onTrack).toBe((ytd[q - 1] ?? 0) / w >= 900);
  });

  test("direction of travel compares quarter values, not the year to date", () => {
    const row = only(buildReport(reg([eha], actuals), Q(2015, 3))).row;
    expect(row.dotPrevious).toBe("Improving"); // 254 after 206
    expect(row.dotYearAgo).toBe("Improving"); // 254 against 159
  });

  test("Q4 under BRAG is Blue: 929 meets the annual target of 900", () => {
    const row = only(buildReport(reg([eha], actuals, [], { scheme: "BRAG" }), Q(2015, 4))).row;
    expect(row.rag).toBe("Blue");
    expect(row.explanation).toBe(
      "Blue: 929 assessments so far against a milestone of 900 (higher is better); the annual target of 900 is already met.",
    );
  });

  test("a baseline year with a quarter missing: No target with the reason and an error naming the row", () => {
    const report = buildReport(
      reg(
        [eha],
        actuals.filter((a) => !(a.period.fy === 2014 && a.period.q === 3)),
      ),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.rag).toBe("No target");
    expect(row.explanation).toContain("3 of 4");
    expect(report.errors).toEqual([
      {
        code: "PROFILE_SEASONAL",
        table: "PerfTargets",
        row: 1,
        column: "Profile",
        message: expect.stringContaining("EH-EHA (City)"),
      },
    ]);
  });

  test("a year to date with an earlier quarter missing is No data naming the quarter", () => {
    const report = buildReport(
      reg(
        [eha],
        actuals.filter((a) => !(a.period.fy === 2015 && a.period.q === 1)),
      ),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.rag).toBe("No data");
    expect(row.actual).toBeNull();
    expect(row.explanation).toBe("No data: the year to date needs 2015-16 Q1, which has no actual.");
  });
});
