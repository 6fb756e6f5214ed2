/**
 * `perfcycle audit`: the audit of a report made by hand (workbook.md, "Additions (schema version
 * 2)"; semantics.md, "Auditing a report made by hand").
 *
 *   perfcycle audit BOOK.xlsx [--sheet NAME] [--table NAME | --range A1:H40] --rule Milestone
 *     --tolerance 10% [--tolerance-type Relative] [--polarity Higher | --polarity-column NAME]
 *     [--column ROLE=HEADER]... [--json OUT.json] [--html OUT.html]
 *
 * Exit status: 0 when every row agrees and every published figure checked is right; 1 when a
 * published status disagrees, a row cannot be rated or a published figure is wrong (the outputs
 * are still written); 2 when the command cannot run. The command computes nothing itself: the
 * contract reads the cells, the engine rates them.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  AUDIT_ROLES,
  auditLayout,
  auditReport,
  AuditSetupError,
  columnLetters,
  columnNamed,
  parseA1,
  PERFCYCLE_VERSION,
  sheetAddress,
  type AuditResult,
  type AuditRole,
  type AuditSource,
  type RawCell,
  type SheetGrid,
} from "../contract";
import { auditHtml, ruleDescription } from "../present";
import {
  parsePolarity,
  parseRagRule,
  parseTolerance,
  parseToleranceType,
  type Polarity,
  type RagRule,
  type ToleranceType,
} from "../engine";
import { CliError, messageOf } from "./errors";
import { checkOutputPath, writeAtomic } from "./files";
import { DEFAULT_LIMITS, type PackageLimits } from "./package";
import { parseRange, type Range } from "./ooxml/a1";
import { openXlsx, type XlsxBook } from "./ooxml/book";

export const AUDIT_USAGE = `Usage: perfcycle audit BOOK.xlsx [--sheet NAME] [--table NAME | --range A1:H40]
         --rule Milestone --tolerance 10% [--tolerance-type Relative]
         [--polarity Higher | --polarity-column NAME] [--column ROLE=HEADER]...
         [--json F] [--html F]

Audit a RAG report made by hand: rate every row again by the rule and tolerance the report
states, and list each row whose published status differs (cell, published and recomputed
status, why), each row that cannot be rated (no target, text that cannot be read), and each
published percentage that does not match its numerator and denominator.
  --sheet NAME        the sheet (default: the first sheet with a table naming a status)
  --table NAME        an Excel table holding the report (its first row is the header row)
  --range A1:H40      the cells holding the report, header row included (default: the sheet;
                      the header row is found: the first naming a status, an actual and a target)
  --rule R            the report's rule: Milestone, ToleranceBand or Forecast
  --tolerance T       as the report states it: 10%, 0.1, 2pp, "Amber within 10% of the target",
                      "within 2 percentage points"
  --tolerance-type    Relative (a share of the target, default) or Absolute (in the figure's
                      unit; a rate's 2 percentage points is 2pp or 0.02)
  --polarity P        Higher or Lower, for rows with no polarity of their own
  --polarity-column N the header of the polarity column (default: guessed)
  --column ROLE=HEADER  the column of a role, where the guess is wrong (ROLE: label, target,
                      milestone, actual, status, polarity, yearAgo, forecast; HEADER "none" for
                      none). May be given more than once.
  --json F            write the audit as JSON to F ("-" for standard output)
  --html F            write the one-page finding for a board as one HTML file
A status is read from the cell's text (Red, Amber, Green, Blue or R, A, G, B) or, where the
cell has no text, from its fill colour. Exit status 1 when a status disagrees, a row cannot be
rated or a published figure is wrong.
`;

export interface AuditIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now?: () => Date;
  readonly limits?: Partial<PackageLimits>;
}

interface Args {
  readonly path: string;
  readonly sheet: string | undefined;
  readonly table: string | undefined;
  readonly range: string | undefined;
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  readonly polarity: Polarity | null;
  readonly polarityColumn: string | undefined;
  readonly columns: readonly (readonly [AuditRole, string])[];
  readonly json: string | undefined;
  readonly html: string | undefined;
}

const HINT = "(perfcycle audit --help shows the options)";

function parse(args: readonly string[]): Args | "help" {
  let out;
  try {
    out = parseArgs({
      args: [...args],
      options: {
        sheet: { type: "string" },
        table: { type: "string" },
        range: { type: "string" },
        rule: { type: "string" },
        tolerance: { type: "string" },
        "tolerance-type": { type: "string" },
        polarity: { type: "string" },
        "polarity-column": { type: "string" },
        column: { type: "string", multiple: true },
        json: { type: "string" },
        html: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const m = messageOf(e)
      .replace(/\. To specify a positional argument.*$/, "")
      .replace(/^Unknown option '(.*)'$/, "unknown option $1");
    throw new CliError(`audit: ${m} ${HINT}`);
  }
  const v = out.values;
  if (v.help === true) return "help";
  if (out.positionals.length !== 1) {
    const what =
      out.positionals.length === 0
        ? "a file name is missing"
        : `unexpected ${JSON.stringify(out.positionals[1])}`;
    throw new CliError(`audit: ${what} (perfcycle audit --help shows the usage)`);
  }
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === "string" && x.trim() === "") throw new CliError(`audit: --${k} needs a value`);
  }
  if (v.table !== undefined && v.range !== undefined)
    throw new CliError(`audit: give --table or --range, not both ${HINT}`);
  if (v.polarity !== undefined && v["polarity-column"] !== undefined)
    throw new CliError(`audit: give --polarity or --polarity-column, not both ${HINT}`);
  if (v.rule === undefined)
    throw new CliError(
      `audit: --rule is needed: the rule the report states (Milestone, ToleranceBand or Forecast) ${HINT}`,
    );
  if (v.tolerance === undefined)
    throw new CliError(
      `audit: --tolerance is needed: the tolerance the report states, e.g. --tolerance 10% ${HINT}`,
    );
  const rule = parseRagRule(v.rule);
  if (!rule.ok) throw new CliError(`audit: --rule: ${rule.error.message}`);
  let type: ToleranceType | null = null;
  if (v["tolerance-type"] !== undefined) {
    const t = parseToleranceType(v["tolerance-type"]);
    if (!t.ok) throw new CliError(`audit: --tolerance-type: ${t.error.message}`);
    type = t.value;
  }
  const tol = parseTolerance(v.tolerance, type);
  if (!tol.ok) throw new CliError(`audit: --tolerance: ${tol.error.message}`);
  let polarity: Polarity | null = null;
  if (v.polarity !== undefined) {
    const p = parsePolarity(v.polarity);
    if (!p.ok || p.value === "Neutral")
      throw new CliError(`audit: --polarity must be Higher or Lower; got ${JSON.stringify(v.polarity)}`);
    polarity = p.value;
  }
  const roles = AUDIT_ROLES.map((r) => r.role);
  const columns = (v.column ?? []).map((c): [AuditRole, string] => {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(c);
    const role = roles.find((r) => r.toLowerCase() === (m?.[1] ?? "").toLowerCase());
    if (!m || !role)
      throw new CliError(
        `audit: --column ${JSON.stringify(c)} must be ROLE=HEADER, ROLE one of ${roles.join(", ")}`,
      );
    return [role, m[2] ?? ""];
  });
  return {
    path: out.positionals[0] ?? "",
    sheet: v.sheet,
    table: v.table,
    range: v.range,
    rule: rule.value,
    tolerance: tol.value.tolerance,
    toleranceType: tol.value.toleranceType,
    polarity,
    polarityColumn: v["polarity-column"],
    columns,
    json: v.json,
    html: v.html,
  };
}

// ---------------------------------------------------------------------------------------------
// The cells

function sliceSource(g: SheetGrid, range: Range | undefined, table: string | null): AuditSource {
  const width = g.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const top = range ? range.top : 1;
  const left = range ? range.left : 1;
  const bottom = range ? range.bottom : g.grid.length;
  const right = range ? range.right : width;
  const rows = Math.max(0, bottom - top + 1);
  const cols = Math.max(0, right - left + 1);
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  const fillRows: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const vr = g.grid[top - 1 + r] ?? [];
    const fr = g.formats?.[top - 1 + r] ?? [];
    const cr = g.fills?.[top - 1 + r] ?? [];
    values.push(Array.from({ length: cols }, (_, c) => vr[left - 1 + c] ?? null));
    formats.push(Array.from({ length: cols }, (_, c) => fr[left - 1 + c] ?? "General"));
    fillRows.push(Array.from({ length: cols }, (_, c) => cr[left - 1 + c] ?? null));
  }
  return {
    sheet: g.name,
    origin: `${columnLetters(left - 1)}${top}`,
    values,
    formats,
    fills: fillRows,
    table,
  };
}

/** The named table's cells, header row included (one line naming what is wrong otherwise). */
function tableSource(book: XlsxBook, a: Args, name: string): AuditSource {
  const t = book.tableNamed(name);
  if (!t) {
    const all = book.tables.map((x) => JSON.stringify(x.name)).join(", ") || "none";
    throw new CliError(`${a.path} has no table ${JSON.stringify(name)} (its tables: ${all})`);
  }
  if (a.sheet !== undefined && t.sheet.name.toLowerCase() !== a.sheet.toLowerCase())
    throw new CliError(
      `${a.path}: the table ${JSON.stringify(name)} is on the sheet ${JSON.stringify(t.sheet.name)}, not ${JSON.stringify(a.sheet)}`,
    );
  if (t.headerRowCount === 0)
    throw new CliError(
      `${a.path}: the table ${JSON.stringify(name)} has no header row, so its columns cannot be named`,
    );
  return sliceSource(book.grid(t.sheet), { ...t.range, bottom: t.lastDataRow }, t.name);
}

