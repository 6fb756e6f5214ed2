/**
 * The columns of a hand-made report: which column holds the indicator, its target or milestone,
 * the actual, the published status and the polarity (and, for the tolerance band and forecast
 * rules, the same quarter last year and the forecast). Guessed from the header texts and returned
 * with the guesses marked, so a user can see and change them (the pane's dropdowns, the CLI's
 * --column ROLE=HEADER).
 */
import { parsePolarityPhrase } from "../../engine";
import type { RawCell } from "../raw";

export type AuditRole =
  "label" | "target" | "milestone" | "actual" | "status" | "polarity" | "yearAgo" | "forecast";

export interface AuditRoleInfo {
  readonly role: AuditRole;
  /** What the pane and the command call it. */
  readonly name: string;
  /** The role a report must have to be audited (a target or a milestone is enough for both). */
  readonly required: boolean;
}

export const AUDIT_ROLES: readonly AuditRoleInfo[] = [
  { role: "label", name: "Indicator", required: false },
  { role: "target", name: "Target", required: false },
  { role: "milestone", name: "Milestone", required: false },
  { role: "actual", name: "Actual", required: true },
  { role: "status", name: "Published status", required: true },
  { role: "polarity", name: "Polarity", required: false },
  { role: "yearAgo", name: "Same period last year", required: false },
  { role: "forecast", name: "Forecast", required: false },
];

/** The column (0-based, within the table) of each role; null where the report has none. */
export type ColumnMap = Readonly<Record<AuditRole, number | null>>;

export interface ColumnGuess {
  readonly role: AuditRole;
  readonly column: number | null;
  /** The header text of the column, as written. */
  readonly header: string | null;
  /** True when PerfCycle guessed it from the header; false when the user gave it. */
  readonly guessed: boolean;
}

export function headerText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.replace(/\u00a0/g, " ").trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
}

function key(cell: RawCell | undefined): string {
  return ` ${headerText(cell)
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim()} `;
}

/** Header patterns per role, tried in this order (a header taken by one role is not offered to the next). */
const PATTERNS: readonly { readonly role: AuditRole; readonly test: (k: string) => boolean }[] = [
  {
    role: "yearAgo",
    test: (k) =>
      /( last year | previous year | prior year | year ago | same (quarter|period|month) )/.test(k),
  },
  {
    role: "forecast",
    test: (k) => / (forecast|projected|projection|predicted) /.test(k) && !/ target /.test(k),
  },
  {
    role: "milestone",
    test: (k) =>
      / (milestone|milestones|profile|profiled|trajectory|expected) /.test(k) ||
      / (quarter|quarterly|q[1-4]|ytd|year to date|period) target /.test(k) ||
      / target (q[1-4]|for the quarter|this quarter|ytd|to date) /.test(k),
  },
  { role: "target", test: (k) => / (target|targets|goal|ambition|standard) /.test(k) },
  {
    role: "status",
    test: (k) =>
      / (rag|brag|status|rating|rag rating|colour|color) /.test(k) && !/ (direction|travel|dot) /.test(k),
  },
  {
    role: "polarity",
    test: (k) =>
      / (polarity|good is|good performance|better|desired direction|aim|higher or lower|good) /.test(k) &&
      !/ travel /.test(k),
  },
  {
    role: "actual",
    test: (k) =>
      (/ (actual|actuals|outturn|performance|result|achieved|value|current|latest|ytd|year to date|figure) /.test(
        k,
      ) &&
        !/ (indicator|measure|kpi|description) /.test(k)) ||
      (/ q[1-4] /.test(k) && !/ (indicator|measure|kpi|description) /.test(k)),
  },
  {
    role: "label",
    test: (k) => / (indicator|measure|kpi|pi|description|name|title|metric|outcome) /.test(k),
  },
];

/**
 * Guess each role's column from the header row; where no header names the polarity, a column
 * whose every value below (`data`) is a polarity in words ("Higher", "lower is better") is taken
 * for it, unless its header speaks of direction of travel (whose arrows are not polarity).
 */
export function guessColumns(
  headers: readonly RawCell[],
  data: readonly (readonly RawCell[])[] = [],
): ColumnMap {
  const taken = new Set<number>();
  const out: Record<AuditRole, number | null> = {
    label: null,
    target: null,
    milestone: null,
    actual: null,
    status: null,
    polarity: null,
    yearAgo: null,
    forecast: null,
  };
  const keys = headers.map(key);
  for (const p of PATTERNS) {
    const i = keys.findIndex((k, j) => !taken.has(j) && k.trim() !== "" && p.test(k));
    if (i >= 0) {
      out[p.role] = i;
      taken.add(i);
    }
  }
  // A percentage column ("%", "Rate") is the actual where nothing else is.
  if (out.actual === null) {
    const i = keys.findIndex((k, j) => !taken.has(j) && / (%|percent|percentage|rate) /.test(k));
    if (i >= 0) {
      out.actual = i;
      taken.add(i);
    }
  }
  if (out.polarity === null && data.length > 0) {
    const i = keys.findIndex((k, j) => {
      if (taken.has(j) || / (travel|dot|trend|change) /.test(k)) return false;
      const texts = data.map((r) => headerText(r[j])).filter((t) => t !== "");
      return (
        texts.length > 0 &&
        texts.some((t) => /[a-z]/i.test(t)) &&
        texts.every((t) => /[a-z]/i.test(t) && parsePolarityPhrase(t).ok)
      );
    });
    if (i >= 0) {
      out.polarity = i;
      taken.add(i);
    }
  }
  // The label is the first text column left, when no header names it.
  if (out.label === null) {
    const i = keys.findIndex((k, j) => !taken.has(j) && k.trim() !== "");
    if (i >= 0 && i < Math.min(...[out.actual, out.status].map((c) => c ?? Infinity))) out.label = i;
  }
  return out;
}

/** How many of the roles that make a report auditable the headers name. */
export function headerScore(headers: readonly RawCell[]): number {
  const g = guessColumns(headers);
  return (
    (g.status !== null ? 2 : 0) +
    (g.actual !== null ? 1 : 0) +
    (g.target !== null || g.milestone !== null ? 1 : 0)
  );
}

/** The column whose header is `name` (case- and space-insensitive), or undefined. */
export function columnNamed(headers: readonly RawCell[], name: string): number | undefined {
  const want = key(name);
  const i = headers.findIndex((h) => key(h) === want);
  return i < 0 ? undefined : i;
}

/** The guesses with the user's choices applied, in AUDIT_ROLES order. */
export function columnGuesses(
  headers: readonly RawCell[],
  guessed: ColumnMap,
  chosen: Partial<Record<AuditRole, number | null>>,
): ColumnGuess[] {
  return AUDIT_ROLES.map(({ role }) => {
    const given = Object.prototype.hasOwnProperty.call(chosen, role);
    const column = given ? (chosen[role] ?? null) : guessed[role];
    return {
      role,
      column,
      header: column === null ? null : headerText(headers[column]) || null,
      guessed: !given,
    };
  });
}
