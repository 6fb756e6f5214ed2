/**
 * One row of an audit: its published status read (from the text, or from the fill where there is
 * none), its figures read, and its status recomputed by the report's own rule with the engine.
 * A row that cannot be rated says why; nothing is guessed.
 */
import {
  fillStatus,
  parseCellNumber,
  parsePolarityPhrase,
  parseStatusText,
  rateAuditRow,
  statusesAgree,
  type Polarity,
  type RagScheme,
} from "../../engine";
import { offsetA1, parseA1, sheetAddress } from "../a1";
import type { RawCell } from "../raw";
import { headerText, type AuditRole, type ColumnMap } from "./columns";
import type { AuditOptions, AuditRow, AuditSource, PublishedStatus } from "./types";

/** The audited cells with their columns: what every row is read through. */
export class AuditGrid {
  readonly compareCol: number | null;
  readonly annualCol: number | null;
  readonly fillsRead: boolean;
  /** The sheet row of the cells' first row, 0-based. */
  readonly top: number;

  constructor(
    readonly source: AuditSource,
    readonly origin: string,
    readonly col: ColumnMap,
  ) {
    this.compareCol = col.milestone ?? col.target;
    this.annualCol = col.milestone !== null ? col.target : null;
    this.fillsRead = source.fills !== null && source.fills !== undefined;
    this.top = parseA1(origin)?.row ?? 0;
  }

  at(r: number, c: number | null): RawCell {
    return c === null ? null : (this.source.values[r]?.[c] ?? null);
  }

  format(r: number, c: number | null): string | undefined {
    return c === null ? undefined : this.source.formats?.[r]?.[c];
  }

  fill(r: number, c: number | null): string | null {
    return c === null ? null : (this.source.fills?.[r]?.[c] ?? null);
  }

  /** A cell's address with its sheet (`Report!D7`). */
  where(r: number, c: number): string {
    return sheetAddress(this.source.sheet, offsetA1(this.origin, r, c));
  }

