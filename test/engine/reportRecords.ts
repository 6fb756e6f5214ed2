/**
 * Tiny registers for the engine's report tests (src/engine/report*.test.ts): targets, actuals and
 * units with the defaults the tests assume, and the one entry a report has for an indicator.
 */
import {
  DEFAULT_SETTINGS,
  buildReport,
  type ActualRecord,
  type ComparatorRecord,
  type Quarter,
  type QuarterNumber,
  type Register,
  type Report,
  type ReportEntry,
  type Settings,
  type TargetRecord,
  type UnitRecord,
} from "../../src/engine";

export const Q = (fy: number, q: QuarterNumber): Quarter => ({ fy, q });

export function target(over: Partial<TargetRecord> & Pick<TargetRecord, "indicatorId">): TargetRecord {
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
export function actual(
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
export function series(
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

export function reg(
  targets: TargetRecord[],
  actuals: ActualRecord[],
  units: UnitRecord[] = [],
  settings: Partial<Settings> = {},
): Register {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, targets, actuals, units };
}

export function only(report: Report, indicatorId?: string, orgUnit?: string): ReportEntry {
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

/** A target with the defaults of the schema 2 tests: a flat rate of 45% against a 45% baseline. */
export function rateTarget(over: Partial<TargetRecord> & Pick<TargetRecord, "indicatorId">): TargetRecord {
  return {
    row: 1,
    indicator: over.indicatorId,
    orgUnit: "City",
    outcome: "An outcome",
    measureType: "Rate",
    polarity: "Higher",
    unit: "%",
    owner: "An owner",
    dataSource: "A source",
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
    ...over,
  };
}

/** A register with units, settings and comparators as asked. */
export function regWith(
  targets: TargetRecord[],
  actuals: ActualRecord[],
  more: { units?: UnitRecord[]; settings?: Partial<Settings>; comparators?: ComparatorRecord[] } = {},
): Register {
  return {
    settings: { ...DEFAULT_SETTINGS, ...more.settings },
    targets,
    actuals,
    units: more.units ?? [],
    ...(more.comparators ? { comparators: more.comparators } : {}),
  };
}

export function entry(r: Register, period: Quarter = Q(2015, 2), id?: string, unit = "City"): ReportEntry {
  const e = buildReport(r, period).entries.find(
    (x) => (id === undefined || x.row.indicatorId === id) && x.row.orgUnit === unit,
  );
  if (!e) throw new Error("no entry");
  return e;
}
