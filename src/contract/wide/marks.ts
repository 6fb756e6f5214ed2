/**
 * Footnote and data-quality marks on figures as councils publish them: `12.4%*`, `31/274 (r)`,
 * `159†`, `206¹`, `168 (p)`, `94 (e)`, `187 provisional`, `[r]`. The mark is read off so the
 * figure underneath can be read by the engine's one cell parser; the marks are kept so nothing
 * typed is lost without a word, and the data-quality ones give the figure's quality.
 *
 * Decisions where the spec is silent (docs/decisions.md, "Tables as councils publish them"):
 * - Marks are read at the end of a cell (and a leading `*`/`†`): symbols `* † ‡ § ¶`,
 *   superscript digits, a bracketed `(r)`/`[r]`, `(p)`, `(e)`, `(est)`, `(prov)`, `(revised)`,
 *   `(provisional)`, `(estimate[d])`, a bracketed footnote number or letter (`(1)`, `[a]`), the
 *   words `provisional`, `estimated`, `revised` after the figure, and a letter r/p/e stuck to a
 *   figure (`206r`, ONS style).
 * - `p`/`prov`/`provisional` mean Provisional and `e`/`est`/`estimate(d)` Estimated (the
 *   spec's Quality values); with both, Estimated (the less certain). `r`/`revised` and the other
 *   marks are footnotes: read off, with no quality.
 * - A cell that is nothing but a mark is left as it is (it is not a figure).
 */
import type { RawCell } from "../raw";

/** A data-quality mark's meaning, in the spec's `Quality` words. */
export type MarkQuality = "Provisional" | "Estimated";

export interface Marked {
  /** The cell with its marks read off (the cell itself when it has none). */
  readonly cell: RawCell;
  /** The marks read off, as written (`*`, `(r)`, `†`). */
  readonly marks: readonly string[];
  readonly quality?: MarkQuality;
}

const SYMBOLS = "*†‡§¶";
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const WORDS = "r|p|e|est|prov|revised|provisional|estimated?|\\d{1,2}|[a-z]";
const TRAILING: readonly RegExp[] = [
  new RegExp(`\\s*[${SYMBOLS}]+$`),
  new RegExp(`\\s*[${SUPERSCRIPT}]+$`),
  new RegExp(`\\s*[([]\\s*(?:${WORDS})\\s*[)\\]]$`, "i"),
  /\s+(?:provisional|estimated|estimate|revised|prov\.|est\.)$/i,
  // A letter straight after a figure (`12.4%r`, `31 p`); group 1 is the mark. No lookbehind:
  // the shipped bundles are ES2017 (decisions.md, old Mac webviews).
  /[\d%](\s?[rpe])$/i,
];
const LEADING = new RegExp(`^[${SYMBOLS}]+\\s*`);

function qualityOf(mark: string): MarkQuality | undefined {
  const m = mark
    .toLowerCase()
    .replace(/[()[\].\s]/g, "")
    .trim();
  if (m === "p" || m === "prov" || m === "provisional") return "Provisional";
  if (m === "e" || m === "est" || m === "estimate" || m === "estimated") return "Estimated";
  return undefined;
}

/** Read the footnote and quality marks off a cell. Numbers, dates and booleans have none. */
export function readMarks(cell: RawCell): Marked {
  if (typeof cell !== "string") return { cell, marks: [] };
  let text = cell.trim().replace(/\u00a0/g, " ");
  const marks: string[] = [];
  const lead = LEADING.exec(text);
  if (lead && lead[0].length < text.length) {
    marks.push(lead[0].trim());
    text = text.slice(lead[0].length);
  }
  for (let guard = 0; guard < 4; guard++) {
    let found = false;
    for (const re of TRAILING) {
      const m = re.exec(text);
      const mark = m ? (m[1] ?? m[0]) : "";
      const start = m ? m.index + m[0].length - mark.length : 0;
      if (m && start > 0) {
        marks.unshift(mark.trim());
        text = text.slice(0, start).trimEnd();
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (marks.length === 0 || text === "") return { cell, marks: [] };
  let quality: MarkQuality | undefined;
  for (const m of marks) {
    const q = qualityOf(m);
    if (q === "Estimated" || (q === "Provisional" && quality === undefined)) quality = q;
  }
  return quality === undefined ? { cell: text, marks } : { cell: text, marks, quality };
}

/** A label with its footnote marks read off (`Re-referrals*` → `Re-referrals`). */
export function labelWithoutMarks(label: string): string {
  let text = label.trim();
  for (let guard = 0; guard < 4; guard++) {
    const next = text
      .replace(new RegExp(`\\s*[${SYMBOLS}${SUPERSCRIPT}]+$`), "")
      .replace(/\s*[([]\s*(?:r|p|e|\d{1,2}|[a-z])\s*[)\]]$/i, "")
      .trimEnd();
    if (next === text || next === "") break;
    text = next;
  }
  return text;
}
