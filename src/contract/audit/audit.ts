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
import {
  fillStatus,
  parseCellNumber,
  parsePolarityPhrase,
  parseStatusText,
  rateAuditRow,
  statusesAgree,
  toleranceWords,
  type Polarity,
  type RagRule,
  type RagScheme,
  type RagStatus,
  type ToleranceType,
} from "../../engine";
import { offsetA1, parseA1, sheetAddress } from "../a1";
import { scanPublished, type PublishedFinding } from "../published";
import type { RawCell } from "../raw";
import {
  columnGuesses,
  guessColumns,
  headerScore,
  headerText,
  type AuditRole,
  type ColumnGuess,
  type ColumnMap,
} from "./columns";

/** The cells to audit, as any host reads them. */
export interface AuditSource {
  readonly sheet: string;
  /** A1 address of values[0][0]. */
  readonly origin: string;
  readonly values: readonly (readonly RawCell[])[];
  /** Number formats (`0.0%`), same shape as values, when the host has them. */
  readonly formats?: readonly (readonly string[])[] | null;
  /** Solid fill colours `#RRGGBB` (null for none), same shape as values; null when the host cannot read them. */
  readonly fills?: readonly (readonly (string | null)[])[] | null;
  /** The Excel table the cells are, when they are one (its first row is the header row). */
  readonly table?: string | null;
}

export interface AuditOptions {
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  /** Polarity of rows with no polarity column, or a blank polarity cell. */
  readonly polarity?: Polarity | null;
  /** Columns chosen by the user (0-based within the cells); null means "the report has none". Others are guessed. */
  readonly columns?: Partial<Record<AuditRole, number | null>>;
  /** Row of the cells holding the headers (0-based); default: found (the first of the first 30 rows naming a status, an actual and a target). */
  readonly headerRow?: number;
}

export type AuditOutcome = "agrees" | "disagrees" | "cannot-rate";

export interface PublishedStatus {
  readonly status: RagStatus;
  /** Read from the cell's text, or from its fill colour where it has no text. */
  readonly from: "text" | "fill";
  readonly text: string | null;
  readonly fill: string | null;
}

export interface AuditRow {
  /** Sheet row (1-based). */
  readonly row: number;
  readonly label: string;
  /** The status cell (`B7`), or the row's first cell when there is no status column. */
  readonly cell: string;
  readonly published: PublishedStatus | null;
  readonly recomputed: RagStatus | null;
  readonly outcome: AuditOutcome;
  /** The recomputed status's explanation, or why the row cannot be rated. */
  readonly explanation: string;
  /** The figures as read (a rate as a fraction), null where absent. */
  readonly actual: number | null;
  readonly milestone: number | null;
  readonly target: number | null;
  readonly polarity: Polarity | null;
  /** The figures are rates (a percentage or n/d): shown as percentages. */
  readonly rate: boolean;
}

export interface AuditSummary {
  /** Rows audited (headings and blank rows left out). */
  readonly rows: number;
  readonly agree: number;
  readonly disagree: number;
  readonly cannotRate: number;
  /** Statuses read from a fill colour. */
  readonly fromFill: number;
}

export interface AuditResult {
  readonly sheet: string;
  readonly table: string | null;
  /** The cells audited, header row included (`A3:H20`). */
  readonly range: string;
  /** The header row (sheet row, 1-based). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnGuess[];
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  /** The tolerance in the words a council would use. */
  readonly toleranceText: string;
  readonly scheme: RagScheme;
  /** Polarity of rows without their own. */
  readonly polarity: Polarity | null;
  /** False when the host could not read fill colours (statuses were read from text only). */
  readonly fillsRead: boolean;
  readonly rows: readonly AuditRow[];
  readonly summary: AuditSummary;
  /** The published-figure check over the same cells. */
  readonly published: readonly PublishedFinding[];
}

/** Why the audit cannot run at all (no status column, no actual, no target or milestone). */
export class AuditSetupError extends Error {
  override readonly name = "AuditSetupError";
}

// ---------------------------------------------------------------------------------------------
// Figures

type Figure =
  | { readonly kind: "none"; readonly placeholder: string | null }
  | { readonly kind: "value"; readonly value: number; readonly percent: boolean }
  | { readonly kind: "bad"; readonly message: string };

