/**
 * The workbook as the command reads it, from the few parts it needs: the package's office
 * document (found through `_rels/.rels`, not assumed to be `xl/workbook.xml`), its sheets (name,
 * state, part), shared strings, styles and theme, and every sheet's tables. Every part is found
 * through relationships resolved by the OPC rules and matched case-insensitively; a missing
 * styles, theme or shared-strings part reads as none. Sheets are parsed on demand (evaluate
 * reads only the sheets that hold tables, and only the cells inside them).
 */
import type { RawCell, RawTable, RawWorkbook, SheetGrid } from "../../contract";
import { CliError } from "../errors";
import { readInput } from "../files";
import { DEFAULT_LIMITS, type PackageLimits } from "../limits";
import { checkPackageBytes } from "../package";
import { colLetters, parseRange } from "../../a1";
import {
  readContentTypes,
  readRelationships,
  REL,
  relKind,
  type ContentTypes,
  type Relationship,
} from "./opc";
import { readSharedStrings, readSheet, type SheetCells } from "./sheet";
import { readStyles, readThemeColours, type Styles } from "./styles";
import { elementsNamed } from "./xml";
import { sheetsOf, tablesOf, type BookSheet, type BookTable } from "./parts";
import { ZipPackage } from "./zip";

export type { BookSheet, BookTable } from "./parts";

export interface ReadTablesOptions {
  /** Read each data cell's number format (RawTable.numberFormats). Default true. */
  readonly formats?: boolean;
  /** Keep the cells' format indexes for a writer that follows (import --into). Default: as formats. */
  readonly styles?: boolean;
}

const STRICT_MESSAGE = (file: string): string =>
  `${file} is saved as Strict Open XML Spreadsheet, which this command does not read; in Excel choose File > Save As > Excel Workbook (.xlsx) and try again`;

export class XlsxBook {
  readonly contentTypes: ContentTypes;
  readonly workbookRels: readonly Relationship[];
  private sst: string[] | undefined;
  private styleCache: Styles | undefined;
  private readonly cellCache = new Map<string, SheetCells>();
  private readonly fullCells = new Set<string>();
  private readonly styledCells = new Set<string>();

  constructor(
    readonly path: string,
    readonly pkg: ZipPackage,
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly date1904: boolean,
    readonly sheets: readonly BookSheet[],
    readonly tables: readonly BookTable[],
    readonly limits: PackageLimits,
    workbookRels: readonly Relationship[],
  ) {
    this.contentTypes = readContentTypes(pkg);
    this.workbookRels = workbookRels;
  }

  /** Has a VBA project (an .xlsm): kept as it is, never run. */
  get macros(): boolean {
    return this.workbookRels.some((r) => relKind(r.type) === "vbaproject");
  }

  private relPart(kind: string): string | undefined {
    const r = this.workbookRels.find((x) => !x.external && relKind(x.type) === kind);
    return r && this.pkg.has(r.part) ? r.part : undefined;
  }

  sharedStrings(): readonly string[] {
    if (!this.sst) {
      const part = this.relPart("sharedstrings");
      this.sst = readSharedStrings(part ? this.pkg.read(part) : undefined, this.path, part ?? "");
    }
    return this.sst;
  }

  styles(): Styles {
    if (!this.styleCache) {
      const part = this.relPart("styles");
      const themePart = this.relPart("theme");
      const theme = readThemeColours(
        themePart ? this.pkg.read(themePart) : undefined,
        this.path,
        themePart ?? "",
      );
      this.styleCache = readStyles(part ? this.pkg.read(part) : undefined, theme, this.path, part ?? "");
    }
    return this.styleCache;
  }

