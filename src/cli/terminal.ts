/**
 * Human output on the terminal: compact tables, the RAG status coloured with ANSI codes when
 * stdout is a terminal (and NO_COLOR is not set), plain text otherwise. Figures are rounded for
 * reading with the engine's formatters.
 */
import { formatDifference, formatValue, RAG_STATUSES, type RagStatus, type Report } from "../engine";
import type { ContractError, ImportedRow, CellIssue, PublishedFinding } from "../contract";
import type { Finding } from "../engine";

export interface Style {
  readonly colour: boolean;
  /** Terminal width in characters (text columns are cut to fit). */
  readonly width: number;
}

const ANSI: Readonly<Record<RagStatus, string>> = {
  Red: "\x1b[1;37;41m",
  Amber: "\x1b[1;30;43m",
  Green: "\x1b[1;37;42m",
  Blue: "\x1b[1;37;44m",
  "No data": "\x1b[1;30;47m",
  "Not due": "\x1b[2m",
  "No target": "\x1b[33m",
  Monitor: "\x1b[36m",
};
const RESET = "\x1b[0m";

function isStatus(s: string): s is RagStatus {
  return (RAG_STATUSES as readonly string[]).includes(s);
}

/** Cut text to `n` characters with an ellipsis. */
export function cut(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length <= n ? flat : `${flat.slice(0, Math.max(0, n - 1))}…`;
}

type Align = "left" | "right";

/** A table as lines: columns padded to their widest cell; `status` columns coloured. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  style: Style,
  options: { readonly align?: readonly Align[]; readonly statusColumn?: number } = {},
): string[] {
  const widths = headers.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const pad = (s: string, j: number): string => {
    const w = widths[j] ?? s.length;
    return options.align?.[j] === "right" ? s.padStart(w) : s.padEnd(w);
  };
  const line = (cells: readonly string[], header: boolean): string =>
    cells
      .map((c, j) => {
        const p = pad(c, j);
        if (!header && style.colour && j === options.statusColumn && isStatus(c))
          return `${ANSI[c]}${p}${RESET}`;
        return p;
      })
      .join("  ")
      .trimEnd();
  const out = [line(headers, true), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of rows) out.push(line(r, false));
  return out;
}

function status(s: RagStatus, style: Style): string {
  return style.colour ? `${ANSI[s]}${s}${RESET}` : s;
}

const dash = "-";

/** The report on the terminal: a row per indicator and unit, the exceptions' reasons, the summary and the errors. */
export function reportText(
  report: Report,
  errors: readonly ContractError[],
  style: Style,
  options: { readonly table?: boolean } = {},
): string {
  const full = options.table ?? true;
  const rows = (full ? report.entries : []).map((e) => {
    const r = e.row;
    const v = (x: number | null): string => (x === null ? dash : formatValue(r.measureType, x));
    return [
      cut(r.indicatorId, 14),
      cut(r.orgUnit, 18),
      v(r.actual),
      v(r.milestone),
      r.variance === null
        ? dash
        : `${r.variance < 0 ? "-" : "+"}${formatDifference(r.measureType, r.variance)}`,
      r.rag,
      r.dotPrevious ?? dash,
      r.forecast === null ? dash : v(r.forecast),
    ];
  });
  const lines: string[] = [`PerfCycle report ${report.period} (${report.ragRule} rule)`];
  if (full) lines.push("");
  if (full)
    lines.push(
      ...table(
        ["Indicator", "Unit", "Actual", "Milestone", "Variance", "RAG", "DoT", "Forecast"],
        rows,
        style,
        {
          align: ["left", "left", "right", "right", "right", "left", "left", "right"],
          statusColumn: 5,
        },
      ),
    );
  const exceptions = report.entries.filter(
    (e) => e.row.rag === "Red" || e.row.rag === "Amber" || e.row.rag === "No data",
  );
  if (full && exceptions.length > 0) {
    lines.push("", "Exceptions:");
    for (const s of ["Red", "Amber", "No data"] as const) {
      for (const e of exceptions.filter((x) => x.row.rag === s)) {
        lines.push(`  ${e.row.indicatorId} ${e.row.orgUnit}: ${e.row.explanation}`);
      }
    }
  }
  lines.push(
    "",
    `Summary: ${
      RAG_STATUSES.filter((s) => (report.summary[s] ?? 0) > 0)
        .map((s) => `${status(s, style)} ${report.summary[s] ?? 0}`)
        .join(", ") || "no indicators"
    }`,
  );
  const errorCount = report.findings.filter((f) => f.severity === "error").length;
  if (report.findings.length > 0) {
    lines.push(
      `Target findings: ${report.findings.length} (${errorCount} error${errorCount === 1 ? "" : "s"}); run perfcycle check for the list`,
    );
  }
  lines.push(...errorLines(errors));
  return `${lines.join("\n")}\n`;
}

