/**
 * The engine bench's naive baseline: one indicator-quarter at a time, as a spreadsheet formula or
 * a first attempt would (see engine.bench.ts).
 */
import {
  DEFAULT_SETTINGS,
  directionOfTravel,
  explain,
  forecast as forecastOf,
  formatQuarter,
  milestone as milestoneOf,
  parsePeriod,
  parseProfile,
  profileWeights,
  ragStatus,
  weightFor,
  type Quarter,
  type QuarterNumber,
  type RagStatus,
  type TargetRecord,
} from "../../src/engine";
import type { RawActual } from "./register";

export interface NaiveCell {
  readonly rag: RagStatus;
  readonly explanation: string;
}

/** One scan of the whole table, parsing the label of every row of this indicator and unit. */
function scanFigures(t: TargetRecord, raw: readonly RawActual[]): (p: Quarter) => number | null {
  const byIndex = new Map<number, number>();
  for (const r of raw) {
    if (r.indicatorId !== t.indicatorId || r.orgUnit !== t.orgUnit) continue;
    const p = parsePeriod(r.period);
    if (!p.ok) continue;
    const v = r.numerator !== null && r.denominator !== null ? r.numerator / r.denominator : r.value;
    if (v !== null) byIndex.set(p.value.fy * 4 + p.value.q - 1, v);
  }
  return (p: Quarter): number | null => byIndex.get(p.fy * 4 + p.q - 1) ?? null;
}

/** One indicator-quarter, naively: profile name → weights, labels parsed, the table scanned. */
export function naiveCell(t: TargetRecord, period: Quarter, raw: readonly RawActual[]): NaiveCell {
  const measureType = t.measureType ?? "Count";
  const polarity = t.polarity ?? "Higher";
  const at = scanFigures(t, raw);
  const profile = parseProfile(t.profile ?? "");
  const seasonal = [1, 2, 3, 4].map((q) =>
    at({ fy: (t.baselinePeriod?.fy ?? 0) as number, q: q as QuarterNumber }),
  );
  const w = profileWeights(profile.ok ? profile.value : "Linear", {
    customWeights: t.weights,
    seasonalBaseline: seasonal,
    measureType,
  });
  const inYear = t.targetYear === period.fy;
  const weight = w.ok ? weightFor(w.value, period.q) : null;
  const m =
    inYear && weight !== null && t.target !== null
      ? milestoneOf(measureType, t.baseline ?? undefined, t.target, weight)
      : null;
  const milestone = m?.ok ? m.value : null;
  let actual: number | null = at(period);
  const missing: string[] = [];
  if (measureType === "Count") {
    let sum = 0;
    for (let q = 1; q <= period.q; q++) {
      const quarter: Quarter = { fy: period.fy, q: q as QuarterNumber };
      const v = at(quarter);
      if (v === null) missing.push(formatQuarter(quarter));
      else sum += v;
    }
    actual = missing.length === 0 ? sum : null;
  }
  const missingQuarters =
    missing.length > 1 || (missing.length === 1 && at(period) !== null) ? missing : undefined;
  const qv = at(period);
  const prevIndex = period.fy * 4 + period.q - 2;
  const prev = at({ fy: Math.floor(prevIndex / 4), q: ((prevIndex % 4) + 1) as QuarterNumber });
  const yearAgo = at({ fy: period.fy - 1, q: period.q });
  const dotYearAgo = directionOfTravel(qv, yearAgo, polarity);
  const fc = inYear ? forecastOf(measureType, actual, t.baseline, period.q, weight) : null;
  const tolerance = t.tolerance ?? DEFAULT_SETTINGS.defaultTolerance;
  const toleranceType = t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative");
  const rag = ragStatus({
    actual,
    milestone,
    polarity,
    tolerance,
    toleranceType,
    target: inYear ? t.target : null,
    dotYearAgo,
    forecast: fc,
  });
  if (!rag.ok) return { rag: "No target", explanation: rag.error.message };
  if (!w.ok && inYear && t.target !== null && rag.value.status === "No target") {
    return { rag: "No target", explanation: `No target: the milestone cannot be set. ${w.error.message}` };
  }
  const explanation = explain({
    rag: rag.value,
    measureType,
    polarity,
    unit: t.unit,
    actual,
    milestone,
    target: inYear ? t.target : null,
    tolerance,
    toleranceType,
    forecast: fc,
    dotPrevious: directionOfTravel(qv, prev, polarity),
    dotYearAgo,
    yearAgoActual: yearAgo,
    period: formatQuarter(period),
    missingQuarters,
  });
  return { rag: rag.value.status, explanation };
}