  /** A worksheet's cells: all of them, or (full false) only those in its tables' columns from their header rows down. */
  cells(sheet: BookSheet, full: boolean, withStyles = true): SheetCells {
    const cached = this.cellCache.get(sheet.part);
    if (
      cached &&
      (this.fullCells.has(sheet.part) || !full) &&
      (this.styledCells.has(sheet.part) || !withStyles)
    )
      return cached;
    const data = this.pkg.read(sheet.part);
    if (!data)
      throw new CliError(
        "DAMAGED",
        `${this.path} is damaged and cannot be read (the part ${sheet.part} of sheet ${JSON.stringify(sheet.name)} is missing)`,
      );
    const keep = full
      ? undefined
      : this.tables
          .filter((t) => t.sheet === sheet)
          // Down to the end of the sheet: the rows a table may grow into are read too (import --into).
          .map((t) => ({
            top: t.range.top - 1,
            left: t.range.left - 1,
            bottom: Infinity,
            right: t.range.right - 1,
          }));
    const cells = readSheet(data, {
      sharedStrings: this.sharedStrings(),
      styles: this.styles(),
      date1904: this.date1904,
      ...(keep ? { keep } : {}),
      keepStyles: withStyles,
      maxRows: this.limits.maxRows,
      file: this.path,
      part: sheet.part,
      sheetName: sheet.name,
    });
    this.cellCache.set(sheet.part, cells);
    if (full) this.fullCells.add(sheet.part);
    else this.fullCells.delete(sheet.part);
    if (withStyles) this.styledCells.add(sheet.part);
    else this.styledCells.delete(sheet.part);
    return cells;
  }

  /** Drop the parsed values of a sheet's rows above `row` (1-based), keeping their formats. */
  dropValuesAbove(sheet: BookSheet, row: number): void {
    const cells = this.cellCache.get(sheet.part);
    if (!cells) return;
    for (let r = 0; r < row - 1 && r < cells.values.length; r++) delete cells.values[r];
  }

  /** Drop parsed cells (to spare memory once the tables are read). */
  release(): void {
    this.cellCache.clear();
    this.fullCells.clear();
    this.styledCells.clear();
  }

  worksheets(): BookSheet[] {
    return this.sheets.filter((s) => s.worksheet);
  }

  /** A worksheet by name, as Excel matches names (case-insensitively). */
  sheetNamed(name: string): BookSheet | undefined {
    const key = name.toLowerCase();
    return this.worksheets().find((s) => s.name.toLowerCase() === key);
  }

  tableNamed(name: string): BookTable | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** A table as the contract reads it. */
  rawTable(t: BookTable, options: ReadTablesOptions = {}): RawTable {
    const withFormats = options.formats ?? true;
    const cells = this.cells(t.sheet, false, withFormats || options.styles === true);
    const styles = this.styles();
    const merged = mergedAway(cells.merges);
    const value = (r: number, c: number): RawCell => {
      if (merged.has(`${r},${c}`)) return null;
      const v = cells.values[r - 1]?.[c - 1];
      return v === undefined ? null : v;
    };
    const { range } = t;
    const width = range.right - range.left + 1;
    const headers: RawCell[] = [];
    for (let j = 0; j < width; j++) {
      const v = t.headerRowCount > 0 ? value(range.top, range.left + j) : null;
      headers.push(v === null || v === "" ? (t.columns[j] ?? null) : v);
    }
    const rows: RawCell[][] = [];
    const numberFormats: string[][] = [];
    for (let r = t.firstDataRow; r <= t.lastDataRow; r++) {
      const out: RawCell[] = new Array<RawCell>(width);
      const fmts: string[] = [];
      const srow = cells.styles[r - 1];
      for (let j = 0; j < width; j++) {
        out[j] = value(r, range.left + j);
        if (withFormats) {
          const s = srow?.[range.left + j - 1];
          fmts.push(s === undefined ? "General" : (styles.formats[s] ?? "General"));
        }
      }
      rows.push(out);
      if (withFormats) numberFormats.push(fmts);
    }
    const table: RawTable = {
      name: t.name,
      headers,
      rows,
      sheet: t.sheet.name,
      topLeft: `${colLetters(range.left)}${range.top}`,
    };
    return withFormats ? { ...table, numberFormats } : table;
  }

  /** Every table of the workbook, as the contract reads them (each sheet's cells dropped once its tables are read). */
  rawWorkbook(options: ReadTablesOptions = {}): RawWorkbook {
    const tables = this.tables.map((t, i) => {
      const raw = this.rawTable(t, options);
      const next = this.tables[i + 1];
      if ((!next || next.sheet !== t.sheet) && !this.fullCells.has(t.sheet.part))
        this.cellCache.delete(t.sheet.part);
      return raw;
    });
    return { tables };
  }