  /** What the report compares with: its milestone column, else its target. */
  get compareName(): "milestone" | "target" {
    return this.col.milestone !== null ? "milestone" : "target";
  }
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

const num = (f: Figure): number | null => (f.kind === "value" ? f.value : null);

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

// ---------------------------------------------------------------------------------------------
// Pass 1: the published status

/** A row to audit, its published status read (or why it cannot be). */
export interface PendingRow {
  readonly r: number;
  readonly published: PublishedStatus | null;
  readonly problem: string | null;
}

/** Row r's published status; null for a blank row or a heading (a label and nothing else). */
export function readPublished(g: AuditGrid, r: number): PendingRow | null {
  const col = g.col;
  const row = g.source.values[r] ?? [];
  const fill = g.fill(r, col.status);
  const hue = fillStatus(fill);
  const figures = [col.actual, col.target, col.milestone, col.status].map((c) => g.at(r, c));
  if (row.every((c) => isBlank(c)) && (hue?.status ?? null) === null) return null;
  if (figures.every((c) => isBlank(c)) && (hue?.status ?? null) === null) return null; // a heading
  const text = parseStatusText(g.at(r, col.status));
  const where = g.where(r, col.status ?? 0);
  const fails = (problem: string): PendingRow => ({ r, published: null, problem });
  if (text.kind === "status")
    return {
      r,
      published: { status: text.status, from: "text", text: headerText(g.at(r, col.status)), fill },
      problem: null,
    };
  if (text.kind === "unreadable")
    return fails(
      `The published status '${text.text}' in ${where} is not a status (Red, Amber, Green, Blue or R, A, G, B)`,
    );
  if (!g.fillsRead)
    return fails(
      `${where} has no status text, and fill colours cannot be read here, so its status is unknown`,
    );
  if (hue === undefined) return fails(`${where} has a fill '${fill ?? ""}' that is not a colour`);
  if (hue.status === null)
    return fails(
      `${where} has no published status: no text, and ${fill === null ? "no fill" : `its fill ${fill} is not red, amber, green or blue`}`,
    );
  return { r, published: { status: hue.status, from: "fill", text: null, fill }, problem: null };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: the figures, and the status by the report's rule

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

interface RowFigures {
  readonly actual: Figure;
  readonly milestone: Figure;
  readonly target: Figure;
  readonly yearAgo: Figure;
  readonly forecast: Figure;
}

function rowFigures(g: AuditGrid, r: number): RowFigures {
  const read = (c: number | null): Figure => figureOf(g.at(r, c), g.format(r, c));
  return {
    actual: read(g.col.actual),
    milestone: read(g.compareCol),
    target: read(g.annualCol),
    yearAgo: read(g.col.yearAgo),
    forecast: read(g.col.forecast),
  };
}

/** The row's polarity (its own, else the report's), or why its own cannot be read. */
function rowPolarity(
  g: AuditGrid,
  r: number,
  options: AuditOptions,
): { readonly polarity: Polarity | null } | { readonly problem: string } {
  const polText = headerText(g.at(r, g.col.polarity));
  if (g.col.polarity === null || polText === "") return { polarity: options.polarity ?? null };
  const pp = parsePolarityPhrase(polText);
  if (!pp.ok) return { problem: `${pp.error.message} (${g.where(r, g.col.polarity)})` };
  return { polarity: pp.value };
}

/** The milestone to rate against, or why the row's figures cannot be rated (a figure unreadable, no milestone, mixed units). */
function checkFigures(
  g: AuditGrid,
  r: number,
  f: RowFigures,
): { readonly milestone: number } | { readonly problem: string } {
  const col = g.col;
  const named: [AuditRole, Figure, number | null][] = [
    ["actual", f.actual, col.actual],
    [g.compareName, f.milestone, g.compareCol],
    ["target", f.target, g.annualCol],
    ["yearAgo", f.yearAgo, col.yearAgo],
    ["forecast", f.forecast, col.forecast],
  ];
  for (const [role, x, c] of named) {
    if (x.kind === "bad" && c !== null)
      return { problem: `The ${ROLE_NAMES[role]} in ${g.where(r, c)} cannot be read: ${x.message}` };
  }
  const { actual, milestone } = f;
  if (milestone.kind !== "value")
    return {
      problem: `No ${g.compareName} in ${g.where(r, g.compareCol ?? 0)}${milestone.kind === "none" && milestone.placeholder ? ` ('${milestone.placeholder}')` : ""}, so the row cannot be rated`,
    };
  // A percentage against a plain number above 1 (45% against 41) is two units: not guessed.
  if (actual.kind === "value" && actual.percent !== milestone.percent) {
    const plain = actual.percent ? milestone.value : actual.value;
    if (Math.abs(plain) > 1)
      return {
        problem: `The actual and the ${g.compareName} are in different units (${actual.percent ? "a percentage" : "a number"} against ${milestone.percent ? "a percentage" : "a number"}), so the row cannot be rated`,
      };
  }
  return { milestone: milestone.value };
}

/** How the report rates: its rule and tolerance, and the scheme its statuses show. */
export interface RowRating {
  readonly options: AuditOptions;
  readonly scheme: RagScheme;
  readonly blueIsGreen: boolean;
}

/** The row audited: its published status against the status the report's rule gives it. */
export function auditRow(g: AuditGrid, p: PendingRow, how: RowRating): AuditRow {
  const { r } = p;
  const { options } = how;
  const sheetRow = g.top + r + 1;
  const f = rowFigures(g, r);
  const rate = [f.actual, f.milestone, f.target].some((x) => x.kind === "value" && x.percent);
  const base = {
    rate,
    row: sheetRow,
    label: headerText(g.at(r, g.col.label)) || `Row ${sheetRow}`,
    cell: offsetA1(g.origin, r, g.col.status ?? 0),
    published: p.published,
    actual: num(f.actual),
    milestone: num(f.milestone),
    target: num(f.target),
  };
  const cannot = (why: string, polarity: Polarity | null = null): AuditRow => ({
    ...base,
    polarity,
    recomputed: null,
    outcome: "cannot-rate",
    explanation: why,
  });
  const pol = rowPolarity(g, r, options);
  if ("problem" in pol) return cannot(pol.problem);
  const { polarity } = pol;
  if (p.problem !== null) return cannot(p.problem, polarity);
  if (polarity === null)
    return cannot(
      `No polarity: ${g.where(r, g.col.polarity ?? 0)} is blank and no polarity was given for the report`,
    );
  const checked = checkFigures(g, r, f);
  if ("problem" in checked) return cannot(checked.problem, polarity);
  const rated = rateAuditRow({
    actual: num(f.actual),
    milestone: checked.milestone,
    target: num(f.target),
    polarity,
    rule: options.rule,
    tolerance: options.tolerance,
    toleranceType: options.toleranceType,
    scheme: how.scheme,
    measure: rate ? "Rate" : "Level",
    yearAgo: num(f.yearAgo),
    forecast: num(f.forecast),
  });
  if (!rated.ok) return cannot(rated.error.message, polarity);
  const published = p.published;
  if (published === null) return cannot("No published status", polarity);
  const agrees = statusesAgree(published.status, rated.value.status, { blueIsGreen: how.blueIsGreen });
  return {
    ...base,
    polarity,
    recomputed: rated.value.status,
    outcome: agrees ? "agrees" : "disagrees",
    // The engine says "milestone"; a report compared with its target says so.
    explanation:
      g.col.milestone === null
        ? rated.value.explanation.replace(" against a milestone of ", " against a target of ")
        : rated.value.explanation,
  };
}
