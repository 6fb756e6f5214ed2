/** Saving and loading the in-memory workbook as JSON (the preview keeps it in local storage). */
import { parseRect, rectAddress, type Rect } from "./address";
import type { CellValue } from "./entry";
import { MemoryWorkbook } from "./model";
import type { SheetModel, SheetVisibility, TableModel } from "./sheet";
import { checkColour, checkInput, checkTableName, isCellPosition } from "./validate";

export interface CellJson {
  v?: CellValue;
  e?: true;
  f?: string;
  nf?: string;
  fill?: string;
  fc?: string;
  b?: boolean;
}

export interface WorkbookJson {
  readonly format: "perfcycle-memory-excel";
  readonly version: 1;
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: SheetVisibility;
    readonly frozenRows: number;
    readonly cells: readonly (readonly [number, number, CellJson])[];
    readonly conditionalFormats: readonly {
      readonly address: string;
      readonly operator: "EqualTo";
      readonly formula1: string;
      readonly fill?: string;
      readonly fontColor?: string;
      readonly bold?: boolean;
    }[];
  }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly address: string }[];
  readonly activeSheet: string | null;
  readonly selection: { readonly sheet: string; readonly address: string } | null;
}

export function workbookToJson(book: MemoryWorkbook): WorkbookJson {
  return {
    format: "perfcycle-memory-excel",
    version: 1,
    sheets: book.sheets.map((s) => {
      const cells: [number, number, CellJson][] = [];
      for (const [r, cols] of [...s.rows].sort((a, b) => a[0] - b[0])) {
        for (const [c, cell] of [...cols].sort((a, b) => a[0] - b[0])) {
          const j: CellJson = {};
          if (cell.value !== "") j.v = cell.value;
          if (cell.error) j.e = true;
          if (cell.formula !== undefined) j.f = cell.formula;
          if (cell.numberFormat !== undefined) j.nf = cell.numberFormat;
          if (cell.fill !== undefined) j.fill = cell.fill;
          if (cell.fontColor !== undefined) j.fc = cell.fontColor;
          if (cell.bold === true) j.b = true;
          cells.push([r, c, j]);
        }
      }
      return {
        name: s.name,
        visibility: s.visibility,
        frozenRows: s.frozenRows,
        cells,
        conditionalFormats: s.conditionalFormats.map((cf) => ({
          address: rectAddress(cf.rect),
          operator: cf.operator,
          formula1: cf.formula1,
          ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
          ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
          ...(cf.bold !== undefined ? { bold: cf.bold } : {}),
        })),
      };
    }),
    tables: book.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: rectAddress(t.rect) })),
    activeSheet: book.activeSheet?.name ?? null,
    selection: book.selectionInfo(),
  };
}

function fail(why: string): never {
  throw new Error(`Not a saved PerfCycle preview workbook: ${why}.`);
}

/** A saved sheet's cells and conditional formats into `s`. */
function readSheet(s: SheetModel, sj: WorkbookJson["sheets"][number]): void {
  s.frozenRows = Number.isInteger(sj.frozenRows) ? sj.frozenRows : 0;
  for (const entry of sj.cells ?? []) {
    const [r, c, cj] = entry;
    if (!isCellPosition(r, c) || !cj) {
      fail(`a bad cell on sheet '${sj.name}'`);
    }
    const cell = s.ensure(r, c);
    if (cj.v !== undefined) cell.value = checkInput(cj.v) ?? "";
    if (cj.e === true) cell.error = true;
    if (cj.f !== undefined) cell.formula = String(cj.f);
    if (cj.nf !== undefined) cell.numberFormat = String(cj.nf);
    if (cj.fill !== undefined) cell.fill = checkColour(cj.fill);
    if (cj.fc !== undefined) cell.fontColor = checkColour(cj.fc);
    if (cj.b === true) cell.bold = true;
  }
  for (const cf of sj.conditionalFormats ?? []) {
    const rect = parseRect(cf.address);
    if (!rect || cf.operator !== "EqualTo") fail(`a bad conditional format on sheet '${sj.name}'`);
    s.conditionalFormats.push({
      rect: rect as Rect,
      operator: "EqualTo",
      formula1: String(cf.formula1),
      ...(cf.fill !== undefined ? { fill: checkColour(cf.fill) } : {}),
      ...(cf.fontColor !== undefined ? { fontColor: checkColour(cf.fontColor) } : {}),
      ...(cf.bold !== undefined ? { bold: cf.bold === true } : {}),
    });
  }
}

/** A saved table onto its sheet of `b`. */
function readTable(b: MemoryWorkbook, tj: WorkbookJson["tables"][number]): void {
  const s = b.sheet(tj.sheet);
  const rect = parseRect(tj.address);
  if (!s || !rect) fail(`a bad table '${tj.name}'`);
  const t: TableModel = {
    id: b.nextId++,
    name: tj.name,
    sheet: s as SheetModel,
    rect: rect as Rect,
    filters: new Map(),
    calculated: new Map(),
  };
  checkTableName(t.name);
  if (b.table(t.name)) fail(`two tables named '${t.name}'`);
  b.tables.push(t);
}

/** Rebuild a workbook from `toJSON()`/`serialise()` output; throws with a reason on anything malformed. */
export function workbookFromJson(input: unknown): MemoryWorkbook {
  const j = (
    typeof input === "string" ? (JSON.parse(input) as unknown) : input
  ) as Partial<WorkbookJson> | null;
  if (!j || typeof j !== "object" || j.format !== "perfcycle-memory-excel") fail("unknown format");
  if (j?.version !== 1) fail(`version ${String(j?.version)} is not 1`);
  if (!Array.isArray(j?.sheets) || !Array.isArray(j?.tables)) fail("sheets or tables missing");
  const b = new MemoryWorkbook();
  for (const sj of j?.sheets ?? []) readSheet(b.addSheet(sj.name), sj);
  // Visibility after all sheets exist (a workbook keeps one visible sheet).
  for (const sj of j?.sheets ?? []) {
    if (sj.visibility && sj.visibility !== "Visible") {
      const s = b.sheet(sj.name);
      if (s) s.visibility = sj.visibility;
    }
  }
  for (const tj of j?.tables ?? []) readTable(b, tj);
  b.activeSheet = (j?.activeSheet ? b.sheet(j.activeSheet) : undefined) ?? b.sheets[0] ?? null;
  if (j?.selection) {
    const s = b.sheet(j.selection.sheet);
    const rect = parseRect(j.selection.address);
    if (s && rect) b.selection = { sheet: s, rect };
  }
  b.markClean();
  return b;
}