  /** A worksheet's cells from A1 as the contract's grid, with formats, fills, merges and state. */
  grid(sheet: BookSheet): SheetGrid {
    const cells = this.cells(sheet, true);
    const styles = this.styles();
    const merged = mergedAway(cells.merges);
    let height = 0;
    let width = 0;
    // The grid covers every value and every filled cell (a status shown by its colour alone).
    const extend = (r: number, c: number): void => {
      if (r + 1 > height) height = r + 1;
      if (c + 1 > width) width = c + 1;
    };
    cells.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && extend(r, c)));
    cells.styles.forEach((row, r) =>
      row?.forEach((s, c) => s !== undefined && styles.fills[s] && extend(r, c)),
    );
    const grid: RawCell[][] = [];
    const formats: string[][] = [];
    const fills: (string | null)[][] = [];
    for (let r = 0; r < height; r++) {
      const vr = cells.values[r];
      const sr = cells.styles[r];
      const g: RawCell[] = new Array<RawCell>(width).fill(null);
      const f: string[] = new Array<string>(width).fill("General");
      const fl: (string | null)[] = new Array<string | null>(width).fill(null);
      for (let c = 0; c < width; c++) {
        const s = sr?.[c];
        if (s !== undefined) {
          f[c] = styles.formats[s] ?? "General";
          fl[c] = styles.fills[s] ?? null;
        }
        const v = vr?.[c];
        if (v !== undefined && v !== null && !merged.has(`${r + 1},${c + 1}`)) g[c] = v;
      }
      grid.push(g);
      formats.push(f);
      fills.push(fl);
    }
    return {
      name: sheet.name,
      grid,
      formats,
      fills,
      merges: [...cells.merges],
      hidden: sheet.state !== "visible",
    };
  }

  /** Every worksheet as a grid, in the workbook's order. */
  grids(): SheetGrid[] {
    return this.worksheets().map((s) => this.grid(s));
  }
}

/** The cells of merged areas other than their top-left ones, as `row,col` (1-based). */
function mergedAway(merges: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m);
    if (!r) continue;
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100_000) continue;
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) if (i !== r.top || j !== r.left) out.add(`${i},${j}`);
  }
  return out;
}

/** Open a package already in memory. */
export function openXlsxBuffer(buf: Buffer, path: string, limits: PackageLimits = DEFAULT_LIMITS): XlsxBook {
  const entries = checkPackageBytes(buf, path, limits);
  const pkg = new ZipPackage(buf, path, entries);
  const rootRels = readRelationships(pkg, "");
  if (rootRels.some((r) => r.type === REL.strictOfficeDocument))
    throw new CliError("NOT_XLSX", STRICT_MESSAGE(path));
  const office = rootRels.find((r) => r.type === REL.officeDocument && !r.external);
  const workbookPart = office && pkg.has(office.part) ? office.part : pkg.nameOf("xl/workbook.xml");
  if (workbookPart === undefined || !pkg.has("[Content_Types].xml")) {
    throw new CliError(
      "NOT_XLSX",
      `${path} is a zip file but not an Excel workbook (it has no xl/workbook.xml)`,
    );
  }
  const workbookXml = pkg.text(workbookPart) ?? "";
  if (workbookXml.includes("http://purl.oclc.org/ooxml/spreadsheetml/main"))
    throw new CliError("NOT_XLSX", STRICT_MESSAGE(path));
  const wbPr = elementsNamed(workbookXml, "workbookPr")[0] ?? {};
  const date1904 = wbPr.date1904 === "1" || wbPr.date1904 === "true";
  const wbRels = readRelationships(pkg, workbookPart);
  const sheets = sheetsOf(pkg, workbookXml, wbRels);
  const tables = tablesOf(pkg, sheets, path);
  return new XlsxBook(path, pkg, workbookPart, workbookXml, date1904, sheets, tables, limits, wbRels);
}

/** Read and open an .xlsx (or .xlsm) file; every failure is a one-line CliError. */
export async function openXlsx(path: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<XlsxBook> {
  return openXlsxBuffer(await readInput(path), path, limits);
}
