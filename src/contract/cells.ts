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