async function readSource(a: Args, io: AuditIo): Promise<AuditSource[]> {
  const book = await openXlsx(a.path, { ...DEFAULT_LIMITS, ...(io.limits ?? {}) });
  const sheets = book.worksheets();
  const names = (): string => sheets.map((w) => JSON.stringify(w.name)).join(", ") || "none";
  if (a.table !== undefined) return [tableSource(book, a, a.table)];
  let range: Range | undefined;
  if (a.range !== undefined) {
    range = parseRange(a.range);
    if (!range) throw new CliError(`audit: --range ${JSON.stringify(a.range)} is not a range such as A1:H40`);
  }
  if (a.sheet !== undefined) {
    const ws = book.sheetNamed(a.sheet);
    if (!ws) throw new CliError(`${a.path} has no sheet ${JSON.stringify(a.sheet)} (its sheets: ${names()})`);
    return [sliceSource(book.grid(ws), range, null)];
  }
  if (range) {
    const ws = sheets[0];
    if (!ws) throw new CliError(`${a.path} has no sheets`);
    return [sliceSource(book.grid(ws), range, null)];
  }
  const sources = sheets
    .filter((ws) => ws.state === "visible")
    .map((ws) => sliceSource(book.grid(ws), undefined, null))
    .filter((s) => s.values.length > 0);
  if (sources.length === 0)
    throw new CliError(`${a.path} has no sheet with data: there is no report to audit`);
  return sources;
}

