/**
 * The committee report as one self-contained HTML file: summary counts, the exceptions (Red,
 * Amber, No data) with the one-line explanation, commentary and action, a small trend chart per
 * indicator (inline SVG), every indicator in full, data errors and target-quality findings.
 *
 * No script, no network (no external fonts, images or styles), printable on A4, readable by a
 * screen reader (lang, headings, table captions and header scopes, each chart an image with a
 * title and a text description of its figures, status written as text not only as colour).
 * Every piece of text from the workbook is escaped. Figures are rounded here for reading with the
 * engine's formatters; nothing is computed.
 *
 * Pure (engine and contract only, no Node.js API): the task pane's report export renders with
 * this same function, so the pane and the command never produce different reports.
 */
import {
  formatDifference,
  formatPercent,
  formatValue,
  RAG_STATUSES,
  type Finding,
  type MeasureType,
  type Polarity,
  type RagStatus,
  type Report,
  type ReportEntry,
} from "../engine";
import type { ContractError } from "../contract";
import { RAG_COLOURS } from "./ragColours";
import { chartComparator, trendDescription, trendGeometry, trendIntervals } from "./trendChart";

export interface HtmlReportInput {
  readonly report: Report;
  /** All errors to show (the reader's and the evaluation's), as the report JSON lists them. */
  readonly errors: readonly ContractError[];
  /** The workbook's file name, as given. */
  readonly source: string;
  readonly generated: Date;
  readonly version: string;
}

