/**
 * Cells of the in-memory workbook: writing values, formulas and number formats (checked first,
 * so a bad array changes nothing), reading them back, styles, copy and paste, conditional formats.
 */
import { intersects, isUnbounded, MAX_COLUMNS, MAX_ROWS, rectAddress, type Rect } from "./address";
import { enterText, type CellValue } from "./entry";
import { MemoryExcelError, type Cell, type ConditionalRule, type SheetModel } from "./sheet";
import { fixHeaders, growBelow, headerRect, landingRows } from "./tables";
import { checkColour, checkInput, shapeInput } from "./validate";
import { WorkbookState } from "./workbookState";

export abstract class WorkbookCells extends WorkbookState {
  /**
   * Set `values` or `formulas` (the same for constants; Office.js reads formulas back as text) or
   * `numberFormat` over a rectangle. `null` leaves a cell alone; `""` clears it.
   */
  writeCells(
    sheet: SheetModel,
    rect: Rect,
    input: unknown,
    what: "values" | "formulas" | "numberFormat",
  ): void {
    this.alive(sheet);
    if (isUnbounded(rect)) {
      // "You can't set cell-level properties like values, numberFormat, or formula on an unbounded range" (same page).
      throw new MemoryExcelError(
        "InvalidArgument",
        `Cell-level properties can't be set on the unbounded range ${rectAddress(rect)}.`,
      );
    }
    const rows = shapeInput(rect, input);
    // Check everything first, so that a bad array changes nothing.
    const checked = rows.map((r) =>
      r.map((v) => {
        const x = checkInput(v);
        if (what === "numberFormat" && x !== null && typeof x !== "string") {
          throw new MemoryExcelError("InvalidArgument", `A number format is text; got ${String(x)}.`);
        }
        return x;
      }),
    );
    const headerCells = this.tables.filter((t) => t.sheet === sheet && intersects(headerRect(t), rect));
    const lands = what === "numberFormat" ? null : landingRows(sheet, rect);
    for (let i = 0; i < rect.rowCount; i++) {
      const row = checked[i] ?? [];
      const r = lands ? lands[i] : rect.row + i;
      if (r === undefined) continue;
      for (let j = 0; j < rect.colCount; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        const c = rect.col + j;
        if (what === "numberFormat") {
          const cell = sheet.ensure(r, c);
          if (v === "" || v === "General") delete cell.numberFormat;
          else cell.numberFormat = String(v);
          sheet.tidy(r, c);
          continue;
        }
        const cell = sheet.ensure(r, c);
        if (typeof v === "string") {
          delete cell.error;
          if (v === "") {
            cell.value = "";
            delete cell.formula;
          } else {
            const x = enterText(v, cell.numberFormat);
            cell.value = x.value;
            if (x.formula !== undefined) cell.formula = x.formula;
            else delete cell.formula;
            if (x.numberFormat !== undefined) cell.numberFormat = x.numberFormat;
            if (x.error) cell.error = true;
          }
        } else {
          cell.value = v;
          delete cell.formula;
          delete cell.error;
        }
        sheet.tidy(r, c);
      }
    }
    for (const t of headerCells) fixHeaders(t);
    if (what !== "numberFormat") growBelow(this, sheet, rect, checked);
    this.noteTableChange(sheet, rect);
    this.touch();
  }

