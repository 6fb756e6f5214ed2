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
  formatValue,
  RAG_STATUSES,
  type Finding,
  type RagStatus,
  type Report,
  type ReportEntry,
} from "../engine";
import type { ContractError } from "../contract";
import { reportStyles } from "./htmlStyles";
import {
  chip,
  dateLong,
  esc,
  indicatorCell,
  measureText,
  NONE,
  plural,
  ragOrder,
  share,
  signed,
  text,
  value,
  yesNo,
} from "./htmlText";
import { trendChart } from "./trendSvg";

export { esc } from "./htmlText";
export { trendChart } from "./trendSvg";
export { reportStyles } from "./htmlStyles";

const EXCEPTIONS: readonly RagStatus[] = ["Red", "Amber", "No data"];

export interface HtmlReportInput {
  readonly report: Report;
  /** All errors to show (the reader's and the evaluation's), as the report JSON lists them. */
  readonly errors: readonly ContractError[];
  /** The workbook's file name, as given. */
  readonly source: string;
  readonly generated: Date;
  readonly version: string;
}

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
<style>${reportStyles()}</style>
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
