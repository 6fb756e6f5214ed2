/**
 * buildReport on tiny registers built from the DOMAIN figures: the workbook.md JSON row, the
 * spec's Amber sentence, the EHA seasonal profile, Derby escalations, child protection plans,
 * reach, NEET, roll-up over units, and the statuses without a comparison.
 */
import fc from "fast-check";
import {
  buildReport,
  DEFAULT_SETTINGS,
  type ActualRecord,
  type Quarter,
  type QuarterNumber,
  type Register,
  type Report,
  type ReportEntry,
  type ReportRow,
  type Settings,
  type TargetRecord,
  type UnitRecord,
} from "./index";

const Q = (fy: number, q: QuarterNumber): Quarter => ({ fy, q });

function target(over: Partial<TargetRecord> & Pick<TargetRecord, "indicatorId">): TargetRecord {
  return {
    row: 1,
    indicator: over.indicatorId,
    orgUnit: "City",
    outcome: "An outcome",
    measureType: "Count",
    polarity: "Higher",
    unit: "",
    owner: "An owner",
    dataSource: "A source",
    baselinePeriod: { fy: 2014, q: null },
    baseline: null,
    targetYear: 2015,
    target: null,
    profile: "Linear",
    weights: [],
    tolerance: null,
    toleranceType: null,
    status: "Approved",
    aggregation: "Sum",
    ...over,
  };
}

let actualRow = 0;
/** An actual: a number is the Value; [n, d] are the Numerator and Denominator. */
function actual(
  indicatorId: string,
  period: Quarter,
  figure: number | [number, number] | null,
  over: Partial<ActualRecord> = {},
): ActualRecord {
  actualRow += 1;
  return {
    row: actualRow,
    indicatorId,
    orgUnit: "City",
    period,
    value: typeof figure === "number" ? figure : null,
    numerator: Array.isArray(figure) ? figure[0] : null,
    denominator: Array.isArray(figure) ? figure[1] : null,
    commentary: "",
    action: "",
    ...over,
  };
}

/** Quarterly actuals from a start quarter, one per figure (null leaves a gap). */
function series(
  indicatorId: string,
  from: Quarter,
  figures: readonly (number | [number, number] | null)[],
  over: Partial<ActualRecord> = {},
): ActualRecord[] {
  const out: ActualRecord[] = [];
  figures.forEach((f, i) => {
    const k = from.fy * 4 + from.q - 1 + i;
    if (f !== null)
      out.push(actual(indicatorId, Q(Math.floor(k / 4), ((k % 4) + 1) as QuarterNumber), f, over));
  });
  return out;
}

function reg(
  targets: TargetRecord[],
  actuals: ActualRecord[],
  units: UnitRecord[] = [],
  settings: Partial<Settings> = {},
): Register {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, targets, actuals, units };
}

function only(report: Report, indicatorId?: string, orgUnit?: string): ReportEntry {
  const found = report.entries.filter(
    (e) =>
      (indicatorId === undefined || e.row.indicatorId === indicatorId) &&
      (orgUnit === undefined || e.row.orgUnit === orgUnit),
  );
  expect(found).toHaveLength(1);
  const e = found[0];
  if (!e) throw new Error("no entry");
  return e;
}

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

