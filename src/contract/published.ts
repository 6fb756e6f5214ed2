/**
 * The published-figure check over a sheet (semantics.md): a percentage beside its numerator and
 * denominator, or a cell such as `31/274 (11.3%)`, is recomputed with the engine's
 * checkPublishedPercent at the precision it was published with.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - Tables are found row-wise: a header row with a numerator column (Numerator, Num, n, Count),
 *   a denominator column (Denominator, Denom, d, Total, Out of, Base, Cohort) and a percentage
 *   column (%, Percent, Percentage, Rate, or a header containing %). The rows below are checked
 *   until a blank row.
 * - The published precision is the cell's number format (`0.0%` → 1 place), or, under a format
 *   of two or more decimals, fewer when the stored number has fewer digits (0.113 under `0.00%`,
 *   LibreOffice's format for a CSV's 11.3%, was typed as 11.3%), or, for text, the
 *   decimals written (`13.2%`). A plain number in the % column is a fraction when it is at most
 *   1 and a percentage otherwise (`13.2` is 13.2%).
 * - A figure off by one unit in its last place (a truncation or rounding slip) is a warning; a
 *   figure further off, or a denominator of 0, is an error.
 * - Free text is searched for `n/d (x%)`, `n of d (x%)` and `x% (n/d)`; a cell `31/274` with a
 *   percentage in the next cell to its right is checked too.
 * - A % column right of two count columns with other headers ("Escalated | Cases closed | %")
 *   is checked as the smaller count over the larger, but only when at least half of its rows
 *   agree (the layout is a guess; a "% change" column is never taken).
 * - A row of `n/d` cells directly above a row of percentages (a percentage text, a %-formatted
 *   number, or any number when the row's label has %, percent, proportion or rate) is checked
 *   column by column ("Escalated to Social Care" / "Escalation %").
 * - Footnote and quality marks (`12.4%*`, `31/274 (r)`, `(p)`) are read off first (wide/marks.ts).
 */
import {
  checkPublishedPercent,
  fractionOfPoints,
  parseCellNumber,
  percentDecimals,
  publishedSeverity,
  quote,
} from "../engine";
import { offsetA1, parseA1 } from "./a1";
import type { RawCell } from "./raw";
import { cellText, isBlankCell } from "./read";
import { normaliseName } from "./schema";
import { isPercentLabel } from "./wide/labels";
import { readMarks } from "./wide/marks";

export interface PublishedFinding {
  readonly code: "P-FIGURE";
  readonly severity: "warning" | "error";
  readonly sheet: string;
  /** The cell holding the published percentage. */
  readonly cell: string;
  /** The published figure as shown (e.g. `13.2%`), or the cell's text. */
  readonly text: string;
  /** The figure as it should have been published (e.g. `13.3%`). */
  readonly expected: string;
  readonly message: string;
}

const NUM_HEADERS = ["Numerator", "Num", "N", "Count", "Number"];
const DEN_HEADERS = ["Denominator", "Denom", "Den", "D", "Total", "OutOf", "Of", "Base", "Cohort"];
const PCT_HEADERS = ["%", "Percent", "Percentage", "PerCent", "Rate", "Pct"];
// Header names as matchHeader compares them, normalised once (the scan looks at every cell).
const NUM_KEYS = new Set(NUM_HEADERS.map((h) => normaliseName(h)));
const DEN_KEYS = new Set(DEN_HEADERS.map((h) => normaliseName(h)));
const PCT_KEYS = new Set(PCT_HEADERS.map((h) => normaliseName(h)));
const isHeaderIn = (keys: ReadonlySet<string>, c: RawCell | undefined): boolean =>
  typeof c === "string" && c.length <= 40 && keys.has(normaliseName(c));

/** A % header that is a change, not a proportion ("% change", "Variance %"). */
const CHANGE_WORDS = /change|variance|diff|growth|increase|decrease|rise|fall|movement|\+\/-|±/i;