function columnsOf(
  a: Args,
  source: AuditSource,
  headerRow: number,
): Partial<Record<AuditRole, number | null>> {
  const headers = source.values[headerRow] ?? [];
  const out: Partial<Record<AuditRole, number | null>> = {};
  const pick = (role: AuditRole, header: string, option: string): void => {
    if (header.toLowerCase() === "none") {
      out[role] = null;
      return;
    }
    const i = columnNamed(headers, header);
    if (i === undefined) {
      const found = headers.map((h) => (h === null ? "" : String(h).trim())).filter((h) => h !== "");
      throw new CliError(
        `audit: ${option}: the header row (${sheetAddress(source.sheet, `${source.origin}`)}…) has no column ${JSON.stringify(header)} (its headers: ${found.map((h) => JSON.stringify(h)).join(", ")})`,
      );
    }
    out[role] = i;
  };
  if (a.polarityColumn !== undefined) pick("polarity", a.polarityColumn, "--polarity-column");
  for (const [role, header] of a.columns) pick(role, header, `--column ${role}=${header}`);
  return out;
}

function headerRowOf(source: AuditSource, a: Args): number | undefined {
  // With columns named by header, the header row is the first row holding them all.
  const named = [...a.columns.map(([, h]) => h), ...(a.polarityColumn ? [a.polarityColumn] : [])].filter(
    (h) => h.toLowerCase() !== "none",
  );
  if (named.length === 0 || source.table) return undefined;
  const i = source.values.findIndex((row) => named.every((h) => columnNamed(row, h) !== undefined));
  return i < 0 ? undefined : i;
}