/** Escape text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const EXCEPTIONS: readonly RagStatus[] = ["Red", "Amber", "No data"];

const NONE = '<span aria-hidden="true">–</span><span class="sr">no figure</span>';

function statusClass(s: RagStatus): string {
  return `rag-${s.toLowerCase().replace(/[^a-z]+/g, "-")}`;
}

function chip(s: RagStatus): string {
  return `<span class="chip ${statusClass(s)}">${esc(s)}</span>`;
}

function value(mt: MeasureType, x: number | null): string {
  return x === null ? NONE : esc(formatValue(mt, x));
}

function signed(mt: MeasureType, x: number | null): string {
  if (x === null) return NONE;
  const mag = formatDifference(mt, x);
  if (/^0(\.0)?( points?)?$/.test(mag)) return esc(mag);
  return esc(`${x < 0 ? "−" : "+"}${mag}`);
}

function share(x: number | null): string {
  return x === null ? NONE : esc(formatPercent(x).replace(/^-/, "−"));
}

function text(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === "" ? NONE : esc(s);
}

function yesNo(b: boolean | null): string {
  return b === null ? NONE : b ? "Yes" : "No";
}

function measureText(mt: MeasureType, polarity: Polarity): string {
  const p =
    polarity === "Higher" ? "higher is better" : polarity === "Lower" ? "lower is better" : "monitored";
  return `${mt}, ${p}`;
}

function dateLong(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

function indicatorCell(e: ReportEntry): string {
  return `<span class="id">${esc(e.row.indicatorId)}</span> ${esc(e.indicator || e.row.indicatorId)}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
}

function ragOrder(s: RagStatus): number {
  return RAG_STATUSES.indexOf(s);
}

// ---------------------------------------------------------------------------------------------
// Trend chart

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

// ---------------------------------------------------------------------------------------------
// Sections

function summarySection(report: Report): string {
  const total = report.entries.length;
  const indicators = new Set(report.entries.map((e) => e.row.indicatorId.trim().toUpperCase())).size;
  const units = new Set(report.entries.map((e) => e.row.orgUnit.trim().toLowerCase())).size;
  const counts = RAG_STATUSES.map((s) => report.summary[s] ?? 0);
  const exceptions = EXCEPTIONS.reduce((n, s) => n + (report.summary[s] ?? 0), 0);
  const head = RAG_STATUSES.map((s) => `<th scope="col">${chip(s)}</th>`).join("");
  const cells = counts.map((n) => `<td>${n}</td>`).join("");
  return `<section aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="lead">${plural(indicators, "indicator")} across ${plural(units, "unit")}: ${plural(total, "result")} rated for ${esc(report.period)}, of which <strong>${exceptions}</strong> ${exceptions === 1 ? "needs" : "need"} the board's attention (Red, Amber or no data).</p>
<table class="summary"><caption>Number of indicators by status, ${esc(report.period)}</caption>
<thead><tr><th scope="row">Status</th>${head}</tr></thead>
<tbody><tr><th scope="row">Indicators</th>${cells}</tr></tbody></table>
</section>`;
}

function exceptionsSection(report: Report): string {
  const rows = report.entries
    .filter((e) => EXCEPTIONS.includes(e.row.rag))
    .slice()
    .sort((a, b) => ragOrder(a.row.rag) - ragOrder(b.row.rag));
  const body =
    rows.length === 0
      ? `<p>No indicator is Red or Amber, and every indicator due has data.</p>`
      : `<table class="exceptions"><caption>Red, Amber and No data, Red first: why, and what is being done</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col">Status</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Milestone</th><th scope="col">Why</th><th scope="col">Commentary</th><th scope="col">Action</th></tr></thead>
<tbody>
${rows
  .map(
    (e) =>
      `<tr><th scope="row">${indicatorCell(e)}</th><td>${esc(e.row.orgUnit)}</td><td>${chip(e.row.rag)}</td><td class="num">${value(e.row.measureType, e.row.actual)}</td><td class="num">${value(e.row.measureType, e.row.milestone)}</td><td>${esc(e.row.explanation)}</td><td>${text(e.commentary)}</td><td>${text(e.action)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`;
  return `<section aria-labelledby="exceptions-h">
<h2 id="exceptions-h">Exceptions</h2>
${body}
</section>`;
}

function trendsSection(report: Report): string {
  const withTrend = report.entries.filter((e) => e.trend.length > 0);
  if (withTrend.length === 0) return "";
  // Leading quarters with no figure in any chart are left out of all of them (same axis for all).
  const firstFigure = (e: ReportEntry): number => {
    const i = e.trend.findIndex((p) => p.actual !== null || p.milestone !== null);
    return i < 0 ? e.trend.length : i;
  };
  const from = Math.min(...withTrend.map(firstFigure), ...withTrend.map((e) => e.trend.length - 1));
  const figures = withTrend
    .map(
      (e, i) =>
        `<figure class="chart"><figcaption>${indicatorCell(e)} <span class="unit">${esc(e.row.orgUnit)}</span> ${chip(e.row.rag)}</figcaption>${trendChart(e, `c${i + 1}`, from)}</figure>`,
    )
    .join("\n");
  return `<section aria-labelledby="trends-h">
<h2 id="trends-h">Trends</h2>
<p class="key"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" class="act"/></svg> actual (year to date for counts) &nbsp; <svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" class="ms"/></svg> milestone &nbsp; <svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" class="cmp"/></svg> comparator (England, else a region or an average) &nbsp; <svg width="10" height="14" aria-hidden="true"><line x1="5" y1="1" x2="5" y2="13" class="ci"/><line x1="1" y1="1" x2="9" y2="1" class="ci"/><line x1="1" y1="13" x2="9" y2="13" class="ci"/></svg> confidence interval &nbsp; the large point is ${esc(report.period)}, coloured by its status. Each chart's figures are in its text description.</p>
<div class="charts">
${figures}
</div>
</section>`;
}

function fullSection(report: Report): string {
  const rows = report.entries
    .map((e) => {
      const r = e.row;
      return `<tr><th scope="row">${indicatorCell(e)}</th><td>${esc(r.orgUnit)}</td><td>${esc(measureText(r.measureType, r.polarity))}</td><td class="num">${value(r.measureType, r.baseline)}</td><td class="num">${value(r.measureType, r.target)}</td><td class="num">${value(r.measureType, r.milestone)}</td><td class="num">${value(r.measureType, r.actual)}</td><td class="num">${signed(r.measureType, r.variance)}</td><td>${chip(r.rag)}</td><td>${text(r.dotPrevious)}</td><td>${text(r.dotYearAgo)}</td><td class="num">${value(r.measureType, r.forecast)}</td><td>${yesNo(r.onTrack)}</td><td class="num">${share(r.distanceTravelled)}</td></tr>`;
    })
    .join("\n");
  return `<section aria-labelledby="all-h" class="all">
<h2 id="all-h">All indicators</h2>
<table class="full"><caption>Every indicator and unit for ${esc(report.period)}: figures, status, direction of travel and forecast</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col">Measure</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">Target</th><th scope="col" class="num">Milestone</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Variance</th><th scope="col">Status</th><th scope="col">Direction since last quarter</th><th scope="col">Direction since a year ago</th><th scope="col" class="num">Forecast</th><th scope="col">On track</th><th scope="col" class="num">Distance travelled</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

/** The row's interval ("41.1%–54.1%"), with "small base" where the base is small. */
function intervalText(r: ReportEntry["row"]): string {
  const small = r.smallBase ? ' <span class="flag">small base</span>' : "";
  if (r.confidenceLow === null || r.confidenceHigh === null) return r.smallBase ? small.trim() : NONE;
  return `${esc(formatValue(r.measureType, r.confidenceLow))}–${esc(formatValue(r.measureType, r.confidenceHigh))}${small}`;
}

