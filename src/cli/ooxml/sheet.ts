/**
 * Reading a worksheet part (streaming): each cell's value as the contract reads it, with its
 * cell format index, the merged areas and the sheet's table parts. Values: shared strings, inline
 * strings and rich text → text; booleans; errors → their text (`#DIV/0!`); a formula → its cached
 * result; a number in a date or time format → a Date (UTC, as ExcelJS gives it; 1900 or 1904
 * date system); `t="d"` ISO dates → a Date. Rows and cells without an `r` follow the one before.
 */
import type { RawCell } from "../../contract";
import { CliError } from "../errors";
import type { Styles } from "./styles";
import { scanXml } from "./scan";
import { attrLocal, decodeXstring, parseXml } from "./xml";

export interface SheetCells {
  /** rows[r][c] (0-based): the value; undefined or null for blank. */
  readonly values: (RawCell | undefined)[][];
  /** The cell format index (`s`) of each cell that has one, same indexing. */
  readonly styles: (number | undefined)[][];
  readonly merges: string[];
  /** The r:id of each tablePart. */
  readonly tableRels: string[];
  readonly rowCount: number;
}

export interface SheetReadOptions {
  readonly sharedStrings: readonly string[];
  readonly styles: Styles;
  readonly date1904: boolean;
  /** Keep only cells inside these 0-based rectangles (undefined: keep every cell). */
  readonly keep?: readonly { top: number; left: number; bottom: number; right: number }[];
  /** Keep each cell's format index (default true; evaluate's reader needs none). */
  readonly keepStyles?: boolean;
  readonly maxRows: number;
  readonly file: string;
  readonly part: string;
  readonly sheetName: string;
}

/** Excel serial → Date, exactly as ExcelJS does (so the contract sees the same Date). */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** 0-based column of the letters of a cell reference (`AB12` → 27), or -1. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
  }
  return i === 0 || n === 0 ? -1 : n - 1;
}

function rowOfRef(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) - 1 : -1;
}

function isoDate(text: string): Date | null {
  const t = text.trim();
  if (t === "") return null;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(t) || !/T|\d:\d/.test(t) ? t : `${t}Z`;
  const d = new Date(/^\d{4}-\d\d-\d\d$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function readSheet(data: Buffer, o: SheetReadOptions): SheetCells {
  const values: (RawCell | undefined)[][] = [];
  const styles: (number | undefined)[][] = [];
  const merges: string[] = [];
  const tableRels: string[] = [];
  const keep = o.keep;
  const keepStyles = o.keepStyles ?? true;
  const wanted = (r: number, c: number): boolean => {
    if (!keep) return true;
    for (const k of keep) if (r >= k.top && r <= k.bottom && c >= k.left && c <= k.right) return true;
    return false;
  };
  let rowCount = 0;
  let row = -1;
  let col = -1;
  let inData = false;
  // The current cell.
  let inCell = false;
  let type = "n";
  let style: number | undefined;
  let text = "";
  let inV = false;
  let inIs = false;
  let inT = false;
  let inRph = false;
  let hasFormula = false;
  let inlineText = "";

  const finish = (): void => {
    if (!wanted(row, col)) return;
    let v: RawCell = null;
    switch (type) {
      case "s": {
        const i = Number(text.trim());
        v = Number.isInteger(i) ? (o.sharedStrings[i] ?? "") : null;
        break;
      }
      case "inlineStr":
        v = inIs || inlineText !== "" ? decodeXstring(inlineText) : text === "" ? null : decodeXstring(text);
        break;
      case "str":
        v = hasFormula || text !== "" ? decodeXstring(text) : null;
        break;
      case "b":
        v = text === "" ? null : text.trim() === "1" || text.trim().toLowerCase() === "true";
        break;
      case "e":
        v = text === "" ? null : text.trim();
        break;
      case "d":
        v = isoDate(text);
        break;
      default: {
        const t = text.trim();
        if (t === "") v = null;
        else {
          const n = Number(t);
          if (!Number.isFinite(n)) v = null;
          else if (style !== undefined && o.styles.dates[style] === true) v = excelToDate(n, o.date1904);
          else v = n;
        }
      }
    }
    // A blank cell's format still counts (a table column formatted 0% before it is typed in).
    if (style !== undefined && keepStyles) (styles[row] ??= [])[col] = style;
    if (v === null) return;
    (values[row] ??= [])[col] = v;
  };

  scanXml(
    data,
    {
      wantAttributes: (name) =>
        name === "row" || name === "c" || name === "mergeCell" || name === "tablePart",
      wantText: () => inV || inT,
      open(name, a) {
        if (inCell) {
          if (name === "v") {
            inV = true;
          } else if (name === "f") hasFormula = true;
          else if (name === "is") inIs = true;
          else if (name === "rPh") inRph = true;
          else if (name === "t" && inIs && !inRph) inT = true;
          return;
        }
        if (name === "sheetData") inData = true;
        else if (name === "row" && inData) {
          rowCount++;
          if (rowCount > o.maxRows)
            throw new CliError(
              `${o.file} is refused: sheet ${JSON.stringify(o.sheetName)} has more than ${o.maxRows.toLocaleString("en-GB")} rows, more than the command reads; split the data or filter it in Excel`,
            );
          const r = a.r;
          row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
          col = -1;
        } else if (name === "c" && inData) {
          inCell = true;
          const ref = a.r;
          if (ref !== undefined) {
            const c = columnOf(ref);
            col = c >= 0 ? c : col + 1;
            const rr = rowOfRef(ref);
            if (rr >= 0 && row < 0) row = rr;
          } else col += 1;
          if (row < 0) row = 0;
          type = a.t ?? "n";
          const s = a.s;
          style = s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
          text = "";
          inlineText = "";
          hasFormula = false;
          inIs = false;
          inV = false;
          inT = false;
          inRph = false;
        } else if (name === "mergeCell") {
          if (a.ref) merges.push(a.ref);
        } else if (name === "tablePart") {
          const id = attrLocal(a, "id");
          if (id !== undefined) tableRels.push(id);
        }
      },
      text(t) {
        if (!inCell) return;
        if (inV) text += t;
        else if (inT) inlineText += t;
      },
      close(name) {
        if (inCell) {
          if (name === "v") inV = false;
          else if (name === "t") inT = false;
          else if (name === "rPh") inRph = false;
          else if (name === "c") {
            inCell = false;
            finish();
          }
          return;
        }
        if (name === "sheetData") inData = false;
      },
    },
    o.file,
    o.part,
  );
  return { values, styles, merges, tableRels, rowCount };
}

/** The shared strings (each item's text: plain or rich, phonetic runs left out). */
export function readSharedStrings(data: Buffer | undefined, file: string, part: string): string[] {
  if (!data) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let inRph = false;
  let cur = "";
  parseXml(
    data,
    {
      open(name) {
        if (name === "si") {
          inSi = true;
          cur = "";
        } else if (name === "rPh") inRph = true;
        else if (name === "t" && inSi && !inRph) inT = true;
      },
      text(t) {
        if (inT) cur += t;
      },
      close(name) {
        if (name === "t") inT = false;
        else if (name === "rPh") inRph = false;
        else if (name === "si") {
          out.push(decodeXstring(cur));
          inSi = false;
        }
      },
    },
    file,
    part,
  );
  return out;
}
