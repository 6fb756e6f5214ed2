/**
 * SMART checks (semantics.md "SMART checks on a target register"): each code is produced by a
 * minimal bad target, with the spec's severity and field, and absent for a good one.
 */
import {
  buildHierarchy,
  DEFAULT_SETTINGS,
  FINDING_SEVERITY,
  smartFindings,
  targetFindings,
  type ActualRecord,
  type FindingCode,
  type Register,
  type TargetRecord,
  type UnitRecord,
} from "./index";

/** Child protection plans, City, 2015-16: a good target (Level, lower is better, 327 → 290). */
function target(over: Partial<TargetRecord> = {}): TargetRecord {
  return {
    row: 1,
    indicatorId: "CP-PLANS",
    indicator: "Children subject to a child protection plan",
    orgUnit: "City",
    outcome: "Children are safe",
    measureType: "Level",
    polarity: "Lower",
    unit: "plans",
    owner: "Head of Safeguarding",
    dataSource: "Liquid Logic",
    baselinePeriod: { fy: 2014, q: null },
    baseline: 327,
    targetYear: 2015,
    target: 290,
    profile: "Linear",
    weights: [],
    tolerance: null,
    toleranceType: null,
    status: "Draft",
    aggregation: "Sum",
    ...over,
  };
}

function register(
  targets: TargetRecord[],
  actuals: ActualRecord[] = [],
  units: UnitRecord[] = [],
): { register: Register; codes: FindingCode[]; findings: ReturnType<typeof smartFindings> } {
  const reg: Register = { settings: DEFAULT_SETTINGS, targets, actuals, units };
  const h = buildHierarchy(units);
  if (!h.ok) throw new Error(h.error.message);
  const findings = smartFindings(reg, h.value);
  return { register: reg, findings, codes: findings.map((f) => f.code) };
}

test("a good target has no findings", () => {
  expect(targetFindings(target())).toEqual([]);
  expect(register([target()]).findings).toEqual([]);
});

test.each<[FindingCode, string, Partial<TargetRecord>]>([
  ["S-ID", "IndicatorId", { indicatorId: "  " }],
  ["S-NAME", "Indicator", { indicator: "" }],
  ["M-UNIT", "MeasureType", { measureType: null }],
  ["M-UNIT", "Polarity", { polarity: null }],
  ["M-SOURCE", "DataSource", { dataSource: "" }],
  ["A-BASE", "Baseline", { baseline: null }],
  ["A-BASE", "BaselinePeriod", { baselinePeriod: null }],
  ["A-DIR", "Target", { target: 330 }],
  ["A-DIR", "Target", { target: 327 }],
  ["A-RANGE", "Target", { measureType: "Rate", polarity: "Higher", baseline: 0.59, target: 55 }],
  ["R-OUTCOME", "Outcome", { outcome: "" }],
  ["T-YEAR", "TargetYear", { targetYear: null }],
  ["T-TARGET", "Target", { target: null }],
  ["T-PROFILE", "W1", { profile: "Custom", weights: [0.5, 0.4, 0.75, 1] }],
  ["T-PROFILE", "W1", { profile: "Custom", weights: [0.25, 0.5, 0.75, 0.9] }],
  ["T-PROFILE", "Profile", { profile: "Seasonal" }],
  ["O-OWNER", "Owner", { owner: "" }],
])("%s (%s) from %p", (code, field, over) => {
  const findings = targetFindings(target(over));
  expect(findings.map((f) => f.code)).toEqual([code]);
  const f = findings[0];
  expect(f?.field).toBe(field);
  expect(f?.severity).toBe(FINDING_SEVERITY[code]);
  expect(f?.message).toContain(over.indicatorId === undefined ? "CP-PLANS (City)" : "(no id) (City)");
});

test("severities are the spec's: errors block approval, warnings do not", () => {
  const errors: FindingCode[] = [
    "S-ID",
    "S-NAME",
    "M-UNIT",
    "M-RATE",
    "A-BASE",
    "A-RANGE",
    "T-YEAR",
    "T-PROFILE",
  ];
  const warnings: FindingCode[] = ["M-SOURCE", "A-DIR", "R-OUTCOME", "O-OWNER"];
  for (const c of errors) expect(FINDING_SEVERITY[c]).toBe("error");
  for (const c of warnings) expect(FINDING_SEVERITY[c]).toBe("warning");
});

test("a Count needs no baseline; a Neutral indicator needs no target", () => {
  expect(
    targetFindings(target({ measureType: "Count", polarity: "Higher", baseline: null, target: 900 })),
  ).toEqual([]);
  expect(targetFindings(target({ polarity: "Neutral", target: null }))).toEqual([]);
});

test("a Seasonal Count without a baseline year", () => {
  const f = targetFindings(
    target({
      measureType: "Count",
      polarity: "Higher",
      profile: "Seasonal",
      baselinePeriod: null,
      target: 900,
    }),
  );
  expect(f.map((x) => [x.code, x.field])).toEqual([["T-PROFILE", "BaselinePeriod"]]);
});

test("S-ID: a duplicate id for the same unit and year names the first row", () => {
  const { findings } = register([target({ row: 1 }), target({ row: 2, indicatorId: "cp-plans " })]);
  expect(findings.map((f) => f.code)).toEqual(["S-ID"]);
  expect(findings[0]?.message).toContain("row 1");
  expect(register([target({ row: 1 }), target({ row: 2, targetYear: 2016, target: 280 })]).findings).toEqual(
    [],
  );
  expect(register([target({ row: 1 }), target({ row: 2, orgUnit: "North" })]).findings).toEqual([]);
});

test("M-RATE: a rate rolled up from units that give only a percentage", () => {
  const units: UnitRecord[] = [
    { row: 1, orgUnit: "North", parent: "City" },
    { row: 2, orgUnit: "South", parent: "City" },
  ];
  const rateTarget = target({
    indicatorId: "ESC",
    measureType: "Rate",
    baseline: 0.125,
    target: 0.1,
  });
  const actual = (orgUnit: string, over: Partial<ActualRecord>): ActualRecord => ({
    row: 1,
    indicatorId: "ESC",
    orgUnit,
    period: { fy: 2015, q: 1 },
    value: null,
    numerator: null,
    denominator: null,
    commentary: "",
    action: "",
    ...over,
  });
  const good = register(
    [rateTarget],
    [
      actual("North", { numerator: 31, denominator: 274 }),
      actual("South", { numerator: 18, denominator: 206 }),
    ],
    units,
  );
  expect(good.codes).toEqual([]);
  const bad = register(
    [rateTarget],
    [actual("North", { numerator: 31, denominator: 274 }), actual("South", { value: 0.087 })],
    units,
  );
  expect(bad.codes).toEqual(["M-RATE"]);
  expect(bad.findings[0]?.severity).toBe("error");
});