/** Where a contract error is, then its message; a message that begins with its place (it has a `detail`) as it is. */
export function errorText(e: ContractError): string {
  if (e.detail !== undefined) return e.message;
  const place = [e.table, e.row === null ? "" : `row ${e.row}`, e.column ?? ""]
    .filter((s) => s !== "")
    .join(", ");
  return `${place}: ${e.message}`;
}

export function errorLines(errors: readonly ContractError[]): string[] {
  if (errors.length === 0) return [];
  return ["", `Errors (${errors.length}):`, ...errors.map((e) => `  ${errorText(e)}`)];
}

/** `check` on the terminal. */
export function checkText(
  findings: readonly Finding[],
  errors: readonly ContractError[],
  published: readonly PublishedFinding[],
  style: Style,
  options: { readonly register?: boolean } = {},
): string {
  const lines: string[] = [];
  const sev = (s: string): string => (style.colour && s === "error" ? `\x1b[1;31m${s}${RESET}` : s);
  if (options.register === false) lines.push("Target findings: not checked (no target register)");
  else lines.push(`Target findings (${findings.length}):`);
  if (findings.length === 0 && options.register !== false) lines.push("  none");
  for (const f of findings)
    lines.push(`  ${sev(f.severity)} ${f.code} ${f.indicatorId} ${f.orgUnit} [${f.field}]: ${f.message}`);
  lines.push("", `Data errors (${errors.length}):`);
  if (errors.length === 0) lines.push("  none");
  for (const e of errors) lines.push(`  ${errorText(e)}`);
  lines.push("", `Published figures (${published.length} finding${published.length === 1 ? "" : "s"}):`);
  if (published.length === 0) lines.push("  none");
  for (const p of published)
    lines.push(`  ${sev(p.severity)} ${p.sheet}!${p.cell} ${JSON.stringify(p.text)}: ${p.message}`);
  return `${lines.join("\n")}\n`;
}

/** `import` on the terminal. */
export function importText(
  rows: readonly ImportedRow[],
  errors: readonly CellIssue[],
  warnings: readonly CellIssue[],
  style: Style,
): string {
  // Shown to 4 decimal places at most (the JSON has the figures unrounded).
  const fmt = (x: number | null): string => (x === null ? dash : String(Number(x.toFixed(4))));
  const lines = table(
    ["IndicatorId", "OrgUnit", "Period", "Value", "Numerator", "Denominator"],
    rows.map((r) => [
      cut(r.indicatorId, 16),
      cut(r.orgUnit, 18),
      r.period,
      fmt(r.value),
      fmt(r.numerator),
      fmt(r.denominator),
    ]),
    style,
    { align: ["left", "left", "left", "right", "right", "right"] },
  );
  lines.push("", `${rows.length} row${rows.length === 1 ? "" : "s"} read`);
  const issue = (i: CellIssue): string => `  ${i.sheet}!${i.cell} ${JSON.stringify(i.text)}: ${i.message}`;
  if (errors.length > 0) lines.push("", `Errors (${errors.length}):`, ...errors.map(issue));
  if (warnings.length > 0) lines.push("", `Warnings (${warnings.length}):`, ...warnings.map(issue));
  return `${lines.join("\n")}\n`;
}
