/**
 * A small line chart of an indicator's compared actual and milestone over the report's eight
 * quarters (ReportEntry.trend from the engine). An image to assistive technology, with a text
 * alternative giving every figure; the status is written as text beside it, never colour alone.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ReportEntry, TrendPoint } from "../engine";
import { RAG_COLOURS, trendDescription, trendGeometry } from "../present";
import { figure } from "./format";

const W = 300;
const H = 120;
const PAD = { left: 46, right: 8, top: 10, bottom: 28 };

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: `${W}px`, height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  actual: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  milestone: {
    fill: "none",
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: 1.5,
    strokeDasharray: "4 3",
  },
  legend: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** The text alternative of the chart: every figure, and the status of the period. */
export function trendText(e: ReportEntry): string {
  return trendDescription(e.row.measureType, e.trend, e.row.period, e.row.rag);
}

export function TrendChart(props: { entry: ReportEntry }) {
  const s = useStyles();
  const id = useId();
  const e = props.entry;
  const trend: readonly TrendPoint[] = e.trend;
  const mt = e.row.measureType;
  const name = `${e.row.indicatorId} ${e.indicator} (${e.row.orgUnit})`;
  const g = trendGeometry(trend, mt, { width: W, height: H, pad: PAD });
  if (g === null) {
    return (
      <p className={s.legend}>
        No figures for {name} in the eight quarters to {e.row.period}.
      </p>
    );
  }
  const { lo, hi, x, actual } = g;
  const ph = g.axisY - PAD.top;
  const last = actual[actual.length - 1];
  const colour = RAG_COLOURS[e.row.rag];
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={s.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title
          id={`${id}-t`}
        >{`Trend of ${name}, ${trend[0]?.period ?? ""} to ${trend[trend.length - 1]?.period ?? ""}`}</title>
        <desc id={`${id}-d`}>{trendText(e)}</desc>
        <line className={s.axis} x1={PAD.left} y1={PAD.top + ph} x2={W - PAD.right} y2={PAD.top + ph} />
        <text className={s.label} x={PAD.left - 4} y={PAD.top + 4} textAnchor="end">
          {figure(mt, hi)}
        </text>
        <text className={s.label} x={PAD.left - 4} y={PAD.top + ph + 3} textAnchor="end">
          {figure(mt, lo)}
        </text>
        {trend.map((p, i) => (
          <text key={p.period} className={s.label} x={x(i)} y={H - 14} textAnchor="middle">
            {g.quarters[i] ?? p.period}
          </text>
        ))}
        <text className={s.label} x={PAD.left} y={H - 2} textAnchor="start">
          {g.years[0]}
        </text>
        <text className={s.label} x={W - PAD.right} y={H - 2} textAnchor="end">
          {g.years[g.years.length - 1]}
        </text>
        {g.milestoneRuns.map((r) => (
          <polyline key={`m${r}`} className={s.milestone} points={r} />
        ))}
        {g.actualRuns.map((r) => (
          <polyline key={`a${r}`} className={s.actual} points={r} />
        ))}
        {actual.map((p, i) =>
          p === null || p === last ? null : (
            <circle key={trend[i]?.period} cx={p[0]} cy={p[1]} r={2.5} fill={tokens.colorBrandForeground1} />
          ),
        )}
        {last ? (
          <circle
            cx={last[0]}
            cy={last[1]}
            r={5}
            fill={colour.fill}
            stroke={tokens.colorNeutralForeground1}
            strokeWidth={1}
          />
        ) : null}
      </svg>
      <figcaption className={s.legend}>
        Solid line: actual. Dashed line: milestone. Last point: {e.row.rag}.
      </figcaption>
    </figure>
  );
}
