/**
 * Turning what a host library hands back for a cell into a RawCell, so every host feeds the
 * reader the same shape. ExcelJS gives objects for formulas (`{ formula, result }`), rich text
 * (`{ richText: [{ text }] }`), hyperlinks (`{ text, hyperlink }`) and errors (`{ error }`);
 * Office.js gives errors as text such as `#DIV/0!`. An error value becomes its text, so the
 * reader quotes it in its message ("'#DIV/0!' is not a number").
 */
import type { RawCell } from "./raw";

export function normaliseCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("result" in o || "formula" in o || "sharedFormula" in o) return normaliseCell(o["result"]);
    if (Array.isArray(o["richText"])) {
      return (o["richText"] as unknown[])
        .map((r) =>
          typeof r === "object" && r !== null ? String((r as Record<string, unknown>)["text"] ?? "") : "",
        )
        .join("");
    }
    if ("error" in o) return String(o["error"]);
    if ("text" in o) return normaliseCell(o["text"]);
    if ("hyperlink" in o) return String(o["hyperlink"] ?? "");
  }
  return String(value);
}

/** A whole grid of host values as RawCells. */
export function normaliseGrid(values: readonly (readonly unknown[])[]): RawCell[][] {
  return values.map((row) => row.map((v) => normaliseCell(v)));
}

/**
 * Whether a cell already stores this value, so a write may leave it alone: blank ("" or null)
 * equals blank, dates by their time, anything else by identity (1 is not "1"). The Excel layer
 * and the CLI's part-by-part writer both skip a cell that stores what they would write.
 */
export function sameStoredValue(a: RawCell | undefined, b: RawCell | undefined): boolean {
  const blank = (x: RawCell | undefined): boolean => x === null || x === undefined || x === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}
