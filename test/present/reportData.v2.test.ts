/** Schema 2 in the report's data: the JSON's new row keys and quality counts, the sheet's new columns. */
import { readRegister, sampleWorkbook } from "../../src/contract";
import { comparatorsText, reportJson, reportSheet } from "../../src/present";
import {
  buildReport,
  DEFAULT_SETTINGS,
  QUALITIES,
  RAG_STATUSES,
  type Register,
  type TargetRecord,
} from "../../src/engine";

const gld: TargetRecord = {
  row: 1,
  indicatorId: "GLD",
  indicator: "Good level of development",
  orgUnit: "City",
  outcome: "School readiness",
  measureType: "Rate",
  polarity: "Higher",
  unit: "%",
  owner: "Head of EY",
  dataSource: "EYFSP",
  baselinePeriod: { fy: 2014, q: null },
  baseline: 0.45,
  targetYear: 2015,
  target: 0.45,
  profile: "Flat",
  weights: [],
  tolerance: null,
  toleranceType: null,
  status: "Approved",
  aggregation: "Sum",
};

const register: Register = {
  settings: { ...DEFAULT_SETTINGS, reportingPeriod: { fy: 2015, q: 2 } },
  targets: [gld],
  actuals: [
    {
      row: 1,
      indicatorId: "GLD",
      orgUnit: "City",
      period: { fy: 2015, q: 2 },
      value: null,
      numerator: 9,
      denominator: 20,
      commentary: "",
      action: "",
      quality: "Provisional",
    },
  ],
  units: [],
  comparators: [
    {
      row: 1,
      indicatorId: "GLD",
      period: { fy: 2015, q: null },
      comparator: "England",
      kind: "National",
      value: 0.6,
      numerator: null,
      denominator: null,
      source: "DfE",
    },
  ],
};
const report = buildReport(register, { fy: 2015, q: 2 });

test("the JSON's quality counts: every quality, every status", () => {
  const json = reportJson(report);
  expect(Object.keys(json.quality)).toEqual([...QUALITIES]);
  for (const q of QUALITIES) expect(Object.keys(json.quality[q])).toEqual([...RAG_STATUSES]);
  expect(json.quality.Provisional.Green).toBe(1);
});

test("the JSON's comparators carry finite numbers or null", () => {
  const [c] = reportJson(report).rows[0]?.comparators ?? [];
  expect(c).toEqual({
    comparator: "England",
    kind: "National",
    value: 0.6,
    gap: expect.closeTo(-0.15, 12) as number,
    status: "Similar",
    quartile: null,
  });
});

test("the sheet shows the interval with the small base, the quality and the comparators", () => {
  const sheet = reportSheet(report);
  const cell = (h: string) => sheet.rows[0]?.[sheet.headers.indexOf(h)];
  expect(cell("Confidence interval")).toBe("25.8%–65.8%, small base");
  expect(cell("Quality")).toBe("Provisional");
  expect(cell("Comparators")).toBe("England 60.0%: Similar");
  expect(comparatorsText(report.entries[0]!)).toBe("England 60.0%: Similar");
});

test("the sample's sheet: a validated figure's quality reads Validated, no comparators is blank", () => {
  const r = readRegister(sampleWorkbook());
  const s = reportSheet(buildReport(r.register!, { fy: 2015, q: 2 }));
  const q = s.headers.indexOf("Quality");
  const c = s.headers.indexOf("Comparators");
  expect(new Set(s.rows.map((row) => row[q]))).toContain("Validated");
  expect(s.rows.every((row) => row[c] === null)).toBe(true);
});
