/**
 * A figure cell of a wide table: its marks read off (marks.ts), then the engine's parser;
 * `31 of 274` is a fraction, and `31 of 274 (11.3%)` the fraction with its published percentage.
 */
import { parseCellNumber, type CellNumber, type Result } from "../../engine";
import type { RawCell } from "../raw";
import { readMarks, type MarkQuality } from "./marks";

/** A figure cell read. */
export interface Figure {
  readonly parsed: Result<CellNumber>;
  readonly marks: readonly string[];
  readonly quality?: MarkQuality;
  readonly published?: { readonly fraction: number; readonly decimals: number; readonly text: string };
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const WITH_PCT = new RegExp(
  String.raw`^${NUM}\s*(?:/|of|out of)\s*${NUM}\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)$|^(\d+(?:\.\d+)?)\s*%\s*\(\s*${NUM}\s*(?:/|of|out of)\s*${NUM}\s*\)$`,
  "i",
);
const OF_FORM = new RegExp(String.raw`^${NUM}\s+(?:of|out of)\s+${NUM}$`, "i");

/** A count as printed (`1,242`). */
function count(text: string | undefined): number {
  return Number((text ?? "").replace(/,/g, ""));
}

/** Read a figure cell (see the module comment). */
export function readFigure(cell: RawCell): Figure {
  const m = readMarks(cell);
  const base = { marks: m.marks, ...(m.quality ? { quality: m.quality } : {}) };
  if (typeof m.cell === "string") {
    const text = m.cell.trim();
    const w = WITH_PCT.exec(text);
    if (w) {
      const p = w[3] ?? w[4] ?? "";
      const dot = p.indexOf(".");
      return {
        ...base,
        parsed: {
          ok: true,
          value: { kind: "fraction", numerator: count(w[1] ?? w[5]), denominator: count(w[2] ?? w[6]) },
        },
        published: { fraction: Number(`${p}e-2`), decimals: dot < 0 ? 0 : p.length - dot - 1, text: `${p}%` },
      };
    }
    const o = OF_FORM.exec(text);
    if (o) {
      return {
        ...base,
        parsed: { ok: true, value: { kind: "fraction", numerator: count(o[1]), denominator: count(o[2]) } },
      };
    }
  }
  return { ...base, parsed: parseCellNumber(m.cell) };
}

/** Whether a cell is text that is not a figure (a label). */
export function isWords(cell: RawCell): boolean {
  return typeof cell === "string" && !readFigure(cell).parsed.ok;
}
