/**
 * Where an audit reads: the header row (found, or given), each role's column (guessed, or
 * chosen), and the columns it cannot run without. Throws AuditSetupError when one is missing.
 */
import { offsetA1, sheetAddress } from "../a1";
import type { RawCell } from "../raw";
import {
  columnGuesses,
  guessColumns,
  headerScore,
  headerText,
  type ColumnGuess,
  type ColumnMap,
} from "./columns";
import { AuditSetupError, type AuditOptions, type AuditSource } from "./types";

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

/** The cells' address from their origin (`A3:H20`, or one cell). */
export function rangeOf(origin: string, rows: number, cols: number): string {
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
 * The layout's columns by role, once it is known the audit can run: a header row, a status, an
 * actual, a target or milestone, and a polarity (a column or the report's). Throws otherwise.
 */
export function requiredColumns(
  source: AuditSource,
  origin: string,
  layout: AuditLayout,
  options: AuditOptions,
): ColumnMap {
  const values = source.values;
  const headerRow = layout.headerRow;
  if (headerRow < 0 || headerRow >= values.length) {
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    throw new AuditSetupError(
      `No header row naming a status (RAG), an actual and a target was found in ${sheetAddress(source.sheet, rangeOf(origin, values.length, width))}: select the report's table with its header row`,
    );
  }
  const col = Object.fromEntries(layout.columns.map((g) => [g.role, g.column])) as ColumnMap;
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
  return col;
}
