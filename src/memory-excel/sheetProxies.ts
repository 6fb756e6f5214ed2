/** Workbook, application and worksheet proxies of the in-memory Excel. */
import { MAX_COLUMNS, MAX_ROWS, qualifiedAddress, type Rect } from "./address";
import { ClientObject, loadPaths, PER_OP_BYTES } from "./base";
import type { MemoryRequestContext } from "./memoryExcel";
import { MemoryExcelError, MemoryWorkbook, type SheetModel } from "./model";
import { RangeProxy, checkRect } from "./rangeProxies";
import { TableCollectionProxy } from "./tableProxies";

// ------------------------------------------------------------------ workbook and application

export class ApplicationProxy {
  constructor(private readonly context: MemoryRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ request: PER_OP_BYTES, run: () => this.context.excel.countSuspend() });
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(private readonly context: MemoryRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.application = new ApplicationProxy(context);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => this.context.book.selected());
  }
  /** `Workbook.getSelectedRanges()` (ExcelApi 1.9): every selected area, as RangeAreas. */
  getSelectedRanges(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => this.context.book.selectedAreas());
  }
}

/** `Excel.RangeAreas`: the areas of a multi-area selection (address and areaCount). */
export class RangeAreasProxy extends ClientObject<{ sheet: SheetModel; areas: readonly Rect[] }> {
  protected readonly scalars: readonly string[] = ["address", "areaCount"];
  protected snapshot(prop: string, t: { sheet: SheetModel; areas: readonly Rect[] }): unknown {
    if (prop === "areaCount") return t.areas.length;
    return t.areas.map((r) => qualifiedAddress(t.sheet.name, r)).join(",");
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

// ------------------------------------------------------------------ worksheets

export class WorksheetCollectionProxy extends ClientObject<MemoryWorkbook> {
  protected readonly scalars: readonly string[] = ["items", "count"];
  private itemProps: string[] = [];
  constructor(context: MemoryRequestContext) {
    super(context, context.book);
  }
  protected snapshot(prop: string, book: MemoryWorkbook): unknown {
    if (prop === "count") return book.sheets.length;
    return book.sheets.map((s) => {
      const p = new WorksheetProxy(this.context, s);
      p.preload(this.itemProps);
      return p;
    });
  }
  override load(props?: string | string[] | { select?: string }): this {
    this.itemProps = loadPaths(props).map((p) => p.replace(/^items\//, ""));
    return super.load("items");
  }
  get items(): WorksheetProxy[] {
    return this.get("items");
  }
  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.book.addSheet(name));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.book.sheet(name);
      if (!s) throw new MemoryExcelError("ItemNotFound", `The worksheet '${name}' doesn't exist.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.book.sheet(name) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.book.activeSheet ?? this.context.book.sheets[0];
      if (!s) throw new MemoryExcelError("ItemNotFound", "The workbook has no sheet.");
      return s;
    });
  }
}

export class WorksheetProxy extends ClientObject<SheetModel> {
  protected readonly scalars: readonly string[] = ["name", "visibility", "position", "id"];
  readonly tables: TableCollectionProxy;
  readonly freezePanes: { freezeRows: (count?: number) => void };
  constructor(context: MemoryRequestContext, resolve: (() => SheetModel | null) | SheetModel) {
    super(context, resolve);
    this.tables = new TableCollectionProxy(context, this);
    this.freezePanes = {
      freezeRows: (count = 1) =>
        this.call("freezeRows", count, (s) => {
          // freeze-hidden-sheet: freeze-pane calls on a hidden sheet fail (office-js#1463:
          // "unfreeze() throws an exception when trying to unfreeze panes on hidden sheets";
          // office-js#2196: GeneralException from freezeRows).
          if (s.visibility !== "Visible") {
            throw new MemoryExcelError(
              "GeneralException",
              "There was an internal error while processing the request (freezeRows on a hidden sheet).",
            );
          }
          s.frozenRows = count;
          this.context.book.touch();
        }),
    };
  }
  /** Fill loaded properties directly (collection items come back loaded). */
  preload(props: readonly string[]): void {
    const s = this.t;
    for (const p of props.length === 0 ? this.scalars : props) {
      if (!this.scalars.includes(p))
        throw new MemoryExcelError("InvalidArgument", `Cannot load the property '${p}'.`);
      this.loaded.set(p, this.snapshot(p, s));
    }
  }
  /** The sheet, for sibling proxies (at sync time). */
  sheetNow(): SheetModel | null {
    return this.tOrNull;
  }
  protected snapshot(prop: string, s: SheetModel): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.context.book.sheets.indexOf(s);
      default:
        return `{${s.id}}`;
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setLater("name", v, (s) => this.context.book.renameSheet(s, v));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.setLater("visibility", v, (s) => this.context.book.setVisibility(s, v as "Visible"));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.setLater("position", v, (s) => this.context.book.moveSheet(s, v));
  }
  get id(): string {
    return this.get("id");
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.tOrNull;
      if (!s) return null;
      if (address === undefined)
        return { sheet: s, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS } };
      return this.context.book.resolveAddress(address, s);
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.tOrNull;
      if (!s) return null;
      return { sheet: s, rect: checkRect({ row, col: column, rowCount: 1, colCount: 1 }) };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.tOrNull;
      if (!s) return null;
      return {
        sheet: s,
        rect: s.usedRect(valuesOnly === true) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.tOrNull;
      const rect = s?.usedRect(valuesOnly === true);
      return s && rect ? { sheet: s, rect } : null;
    });
  }
  delete(): void {
    this.call("delete", null, (s) => this.context.book.deleteSheet(s));
  }
  activate(): void {
    this.call("activate", null, (s) => {
      this.context.book.alive(s);
      this.context.book.activeSheet = s;
      this.context.book.touch();
    });
  }
}