/** The figure's quality; a roll-up names the unit its quality comes from. */
function qualityText(e: ReportEntry): string {
  const q = e.row.quality;
  if (q === null) return NONE;
  if (q === "Validated") return "Validated";
  const from = e.qualityUnit && e.qualityUnit !== e.row.orgUnit ? ` (from ${esc(e.qualityUnit)})` : "";
  return `<strong>${esc(q)}</strong>${from}`;
}

/** Each comparator: its figure, the gap and Better/Similar/Worse; the peer group's quartile. */
function comparatorsText(r: ReportEntry["row"]): string {
  if (r.comparators.length === 0) return NONE;
  const mt = r.measureType;
  return r.comparators
    .map((c) => {
      const fig = c.value === null ? "" : ` ${esc(formatValue(mt, c.value))}`;
      const gap = c.gap === null ? "" : `, gap ${signed(mt, c.gap)}`;
      const status = c.status === null ? "" : `: <strong>${esc(c.status)}</strong>`;
      const quartile = c.quartile === null ? "" : `, quartile ${c.quartile} of 4`;
      return `<span class="cmp-item">${esc(c.comparator)}${fig}${status}${gap}${quartile}</span>`;
    })
    .join("<br>");
}

/** Figures of any quality but Validated: the board must not read them as final. */
function qualitySection(report: Report): string {
  const rows = report.entries.filter((e) => e.row.quality !== null && e.row.quality !== "Validated");
  if (rows.length === 0) return "";
  return `<section aria-labelledby="quality-h">
<h2 id="quality-h">Figures not validated</h2>
<p>These figures are rated as usual but are not final: their status may change when the figure is validated.</p>
<table class="issues quality"><caption>${plural(rows.length, "figure")} not validated in ${esc(report.period)}</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col">Quality</th><th scope="col" class="num">Actual</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows
  .map(
    (e) =>
      `<tr><th scope="row">${indicatorCell(e)}</th><td>${esc(e.row.orgUnit)}</td><td>${qualityText(e)}</td><td class="num">${value(e.row.measureType, e.row.actual)}</td><td>${chip(e.row.rag)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>
</section>`;
}

/** Confidence, quality and comparators of every row: the evidence behind each status. */
function evidenceSection(report: Report): string {
  const rows = report.entries.filter(
    (e) =>
      e.row.confidenceLow !== null ||
      e.row.smallBase ||
      (e.row.quality !== null && e.row.quality !== "Validated") ||
      e.row.comparators.length > 0,
  );
  if (rows.length === 0) return "";
  const body = rows
    .map(
      (e) =>
        `<tr><th scope="row">${indicatorCell(e)}</th><td>${esc(e.row.orgUnit)}</td><td class="num">${value(e.row.measureType, e.row.actual)}</td><td class="num">${intervalText(e.row)}</td><td>${qualityText(e)}</td><td>${comparatorsText(e.row)}</td></tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="evidence-h">
<h2 id="evidence-h">Confidence, data quality and comparators</h2>
<table class="evidence"><caption>Each figure's confidence interval (at the workbook's confidence level), its quality, and how it compares with England, the region and its neighbours, ${esc(report.period)}</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Confidence interval</th><th scope="col">Quality</th><th scope="col">Against comparators</th></tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
}

