/** `perfcycle audit`'s outputs: the audit as JSON and as terminal text. */
import { columnAt, sheetAddress } from "../../a1";
import { AUDIT_ROLES, type AuditResult } from "../../contract";
import { ruleDescription } from "../../present";

/** The range's first cell, from which its columns are counted. */
const firstCell = (r: AuditResult): string => r.range.split(":")[0] ?? "A1";

export function auditJson(r: AuditResult): Record<string, unknown> {
  return {
    sheet: r.sheet,
    table: r.table,
    range: r.range,
    headerRow: r.headerRow,
    rule: r.rule,
    tolerance: r.tolerance,
    toleranceType: r.toleranceType,
    toleranceText: r.toleranceText,
    scheme: r.scheme,
    polarity: r.polarity,
    fillsRead: r.fillsRead,
    columns: r.columns.map((c) => ({
      role: c.role,
      column: c.column === null ? null : columnAt(firstCell(r), c.column),
      header: c.header,
      guessed: c.guessed,
    })),
    summary: r.summary,
    rows: r.rows.map((x) => ({
      row: x.row,
      cell: x.cell,
      label: x.label,
      outcome: x.outcome,
      published: x.published?.status ?? null,
      publishedFrom: x.published?.from ?? null,
      publishedText: x.published?.text ?? null,
      fill: x.published?.fill ?? null,
      recomputed: x.recomputed,
      explanation: x.explanation,
      actual: x.actual,
      milestone: x.milestone,
      target: x.target,
      polarity: x.polarity,
    })),
    published: r.published,
  };
}

export function auditText(r: AuditResult): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(
    `Audit of ${sheetAddress(r.sheet, r.range)}${r.table ? ` (table ${r.table})` : ""}: rated by ${ruleDescription(r.rule)}, ${r.toleranceText}`,
  );
  lines.push(
    `Columns (header row ${r.headerRow}): ${r.columns
      .filter((c) => c.column !== null)
      .map(
        (c) =>
          `${AUDIT_ROLES.find((x) => x.role === c.role)?.name ?? c.role} ${columnAt(firstCell(r), c.column ?? 0)} "${c.header ?? ""}"`,
      )
      .join("; ")}`,
  );
  lines.push(
    `${s.rows} row${s.rows === 1 ? "" : "s"}: ${s.agree} agree, ${s.disagree} ${s.disagree === 1 ? "disagrees" : "disagree"}, ${s.cannotRate} cannot be rated${s.fromFill > 0 ? ` (${s.fromFill} status${s.fromFill === 1 ? "" : "es"} read from fill colour)` : ""}`,
  );
  const dis = r.rows.filter((x) => x.outcome === "disagrees");
  if (dis.length > 0) {
    lines.push("", "Published status differs from the rule:");
    for (const x of dis)
      lines.push(
        `  ${x.cell}  ${x.label}: published ${x.published?.status ?? "?"}${x.published?.from === "fill" ? ` (fill ${x.published.fill ?? ""})` : ""}, by the rule ${x.recomputed ?? "?"}. ${x.explanation}`,
      );
  }
  const un = r.rows.filter((x) => x.outcome === "cannot-rate");
  if (un.length > 0) {
    lines.push("", "Cannot be rated:");
    for (const x of un) lines.push(`  ${x.cell}  ${x.label}: ${x.explanation}`);
  }
  if (r.published.length > 0) {
    lines.push("", "Published figures (arithmetic):");
    for (const f of r.published)
      lines.push(`  ${f.cell}  ${f.severity === "error" ? "error" : "warning"}: ${f.message}`);
  }
  return `${lines.join("\n")}\n`;
}