function isPctHeader(cell: RawCell): boolean {
  if (typeof cell !== "string") return false;
  return cell.includes("%") || PCT_KEYS.has(normaliseName(cell));
}

interface Published {
  readonly fraction: number;
  readonly decimals: number;
  readonly text: string;
}

/** A published percentage from a cell and its number format (footnote marks read off). */
export function publishedPercent(input: RawCell, format: string | undefined): Published | undefined {
  const cell = readMarks(input).cell;
  if (typeof cell === "number" && Number.isFinite(cell)) {
    const written = String(cell);
    const places = written.includes(".") ? written.length - written.indexOf(".") - 1 : 0;
    if (format !== undefined && format.includes("%")) {
      // A figure typed as 11.3% and shown by LibreOffice's CSV-import format 0.00% was published
      // with one decimal: under a format of two or more decimals, fewer stored digits are the
      // precision. A format of 0 or 1 decimal is the precision as it stands (1.0% is 0.01).
      const shown = percentDecimals(format);
      const decimals = shown >= 2 ? Math.min(shown, Math.max(0, places - 2)) : shown;
      return { fraction: cell, decimals, text: `${(cell * 100).toFixed(decimals)}%` };
    }
    if (Math.abs(cell) <= 1) {
      const decimals = Math.max(0, places - 2);
      return { fraction: cell, decimals, text: `${(cell * 100).toFixed(decimals)}%` };
    }
    return { fraction: fractionOfPoints(cell), decimals: places, text: `${written}%` };
  }
  if (typeof cell === "string") {
    const p = parseCellNumber(cell);
    if (p.ok && p.value.kind === "number" && p.value.percent) {
      return {
        fraction: p.value.value,
        decimals: p.value.decimals,
        text: typeof input === "string" ? input.trim() : cell.trim(),
      };
    }
  }
  return undefined;
}

const publishedOf = publishedPercent;

/** Text that reads as a figure (a count, a percentage, n/d or a placeholder), so it is not a header. */
function countOrPercent(text: string): boolean {
  return parseCellNumber(readMarks(text).cell).ok;
}

function countOf(cell: RawCell): number | undefined {
  const p = parseCellNumber(readMarks(cell).cell);
  return p.ok && p.value.kind === "number" && !p.value.percent ? p.value.value : undefined;
}

