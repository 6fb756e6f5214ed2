/** A suggestion's chart: the yearly figures, the baseline, a comparator and the suggested path, described for screen readers. */
import { useId } from "react";
import { formatFiscalYear, type MeasureType, type Suggestion, type Suggestions } from "../../../engine";
import { trendGeometry } from "../../../present";
import { figure } from "../../format";
import { suggestionTrend } from "./suggestionTrend";
import { H, PAD, useTargetsStyles, W } from "./targets.styles";

export function SuggestionChart(props: {
  suggestions: Suggestions;
  pick: Suggestion;
  measureType: MeasureType;
  comparator: { readonly name: string; readonly value: number } | null;
  startMonth: number;
}) {
  const s = useTargetsStyles();
  const id = useId();
  const { suggestions, pick, measureType: mt, comparator } = props;
  const trend = suggestionTrend(suggestions, pick, props.startMonth);
  const g = trendGeometry(
    trend,
    mt,
    { width: W, height: H, pad: PAD },
    { comparator: comparator?.value ?? null },
  );
  if (g === null) return null;
  const hist = suggestions.history.map(
    (h) => `${formatFiscalYear(h.year, props.startMonth)} ${figure(mt, h.value)}`,
  );
  const desc = [
    hist.length > 0 ? `Yearly figures: ${hist.join("; ")}.` : "No yearly figures.",
    suggestions.baseline === null ? "" : `Baseline ${figure(mt, suggestions.baseline)}.`,
    comparator ? `${comparator.name} ${figure(mt, comparator.value)}.` : "",
    `Suggested path: ${pick.milestones.map((m, i) => `Q${i + 1} ${figure(mt, m)}`).join(", ")}.`,
  ]
    .filter((x) => x !== "")
    .join(" ");
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{`${pick.label}: the path to ${figure(mt, pick.target)}`}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line className={s.axis} x1={PAD.left} y1={g.axisY} x2={W - PAD.right} y2={g.axisY} />
      <text className={s.label} x={PAD.left - 3} y={PAD.top + 4} textAnchor="end">
        {figure(mt, g.hi)}
      </text>
      <text className={s.label} x={PAD.left - 3} y={g.axisY + 3} textAnchor="end">
        {figure(mt, g.lo)}
      </text>
      {g.comparatorY !== null && comparator ? (
        <>
          <line
            className={s.comparator}
            x1={PAD.left}
            y1={g.comparatorY}
            x2={W - PAD.right}
            y2={g.comparatorY}
          />
          <text className={s.label} x={PAD.left + 2} y={g.comparatorY - 2}>
            {comparator.name}
          </text>
        </>
      ) : null}
      {g.actualRuns.map((r) => (
        <polyline key={`a${r}`} className={s.history} points={r} />
      ))}
      {g.milestoneRuns.map((r) => (
        <polyline key={`m${r}`} className={s.path} points={r} />
      ))}
      {g.actual.map((p, i) =>
        p === null ? null : <circle key={`p${i}`} className={s.dot} cx={p[0]} cy={p[1]} r={2.5} />,
      )}
      <text className={s.label} x={PAD.left} y={H - 4}>
        {g.years[0] ?? ""}
      </text>
      <text className={s.label} x={W - PAD.right} y={H - 4} textAnchor="end">
        {formatFiscalYear(suggestions.year, props.startMonth)}
      </text>
    </svg>
  );
}