  /** Copy and paste `rect` of `from` to (`row`, `col`) of `to` (see RangeProxy.copyFrom). */
  copyCells(
    from: SheetModel,
    rect: Rect,
    to: SheetModel,
    row: number,
    col: number,
    what: "All" | "Values" | "Formats",
  ): void {
    this.alive(from);
    this.alive(to);
    if (isUnbounded(rect))
      throw new MemoryExcelError("InvalidArgument", "The memory Excel copies bounded ranges only.");
    const dest: Rect = { row, col, rowCount: rect.rowCount, colCount: rect.colCount };
    if (dest.row + dest.rowCount > MAX_ROWS || dest.col + dest.colCount > MAX_COLUMNS) {
      throw new MemoryExcelError("InvalidArgument", "The paste would run off the sheet.");
    }
    const cells: [number, number, Cell | undefined][] = [];
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const c = from.cell(rect.row + i, rect.col + j);
        cells.push([i, j, c ? { ...c } : undefined]);
      }
    }
    for (const [i, j, c] of cells) {
      const cell = to.ensure(row + i, col + j);
      if (what !== "Formats") {
        cell.value = c?.value ?? "";
        if (c?.formula !== undefined) cell.formula = c.formula;
        else delete cell.formula;
        if (c?.error) cell.error = true;
        else delete cell.error;
      }
      if (what !== "Values") {
        for (const k of ["numberFormat", "fill", "fontColor", "bold"] as const) {
          if (c?.[k] !== undefined) (cell as unknown as Record<string, unknown>)[k] = c[k];
          else delete cell[k];
        }
      }
      to.tidy(row + i, col + j);
    }
    if (what !== "Values") {
      // Pasted formats replace the conditional formats inside the destination.
      const inside = (r: Rect): boolean =>
        r.row >= dest.row &&
        r.col >= dest.col &&
        r.row + r.rowCount <= dest.row + dest.rowCount &&
        r.col + r.colCount <= dest.col + dest.colCount;
      const copied = from.conditionalFormats
        .filter((cf) => intersects(cf.rect, rect))
        .map((cf) => ({
          ...cf,
          rect: { ...cf.rect, row: cf.rect.row - rect.row + row, col: cf.rect.col - rect.col + col },
        }));
      to.conditionalFormats = [...to.conditionalFormats.filter((cf) => !inside(cf.rect)), ...copied];
    }
    this.touch();
  }

  /** Set (or clear with null) fill colour, font colour or bold over a rectangle. */
  writeStyle(
    sheet: SheetModel,
    rect: Rect,
    what: "fill" | "fontColor" | "bold",
    value: string | boolean | null,
  ): void {
    this.alive(sheet);
    const v = what === "bold" ? value === true : value === null ? null : checkColour(value);
    if (rect.rowCount * rect.colCount > 5_000_000)
      throw new MemoryExcelError("RangeExceedsLimit", "Too many cells.");
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const cell = sheet.ensure(rect.row + i, rect.col + j);
        if (what === "bold") {
          if (v === true) cell.bold = true;
          else delete cell.bold;
        } else if (v === null) {
          delete cell[what];
        } else {
          cell[what] = v as string;
        }
        sheet.tidy(rect.row + i, rect.col + j);
      }
    }
    this.touch();
  }

  /**
   * Cell-level properties of a range. An unbounded range (whole columns or rows) reads as null:
   * "Cell-level properties (like values, text, numberFormat, or formulas) come back as null for
   * unbounded reads" (`unbounded-read-null`, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
   */
  read(
    sheet: SheetModel,
    rect: Rect,
    what: "values" | "formulas" | "numberFormat" | "valueTypes",
  ): (CellValue | string)[][] | null {
    if (isUnbounded(rect)) return null;
    this.alive(sheet);
    if (rect.rowCount * rect.colCount > 5_000_000) {
      throw new MemoryExcelError(
        "RangeExceedsLimit",
        "A range is limited to 5,000,000 cells for read operations.",
      );
    }
    const out: (CellValue | string)[][] = [];
    for (let i = 0; i < rect.rowCount; i++) {
      const r = rect.row + i;
      const cols = sheet.rows.get(r);
      const row: (CellValue | string)[] = [];
      for (let j = 0; j < rect.colCount; j++) {
        const c = rect.col + j;
        const cell = cols?.get(c);
        if (what === "numberFormat") row.push(cell?.numberFormat ?? "General");
        else if (what === "valueTypes") row.push(this.valueType(sheet, r, c));
        else if (what === "formulas" && cell?.formula !== undefined) row.push(cell.formula);
        else row.push(cell ? this.value(sheet, r, c) : "");
      }
      out.push(row);
    }
    return out;
  }

  /** Office.js `Range.valueTypes` of a cell: Empty, String, Double, Boolean or Error (ExcelApi 1.1). */
  valueType(sheet: SheetModel, row: number, col: number): string {
    const cell = sheet.cell(row, col);
    if (!cell) return "Empty";
    const v = this.value(sheet, row, col);
    if (cell.error || (cell.formula !== undefined && typeof v === "string" && /^#[A-Z/0!?_]+[!?A]?$/.test(v)))
      return "Error";
    if (v === "") return "Empty";
    return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  }

  /** A style over a range: the common value, or null when cells differ (as Office.js reports it). */
  readStyle(sheet: SheetModel, rect: Rect, what: "fill" | "fontColor" | "bold"): string | boolean | null {
    let first: string | boolean | undefined;
    for (let i = 0; i < rect.rowCount; i++) {
      for (let j = 0; j < rect.colCount; j++) {
        const cell = sheet.cell(rect.row + i, rect.col + j);
        const v =
          what === "bold"
            ? cell?.bold === true
            : what === "fill"
              ? (cell?.fill ?? "#FFFFFF")
              : (cell?.fontColor ?? "#000000");
        if (first === undefined) first = v;
        else if (first !== v) return null;
      }
    }
    return first ?? null;
  }

  addConditionalFormat(sheet: SheetModel, rule: ConditionalRule): void {
    this.alive(sheet);
    sheet.conditionalFormats.push(rule);
    this.touch();
  }
}
