import { buildReport, targetMilestones } from "./report";
import { parsePeriod } from "./periods";
import { targetFindings } from "./smart";
import { DEFAULT_SETTINGS, type ActualRecord, type Register, type TargetRecord } from "./register";

const base: TargetRecord = {
  row: 1,
  indicatorId: "QA-SGTRAIN",
  indicator: "Staff with up-to-date safeguarding training",
  orgUnit: "City",
  outcome: "Safe children",
  measureType: "Rate",
  polarity: "Higher",
  unit: "%",
  owner: "Workforce lead",
  dataSource: "HR",
  baselinePeriod: { fy: 2014, q: 4 },
  baseline: 0.9,
  targetYear: 2015,
  target: 1,
  profile: "Flat",
  weights: [null, null, null, null],
  tolerance: null,
  toleranceType: null,
  status: "Approved",
  aggregation: "Sum",
};

function actual(orgUnit: string, q: 1 | 2, fields: Partial<ActualRecord>): ActualRecord {
  return {
    row: q,
    indicatorId: base.indicatorId,
    orgUnit,
    period: { fy: 2015, q },
    value: null,
    numerator: null,
    denominator: null,
    commentary: "",
    action: "",
    ...fields,
  };
}

function register(targets: TargetRecord[], actuals: ActualRecord[], units: Register["units"] = []): Register {
  return { settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2015, q: 2 } }, targets, actuals, units };
}

describe("report details a committee relies on", () => {
  it("never forecasts a rate above 100%", () => {
    const r = buildReport(register([base], [actual("City", 2, { numerator: 47, denominator: 48 })]), {
      fy: 2015,
      q: 2,
    });
    // 0.979 + (0.979 - 0.9) / 2 x 2 would be 105.8%: a proportion stops at 100%.
    expect(r.entries[0]?.row.forecast).toBe(1);
    expect(r.entries[0]?.row.onTrack).toBe(true);
  });

  it("shows what the units that have not reported wrote, on a total that is not rated", () => {
    const targets = [{ ...base, measureType: "Count" as const, profile: "Linear" as const, target: 100 }];
    const r = buildReport(
      register(
        targets,
        [
          actual("North", 1, { value: 10 }),
          actual("North", 2, { value: 12 }),
          actual("East", 1, { value: 9 }),
          actual("East", 2, { commentary: "Return not yet received", action: "Chased on 14/10/2015" }),
        ],
        [
          { row: 1, orgUnit: "North", parent: "City" },
          { row: 2, orgUnit: "East", parent: "City" },
        ],
      ),
      { fy: 2015, q: 2 },
    );
    const e = r.entries[0];
    expect(e?.row.rag).toBe("No data");
    expect(e?.row.explanation).toBe(
      "No data: East has not reported for 2015-16 Q2, so the total is not rated.",
    );
    expect(e?.commentary).toBe("East: Return not yet received");
    expect(e?.action).toBe("East: Chased on 14/10/2015");
  });

  it("names the custom weight that is wrong, and forecasts nothing for a row without a milestone", () => {
    const t: TargetRecord = { ...base, profile: "Custom", weights: [0.2, 0.5, 0.8, 0.9] };
    const r = buildReport(register([t], [actual("City", 2, { numerator: 40, denominator: 48 })]), {
      fy: 2015,
      q: 2,
    });
    expect(r.entries[0]?.row.rag).toBe("No target");
    expect(r.errors[0]).toMatchObject({ table: "PerfTargets", row: 1, column: "W4" });
    expect(r.entries[0]?.row.forecast).toBeNull();
    expect(r.entries[0]?.row.onTrack).toBeNull();
  });

  it("warns when a relative tolerance was typed as a whole percentage", () => {
    const f = targetFindings({ ...base, tolerance: 5, toleranceType: "Relative" });
    expect(f.map((x) => x.code)).toContain("M-TOL");
    expect(targetFindings({ ...base, tolerance: 0.05 }).map((x) => x.code)).not.toContain("M-TOL");
    expect(
      targetFindings({ ...base, tolerance: 2, toleranceType: "Absolute" }).map((x) => x.code),
    ).not.toContain("M-TOL");
  });

  it("refuses an Excel serial whose year is impossible, like a typed date", () => {
    const r = parsePeriod(2958465);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("PERIOD_YEAR");
  });
});

describe("milestones of a single target, for a form", () => {
  it("agree with the report's, with Seasonal weights from the baseline year's counts", () => {
    const eha: TargetRecord = {
      ...base,
      indicatorId: "EH-EHA",
      measureType: "Count",
      unit: "assessments",
      baselinePeriod: { fy: 2014, q: null },
      baseline: 556,
      target: 600,
      profile: "Seasonal",
    };
    const counts = [135, 94, 159, 168];
    const actuals = counts.map((value, i) => ({
      ...actual("City", 1, { value }),
      indicatorId: "EH-EHA",
      period: { fy: 2014, q: (i + 1) as 1 | 2 | 3 | 4 },
    }));
    const reg = register([eha], actuals);
    const worked = targetMilestones(reg, eha);
    expect(worked.problem).toBeNull();
    expect(worked.weights?.[0]).toBeCloseTo(135 / 556, 12);
    for (const q of [1, 2, 3, 4] as const) {
      expect(worked.milestones[q - 1]).toBe(buildReport(reg, { fy: 2015, q }).entries[0]?.row.milestone);
    }
    expect(worked.milestones[3]).toBe(600);
  });

  it("says why there are none when the profile cannot be worked out", () => {
    const worked = targetMilestones(register([], []), { ...base, measureType: "Count", profile: "Seasonal" });
    expect(worked.milestones).toEqual([null, null, null, null]);
    expect(worked.problem).toMatch(/seasonal profile needs all four quarters/);
  });
});
