/**
 * The audit as a one-page finding for a board: how many rows agree with the report's own rule,
 * the rows that do not (cell, published and recomputed status, why), the rows that cannot be
 * rated, and the arithmetic findings (the published-figure check). One self-contained HTML file
 * in the committee report's style: no script, no network, printable on A4, statuses written as
 * text (never colour alone), tables with captions and header scopes, every text escaped.
 */
import { plural } from "../engine";
import type { RagStatus } from "../engine";
import { columnAt, sheetAddress } from "../a1";
import { AUDIT_ROLES, type AuditResult, type AuditRow } from "../contract";
import { reportStyles } from "./htmlStyles";
import { chip as statusChip, dateLong, esc } from "./htmlText";

export interface AuditHtmlInput {
  readonly result: AuditResult;
  /** The workbook's file name, as given. */
  readonly source: string;
  readonly generated: Date;
  readonly version: string;
}

const RULE_NAMES: Readonly<Record<string, string>> = {
  Milestone: "the milestone rule (Green on or better than the target, Amber within tolerance)",
  ToleranceBand:
    "the tolerance band rule (Green within tolerance, Amber beyond it but improved on last year)",
  Forecast: "the forecast rule (Amber when the year-end forecast meets the target)",
};

export function ruleDescription(rule: string): string {
  return RULE_NAMES[rule] ?? `the ${rule} rule`;
}

function chip(s: RagStatus | null): string {
  return s === null ? "–" : statusChip(s);
}

function publishedText(r: AuditRow): string {
  if (!r.published) return "–";
  const how =
    r.published.from === "fill"
      ? ` <span class="how">(fill ${esc(r.published.fill ?? "")}, no text)</span>`
      : r.published.text !== null && r.published.text !== r.published.status
        ? ` <span class="how">(typed “${esc(r.published.text)}”)</span>`
        : "";
  return `${chip(r.published.status)}${how}`;
}

function letter(result: AuditResult, column: number | null): string {
  if (column === null) return "–";
  return columnAt(result.range.split(":")[0] ?? "A1", column);
}

const EXTRA_CSS = `
.verdict{font-size:1.15em;padding:.6em .8em;border-left:6px solid #1f3864;background:#eef1f6;margin:.6em 0}
.verdict.bad{border-left-color:#c00000}
.verdict.good{border-left-color:#00703c}
.how{color:#404040;font-size:.85em}
td.cell,th.cell{font-family:Consolas,"Liberation Mono",monospace;white-space:nowrap}
table.columns{width:auto}
`;

/** Every row agrees and no published figure is wrong. */
function isClean(r: AuditResult): boolean {
  return r.summary.disagree === 0 && r.summary.cannotRate === 0 && r.published.length === 0;
}

/** The finding in one sentence: how many rows agree, and what the arithmetic check found. */
function verdictHtml(r: AuditResult): string {
  const s = r.summary;
  const errors = r.published.filter((f) => f.severity === "error").length;
  return isClean(r)
    ? `All ${plural(s.rows, "row agrees", "rows agree")} with the report’s own rule, and every published percentage checked matches its figures.`
    : `<strong>${s.agree} of ${s.rows}</strong> rows agree with the report’s own rule. <strong>${plural(s.disagree, "row does", "rows do")} not</strong>${s.cannotRate > 0 ? `, and <strong>${plural(s.cannotRate, "row cannot", "rows cannot")}</strong> be rated` : ""}.${r.published.length > 0 ? ` The arithmetic check found <strong>${plural(r.published.length, "published figure", "published figures")}</strong> that ${r.published.length === 1 ? "does" : "do"} not match ${r.published.length === 1 ? "its" : "their"} numerator and denominator${errors < r.published.length ? ` (${errors} clearly wrong, ${r.published.length - errors} off in the last place)` : ""}.` : ""}`;
}

/** How the statuses without text were read (from the fill, or not at all). */
function fillNoteHtml(r: AuditResult): string {
  return !r.fillsRead
    ? `<p>Fill colours could not be read here: statuses were read from the cells’ text only.</p>`
    : r.summary.fromFill > 0
      ? `<p>${plural(r.summary.fromFill, "status was", "statuses were")} read from the cell’s fill colour (no text), by hue to the nearest of red, amber, green and blue.</p>`
      : "";
}