function check(
  sheet: string,
  cell: string,
  published: Published,
  numerator: number,
  denominator: number,
  what: string,
): PublishedFinding | undefined {
  const base = (severity: "warning" | "error", expected: string, message: string): PublishedFinding => ({
    code: "P-FIGURE",
    severity,
    sheet,
    cell,
    text: published.text,
    expected,
    message,
  });
  const r = checkPublishedPercent(published.fraction, published.decimals, numerator, denominator);
  if (!r.ok) {
    return base("error", "", `${published.text} is published for ${what}: ${r.error.message}`);
  }
  if (r.value.matches) return undefined;
  const places = published.decimals === 1 ? "one decimal place" : `${published.decimals} decimal places`;
  return base(
    publishedSeverity(published.fraction, published.decimals, r.value.recomputed),
    r.value.expectedText,
    `${published.text} is published for ${what}, which is ${r.value.expectedText} at ${places} (${numerator}/${denominator} = ${(r.value.recomputed * 100).toFixed(published.decimals + 3)}%)`,
  );
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const PERCENT = String.raw`(\d+(?:\.\d+)?)\s*%`;
const TEXT_FORMS: readonly { re: RegExp; n: number; d: number; p: number }[] = [
  {
    re: new RegExp(String.raw`${NUMBER}\s*(?:/|of|out of)\s*${NUMBER}\s*\(\s*${PERCENT}\s*\)`, "gi"),
    n: 1,
    d: 2,
    p: 3,
  },
  {
    re: new RegExp(String.raw`${PERCENT}\s*\(\s*${NUMBER}\s*(?:/|of|out of)\s*${NUMBER}\s*\)`, "gi"),
    n: 2,
    d: 3,
    p: 1,
  },
];

/** One scan of a sheet: its grid, formats and cell addresses, the cells already checked, the findings. */
interface Scan {
  readonly sheet: string;
  readonly grid: readonly (readonly RawCell[])[];
  readonly formats: readonly (readonly string[])[] | undefined;
  readonly at: (r: number, c: number) => string;
  /** `r|c` of the cells a pass has checked, so a later pass does not check them again. */
  readonly covered: Set<string>;
  readonly out: PublishedFinding[];
}

/**
 * A % column right of two count columns whose headers say nothing of numerator and
 * denominator ("Escalated | Cases closed | %"): the smaller count over the larger (a proportion's
 * numerator is never above its denominator). The layout is a guess, so it stands only when at
 * least half the rows checked agree with it.
 */
function besideCounts(s: Scan, r: number): PublishedFinding[] {
  const { sheet, grid, formats, at, covered } = s;
  const row = grid[r] ?? [];
  const found: PublishedFinding[] = [];
  for (let pc = 2; pc < row.length; pc++) {
    const h = row[pc] ?? null;
    // A header, not a figure: "12.4%" in a data row is not a column of percentages.
    if (!isPctHeader(h) || typeof h !== "string" || CHANGE_WORDS.test(h) || countOrPercent(h)) continue;
    if ([row[pc - 1], row[pc - 2]].some((x) => typeof x !== "string" || isPctHeader(x) || countOrPercent(x)))
      continue;
    let checked = 0;
    let agree = 0;
    const mine: { k: number; f: PublishedFinding }[] = [];
    for (let k = r + 1; k < grid.length; k++) {
      const data = grid[k] ?? [];
      if (data.every((c) => isBlankCell(c))) break;
      const a = countOf(data[pc - 2] ?? null);
      const b = countOf(data[pc - 1] ?? null);
      const p = publishedOf(data[pc] ?? null, formats?.[k]?.[pc]);
      if (a === undefined || b === undefined || p === undefined) continue;
      if (![a, b].every((x) => Number.isInteger(x) && x >= 0) || p.fraction > 1 || p.fraction < 0) continue;
      const n = Math.min(a, b);
      const d = Math.max(a, b);
      if (d === 0) continue;
      checked++;
      const f = check(sheet, at(k, pc), p, n, d, `${n}/${d} (${at(k, pc - 2)}, ${at(k, pc - 1)})`);
      if (f) mine.push({ k, f });
      else agree++;
    }
    if (checked > 0 && agree * 2 >= checked) {
      for (const m of mine) {
        covered.add(`${m.k}|${pc}`);
        found.push(m.f);
      }
    }
  }
  return found;
}

/** Row-wise tables: Numerator | Denominator | % columns (else a % column beside two counts). */
function rowTables(s: Scan): void {
  const { sheet, grid, formats, at, covered, out } = s;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const nc = row.findIndex((c) => isHeaderIn(NUM_KEYS, c));
    const dc = row.findIndex((c) => isHeaderIn(DEN_KEYS, c));
    const pc = row.findIndex((c, i) => i !== nc && i !== dc && isPctHeader(c));
    if (nc < 0 || dc < 0) {
      out.push(...besideCounts(s, r));
      continue;
    }
    if (pc < 0) continue;
    for (let k = r + 1; k < grid.length; k++) {
      const data = grid[k] ?? [];
      if (data.every((c) => isBlankCell(c))) break;
      const n = countOf(data[nc] ?? null);
      const d = countOf(data[dc] ?? null);
      const p = publishedOf(data[pc] ?? null, formats?.[k]?.[pc]);
      if (n === undefined || d === undefined || p === undefined) continue;
      covered.add(`${k}|${pc}`);
      const f = check(sheet, at(k, pc), p, n, d, `${n}/${d}`);
      if (f) out.push(f);
    }
  }
}

