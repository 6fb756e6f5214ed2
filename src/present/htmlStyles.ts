/**
 * The committee report's style sheet: one inline <style>, no external fonts, the RAG colours as
 * chips, print rules for A4. The audit finding uses the same sheet so both look alike.
 */
import { RAG_STATUSES } from "../engine";
import { RAG_COLOURS } from "./ragColours";
import { statusClass } from "./htmlText";

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

/** The report's style sheet, for other one-file HTML outputs (the audit finding) to look the same. */
export const reportStyles: () => string = styles;