function where(e: ContractError): string {
  return [e.table, e.row === null ? "" : `row ${e.row}`, e.column ?? ""].filter((s) => s !== "").join(", ");
}

function errorsSection(errors: readonly ContractError[]): string {
  if (errors.length === 0) return "";
  return `<section aria-labelledby="errors-h">
<h2 id="errors-h">Data errors</h2>
<p>These cells could not be read or evaluated; the figures above leave them out. Correct them in the workbook and run the report again.</p>
<table class="issues"><caption>${errors.length} data error${errors.length === 1 ? "" : "s"}</caption>
<thead><tr><th scope="col">Where</th><th scope="col">Problem</th></tr></thead>
<tbody>
${errors.map((e) => `<tr><th scope="row">${esc(where(e))}</th><td>${esc(e.message)}</td></tr>`).join("\n")}
</tbody></table>
</section>`;
}

function findingsSection(findings: readonly Finding[]): string {
  if (findings.length === 0) return "";
  const sorted = findings
    .slice()
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return `<section aria-labelledby="findings-h">
<h2 id="findings-h">Target quality (SMART) findings</h2>
<table class="issues"><caption>${findings.length} finding${findings.length === 1 ? "" : "s"} on the target register; errors block approval</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col">Code</th><th scope="col">Severity</th><th scope="col">Field</th><th scope="col">Finding</th></tr></thead>
<tbody>
${sorted
  .map(
    (f) =>
      `<tr><th scope="row">${esc(f.indicatorId)}</th><td>${esc(f.orgUnit)}</td><td>${esc(f.code)}</td><td>${f.severity === "error" ? "<strong>Error</strong>" : "Warning"}</td><td>${esc(f.field)}</td><td>${esc(f.message)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>
</section>`;
}

function hex(c: string): string {
  return /^#[0-9A-Fa-f]{6}$/.test(c) ? c : "#000000";
}

function styles(): string {
  const rag = RAG_STATUSES.map((s) => {
    const c = RAG_COLOURS[s];
    return `.${statusClass(s)}{background:${hex(c.fill)};color:${hex(c.font)}}circle.${statusClass(s)}{fill:${hex(c.fill)};stroke:#000}`;
  }).join("\n");
  return `
*{box-sizing:border-box}
body{font-family:"Segoe UI",Arial,Helvetica,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:1200px;padding:24px;line-height:1.4;font-size:15px}
h1{font-size:1.7em;margin:0 0 .2em}
h2{font-size:1.3em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:2px solid #1f3864;color:#1f3864}
.meta{color:#404040;margin:0}
.lead{font-size:1.05em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
caption{text-align:left;font-weight:600;padding:.3em 0;color:#333}
th,td{border:1px solid #bfbfbf;padding:5px 7px;vertical-align:top;text-align:left}
thead th{background:#1f3864;color:#fff;font-weight:600}
tbody th{font-weight:normal}
tbody tr:nth-child(even){background:#f5f7fa}
.num{text-align:right}
td.num{white-space:nowrap}
table.full th[scope=row],table.exceptions th[scope=row]{min-width:12em}
table.full td:nth-child(3){min-width:7em}
table.full{font-size:.92em}
table.full th,table.full td{padding:4px 5px}
.id{display:block;font-size:.8em;color:#404040;font-family:Consolas,"Liberation Mono",monospace}
.chip{display:inline-block;padding:1px 8px;border-radius:3px;font-weight:700;white-space:nowrap;border:1px solid rgba(0,0,0,.35)}
table.summary{width:auto}
table.summary td{text-align:center;font-size:1.25em;font-weight:700;min-width:5.5em}
table.summary thead th{background:#fff;color:#1a1a1a;text-align:center}
table.summary thead th[scope=row],table.summary tbody th{background:#eef1f6;color:#1a1a1a;font-weight:600}
.exceptions td:nth-child(6){min-width:18em}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(310px,1fr));gap:14px}
figure.chart{margin:0;border:1px solid #d0d0d0;border-radius:4px;padding:8px;break-inside:avoid;page-break-inside:avoid}
figcaption{font-size:.9em;margin-bottom:4px}
figcaption .id{display:inline;margin-right:.3em}
figcaption .unit{color:#404040}
figcaption .chip{font-size:.8em;margin-left:.3em}
svg.trend{display:block;max-width:100%;height:auto}
.axis{stroke:#595959;stroke-width:1}
.grid{stroke:#d9d9d9;stroke-width:1}
.lab{font-size:10px;fill:#404040;font-family:Arial,Helvetica,sans-serif}
.lab.fy{font-weight:600}
.act{fill:none;stroke:#1d4f91;stroke-width:2.2}
.ms{fill:none;stroke:#595959;stroke-width:1.6;stroke-dasharray:5 3}
.pt{fill:#1d4f91}
.cmp{stroke:#7a3e9d;stroke-width:1.4;stroke-dasharray:2 2}
.cmp-lab{fill:#5c2d78}
.ci{stroke:#1a1a1a;stroke-width:1.3}
.flag{display:inline-block;font-size:.8em;border:1px solid #7f6000;color:#5c4600;padding:0 4px;border-radius:3px;white-space:nowrap}
.cmp-item{white-space:nowrap}
.key svg{vertical-align:middle}
.nochart{color:#404040;font-style:italic}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:2em;color:#404040;font-size:.85em;border-top:1px solid #bfbfbf;padding-top:.5em}
${rag}
@page{size:A4;margin:12mm}
@media print{
 body{max-width:none;padding:0;font-size:9.5pt}
 h2,caption{break-after:avoid;page-break-after:avoid}
 table.issues,table.summary{break-inside:avoid;page-break-inside:avoid}
 table{font-size:8pt}
 thead{display:table-header-group}
 tr{break-inside:avoid;page-break-inside:avoid}
 thead th{background:#1f3864 !important;color:#fff !important}
 .chip,circle{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .charts{grid-template-columns:repeat(3,1fr);gap:8px}
 section.all{break-before:page;page-break-before:always}
 th,td{padding:3px 4px}
}`;
}