describe("Derby escalations to social care, % of cases closed (Rate, lower is better)", () => {
  const esc = target({
    indicatorId: "ESC",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.125,
    target: 0.1,
  });

  test("31 of 274 = 11.3% against a Q1 milestone of 11.9%: Green", () => {
    const row = only(buildReport(reg([esc], [actual("ESC", Q(2015, 1), [31, 274])]), Q(2015, 1))).row;
    expect(row.actual).toBe(31 / 274);
    expect(row.milestone).toBe(0.125 + (0.1 - 0.125) * 0.25);
    expect(row.rag).toBe("Green");
    expect(row.explanation).toBe(
      "Green: 11.3% against a milestone of 11.9% (lower is better); 0.6 points under.",
    );
  });

  test("the city is the sum of numerators over the sum of denominators of its clusters", () => {
    const units: UnitRecord[] = [
      { row: 1, orgUnit: "North", parent: "City" },
      { row: 2, orgUnit: "South", parent: "City" },
    ];
    const report = buildReport(
      reg(
        [esc],
        [
          actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" }),
          actual("ESC", Q(2015, 2), [18, 206], { orgUnit: "South" }),
        ],
        units,
      ),
      Q(2015, 2),
    );
    const e = only(report);
    expect(e.row.actual).toBe(49 / 480);
    expect(e.row.actual).not.toBeCloseTo((31 / 274 + 18 / 206) / 2, 3);
    expect(e.rolledUp).toBe(true);
  });

  test("a cluster that has not reported: the city is No data naming it", () => {
    const units: UnitRecord[] = [
      { row: 1, orgUnit: "North", parent: "City" },
      { row: 2, orgUnit: "South", parent: "City" },
    ];
    const report = buildReport(
      reg([esc], [actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" })], units),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.rag).toBe("No data");
    expect(row.actual).toBeNull();
    expect(row.explanation).toBe(
      "No data: South has not reported for 2015-16 Q2, so the total is not rated.",
    );
  });

  test("a cycle in the units is an error naming them", () => {
    const report = buildReport(
      reg(
        [esc],
        [],
        [
          { row: 1, orgUnit: "North", parent: "City" },
          { row: 2, orgUnit: "City", parent: "North" },
        ],
      ),
      Q(2015, 2),
    );
    expect(report.errors).toContainEqual({
      code: "UNIT_CYCLE",
      table: "PerfUnits",
      row: null,
      column: "Parent",
      message: expect.stringMatching(/cycle.*(North.*City|City.*North)/),
    });
  });
});

describe("reach: 431 → 1,242 registered of 4,216 under-fives (Rate, higher is better)", () => {
  test("Front profile at Q2, distance travelled from the baseline", () => {
    const baseline = 431 / 4216;
    const reach = target({
      indicatorId: "REACH",
      measureType: "Rate",
      unit: "%",
      profile: "Front",
      baseline,
      target: 0.35,
    });
    const row = only(buildReport(reg([reach], [actual("REACH", Q(2015, 2), [1242, 4216])]), Q(2015, 2))).row;
    expect(row.actual).toBe(1242 / 4216);
    expect(row.milestone).toBe(baseline + (0.35 - baseline) * 0.7);
    expect(row.rag).toBe("Green");
    expect(row.distanceTravelled).toBe((1242 / 4216 - baseline) / (0.35 - baseline));
    expect(row.forecast).toBe(1242 / 4216 + ((1242 / 4216 - baseline) / 2) * 2);
  });
});

describe("NEET 5.9%, target below 5.5% (Rate given as a percentage, lower is better)", () => {
  const neet = target({
    indicatorId: "NEET",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.059,
    target: 0.055,
  });

  test("5.8% at Q4 is Red at the default 5% relative tolerance", () => {
    const row = only(buildReport(reg([neet], [actual("NEET", Q(2015, 4), 0.058)]), Q(2015, 4))).row;
    expect(row.milestone).toBe(0.055);
    expect(row.rag).toBe("Red");
    expect(row.explanation).toBe(
      "Red: 5.8% against a milestone of 5.5% (lower is better); 0.3 points over, beyond the 5% tolerance of 0.3 points.",
    );
  });

  test("Amber with its own absolute tolerance of half a point", () => {
    const row = only(
      buildReport(
        reg([{ ...neet, tolerance: 0.005, toleranceType: "Absolute" }], [actual("NEET", Q(2015, 4), 0.058)]),
        Q(2015, 4),
      ),
    ).row;
    expect(row.rag).toBe("Amber");
    expect(row.explanation).toBe(
      "Amber: 5.8% against a milestone of 5.5% (lower is better); 0.3 points over, within the tolerance of 0.5 points.",
    );
  });

  test("the workbook's default tolerance applies to an indicator without its own", () => {
    const row = only(
      buildReport(
        reg([neet], [actual("NEET", Q(2015, 4), 0.058)], [], { defaultTolerance: 0.1 }),
        Q(2015, 4),
      ),
    ).row;
    expect(row.rag).toBe("Amber");
  });
});

describe("statuses without a comparison", () => {
  test("Monitor for Neutral open cases, with direction Up", () => {
    const open = target({ indicatorId: "OPEN", measureType: "Level", polarity: "Neutral", unit: "cases" });
    const row = only(buildReport(reg([open], series("OPEN", Q(2015, 1), [615, 740])), Q(2015, 2))).row;
    expect(row.rag).toBe("Monitor");
    expect(row.dotPrevious).toBe("Up");
    expect(row.onTrack).toBeNull();
    expect(row.explanation).toBe(
      "Monitor: 740 cases (monitored, no better direction); up on the previous quarter.",
    );
  });

  test("No data when the quarter has no actual", () => {
    const t = target({ indicatorId: "X", measureType: "Level", baseline: 10, target: 20 });
    const row = only(buildReport(reg([t], []), Q(2015, 2))).row;
    expect(row.rag).toBe("No data");
    expect(row.explanation).toBe("No data: no actual for 2015-16 Q2.");
  });

  test("No target when the target is for another year", () => {
    const t = target({ indicatorId: "X", measureType: "Level", baseline: 10, targetYear: 2016, target: 20 });
    const row = only(buildReport(reg([t], [actual("X", Q(2015, 2), 5)]), Q(2015, 2))).row;
    expect(row.rag).toBe("No target");
    expect(row.explanation).toBe("No target: the target is set for 2016-17, not for 2015-16 Q2.");
  });

  test("an invalid Custom profile: No target with the reason, and an error naming the row", () => {
    const t = target({
      indicatorId: "X",
      target: 20,
      profile: "Custom",
      weights: [0.25, 0.5, 0.75, 0.9],
      row: 7,
    });
    const report = buildReport(reg([t], series("X", Q(2015, 1), [5, 6])), Q(2015, 2));
    expect(only(report).row.rag).toBe("No target");
    expect(only(report).row.explanation).toContain("W4");
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ table: "PerfTargets", row: 7 });
  });

  test("commentary and action of the unit's own row travel with the entry", () => {
    const t = target({ indicatorId: "X", target: 20 });
    const e = only(
      buildReport(
        reg([t], [actual("X", Q(2015, 1), 5, { commentary: "Late returns", action: "Chase" })]),
        Q(2015, 1),
      ),
    );
    expect(e.commentary).toBe("Late returns");
    expect(e.action).toBe("Chase");
  });
});

describe("a register with targets for more than one year", () => {
  const cp = (targetYear: number, tgt: number, row: number): TargetRecord =>
    target({
      indicatorId: "CP-PLANS",
      measureType: "Level",
      polarity: "Lower",
      unit: "plans",
      baseline: 327,
      targetYear,
      target: tgt,
      row,
    });

  test("one row per indicator and unit, rated against the target of the period's year", () => {
    const register = reg([cp(2015, 290, 1), cp(2016, 280, 2)], series("CP-PLANS", Q(2015, 1), [320, 305]));
    const report = buildReport(register, Q(2015, 2));
    const e = only(report, "CP-PLANS", "City");
    expect(e.targetRow).toBe(1);
    expect(e.row.target).toBe(290);
    expect(e.row.rag).toBe("Green");
    expect(report.summary["No target"]).toBe(0);
    const next = only(buildReport(register, Q(2016, 1)), "CP-PLANS", "City");
    expect(next.targetRow).toBe(2);
    expect(next.row.target).toBe(280);
  });

  test("with no target for the period's year, one No target row", () => {
    const register = reg([cp(2014, 300, 1), cp(2016, 280, 2)], series("CP-PLANS", Q(2015, 1), [320, 310]));
    const e = only(buildReport(register, Q(2015, 2)), "CP-PLANS", "City");
    expect(e.row.rag).toBe("No target");
  });
});

describe("figures that cannot be rated say why", () => {
  const esc = target({
    indicatorId: "ESC",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.125,
    target: 0.1,
  });
  const units: UnitRecord[] = [
    { row: 1, orgUnit: "North", parent: "City" },
    { row: 2, orgUnit: "South", parent: "City" },
  ];

  test("a cluster giving the rate only as a percentage: the city is not averaged, and the row says why", () => {
    const report = buildReport(
      reg(
        [esc],
        [
          actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" }),
          actual("ESC", Q(2015, 2), 0.087, { orgUnit: "South" }),
        ],
        units,
      ),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.actual).toBeNull();
    expect(row.rag).toBe("No data");
    expect(row.explanation).toMatch(/^No data: .*percentage cannot be rolled up/);
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        table: "PerfActuals",
        message: expect.stringContaining("cannot be rolled up"),
      }),
    );
  });

  test("a denominator of 0 is an error naming the row and column, not Red and not a silent No data", () => {
    const zero = actual("ESC", Q(2015, 2), [3, 0]);
    const report = buildReport(reg([esc], [zero]), Q(2015, 2));
    const row = only(report).row;
    expect(row.rag).not.toBe("Red");
    expect(row.actual).toBeNull();
    expect(row.explanation).toContain("denominator is 0");
    expect(report.errors).toContainEqual({
      code: "DIVIDE_BY_ZERO",
      table: "PerfActuals",
      row: zero.row,
      column: "Denominator",
      message: expect.stringContaining("3/0"),
    });
  });
});