function figureOf(cell: RawCell | undefined, format: string | undefined): Figure {
  if (cell instanceof Date || typeof cell === "boolean")
    return { kind: "bad", message: `'${headerText(cell)}' is not a figure` };
  const p = parseCellNumber(cell ?? null);
  if (!p.ok) return { kind: "bad", message: p.error.message };
  switch (p.value.kind) {
    case "blank":
      return { kind: "none", placeholder: null };
    case "placeholder":
      return { kind: "none", placeholder: p.value.text };
    case "fraction": {
      const { numerator: n, denominator: d } = p.value;
      if (d === 0) return { kind: "bad", message: `${n}/0 has a denominator of 0, so it is not a rate` };
      return { kind: "value", value: n / d, percent: true };
    }
    case "number":
      return {
        kind: "value",
        value: p.value.value,
        percent: p.value.percent || (typeof cell === "number" && (format ?? "").includes("%")),
      };
  }
}

// ---------------------------------------------------------------------------------------------
// The header row

const HEADER_SEARCH_ROWS = 30;

function findHeaderRow(values: readonly (readonly RawCell[])[]): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const score = headerScore(values[r] ?? []);
    if (score >= 4) return r;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

// ---------------------------------------------------------------------------------------------
// The audit

const ROLE_NAMES: Readonly<Record<AuditRole, string>> = {
  label: "indicator",
  target: "target",
  milestone: "milestone",
  actual: "actual",
  status: "status",
  polarity: "polarity",
  yearAgo: "same period last year",
  forecast: "forecast",
};

function rangeOf(origin: string, rows: number, cols: number): string {
  const a = offsetA1(origin, 0, 0);
  const b = offsetA1(origin, Math.max(0, rows - 1), Math.max(0, cols - 1));
  return a === b ? a : `${a}:${b}`;
}

export interface AuditLayout {
  /** The header row within the cells (0-based), -1 when none was found. */
  readonly headerRow: number;
  /** The header texts, as written ("" for a blank header). */
  readonly headers: readonly string[];
  /** Each role's column: guessed, or as chosen. */
  readonly columns: readonly ColumnGuess[];
}