/** The rows whose published status is not the one the rule gives. */
function disagreeHtml(r: AuditResult): string {
  const disagree = r.rows.filter((x) => x.outcome === "disagrees");
  return disagree.length === 0
    ? `<p>None: every published status that could be checked is the one the rule gives.</p>`
    : `<table><caption>${plural(disagree.length, "row", "rows")} whose published status is not the one the report’s rule gives</caption>
<thead><tr><th scope="col">Cell</th><th scope="col">Indicator</th><th scope="col">Published</th><th scope="col">By the rule</th><th scope="col">Why</th></tr></thead>
<tbody>
${disagree
  .map(
    (x) =>
      `<tr><td class="cell">${esc(x.cell)}</td><th scope="row">${esc(x.label)}</th><td>${publishedText(x)}</td><td>${chip(x.recomputed)}</td><td>${esc(x.explanation)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`;
}

/** The rows that cannot be rated, and why (nothing when every row could be). */
function unratedHtml(r: AuditResult): string {
  const unrated = r.rows.filter((x) => x.outcome === "cannot-rate");
  return unrated.length === 0
    ? ""
    : `<section aria-labelledby="unrated-h"><h2 id="unrated-h">Rows that cannot be rated</h2>
<p>These rows are not guessed: correct them, or check them by hand.</p>
<table><caption>${plural(unrated.length, "row", "rows")} that cannot be rated, and why</caption>
<thead><tr><th scope="col">Cell</th><th scope="col">Indicator</th><th scope="col">Published</th><th scope="col">Why</th></tr></thead>
<tbody>
${unrated
  .map(
    (x) =>
      `<tr><td class="cell">${esc(x.cell)}</td><th scope="row">${esc(x.label)}</th><td>${publishedText(x)}</td><td>${esc(x.explanation)}</td></tr>`,
  )
  .join("\n")}
</tbody></table></section>`;
}

/** The published percentages that do not match their numerator and denominator. */
function arithmeticHtml(r: AuditResult): string {
  return r.published.length === 0
    ? `<p>No published percentage beside its numerator and denominator is wrong${" "}(percentages are recomputed at the precision they were published with).</p>`
    : `<table><caption>Published percentages that do not match their numerator and denominator</caption>
<thead><tr><th scope="col">Cell</th><th scope="col">Published</th><th scope="col">Should be</th><th scope="col">Severity</th><th scope="col">Finding</th></tr></thead>
<tbody>
${r.published
  .map(
    (f) =>
      `<tr><td class="cell">${esc(f.cell)}</td><td>${esc(f.text)}</td><td>${esc(f.expected || "–")}</td><td>${f.severity === "error" ? "<strong>Error</strong>" : "Warning"}</td><td>${esc(f.message)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`;
}

/** The columns the audit read, guessed or chosen. */
function columnsHtml(r: AuditResult): string {
  return r.columns
    .filter((c) => c.column !== null)
    .map((c) => {
      const name = AUDIT_ROLES.find((x) => x.role === c.role)?.name ?? c.role;
      return `<tr><th scope="row">${esc(name)}</th><td class="cell">${esc(letter(r, c.column))}</td><td>${esc(c.header ?? "")}</td><td>${c.guessed ? "guessed" : "chosen"}</td></tr>`;
    })
    .join("\n");
}

/** The whole HTML document. */
export function auditHtml(input: AuditHtmlInput): string {
  const { result: r } = input;
  const where = sheetAddress(r.sheet, r.range);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit of ${esc(where)} – ${esc(input.source)}</title>
<style>${reportStyles()}${EXTRA_CSS}</style>
</head>
<body>
<header>
<h1>Audit of a RAG report: ${esc(input.source)}</h1>
<p class="meta">${esc(where)}${r.table ? ` (table ${esc(r.table)})` : ""} · rated by ${esc(ruleDescription(r.rule))}, ${esc(r.toleranceText)}${r.scheme === "BRAG" ? " · Blue: annual target met" : ""} · produced by PerfCycle ${esc(input.version)} on ${esc(dateLong(input.generated))}</p>
</header>
<main>
<section aria-labelledby="finding-h">
<h2 id="finding-h">Finding</h2>
<p class="verdict ${isClean(r) ? "good" : "bad"}">${verdictHtml(r)}</p>
${fillNoteHtml(r)}
</section>
<section aria-labelledby="disagree-h">
<h2 id="disagree-h">Statuses that do not follow the rule</h2>
${disagreeHtml(r)}
</section>
${unratedHtml(r)}
<section aria-labelledby="arith-h">
<h2 id="arith-h">Arithmetic</h2>
${arithmeticHtml(r)}
</section>
<section aria-labelledby="columns-h">
<h2 id="columns-h">How the report was read</h2>
<table class="columns"><caption>Columns read (header row ${r.headerRow})</caption>
<thead><tr><th scope="col">What</th><th scope="col">Column</th><th scope="col">Header</th><th scope="col">How</th></tr></thead>
<tbody>
${columnsHtml(r)}
</tbody></table>
</section>
</main>
<footer>Each status is recomputed by PerfCycle’s engine from the row’s own figures under the rule and tolerance the report states; figures are rounded here for reading. A published status is read from the cell’s text (Red, Amber, Green, Blue or R, A, G, B) or, where the cell has no text, from its fill colour.</footer>
</body>
</html>
`;
}