function audit(a: Args, sources: readonly AuditSource[]): AuditResult {
  let first: unknown;
  for (const source of sources) {
    try {
      const headerRow = headerRowOf(source, a);
      const result = auditReport(source, {
        rule: a.rule,
        tolerance: a.tolerance,
        toleranceType: a.toleranceType,
        polarity: a.polarity,
        ...(headerRow !== undefined ? { headerRow } : {}),
        columns: columnsOf(a, source, headerRow ?? auditLayout(source).headerRow),
      });
      return result;
    } catch (e) {
      if (!(e instanceof AuditSetupError)) throw e;
      first ??= e;
    }
  }
  if (first instanceof AuditSetupError) throw new CliError(`${a.path}: ${first.message}`);
  throw new CliError(`${a.path}: there is no report to audit`);
}

// ---------------------------------------------------------------------------------------------
// Output

function auditJson(r: AuditResult): Record<string, unknown> {
  const o = parseA1(r.range.split(":")[0] ?? "A1") ?? { col: 0, row: 0 };
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
      column: c.column === null ? null : columnLetters(o.col + c.column),
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

function auditText(r: AuditResult): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(
    `Audit of ${sheetAddress(r.sheet, r.range)}${r.table ? ` (table ${r.table})` : ""}: rated by ${ruleDescription(r.rule)}, ${r.toleranceText}`,
  );
  const o = parseA1(r.range.split(":")[0] ?? "A1") ?? { col: 0, row: 0 };
  lines.push(
    `Columns (header row ${r.headerRow}): ${r.columns
      .filter((c) => c.column !== null)
      .map(
        (c) =>
          `${AUDIT_ROLES.find((x) => x.role === c.role)?.name ?? c.role} ${columnLetters(o.col + (c.column ?? 0))} "${c.header ?? ""}"`,
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

/** Run `perfcycle audit`; returns the exit status. Throws CliError when it cannot run. */
export async function auditCommand(args: readonly string[], io: AuditIo): Promise<number> {
  const a = parse(args);
  if (a === "help") {
    io.stdout(AUDIT_USAGE);
    return 0;
  }
  if (a.html === "-") throw new CliError(`audit: --html needs a file name`);
  for (const [option, path] of [
    ["--json", a.json],
    ["--html", a.html],
  ] as const)
    if (path !== undefined && path !== "-") await checkOutputPath(path, option);
  const sources = await readSource(a, io);
  const result = audit(a, sources);
  const json = `${JSON.stringify(auditJson(result), null, 2)}\n`;
  const html =
    a.html === undefined
      ? undefined
      : auditHtml({
          result,
          source: basename(a.path),
          generated: io.now?.() ?? new Date(),
          version: PERFCYCLE_VERSION,
        });
  if (a.json === "-") io.stdout(json);
  else if (a.json !== undefined) await writeAtomic(a.json, json);
  if (a.html !== undefined && html !== undefined) await writeAtomic(a.html, html);
  if (a.json !== "-") {
    io.stdout(auditText(result));
    const written = [a.json, a.html].filter((f): f is string => f !== undefined);
    if (written.length > 0) io.stdout(`Wrote ${written.join(", ")}\n`);
  }
  const bad =
    result.summary.disagree > 0 ||
    result.summary.cannotRate > 0 ||
    result.published.some((f) => f.severity === "error");
  return bad ? 1 : 0;
}
