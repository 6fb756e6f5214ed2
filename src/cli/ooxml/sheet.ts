/**
 * Reading a worksheet part (streaming): each cell's value as the contract reads it, with its
 * cell format index, the merged areas and the sheet's table parts. Values: shared strings, inline
 * strings and rich text → text; booleans; errors → their text (`#DIV/0!`); a formula → its cached
 * result; a number in a date or time format → a Date (UTC, as ExcelJS gives it; 1900 or 1904
 * date system); `t="d"` ISO dates → a Date. Rows and cells without an `r` follow the one before.
 */
import { refColumn, refRow } from "../../a1";
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

function isoDate(text: string): Date | null {
  const t = text.trim();
  if (t === "") return null;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(t) || !/T|\d:\d/.test(t) ? t : `${t}Z`;
  const d = new Date(/^\d{4}-\d\d-\d\d$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(d.getTime()) ? null : d;
}

type Kept = SheetReadOptions["keep"];

function wanted(keep: Kept, r: number, c: number): boolean {
  if (!keep) return true;
  for (const k of keep) if (r >= k.top && r <= k.bottom && c >= k.left && c <= k.right) return true;
  return false;
}

/** A number cell's value: a Date in a date or time format. */
function numberValue(text: string, style: number | undefined, o: SheetReadOptions): RawCell {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (style !== undefined && o.styles.dates[style] === true) return excelToDate(n, o.date1904);
  return n;
}

/** The cell being read: its type, format, and the text of its value or inline string. */
class CellState {
  type = "n";
  style: number | undefined;
  text = "";
  inlineText = "";
  inV = false;
  inIs = false;
  inT = false;
  inRph = false;
  hasFormula = false;

  reset(a: Readonly<Record<string, string>>): void {
    this.type = a.t ?? "n";
    const s = a.s;
    this.style = s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
    this.text = "";
    this.inlineText = "";
    this.hasFormula = false;
    this.inIs = false;
    this.inV = false;
    this.inT = false;
    this.inRph = false;
  }

  /** The cell's value as the contract reads it (null for blank). */
  value(o: SheetReadOptions): RawCell {
    const text = this.text;
    switch (this.type) {
      case "s": {
        const i = Number(text.trim());
        return Number.isInteger(i) ? (o.sharedStrings[i] ?? "") : null;
      }
      case "inlineStr":
        if (this.inIs || this.inlineText !== "") return decodeXstring(this.inlineText);
        return text === "" ? null : decodeXstring(text);
      case "str":
        return this.hasFormula || text !== "" ? decodeXstring(text) : null;
      case "b":
        return text === "" ? null : text.trim() === "1" || text.trim().toLowerCase() === "true";
      case "e":
        return text === "" ? null : text.trim();
      case "d":
        return isoDate(text);
      default:
        return numberValue(text, this.style, o);
    }
  }
}

/** The reader's state over one sheet part: where it is, and what it has kept. */
class SheetReader {
  readonly values: (RawCell | undefined)[][] = [];
  readonly styles: (number | undefined)[][] = [];
  readonly merges: string[] = [];
  readonly tableRels: string[] = [];
  rowCount = 0;
  private row = -1;
  private col = -1;
  private inData = false;
  private inCell = false;
  private readonly cell = new CellState();
  private readonly keepStyles: boolean;

  constructor(private readonly o: SheetReadOptions) {
    this.keepStyles = o.keepStyles ?? true;
  }

  wantText(): boolean {
    return this.cell.inV || this.cell.inT;
  }

  open(name: string, a: Readonly<Record<string, string>>): void {
    if (this.inCell) this.openInCell(name);
    else if (name === "sheetData") this.inData = true;
    else if (name === "row" && this.inData) this.openRow(a);
    else if (name === "c" && this.inData) this.openCell(a);
    else if (name === "mergeCell") {
      if (a.ref) this.merges.push(a.ref);
    } else if (name === "tablePart") {
      const id = attrLocal(a, "id");
      if (id !== undefined) this.tableRels.push(id);
    }
  }

  text(t: string): void {
    if (!this.inCell) return;
    if (this.cell.inV) this.cell.text += t;
    else if (this.cell.inT) this.cell.inlineText += t;
  }

  close(name: string): void {
    const cell = this.cell;
    if (!this.inCell) {
      if (name === "sheetData") this.inData = false;
      return;
    }
    if (name === "v") cell.inV = false;
    else if (name === "t") cell.inT = false;
    else if (name === "rPh") cell.inRph = false;
    else if (name === "c") {
      this.inCell = false;
      this.finish();
    }
  }

  private openInCell(name: string): void {
    const cell = this.cell;
    if (name === "v") cell.inV = true;
    else if (name === "f") cell.hasFormula = true;
    else if (name === "is") cell.inIs = true;
    else if (name === "rPh") cell.inRph = true;
    else if (name === "t" && cell.inIs && !cell.inRph) cell.inT = true;
  }

  private openRow(a: Readonly<Record<string, string>>): void {
    const o = this.o;
    this.rowCount++;
    if (this.rowCount > o.maxRows)
      throw new CliError(
        "TOO_LARGE",
        `${o.file} is refused: sheet ${JSON.stringify(o.sheetName)} has more than ${o.maxRows.toLocaleString("en-GB")} rows, more than the command reads; split the data or filter it in Excel`,
      );
    const r = a.r;
    this.row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : this.row + 1;
    this.col = -1;
  }

  private openCell(a: Readonly<Record<string, string>>): void {
    this.inCell = true;
    const ref = a.r;
    if (ref !== undefined) {
      const c = refColumn(ref);
      this.col = c >= 0 ? c : this.col + 1;
      const rr = refRow(ref);
      if (rr >= 0 && this.row < 0) this.row = rr;
    } else this.col += 1;
    if (this.row < 0) this.row = 0;
    this.cell.reset(a);
  }

  private finish(): void {
    const { row, col } = this;
    if (!wanted(this.o.keep, row, col)) return;
    const v = this.cell.value(this.o);
    const style = this.cell.style;
    // A blank cell's format still counts (a table column formatted 0% before it is typed in).
    if (style !== undefined && this.keepStyles) (this.styles[row] ??= [])[col] = style;
    if (v === null) return;
    (this.values[row] ??= [])[col] = v;
  }
}

export function readSheet(data: Buffer, o: SheetReadOptions): SheetCells {
  const reader = new SheetReader(o);
  scanXml(
    data,
    {
      wantAttributes: (name) =>
        name === "row" || name === "c" || name === "mergeCell" || name === "tablePart",
      wantText: () => reader.wantText(),
      open: (name, a) => reader.open(name, a),
      text: (t) => reader.text(t),
      close: (name) => reader.close(name),
    },
    o.file,
    o.part,
  );
  const { values, styles, merges, tableRels, rowCount } = reader;
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
