/**
 * The audit of a report made by hand (semantics.md, "Auditing a report made by hand"), over a
 * table or range of any host's cells: the header row found, the columns guessed (or given), each
 * row's figures read (numbers, percentages, `n/d`, placeholders), its published status read from
 * the text or, where there is none, from the cell's fill, its status recomputed by the report's
 * own rule with the engine, and the published-figure check run over the same cells.
 *
 * A row that cannot be rated (no target, a figure or status that cannot be read, no polarity) is
 * listed with why; nothing is guessed. Headings (rows with a label and nothing else) are skipped.
 */
import { toleranceWords, type RagScheme } from "../../engine";
import { parseA1 } from "../a1";
import { scanPublished } from "../published";
import { auditLayout, rangeOf, requiredColumns } from "./layout";
import { AuditGrid, auditRow, readPublished, type PendingRow } from "./row";
import type { AuditOptions, AuditOutcome, AuditResult, AuditRow, AuditSource, AuditSummary } from "./types";

export * from "./types";
export { auditLayout, type AuditLayout } from "./layout";

function summaryOf(rows: readonly AuditRow[]): AuditSummary {
  const count = (o2: AuditOutcome): number => rows.filter((x) => x.outcome === o2).length;
  return {
    rows: rows.length,
    agree: count("agrees"),
    disagree: count("disagrees"),
    cannotRate: count("cannot-rate"),
    fromFill: rows.filter((x) => x.published?.from === "fill").length,
  };
}

/**
 * Audit the cells: every row's published status against the status the report's own rule gives
 * it. Throws AuditSetupError when the cells have no header row naming a status, an actual and a
 * target or milestone (and no columns were given for them).
 */
export function auditReport(source: AuditSource, options: AuditOptions): AuditResult {
  const values = source.values;
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const origin = parseA1(source.origin) ? source.origin : "A1";
  const layout = auditLayout(source, options);
  const headerRow = layout.headerRow;
  const g = new AuditGrid(source, origin, requiredColumns(source, origin, layout, options));

  // Pass 1: the published statuses (Blue anywhere means the report uses BRAG).
  const pending: PendingRow[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const p = readPublished(g, r);
    if (p !== null) pending.push(p);
  }
  const anyBlue = pending.some((p) => p.published?.status === "Blue");
  const scheme: RagScheme = anyBlue && g.annualCol !== null ? "BRAG" : "RAG";
  // Pass 2: the figures, and the status by the report's rule.
  const how = { options, scheme, blueIsGreen: g.annualCol === null };
  const rows = pending.map((p) => auditRow(g, p, how));

  return {
    sheet: source.sheet,
    table: source.table ?? null,
    range: rangeOf(origin, values.length, width),
    headerRow: g.top + headerRow + 1,
    headers: layout.headers,
    columns: layout.columns,
    rule: options.rule,
    tolerance: options.tolerance,
    toleranceType: options.toleranceType,
    toleranceText: toleranceWords(
      { tolerance: options.tolerance, toleranceType: options.toleranceType },
      options.toleranceType === "Absolute" && !rows.some((x) => x.rate) ? "Level" : "Rate",
    ),
    scheme,
    polarity: options.polarity ?? null,
    fillsRead: g.fillsRead,
    rows,
    summary: summaryOf(rows),
    published: scanPublished(source.sheet, values, source.formats ?? undefined, origin),
  };
}

/** The audit passes when every row agrees: nothing disagrees and nothing is left unrated. */
export function auditPasses(result: AuditResult): boolean {
  return result.summary.disagree === 0 && result.summary.cannotRate === 0;
}
