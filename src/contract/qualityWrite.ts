/**
 * Data quality entered in the pane (semantics.md, "Data quality"): the Quality cell of existing
 * PerfActuals rows, matched by indicator, unit and period as every actuals write matches them.
 * A Quality column the table lacks is added at its right end. Validated is written as a blank
 * (the spec: blank means Validated), so a validated workbook stays as it was. Pure.
 */
import { parsePeriod, quote } from "../engine";
import type { Quality } from "../engine";
import { actualKey, indexActualRows } from "./actualsWrite";
import type { ContractError, RawCell, RawTable } from "./raw";
import { cellText } from "./read";
import { matchHeader, TABLE } from "./schema";

export interface QualityInput {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly quality: Quality;
}

export interface QualityWrite {
  /** The table's headers after the write (Quality added at the end when it was missing). */
  readonly headers: RawCell[];
  readonly rows: RawCell[][];
  /** 0-based rows whose Quality changed. */
  readonly changed: number[];
  /** Whether the Quality column was added. */
  readonly added: boolean;
  /** Inputs with no matching actual (a quality needs its figure first). */
  readonly errors: ContractError[];
}

export function writeQuality(
  table: RawTable,
  inputs: readonly QualityInput[],
  startMonth: number,
): QualityWrite {
  const have = table.headers.map((h) => cellText(h));
  let col = have.findIndex((h) => matchHeader(h, ["Quality"]) !== undefined);
  const added = col < 0;
  const headers = added ? [...table.headers, "Quality"] : [...table.headers];
  if (added) col = headers.length - 1;
  const rows = table.rows.map((r) => {
    const row = [...r];
    while (row.length < headers.length) row.push(null);
    return row;
  });
  const index = indexActualRows(table, startMonth);
  const changed = new Set<number>();
  const errors: ContractError[] = [];
  for (const q of inputs) {
    const p = parsePeriod(q.period, { startMonth });
    const at = p.ok ? index.get(actualKey(q.indicatorId, q.orgUnit, p.value)) : undefined;
    if (at === undefined) {
      errors.push({
        code: "QUALITY_NO_FIGURE",
        table: TABLE.actuals,
        row: null,
        column: "Quality",
        message: `${q.indicatorId} (${q.orgUnit}) has no figure for ${quote(q.period)} to mark ${q.quality}: enter the figure first`,
      });
      continue;
    }
    const row = rows[at] ?? [];
    const value: RawCell = q.quality === "Validated" ? null : q.quality;
    if (cellText(row[col] ?? null) !== cellText(value)) {
      row[col] = value;
      changed.add(at);
    }
  }
  return { headers, rows, changed: [...changed].sort((a, b) => a - b), added, errors };
}
