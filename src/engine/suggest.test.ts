/**
 * suggestTargets and multi-year plans over small registers: every method that applies, with its
 * milestones under the profile; the plan's straight line, typed years kept, the forecast against
 * the plan's final target.
 */
import {
  buildReport,
  DEFAULT_SETTINGS,
  planYears,
  suggestTargets,
  type ActualRecord,
  type ComparatorRecord,
  type QuarterNumber,
  type Register,
  type TargetRecord,
} from "./index";

function target(over: Partial<TargetRecord> & Pick<TargetRecord, "indicatorId">): TargetRecord {
  return {
    row: 1,
    indicator: over.indicatorId,
    orgUnit: "City",
    outcome: "School readiness",
    measureType: "Rate",
    polarity: "Higher",
    unit: "%",
    owner: "Head of Early Years",
    dataSource: "EYFSP",
    baselinePeriod: { fy: 2013, q: null },
    baseline: 0.554,
    targetYear: 2015,
    target: null,
    profile: "Linear",
    weights: [],
    tolerance: null,
    toleranceType: null,
    status: "Draft",
    aggregation: "Sum",
    ...over,
  };
}

const at = (indicatorId: string, fy: number, q: QuarterNumber, value: number): ActualRecord => ({
  row: 1,
  indicatorId,
  orgUnit: "City",
  period: { fy, q },
  value,
  numerator: null,
  denominator: null,
  commentary: "",
  action: "",
});

const cmp = (
  comparator: string,
  kind: ComparatorRecord["kind"],
  value: number,
  fy = 2014,
): ComparatorRecord => ({
  row: 1,
  indicatorId: "GLD",
  period: { fy, q: null },
  comparator,
  kind,
  value,
  numerator: null,
  denominator: null,
  source: "DfE",
});

const reg = (
  targets: TargetRecord[],
  actuals: ActualRecord[] = [],
  comparators: ComparatorRecord[] = [],
): Register => ({
  settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2015, q: 2 } },
  targets,
  actuals,
  units: [],
  comparators,
});

describe("suggestTargets", () => {
  test("GLD from 55.4% with England at 60%: Hold, Stretch, CloseGap (57.7%) with milestones", () => {
    const s = suggestTargets(
      reg([target({ indicatorId: "GLD" })], [], [cmp("England", "National", 0.6)]),
      "GLD",
      "City",
      2015,
    );
    expect(s.problem).toBeNull();
    expect(s.baseline).toBe(0.554);
    expect(s.suggestions.map((x) => x.label)).toEqual([
      "Hold",
      "Stretch(0.05)",
      "Stretch(0.1)",
      "CloseGap(0.5, England)",
    ]);
    const close = s.suggestions.find((x) => x.method === "CloseGap");
    expect(close?.target).toBeCloseTo(0.577, 12);
    expect(close?.rationale).toBe("Closes half the gap to England's 60.0% in one year, from 55.4%");
    // Linear from 55.4% to 57.7%.
    const ms = close?.milestones ?? [];
    [0.55975, 0.5655, 0.57125, 0.577].forEach((m, i) => expect(ms[i]).toBeCloseTo(m, 12));
  });

  test("reach: a three-year history gives a Trend, and the baseline is last year's Q4", () => {
    const t = target({ indicatorId: "REACH", baseline: 0.4, profile: "Linear" });
    const actuals = [at("REACH", 2012, 4, 0.5), at("REACH", 2013, 4, 0.52), at("REACH", 2014, 4, 0.544)];
    const s = suggestTargets(reg([t], actuals), "REACH", "City", 2015);
    expect(s.baseline).toBe(0.544);
    expect(s.history).toEqual([
      { year: 2012, value: 0.5 },
      { year: 2013, value: 0.52 },
      { year: 2014, value: 0.544 },
    ]);
    const tr = s.suggestions.find((x) => x.method === "Trend");
    expect(tr?.target).toBeCloseTo(0.5653333, 6);
  });

  test("the trend follows PreviousId back through a renamed indicator", () => {
    const t = target({ indicatorId: "REACH-NEW", previousId: "REACH" });
    const actuals = [at("REACH", 2012, 4, 0.5), at("REACH", 2013, 4, 0.52), at("REACH", 2014, 4, 0.544)];
    const s = suggestTargets(reg([t], actuals), "REACH-NEW", "City", 2015);
    expect(s.suggestions.some((x) => x.method === "Trend")).toBe(true);
  });

  test("quartiles among four or more named peers, only where they beat the baseline", () => {
    const peers = [0.5, 0.52, 0.55, 0.58, 0.6, 0.61, 0.63, 0.66].map((v, i) => cmp(`Peer ${i}`, "Peer", v));
    const s = suggestTargets(reg([target({ indicatorId: "GLD" })], [], peers), "GLD", "City", 2015);
    expect(s.suggestions.filter((x) => x.method === "Quartile").map((x) => x.label)).toEqual([
      "Quartile(1)",
      "Quartile(2)",
    ]);
  });

  test("a Count's history is its year totals", () => {
    const t = target({
      indicatorId: "EHA",
      measureType: "Count",
      unit: "",
      baseline: 556,
      profile: "Linear",
    });
    const year = (fy: number, v: number[]) => v.map((x, i) => at("EHA", fy, (i + 1) as QuarterNumber, x));
    const s = suggestTargets(
      reg([t], [...year(2013, [100, 100, 100, 100]), ...year(2014, [135, 94, 159, 168])]),
      "EHA",
      "City",
      2015,
    );
    expect(s.baseline).toBe(556);
    expect(s.history.map((h) => h.value)).toEqual([400, 556]);
  });

  test("nothing to suggest from says why", () => {
    expect(suggestTargets(reg([]), "X", "City", 2015).problem).toContain("no target row");
  });
});

