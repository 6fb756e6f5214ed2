/**
 * What an entry carries beside its row: the eight-quarter trend for charts, and what units that
 * have not reported wrote for the quarter.
 */
import { intervalOf, type ConfidenceLevel } from "./confidence";
import type { FigureSource } from "./figureSource";
import type { MeasureType } from "./measures";
import { milestone as milestoneOf } from "./milestones";
import { formatQuarter, type Quarter, type QuarterNumber } from "./periods";
import { weightFor, type Weights } from "./profiles";
import type { TargetRecord } from "./register";
import type { TrendPoint } from "./reportTypes";

const NO_TREND: readonly TrendPoint[] = Object.freeze([]);

/** The eight quarters up to the period: compared actual (YTD for a Count) and milestone. */
export function trendPoints(
  t: TargetRecord,
  measureType: MeasureType,
  at: {
    readonly pi: number;
    readonly period: Quarter;
    readonly startMonth: number;
    readonly trend: boolean;
    readonly level?: ConfidenceLevel | undefined;
  },
  src: FigureSource,
  weights: Weights | null,
): readonly TrendPoint[] {
  if (!at.trend) return NO_TREND;
  const points: TrendPoint[] = [];
  for (let k = at.pi - 7; k <= at.pi; k++) {
    const kq = { fy: Math.floor(k / 4), q: ((k % 4) + 1) as QuarterNumber };
    let a: number | null = src.value(k);
    if (measureType === "Count" && a !== null) {
      for (let j = k - kq.q + 1; j < k && a !== null; j++) {
        const v = src.value(j);
        a = v === null ? null : a + v;
      }
    }
    let m: number | null = null;
    if (weights && t.target !== null && kq.fy === at.period.fy) {
      const r = milestoneOf(measureType, t.baseline ?? undefined, t.target, weightFor(weights, kq.q));
      if (r.ok) m = r.value;
    }
    // Each point's interval, so the charts draw a whisker on every quarter that has one.
    const ci =
      a === null
        ? null
        : measureType === "Rate"
          ? intervalOf("Rate", src.observation(k), at.level)
          : measureType === "Count"
            ? intervalOf("Count", { value: a }, at.level)
            : null;
    const point = { period: formatQuarter(kq, at.startMonth), actual: a, milestone: m };
    points.push(ci ? { ...point, interval: { lower: ci.lower, upper: ci.upper } } : point);
  }
  return points;
}

/**
 * For a total not rated because units have not reported: what those units wrote for the quarter
 * ("East Cluster: returns not yet received"), so the exceptions show why.
 */
export function unitsSay(
  units: readonly string[] | undefined,
  text: (unit: string) => string | undefined,
): string {
  if (!units || units.length === 0) return "";
  const said: string[] = [];
  for (const u of units) {
    const x = text(u)?.trim();
    if (x) said.push(`${u}: ${x}`);
  }
  return said.join(" ");
}
