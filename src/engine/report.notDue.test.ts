import { buildReport } from "./report";
import { DEFAULT_SETTINGS, type Register, type TargetRecord } from "./register";

const target: TargetRecord = {
  row: 1,
  indicatorId: "EH-EHA",
  indicator: "Early Help Assessments completed",
  orgUnit: "City",
  outcome: "Early help",
  measureType: "Count",
  polarity: "Higher",
  unit: "assessments",
  owner: "Early Help lead",
  dataSource: "EHM",
  baselinePeriod: { fy: 2014, q: null },
  baseline: 626,
  targetYear: 2015,
  target: 900,
  profile: "Linear",
  weights: [null, null, null, null],
  tolerance: null,
  toleranceType: null,
  status: "Agreed",
  aggregation: "Sum",
};

const register: Register = {
  settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2015, q: 2 } },
  targets: [target],
  actuals: [],
  units: [],
};

describe("quarters after the reporting period", () => {
  it("rates a quarter after the workbook's reporting period Not due, and says why", () => {
    const report = buildReport(register, { fy: 2015, q: 3 });
    expect(report.entries[0]?.row.rag).toBe("Not due");
    expect(report.entries[0]?.row.explanation).toBe(
      "Not due: 2015-16 Q3 is after the reporting period 2015-16 Q2.",
    );
    expect(report.summary["Not due"]).toBe(1);
  });

  it("rates the reporting period itself as due (No data without an actual)", () => {
    expect(buildReport(register, { fy: 2015, q: 2 }).entries[0]?.row.rag).toBe("No data");
  });
});
