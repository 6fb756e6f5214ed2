/** What the Suggest panel draws and reads: the draft's target year, a suggestion's trend, the comparator to show. */
import {
  formatQuarter,
  idKey,
  parseFiscalYear,
  type Register,
  type Suggestion,
  type Suggestions,
  type TrendPoint,
} from "../../../engine";
import { chartComparator } from "../../../present";
import type { Draft } from "../../model/targetDraft";

/** The year the form is setting, else the year after the last figure. */
export function yearOf(draft: Draft, startMonth: number): number | null {
  const y = parseFiscalYear(draft.texts.TargetYear, startMonth);
  return y.ok ? y.value : null;
}

/** The figures a suggestion's chart draws: yearly figures (Q4), then the year's milestones. */
export function suggestionTrend(s: Suggestions, pick: Suggestion, startMonth: number): TrendPoint[] {
  const points: TrendPoint[] = s.history.map((h) => ({
    period: formatQuarter({ fy: h.year, q: 4 }, startMonth),
    actual: h.value,
    milestone: null,
  }));
  const last = s.history[s.history.length - 1];
  // The path starts at the baseline, at the last year's end (or just before the year).
  if (s.baseline !== null) {
    if (last && last.year === s.year - 1 && points.length > 0) {
      const p = points[points.length - 1];
      if (p) points[points.length - 1] = { ...p, milestone: s.baseline };
    } else
      points.push({
        period: formatQuarter({ fy: s.year - 1, q: 4 }, startMonth),
        actual: null,
        milestone: s.baseline,
      });
  }
  pick.milestones.forEach((m, i) =>
    points.push({
      period: formatQuarter({ fy: s.year, q: (i + 1) as 1 | 2 | 3 | 4 }, startMonth),
      actual: null,
      milestone: m,
    }),
  );
  return points;
}

/** The register's comparator for the chart: England (else a region or an average), latest first. */
export function comparatorFor(register: Register, indicatorId: string, year: number) {
  const rows = (register.comparators ?? [])
    .filter((c) => idKey(c.indicatorId) === idKey(indicatorId) && c.period.fy < year)
    .sort((a, b) => b.period.fy - a.period.fy);
  return chartComparator(rows.map((c) => ({ comparator: c.comparator, kind: c.kind, value: c.value })));
}