describe("reports of one register for several periods", () => {
  // buildReport keeps what it works out for a register (index, weights, findings) while the
  // register's arrays are the same: the results must not depend on it.
  const eha = target({
    indicatorId: "EH-EHA",
    unit: "assessments",
    profile: "Seasonal",
    baseline: 556,
    target: 900,
  });
  const cp = target({
    indicatorId: "CP",
    measureType: "Level",
    polarity: "Lower",
    baseline: 327,
    target: 290,
  });
  const actuals = [
    ...series("EH-EHA", Q(2014, 1), [135, 94, 159, 168, 187, 206, 254, 282]),
    ...series("CP", Q(2014, 1), [188, 250, 300, 327, 324, null, 300, 296]),
  ];
  const fresh = (): Register => reg([eha, cp], [...actuals]);

  test("each period's report equals the report of a fresh copy of the register, in any order", () => {
    const shared = fresh();
    const order = [4, 1, 3, 2, 4, 1] as const;
    for (const q of order) {
      expect(buildReport(shared, Q(2015, q))).toEqual(buildReport(fresh(), Q(2015, q)));
    }
  });

  test("a register with other targets over the same actuals is reported on its own targets", () => {
    const one = reg([eha], actuals);
    const other = reg([cp], actuals);
    expect(buildReport(one, Q(2015, 2)).entries.map((e) => e.row.indicatorId)).toEqual(["EH-EHA"]);
    expect(buildReport(other, Q(2015, 2)).entries.map((e) => e.row.indicatorId)).toEqual(["CP"]);
  });

  test("actuals added to the same array are seen by the next report", () => {
    const list = actuals.filter((a) => !(a.indicatorId === "CP" && a.period.fy === 2015 && a.period.q === 4));
    const register = reg([cp], list);
    expect(only(buildReport(register, Q(2015, 4))).row.rag).toBe("No data");
    list.push(actual("CP", Q(2015, 4), 296));
    expect(only(buildReport(register, Q(2015, 4))).row.rag).toBe("Amber");
  });
});

