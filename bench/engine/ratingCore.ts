/** The engine bench's rating core: the per-cell figures and RAG without report rows (see engine.bench.ts). */
import {
  DEFAULT_SETTINGS,
  directionOfTravel,
  distanceTravelled,
  forecast as forecastOf,
  milestone as milestoneOf,
  onTrack,
  profileWeights,
  ragStatus,
  variance,
  variancePct,
  weightFor,
  type QuarterNumber,
  type Register,
} from "../../src/engine";
import { FIRST_FY } from "./register";

/**
 * The rating core alone: what a PERF.* formula or a host recomputing a grid does per
 * indicator-quarter (milestone, RAG, variance, variance %, distance travelled, both directions of
 * travel, forecast, on-track), with the figures indexed once per indicator and the weights derived
 * once per target. No report rows, explanation strings or SMART checks: those are buildReport's.
 */
export function ratingCore(register: Register): { cells: number; ms: number; statuses: number } {
  const t0 = performance.now();
  const series = new Map<string, Float64Array>();
  for (const a of register.actuals) {
    let s = series.get(a.indicatorId);
    if (!s) series.set(a.indicatorId, (s = new Float64Array(16).fill(Number.NaN)));
    const v = a.numerator !== null && a.denominator !== null ? a.numerator / a.denominator : a.value;
    if (v !== null) s[(a.period.fy - FIRST_FY) * 4 + a.period.q - 1] = v;
  }
  const at = (s: Float64Array | undefined, k: number): number | null => {
    const v = s?.[k];
    return v === undefined || Number.isNaN(v) ? null : v;
  };
  let cells = 0;
  let green = 0;
  for (const t of register.targets) {
    if (t.measureType === null || t.polarity === null || t.targetYear === null || t.target === null) continue;
    const s = series.get(t.indicatorId);
    const base = ((t.baselinePeriod?.fy ?? t.targetYear - 1) - FIRST_FY) * 4;
    const w = profileWeights(t.profile ?? "Linear", {
      customWeights: t.weights,
      seasonalBaseline: [at(s, base), at(s, base + 1), at(s, base + 2), at(s, base + 3)],
      measureType: t.measureType,
    });
    let ytd: number | null = 0;
    for (let q = 1 as QuarterNumber; q <= 4; q = (q + 1) as QuarterNumber) {
      const k = (t.targetYear - FIRST_FY) * 4 + q - 1;
      const qv = at(s, k);
      const weight = w.ok ? weightFor(w.value, q) : null;
      const m =
        weight === null ? null : milestoneOf(t.measureType, t.baseline ?? undefined, t.target, weight);
      const milestone = m?.ok ? m.value : null;
      ytd = ytd === null || qv === null ? null : ytd + qv;
      const actual = t.measureType === "Count" ? ytd : qv;
      const dotYearAgo = directionOfTravel(qv, at(s, k - 4), t.polarity);
      directionOfTravel(qv, at(s, k - 1), t.polarity);
      const fc = forecastOf(t.measureType, actual, t.baseline, q, weight);
      variance(actual, milestone);
      variancePct(actual, milestone);
      distanceTravelled(t.measureType, actual, t.baseline, t.target);
      onTrack(fc, t.target, t.polarity);
      const r = ragStatus({
        actual,
        milestone,
        polarity: t.polarity,
        tolerance: t.tolerance ?? DEFAULT_SETTINGS.defaultTolerance,
        toleranceType: t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative"),
        target: t.target,
        dotYearAgo,
        forecast: fc,
      });
      if (r.ok && r.value.status === "Green") green += 1;
      cells += 1;
    }
  }
  return { cells, ms: performance.now() - t0, statuses: green };
}
