/**
 * A trend chart as inline SVG for the HTML report: the compared actual, the milestone, the
 * confidence whiskers and a comparator line over the eight quarters, with a title and a text
 * description for screen readers. The geometry comes from trendChart.ts, shared with the pane.
 */
import { formatValue, type ReportEntry } from "../engine";
import { esc, statusClass } from "./htmlText";
import { chartComparator, trendDescription, trendGeometry, trendIntervals } from "./trendChart";

const W = 300;
const H = 130;
const PAD = { left: 52, right: 10, top: 12, bottom: 30 };

/** A small line chart of the compared actual and the milestone over the eight quarters. */
export function trendChart(e: ReportEntry, id: string, from = 0): string {
  const mt = e.row.measureType;
  const trend = e.trend.slice(from);
  const unit = `${e.row.indicatorId} ${e.indicator} (${e.row.orgUnit})`;
  const what = mt === "Count" ? "year-to-date count" : mt === "Rate" ? "rate" : "level";
  const cmp = chartComparator(e.row.comparators);
  const intervals = trendIntervals(trend, e.row.confidenceLow, e.row.confidenceHigh);
  const g = trendGeometry(
    trend,
    mt,
    { width: W, height: H, pad: PAD },
    {
      intervals,
      comparator: cmp?.value ?? null,
    },
  );
  if (g === null) {
    return `<p class="nochart">No figures for ${esc(unit)} in the eight quarters to ${esc(e.row.period)}.</p>`;
  }
  const { lo, hi, x, actual } = g;
  const ph = g.axisY - PAD.top;
  const title = `Trend of ${unit}: ${what}, ${trend[0]?.period ?? ""} to ${trend[trend.length - 1]?.period ?? ""}`;
  const desc = trendDescription(mt, trend, e.row.period, e.row.rag, {
    interval: intervals[intervals.length - 1] ?? null,
    comparator: cmp,
  });
  const parts: string[] = [];
  parts.push(
    `<svg class="trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-t">${esc(title)}</title>`,
    `<desc id="${id}-d">${esc(desc)}</desc>`,
  );
  // Axes and the two value labels.
  parts.push(
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + ph}" x2="${W - PAD.right}" y2="${PAD.top + ph}"/>`,
    `<line class="grid" x1="${PAD.left}" y1="${PAD.top}" x2="${W - PAD.right}" y2="${PAD.top}"/>`,
    `<text class="lab" x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${esc(formatValue(mt, hi))}</text>`,
    `<text class="lab" x="${PAD.left - 4}" y="${PAD.top + ph + 3}" text-anchor="end">${esc(formatValue(mt, lo))}</text>`,
  );
  trend.forEach((p, i) => {
    const q = g.quarters[i] ?? p.period;
    parts.push(
      `<text class="lab" x="${x(i).toFixed(1)}" y="${H - 16}" text-anchor="middle">${esc(q)}</text>`,
    );
    if (q === "Q1" || i === 0) {
      const fy = g.years[i] ?? "";
      parts.push(
        `<text class="lab fy" x="${x(i).toFixed(1)}" y="${H - 4}" text-anchor="${i === 0 ? "start" : "middle"}">${esc(fy)}</text>`,
      );
    }
  });
  if (g.comparatorY !== null && cmp !== null) {
    const cy = g.comparatorY.toFixed(1);
    parts.push(
      `<line class="cmp" x1="${PAD.left}" y1="${cy}" x2="${W - PAD.right}" y2="${cy}"/>`,
      `<text class="lab cmp-lab" x="${PAD.left + 3}" y="${(g.comparatorY - 3).toFixed(1)}" text-anchor="start">${esc(`${cmp.name} ${formatValue(mt, cmp.value)}`)}</text>`,
    );
  }
  for (const run of g.milestoneRuns) parts.push(`<polyline class="ms" points="${run}"/>`);
  for (const w of g.whiskers) {
    if (w === null) continue;
    const [wx, top, bottom] = w.map((n) => n.toFixed(1));
    parts.push(
      `<line class="ci" x1="${wx}" y1="${top}" x2="${wx}" y2="${bottom}"/>`,
      `<line class="ci" x1="${(w[0] - 4).toFixed(1)}" y1="${top}" x2="${(w[0] + 4).toFixed(1)}" y2="${top}"/>`,
      `<line class="ci" x1="${(w[0] - 4).toFixed(1)}" y1="${bottom}" x2="${(w[0] + 4).toFixed(1)}" y2="${bottom}"/>`,
    );
  }
  for (const run of g.actualRuns) parts.push(`<polyline class="act" points="${run}"/>`);
  actual.forEach((p, i) => {
    if (p === null) return;
    const last = i === trend.length - 1;
    parts.push(
      `<circle class="${last ? `pt last ${statusClass(e.row.rag)}` : "pt"}" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${last ? 4.5 : 2.5}"/>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
