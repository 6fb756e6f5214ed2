/** Range proxies of the in-memory Excel: values, formats, navigation, copy and insert. */
import { intersection, MAX_COLUMNS, MAX_ROWS, qualifiedAddress, type Rect } from "./address";
import { ClientObject, jsonBytes, notLoaded, PER_OP_BYTES } from "./base";
import type { MemoryRequestContext } from "./memoryExcel";
import { MemoryExcelError, type SheetModel } from "./model";
import { ConditionalFormatCollectionProxy } from "./conditionalFormats";
import { WorksheetProxy } from "./sheetProxies";
import { rowHidden } from "./tables";

// ------------------------------------------------------------------ ranges

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

export function checkRect(r: Rect): Rect {
  if (
    !Number.isInteger(r.row) ||
    !Number.isInteger(r.col) ||
    r.row < 0 ||
    r.col < 0 ||
    r.rowCount < 1 ||
    r.colCount < 1 ||
    r.row + r.rowCount > MAX_ROWS ||
    r.col + r.colCount > MAX_COLUMNS
  ) {
    throw new MemoryExcelError("InvalidArgument", "The range would lie outside the sheet.");
  }
  return r;
}

function copy2d(v: unknown): unknown {
  return Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r)) : v;
}

export class RangeProxy extends ClientObject<RangeTarget> {
  protected readonly scalars: readonly string[] = [
    "address",
    "values",
    "formulas",
    "numberFormat",
    "valueTypes",
    "rowHidden",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
  ];
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(context: MemoryRequestContext, resolve: (() => RangeTarget | null) | RangeTarget) {
    super(context, resolve);
    this.format = new RangeFormatProxy(context, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
  }
  rangeNow(): RangeTarget {
    const r = this.t;
    this.context.book.alive(r.sheet);
    return r;
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "format" ? (this.format as ClientObject<unknown>) : undefined;
  }
  protected snapshot(prop: string, r: RangeTarget): unknown {
    const book = this.context.book;
    book.alive(r.sheet);
    switch (prop) {
      case "address":
        return qualifiedAddress(r.sheet.name, r.rect);
      case "values":
      case "formulas":
      case "numberFormat":
      case "valueTypes":
        return book.read(r.sheet, r.rect, prop);
      case "rowHidden":
        return rowHidden(r.sheet, r.rect);
      case "rowCount":
        return r.rect.rowCount;
      case "columnCount":
        return r.rect.colCount;
      case "rowIndex":
        return r.rect.row;
      default:
        return r.rect.col;
    }
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  /** `Range.rowHidden` (ExcelApi 1.2): true, false, or null when some rows are hidden. */
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  /** `Range.getRowsBelow(count)` (ExcelApi 1.2): the rows just below the range. */
  getRowsBelow(count = 1): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + r.rowCount, rowCount: count }));
  }
  /**
   * `Range.insert("Down")` (ExcelApi 1.1): blank cells in the range's place, what was there moving
   * down within its columns (tables below move with it).
   */
  insert(shift: string): RangeProxy {
    if (shift !== "Down")
      throw new MemoryExcelError("NotImplemented", "The memory Excel inserts cells Down only.");
    this.call("insert", shift, (r) => this.context.book.insertCellsDown(r.sheet, r.rect));
    return this.derive((r) => r);
  }
  set values(v: unknown[][]) {
    const c = copy2d(v);
    this.setLater("values", c, (r) => this.context.book.writeCells(r.sheet, r.rect, c, "values"));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    const c = copy2d(v);
    this.setLater("formulas", c, (r) => this.context.book.writeCells(r.sheet, r.rect, c, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    const c = copy2d(v);
    this.setLater("numberFormat", c, (r) => this.context.book.writeCells(r.sheet, r.rect, c, "numberFormat"));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.tOrNull?.sheet ?? null);
  }
  private derive(f: (r: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const r = this.tOrNull;
      return r ? { sheet: r.sheet, rect: checkRect(f(r.rect)) } : null;
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derive((r) => ({ row: r.row + row, col: r.col + column, rowCount: 1, colCount: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive((r) => ({
      ...r,
      rowCount: r.rowCount + deltaRows,
      colCount: r.colCount + deltaColumns,
    }));
  }
  /**
   * `Range.getIntersectionOrNullObject` (ExcelApi 1.4): the overlap with another range of the
   * same sheet, or a null object (`null-object`: "*OrNullObject methods … return an object whose
   * isNullObject is true", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
   */
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const r = this.tOrNull;
      if (!r) return null;
      const o =
        typeof other === "string" ? this.context.book.resolveAddress(other, r.sheet) : other.rangeOrNull();
      if (!o || o.sheet !== r.sheet) return null;
      const rect = intersection(r.rect, o.rect);
      return rect ? { sheet: r.sheet, rect } : null;
    });
  }
  /** The range at sync time, or null for a null object. */
  rangeOrNull(): RangeTarget | null {
    return this.tOrNull;
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }
  getRow(row: number): RangeProxy {
    return this.derive((r) => {
      if (row < 0 || row >= r.rowCount)
        throw new MemoryExcelError("InvalidArgument", `Row ${row} is outside the range.`);
      return { ...r, row: r.row + row, rowCount: 1 };
    });
  }
  getColumn(column: number): RangeProxy {
    return this.derive((r) => {
      if (column < 0 || column >= r.colCount) {
        throw new MemoryExcelError("InvalidArgument", `Column ${column} is outside the range.`);
      }
      return { ...r, col: r.col + column, colCount: 1 };
    });
  }
  select(): void {
    this.call("select", null, (r) => this.context.book.select(r.sheet, r.rect));
  }
  /**
   * `Range.getCellProperties(cellPropertiesLoadOptions)` (ExcelApi 1.9): per-cell properties in a
   * ClientResult whose `value` is filled at sync. Supports `address` and `format.fill.color` (the
   * cell's own fill, `#FFFFFF` where none, as Range.format.fill.color reports it).
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getcellproperties-member(1)
   */
  getCellProperties(options: CellPropertiesOptions): ClientResult<CellProperties[][]> {
    const out = new ClientResult<CellProperties[][]>();
    this.context.enqueue({
      request: PER_OP_BYTES + jsonBytes(options),
      run: () => {
        const r = this.rangeNow();
        const value = Array.from({ length: r.rect.rowCount }, (_, i) =>
          Array.from({ length: r.rect.colCount }, (_, j): CellProperties => {
            const p: CellProperties = {};
            const at = { row: r.rect.row + i, col: r.rect.col + j, rowCount: 1, colCount: 1 };
            if (options.address) p.address = qualifiedAddress(r.sheet.name, at);
            if (options.format?.fill?.color)
              p.format = { fill: { color: r.sheet.cell(at.row, at.col)?.fill ?? "#FFFFFF" } };
            return p;
          }),
        );
        return { bytes: jsonBytes(value), commit: () => out.set(value) };
      },
    });
    return out;
  }
  /**
   * `Range.copyFrom(source, copyType)` (ExcelApi 1.9), as Copy and Paste: the source's cells
   * (values, formulas, number formats, fills, fonts) and its conditional formats land from this
   * range's top-left, replacing what was there; "Values" or "Formats" copy just those
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste).
   */
  copyFrom(source: RangeProxy | string, copyType: string = "All"): void {
    this.call("copyFrom", copyType, (r) => {
      const from =
        typeof source === "string" ? this.context.book.resolveAddress(source, r.sheet) : source.rangeNow();
      if (copyType !== "All" && copyType !== "Values" && copyType !== "Formats") {
        throw new MemoryExcelError(
          "NotImplemented",
          `The memory Excel copies All, Values or Formats; got '${copyType}'.`,
        );
      }
      this.context.book.copyCells(from.sheet, from.rect, r.sheet, r.rect.row, r.rect.col, copyType);
    });
  }
  clear(): void {
    this.call("clear", null, (r) => {
      const book = this.context.book;
      book.writeCells(r.sheet, r.rect, "", "values");
      book.writeCells(r.sheet, r.rect, "", "numberFormat");
      book.writeStyle(r.sheet, r.rect, "fill", null);
      book.writeStyle(r.sheet, r.rect, "fontColor", null);
      book.writeStyle(r.sheet, r.rect, "bold", false);
    });
  }
}

/** The load options and properties of getCellProperties that the memory Excel knows. */
interface CellPropertiesOptions {
  readonly address?: boolean;
  readonly format?: { readonly fill?: { readonly color?: boolean } };
}
interface CellProperties {
  address?: string;
  format?: { fill?: { color?: string } };
}

/** `OfficeExtension.ClientResult`: `value` is available after the sync that computes it. */
class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded("value");
    return this.v as T;
  }
}