describe("properties over registers", () => {
  const mt = fc.constantFrom("Count" as const, "Level" as const, "Rate" as const);
  const figure = fc.integer({ min: 0, max: 10_000 });

  test("a parent with one child is measured exactly as that child", () => {
    fc.assert(
      fc.property(
        mt,
        fc.constantFrom("Higher" as const, "Lower" as const),
        fc.array(figure, { minLength: 8, maxLength: 8 }),
        figure,
        figure,
        (measureType, polarity, figures, b, t) => {
          const asRate = (x: number): [number, number] => [x, 10_000];
          const values = figures.map((x) => (measureType === "Rate" ? asRate(x) : x));
          const scale = measureType === "Rate" ? 10_000 : 1;
          const targets = ["Parent", "Child"].map((orgUnit, i) =>
            target({
              indicatorId: "P",
              orgUnit,
              row: i + 1,
              measureType,
              polarity,
              baseline: b / scale,
              target: t / scale,
            }),
          );
          const actuals = series("P", Q(2014, 1), values, { orgUnit: "Child" });
          const report = buildReport(
            reg(targets, actuals, [{ row: 1, orgUnit: "Child", parent: "Parent" }]),
            Q(2015, 3),
          );
          const parent = only(report, "P", "Parent").row;
          const child = only(report, "P", "Child").row;
          expect({ ...parent, orgUnit: "Child" }).toEqual(child);
        },
      ),
    );
  });

  test("no figure of any row is NaN or infinite, and no explanation reads NaN or undefined", () => {
    const cell = fc.oneof(fc.constant(null), figure, fc.tuple(figure, fc.integer({ min: 1, max: 10_000 })));
    fc.assert(
      fc.property(
        mt,
        fc.constantFrom("Higher" as const, "Lower" as const, "Neutral" as const),
        fc.constantFrom(
          "Linear" as const,
          "Front" as const,
          "Back" as const,
          "Flat" as const,
          "Seasonal" as const,
        ),
        fc.array(cell, { minLength: 8, maxLength: 8 }),
        fc.option(figure, { nil: null }),
        fc.option(figure, { nil: null }),
        fc.constantFrom(...([1, 2, 3, 4] as const)),
        fc.constantFrom("Milestone" as const, "ToleranceBand" as const, "Forecast" as const),
        (measureType, polarity, profile, cells, baseline, tgt, q, rule) => {
          const values = cells.map((c) => (measureType !== "Rate" && Array.isArray(c) ? c[0] : c));
          const t = target({ indicatorId: "P", measureType, polarity, profile, baseline, target: tgt });
          const report = buildReport(
            reg([t], series("P", Q(2014, 1), values), [], { rule, scheme: "BRAG" }),
            Q(2015, q),
            {
              trend: true,
            },
          );
          const e = only(report);
          for (const [k, v] of Object.entries(e.row)) {
            if (typeof v === "number") expect([k, Number.isFinite(v)]).toEqual([k, true]);
          }
          expect(e.row.explanation).not.toMatch(/NaN|undefined|Infinity/);
          expect(e.row.explanation.startsWith(e.row.rag)).toBe(true);
          for (const p of e.trend) {
            for (const v of [p.actual, p.milestone]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });
});