/** The header row and the columns of the cells, as the audit will read them (the pane shows these to be changed). */
export function auditLayout(
  source: AuditSource,
  options: Pick<AuditOptions, "headerRow" | "columns"> = {},
): AuditLayout {
  const values = source.values;
  const headerRow = options.headerRow ?? (source.table ? 0 : findHeaderRow(values));
  const headers = headerRow < 0 ? [] : (values[headerRow] ?? []);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const texts = Array.from({ length: width }, (_, i) => headerText(headers[i]));
  const guessed = guessColumns(headers, headerRow < 0 ? [] : values.slice(headerRow + 1));
  return { headerRow, headers: texts, columns: columnGuesses(headers, guessed, options.columns ?? {}) };
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
  const o = parseA1(origin) ?? { row: 0, col: 0 };
  const layout = auditLayout(source, options);
  const headerRow = layout.headerRow;
  if (headerRow < 0 || headerRow >= values.length) {
    throw new AuditSetupError(
      `No header row naming a status (RAG), an actual and a target was found in ${sheetAddress(source.sheet, rangeOf(origin, values.length, width))}: select the report's table with its header row`,
    );
  }
  const guesses = layout.columns;
  const col = Object.fromEntries(guesses.map((g) => [g.role, g.column])) as ColumnMap;
  const missing: string[] = [];
  if (col.status === null) missing.push("the published status (a RAG or Status column)");
  if (col.actual === null) missing.push("the actual");
  if (col.target === null && col.milestone === null) missing.push("a target or milestone");
  if (missing.length > 0) {
    const found = layout.headers.filter((h) => h !== "");
    throw new AuditSetupError(
      `${sheetAddress(source.sheet, offsetA1(origin, headerRow, 0))}: no column was found for ${missing.join(", ")} (headers: ${found.map((h) => `'${h}'`).join(", ") || "none"}); choose the columns`,
    );
  }
  if (col.polarity === null && !options.polarity) {
    throw new AuditSetupError(
      `The report has no polarity column: say whether higher or lower is better for its rows (or choose the polarity column)`,
    );
  }

  const fillsRead = source.fills !== null && source.fills !== undefined;
  const compareCol = col.milestone ?? col.target;
  const annualCol = col.milestone !== null ? col.target : null;
  const at = (r: number, c: number | null): RawCell => (c === null ? null : (values[r]?.[c] ?? null));
  const fmt = (r: number, c: number | null): string | undefined =>
    c === null ? undefined : source.formats?.[r]?.[c];
  const fillAt = (r: number, c: number | null): string | null =>
    c === null ? null : (source.fills?.[r]?.[c] ?? null);

  // Pass 1: the published statuses (Blue anywhere means the report uses BRAG).
  interface Pending {
    readonly r: number;
    readonly published: PublishedStatus | null;
    readonly problem: string | null;
  }
  const pending: Pending[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const fill = fillAt(r, col.status);
    const hue = fillStatus(fill);
    const figures = [col.actual, col.target, col.milestone, col.status].map((c) => at(r, c));
    if (row.every((c) => isBlank(c)) && (hue?.status ?? null) === null) continue;
    if (figures.every((c) => isBlank(c)) && (hue?.status ?? null) === null) continue; // a heading
    const text = parseStatusText(at(r, col.status));
    const where = sheetAddress(source.sheet, offsetA1(origin, r, col.status ?? 0));
    if (text.kind === "status") {
      pending.push({
        r,
        published: { status: text.status, from: "text", text: headerText(at(r, col.status)), fill },
        problem: null,
      });
    } else if (text.kind === "unreadable") {
      pending.push({
        r,
        published: null,
        problem: `The published status '${text.text}' in ${where} is not a status (Red, Amber, Green, Blue or R, A, G, B)`,
      });
    } else if (!fillsRead) {
      pending.push({
        r,
        published: null,
        problem: `${where} has no status text, and fill colours cannot be read here, so its status is unknown`,
      });
    } else if (hue === undefined) {
      pending.push({
        r,
        published: null,
        problem: `${where} has a fill '${fill ?? ""}' that is not a colour`,
      });
    } else if (hue.status === null) {
      pending.push({
        r,
        published: null,
        problem: `${where} has no published status: no text, and ${fill === null ? "no fill" : `its fill ${fill} is not red, amber, green or blue`}`,
      });
    } else {
      pending.push({ r, published: { status: hue.status, from: "fill", text: null, fill }, problem: null });
    }
  }
  const anyBlue = pending.some((p) => p.published?.status === "Blue");
  const scheme: RagScheme = anyBlue && annualCol !== null ? "BRAG" : "RAG";
  const blueIsGreen = annualCol === null;

  // Pass 2: the figures, and the status by the report's rule.
  const rows: AuditRow[] = pending.map((p): AuditRow => {
    const r = p.r;
    const label = headerText(at(r, col.label)) || `Row ${o.row + r + 1}`;
    const cell = offsetA1(origin, r, col.status ?? 0);
    const actual = figureOf(at(r, col.actual), fmt(r, col.actual));
    const milestone = figureOf(at(r, compareCol), fmt(r, compareCol));
    const target = figureOf(at(r, annualCol), fmt(r, annualCol));
    const yearAgo = figureOf(at(r, col.yearAgo), fmt(r, col.yearAgo));
    const forecast = figureOf(at(r, col.forecast), fmt(r, col.forecast));
    const num = (f: Figure): number | null => (f.kind === "value" ? f.value : null);
    const rate = [actual, milestone, target].some((f) => f.kind === "value" && f.percent);
    const base = {
      rate,
      row: o.row + r + 1,
      label,
      cell,
      published: p.published,
      actual: num(actual),
      milestone: num(milestone),
      target: num(target),
    };
    const cannot = (why: string, polarity: Polarity | null = null): AuditRow => ({
      ...base,
      polarity,
      recomputed: null,
      outcome: "cannot-rate",
      explanation: why,
    });

    // Polarity: the row's own, else the report's.
    let polarity: Polarity | null = options.polarity ?? null;
    const polText = headerText(at(r, col.polarity));
    if (col.polarity !== null && polText !== "") {
      const pp = parsePolarityPhrase(polText);
      if (!pp.ok)
        return cannot(
          `${pp.error.message} (${sheetAddress(source.sheet, offsetA1(origin, r, col.polarity))})`,
        );
      polarity = pp.value;
    }
    if (p.problem !== null) return cannot(p.problem, polarity);
    if (polarity === null)
      return cannot(
        `No polarity: ${sheetAddress(source.sheet, offsetA1(origin, r, col.polarity ?? 0))} is blank and no polarity was given for the report`,
      );
    const named: [AuditRole, Figure, number | null][] = [
      ["actual", actual, col.actual],
      [col.milestone !== null ? "milestone" : "target", milestone, compareCol],
      ["target", target, annualCol],
      ["yearAgo", yearAgo, col.yearAgo],
      ["forecast", forecast, col.forecast],
    ];
    for (const [role, f, c] of named) {
      if (f.kind === "bad" && c !== null)
        return cannot(
          `The ${ROLE_NAMES[role]} in ${sheetAddress(source.sheet, offsetA1(origin, r, c))} cannot be read: ${f.message}`,
          polarity,
        );
    }
    if (milestone.kind !== "value")
      return cannot(
        `No ${col.milestone !== null ? "milestone" : "target"} in ${sheetAddress(source.sheet, offsetA1(origin, r, compareCol ?? 0))}${milestone.kind === "none" && milestone.placeholder ? ` ('${milestone.placeholder}')` : ""}, so the row cannot be rated`,
        polarity,
      );
    // A percentage against a plain number above 1 (45% against 41) is two units: not guessed.
    if (actual.kind === "value" && actual.percent !== milestone.percent) {
      const plain = actual.percent ? milestone.value : actual.value;
      if (Math.abs(plain) > 1)
        return cannot(
          `The actual and the ${col.milestone !== null ? "milestone" : "target"} are in different units (${actual.percent ? "a percentage" : "a number"} against ${milestone.percent ? "a percentage" : "a number"}), so the row cannot be rated`,
          polarity,
        );
    }
    const rated = rateAuditRow({
      actual: num(actual),
      milestone: milestone.value,
      target: num(target),
      polarity,
      rule: options.rule,
      tolerance: options.tolerance,
      toleranceType: options.toleranceType,
      scheme,
      measure: rate ? "Rate" : "Level",
      yearAgo: num(yearAgo),
      forecast: num(forecast),
    });
    if (!rated.ok) return cannot(rated.error.message, polarity);
    const published = p.published;
    if (published === null) return cannot("No published status", polarity);
    const agrees = statusesAgree(published.status, rated.value.status, { blueIsGreen });
    return {
      ...base,
      polarity,
      recomputed: rated.value.status,
      outcome: agrees ? "agrees" : "disagrees",
      // The engine says "milestone"; a report compared with its target says so.
      explanation:
        col.milestone === null
          ? rated.value.explanation.replace(" against a milestone of ", " against a target of ")
          : rated.value.explanation,
    };
  });

  const count = (o2: AuditOutcome): number => rows.filter((x) => x.outcome === o2).length;
  return {
    sheet: source.sheet,
    table: source.table ?? null,
    range: rangeOf(origin, values.length, width),
    headerRow: o.row + headerRow + 1,
    headers: layout.headers,
    columns: guesses,
    rule: options.rule,
    tolerance: options.tolerance,
    toleranceType: options.toleranceType,
    toleranceText: toleranceWords(
      { tolerance: options.tolerance, toleranceType: options.toleranceType },
      options.toleranceType === "Absolute" && !rows.some((x) => x.rate) ? "Level" : "Rate",
    ),
    scheme,
    polarity: options.polarity ?? null,
    fillsRead,
    rows,
    summary: {
      rows: rows.length,
      agree: count("agrees"),
      disagree: count("disagrees"),
      cannotRate: count("cannot-rate"),
      fromFill: rows.filter((x) => x.published?.from === "fill").length,
    },
    published: scanPublished(source.sheet, values, source.formats ?? undefined, origin),
  };
}

/** The audit passes when every row agrees: nothing disagrees and nothing is left unrated. */
export function auditPasses(result: AuditResult): boolean {
  return result.summary.disagree === 0 && result.summary.cannotRate === 0;
}
