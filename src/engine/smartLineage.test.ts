/** A-EVIDENCE and R-LINEAGE (semantics.md, "Setting targets: methods"). */
import {
  buildHierarchy,
  DEFAULT_SETTINGS,
  smartFindings,
  type ActualRecord,
  type Register,
  type TargetRecord,
} from "./index";

function target(over: Partial<TargetRecord> = {}): TargetRecord {
  return {
    row: 1,
    indicatorId: "GLD",
    indicator: "Good level of development",
    orgUnit: "City",
    outcome: "School readiness",
    measureType: "Rate",
    polarity: "Higher",
    unit: "%",
    owner: "Head of Early Years",
    dataSource: "EYFSP",
    baselinePeriod: { fy: 2014, q: null },
    baseline: 0.554,
    targetYear: 2015,
    target: 0.577,
    profile: "Flat",
    weights: [],
    tolerance: null,
    toleranceType: null,
    status: "Approved",
    aggregation: "Sum",
    ...over,
  };
}

function a(indicatorId: string, fy: number): ActualRecord {
  return {
    row: 1,
    indicatorId,
    orgUnit: "City",
    period: { fy, q: 4 },
    value: 0.55,
    numerator: null,
    denominator: null,
    commentary: "",
    action: "",
  };
}

function codes(targets: TargetRecord[], actuals: ActualRecord[] = []): string[] {
  const reg: Register = {
    settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2015, q: 2 } },
    targets,
    actuals,
    units: [],
  };
  const h = buildHierarchy([]);
  if (!h.ok) throw new Error(h.error.message);
  return smartFindings(reg, h.value).map((f) => `${f.code} ${f.indicatorId} ${f.field} ${f.severity}`);
}

describe("A-EVIDENCE", () => {
  test("an approved target with neither method nor rationale is a warning", () => {
    expect(codes([target({ targetMethod: "", targetRationale: "" })])).toEqual([
      "A-EVIDENCE GLD TargetMethod warning",
    ]);
  });

  test("a method or a rationale is evidence; a Draft is not judged", () => {
    expect(codes([target({ targetMethod: "CloseGap(0.5, England)", targetRationale: "" })])).toEqual([]);
    expect(codes([target({ targetMethod: "", targetRationale: "Agreed with the board" })])).toEqual([]);
    expect(codes([target({ status: "Draft", targetMethod: "", targetRationale: "" })])).toEqual([]);
  });

  test("a register without the columns (schema 1) is not judged on them", () => {
    expect(codes([target()])).toEqual([]);
  });
});

describe("R-LINEAGE", () => {
  test("actuals last year and none this year, with no successor: a warning naming the id", () => {
    expect(codes([target({ indicatorId: "GLD-OLD", targetYear: 2014 })], [a("GLD-OLD", 2014)])).toEqual([
      "R-LINEAGE GLD-OLD PreviousId warning",
    ]);
  });

  test("a successor naming it in PreviousId, or actuals this year, clear it", () => {
    const old = target({ indicatorId: "GLD-OLD", targetYear: 2014 });
    expect(codes([old, target({ previousId: "gld-old" })], [a("GLD-OLD", 2014)])).toEqual([]);
    expect(codes([old], [a("GLD-OLD", 2014), a("GLD-OLD", 2015)])).toEqual([]);
  });
});