export class RangeFormatProxy extends ClientObject<RangeProxy> {
  protected readonly scalars: readonly string[] = [];
  readonly fill: StyleProxy;
  readonly font: FontProxy;
  constructor(context: MemoryRequestContext, range: RangeProxy) {
    super(context, range);
    this.fill = new StyleProxy(context, range);
    this.font = new FontProxy(context, range);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill as ClientObject<unknown>;
    if (name === "font") return this.font as ClientObject<unknown>;
    return undefined;
  }
  autofitColumns(): void {
    this.call("autofitColumns", null, (r) => r.rangeNow());
  }
  set columnWidth(_v: number) {
    this.setLater("columnWidth", _v, (r) => r.rangeNow());
  }
}

export class StyleProxy extends ClientObject<RangeProxy> {
  protected readonly scalars: readonly string[] = ["color"];
  constructor(
    context: MemoryRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context, range);
  }
  protected snapshot(): unknown {
    const r = this.range.rangeNow();
    return this.context.book.readStyle(r.sheet, r.rect, "fill");
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setLater("color", v, () => {
      const r = this.range.rangeNow();
      this.context.book.writeStyle(r.sheet, r.rect, "fill", v);
    });
  }
  clear(): void {
    this.call("clear", null, () => {
      const r = this.range.rangeNow();
      this.context.book.writeStyle(r.sheet, r.rect, "fill", null);
    });
  }
}

export class FontProxy extends ClientObject<RangeProxy> {
  protected readonly scalars: readonly string[] = ["color", "bold"];
  constructor(
    context: MemoryRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context, range);
  }
  protected snapshot(prop: string): unknown {
    const r = this.range.rangeNow();
    return this.context.book.readStyle(r.sheet, r.rect, prop === "bold" ? "bold" : "fontColor");
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setLater("color", v, () => {
      const r = this.range.rangeNow();
      this.context.book.writeStyle(r.sheet, r.rect, "fontColor", v);
    });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setLater("bold", v, () => {
      const r = this.range.rangeNow();
      this.context.book.writeStyle(r.sheet, r.rect, "bold", v);
    });
  }
}
