/** The in-memory workbook's parts: cells, sheets, tables, and Excel's error type. */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from "./address";
import type { CellValue } from "./entry";
import type { MemoryWorkbook } from "./model";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface Cell {
  /** A constant's value (`""` when blank). Ignored for formula cells, whose value is computed. */
  value: CellValue;
  /** Formula text, e.g. `=PERF.RAG(B2,C2,"Higher")`. */
  formula?: string;
  /** The constant is an error literal entered as such (`#N/A`): `valueTypes` reads `Error`. */
  error?: true;
  /** Excel number format code; absent means General. */
  numberFormat?: string;
  /** Fill colour `#RRGGBB`; absent means no fill. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** A conditional format of type cell value (the only kind the fake knows): `EqualTo` a constant. */
export interface ConditionalRule {
  readonly rect: Rect;
  operator: "EqualTo";
  /** As Office.js takes it: `="Red"` or `=5` (empty until the rule is set: matches nothing). */
  formula1: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** An Excel error as Office.js raises it (`OfficeExtension.Error`): `code` is Excel's error code. */
export class MemoryExcelError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

/** Where a formula sits, for the formula evaluator. */
export interface FormulaSite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** `A1` address of the cell. */
  readonly address: string;
}

/**
 * Computes a formula cell's value. The preview installs one that evaluates `=PERF.*`; it may read
 * other cells through `book.value(...)` (cycles are cut with `#REF!`).
 */
export type FormulaEvaluator = (formula: string, site: FormulaSite, book: MemoryWorkbook) => CellValue;

/** What the preview's grid shows for a cell. */
export interface CellView {
  /** The value (computed for formula cells). */
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string;
  /** The value as Excel would display it with its number format (en-GB). */
  readonly text: string;
  /** Effective fill and font, conditional formats applied. */
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
}

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Rows and columns from A1 to the last used cell (0 × 0 for a blank sheet). */
  readonly rowCount: number;
  readonly colCount: number;
  readonly frozenRows: number;
}

export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  /** `A1:H20`, header row included. */
  readonly address: string;
  readonly headers: readonly string[];
}

export class SheetModel {
  visibility: SheetVisibility = "Visible";
  frozenRows = 0;
  /** Rows hidden by a table filter. */
  readonly hiddenRows = new Set<number>();
  /** row → column → cell. */
  readonly rows = new Map<number, Map<number, Cell>>();
  conditionalFormats: ConditionalRule[] = [];
  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.get(col);
  }

  ensure(row: number, col: number): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: "" }));
    return c;
  }

  /** Drop a cell that holds nothing, to keep the sheet sparse. */
  tidy(row: number, col: number): void {
    const r = this.rows.get(row);
    const c = r?.get(col);
    if (!r || !c) return;
    if (isEmptyCell(c)) {
      r.delete(col);
      if (r.size === 0) this.rows.delete(row);
    }
  }

  /** The bounding box of used cells; with `valuesOnly`, of cells with a value or formula. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let r2 = -1;
    let c1 = Infinity;
    let c2 = -1;
    for (const [row, cols] of this.rows) {
      for (const [col, c] of cols) {
        if (valuesOnly ? c.value === "" && c.formula === undefined : isEmptyCell(c)) continue;
        if (row < r1) r1 = row;
        if (row > r2) r2 = row;
        if (col < c1) c1 = col;
        if (col > c2) c2 = col;
      }
    }
    if (r2 < 0) return null;
    return { row: r1, col: c1, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 };
  }

  /** Move cells at or below `fromRow` in columns [col, col + colCount) down by n rows. */
  shiftDown(fromRow: number, col: number, colCount: number, n: number): void {
    const moved: [number, number, Cell][] = [];
    for (const [row, cols] of this.rows) {
      if (row < fromRow) continue;
      for (const [c, cell] of cols) if (c >= col && c < col + colCount) moved.push([row, c, cell]);
    }
    for (const [row, c] of moved) this.rows.get(row)?.delete(c);
    for (const [row, c, cell] of moved) {
      if (row + n >= MAX_ROWS)
        throw new MemoryExcelError("NonBlankCellOffSheet", "Cells would move off the sheet.");
      this.ensure(row + n, c);
      this.rows.get(row + n)?.set(c, cell);
    }
    for (const [row, cols] of [...this.rows]) if (cols.size === 0) this.rows.delete(row);
  }

  /** Move cells at or right of `fromCol` in rows [row, row + rowCount) right by n columns. */
  shiftRight(fromCol: number, row: number, rowCount: number, n: number): void {
    for (const [r, cols] of this.rows) {
      if (r < row || r >= row + rowCount) continue;
      const moved = [...cols].filter(([c]) => c >= fromCol);
      for (const [c] of moved) cols.delete(c);
      for (const [c, cell] of moved) {
        if (c + n >= MAX_COLUMNS)
          throw new MemoryExcelError("NonBlankCellOffSheet", "Cells would move off the sheet.");
        cols.set(c + n, cell);
      }
    }
  }
}

export interface TableModel {
  readonly id: number;
  name: string;
  sheet: SheetModel;
  /** The whole table, header row first. */
  rect: Rect;
  /** Values filters by column (0-based within the table). */
  readonly filters: Map<number, readonly string[]>;
  /** Calculated columns' formulas by column. */
  readonly calculated: Map<number, string>;
}

export function isEmptyCell(c: Cell): boolean {
  return (
    c.value === "" &&
    c.formula === undefined &&
    c.numberFormat === undefined &&
    c.fill === undefined &&
    c.fontColor === undefined &&
    c.bold !== true
  );
}
