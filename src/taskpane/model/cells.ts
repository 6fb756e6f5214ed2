/**
 * What a person types in the task pane's fields, turned into workbook cells. All parsing is the
 * engine's (parseCellNumber, rate): a field shown with a "%" reads `12.4` as 12.4% (stored as
 * the fraction 0.124, as Excel stores a percentage), `31/274` as the fraction, and keeps text it
 * cannot read as the text itself, so the contract's reader reports it with its table, row and
 * column rather than the pane guessing.
 */
import { parseCellNumber, rate } from "../../engine";
import type { RawCell } from "../../contract";

export type NumberField = "plain" | "percent";

/** A typed number as a cell: a number, null for a blank, or the text as typed when it is not a number. */
export function numberCell(text: string, kind: NumberField): RawCell {
  const t = text.trim();
  if (t === "") return null;
  const asPercent = kind === "percent" && !t.endsWith("%") && !t.includes("/");
  const p = parseCellNumber(asPercent ? `${t}%` : t);
  if (!p.ok) return t;
  switch (p.value.kind) {
    case "blank":
      return null;
    case "number":
      return p.value.value;
    case "placeholder":
      return t;
    case "fraction": {
      if (kind !== "percent") return t;
      const r = rate(p.value.numerator, p.value.denominator);
      return r.ok ? r.value : t;
    }
  }
}

/** A stored number shown in a field: a fraction as a percentage (0.124 → "12.4"), else as is. */
export function numberText(cell: RawCell | undefined, kind: NumberField): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "number") return typeof cell === "string" ? cell : String(cell);
  if (!Number.isFinite(cell)) return "";
  const x = kind === "percent" ? cell * 100 : cell;
  // Twelve significant digits hide binary noise (0.674 * 100 = 67.40000000000001) and keep the figure.
  return String(Number(x.toPrecision(12)));
}

/** A cell as plain text for a text field. */
export function textOf(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