/** A row of n/d cells with the row of its percentages directly below. */
function ndRows(s: Scan): void {
  const { sheet, grid, formats, at, covered, out } = s;
  const fractionAt = (r: number, c: number): { n: number; d: number } | undefined => {
    const p = parseCellNumber(readMarks(grid[r]?.[c] ?? null).cell);
    return p.ok && p.value.kind === "fraction" ? { n: p.value.numerator, d: p.value.denominator } : undefined;
  };
  const labelOfRow = (row: readonly RawCell[]): string => {
    const t = row.find((c) => typeof c === "string" && !parseCellNumber(readMarks(c).cell).ok);
    return typeof t === "string" ? t : "";
  };
  for (let r = 0; r + 1 < grid.length; r++) {
    const row = grid[r] ?? [];
    const below = grid[r + 1] ?? [];
    const percentRow = isPercentLabel(labelOfRow(below));
    for (let c = 0; c < row.length; c++) {
      const f = fractionAt(r, c);
      if (!f) continue;
      const cell = below[c] ?? null;
      const format = formats?.[r + 1]?.[c];
      const marked = readMarks(cell).cell;
      const percentCell =
        (typeof marked === "string" && marked.trim().endsWith("%")) ||
        (typeof marked === "number" && ((format ?? "").includes("%") || percentRow));
      if (!percentCell) continue;
      const p = publishedOf(cell, format);
      if (p === undefined) continue;
      covered.add(`${r}|${c}`);
      covered.add(`${r + 1}|${c}`);
      const text = cellText(row[c] ?? null);
      const what = `${f.n}/${f.d} (${at(r, c)}${text === `${f.n}/${f.d}` ? "" : ` ${quote(text)}`})`;
      const found = check(sheet, at(r + 1, c), p, f.n, f.d, what);
      if (found) out.push(found);
    }
  }
}

/** Cells: `n/d (x%)`, `x% (n/d)`, or `n/d` with the percentage in the next cell. */
function textCells(s: Scan): void {
  const { sheet, grid, formats, at, covered, out } = s;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] ?? null;
      if (typeof cell !== "string" || covered.has(`${r}|${c}`)) continue;
      let matched = false;
      for (const form of TEXT_FORMS) {
        form.re.lastIndex = 0;
        for (let m = form.re.exec(cell); m !== null; m = form.re.exec(cell)) {
          matched = true;
          const n = countOf(m[form.n] ?? "");
          const d = countOf(m[form.d] ?? "");
          const p = publishedOf(`${m[form.p] ?? ""}%`, undefined);
          if (n === undefined || d === undefined || p === undefined) continue;
          const f = check(sheet, at(r, c), p, n, d, `${n}/${d} in ${quote(cell.trim())}`);
          if (f) out.push(f);
        }
      }
      if (matched) continue;
      const frac = parseCellNumber(readMarks(cell).cell);
      if (frac.ok && frac.value.kind === "fraction") {
        const next = row[c + 1] ?? null;
        const p = publishedOf(next, formats?.[r]?.[c + 1]);
        if (p === undefined || (typeof next === "number" && !(formats?.[r]?.[c + 1] ?? "").includes("%")))
          continue;
        const f = check(
          sheet,
          at(r, c + 1),
          p,
          frac.value.numerator,
          frac.value.denominator,
          `${cellText(cell)} (${at(r, c)})`,
        );
        if (f) out.push(f);
      }
    }
  }
}

/**
 * Published figures on a sheet that do not equal their recomputed value at the published
 * precision. `formats` has the grid's shape (Excel number formats); `origin` is grid[0][0]'s address.
 */
export function scanPublished(
  sheet: string,
  grid: readonly (readonly RawCell[])[],
  formats?: readonly (readonly string[])[],
  origin = "A1",
): PublishedFinding[] {
  const o = parseA1(origin) ? origin : "A1";
  const scan: Scan = { sheet, grid, formats, at: (r, c) => offsetA1(o, r, c), covered: new Set(), out: [] };
  rowTables(scan);
  ndRows(scan);
  textCells(scan);
  return scan.out;
}