/** The whole HTML document. */
export function htmlReport(input: HtmlReportInput): string {
  const { report } = input;
  const rule =
    report.ragRule === "Milestone"
      ? "milestone rule"
      : report.ragRule === "ToleranceBand"
        ? "tolerance band rule"
        : report.ragRule === "Confidence"
          ? "confidence rule"
          : "forecast rule";
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Performance report ${esc(report.period)} – ${esc(input.source)}</title>
<style>${styles()}</style>
</head>
<body>
<header>
<h1>Performance report: ${esc(report.period)}</h1>
<p class="meta">Workbook ${esc(input.source)} · rated by the ${esc(rule)} · produced by PerfCycle ${esc(input.version)} on ${esc(dateLong(input.generated))}</p>
</header>
<main>
${summarySection(report)}
${exceptionsSection(report)}
${trendsSection(report)}
${qualitySection(report)}
${evidenceSection(report)}
${fullSection(report)}
${errorsSection(input.errors)}
${findingsSection(report.findings)}
</main>
<footer>Statuses follow the workbook's own rule; every figure is computed from the workbook by PerfCycle's engine and rounded here for reading. Blue means the annual target is already met (BRAG scheme); Monitor means the indicator has no better direction; Not due means the quarter is after the reporting period.</footer>
</body>
</html>
`;
}

/** The report's style sheet, for other one-file HTML outputs (the audit finding) to look the same. */
export const reportStyles: () => string = styles;