describe("multi-year plans", () => {
  test("the yearly targets lie on a straight line from the baseline to the final target", () => {
    const years = planYears(2015, 2017, 0.544, 0.674, new Map());
    expect(years.map((y) => y.year)).toEqual([2015, 2016, 2017]);
    expect(years[0]?.target).toBeCloseTo(0.544 + 0.13 / 3, 12);
    expect(years[1]?.target).toBeCloseTo(0.544 + (2 * 0.13) / 3, 12);
    expect(years[2]?.target).toBe(0.674);
  });

  test("a typed year is kept", () => {
    const years = planYears(2015, 2017, 0.544, 0.674, new Map([[2016, 0.6]]));
    expect(years[1]).toEqual({ year: 2016, target: 0.6, typed: true });
  });

  const plan = target({
    indicatorId: "REACH",
    baseline: 0.544,
    targetYear: 2015,
    target: null,
    planEndYear: 2017,
    planTarget: 0.674,
    profile: "Linear",
  });

  test("the report rates a later year of the plan against its laid-out target, profiled from the year before", () => {
    const r = {
      ...reg([plan], [at("REACH", 2016, 2, 0.62)]),
      settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2016, q: 2 as const } },
    };
    const e = buildReport(r, { fy: 2016, q: 2 }).entries[0];
    const y2015 = 0.544 + 0.13 / 3;
    const y2016 = 0.544 + (2 * 0.13) / 3;
    expect(e?.row.target).toBeCloseTo(y2016, 12);
    expect(e?.row.milestone).toBeCloseTo(y2015 + (y2016 - y2015) * 0.5, 12);
    expect(e?.plan).toMatchObject({ endYear: 2017, finalTarget: 0.674 });
  });

  test("the first year with no Target typed takes the line's, and the forecast says whether the plan is on track", () => {
    const e = buildReport(reg([plan], [at("REACH", 2015, 2, 0.6)]), { fy: 2015, q: 2 }).entries[0];
    expect(e?.row.target).toBeCloseTo(0.544 + 0.13 / 3, 12);
    expect(e?.row.onTrack).toBe(true);
    expect(e?.plan?.onTrack).toBe(true);
    expect(e?.row.explanation).toContain("; on track for the plan's 67.4% by 2017-18");
    const behind = buildReport(reg([plan], [at("REACH", 2015, 2, 0.55)]), { fy: 2015, q: 2 }).entries[0];
    expect(behind?.row.explanation).toContain("; not on track for the plan's 67.4% by 2017-18");
  });

  test("a row typed for a year of the plan is that year's target", () => {
    const typed = target({ indicatorId: "REACH", targetYear: 2016, target: 0.59, baseline: 0.58 });
    const r = reg([plan, typed], [at("REACH", 2016, 2, 0.6)]);
    expect(buildReport(r, { fy: 2016, q: 2 }).entries[0]?.row.target).toBe(0.59);
  });

  test("a plan row without a Target is not T-TARGET", () => {
    const r = reg([plan]);
    expect(buildReport(r, { fy: 2015, q: 2 }).findings.map((f) => f.code)).not.toContain("T-TARGET");
  });
});
