/** Table proxies of the in-memory Excel: tables, their rows and columns, filters and events. */
import { rectAddress, type Rect } from "./address";
import { ClientObject, loadPaths, PER_OP_BYTES } from "./base";
import type { MemoryRequestContext } from "./memoryExcel";
import { MemoryExcelError, MemoryWorkbook, type SheetModel, type TableModel } from "./model";
import { RangeProxy } from "./rangeProxies";
import { WorksheetProxy } from "./sheetProxies";

// ------------------------------------------------------------------ tables

export class TableCollectionProxy extends ClientObject<MemoryWorkbook> {
  protected readonly scalars: readonly string[] = ["items", "count"];
  private itemProps: string[] = [];
  constructor(
    context: MemoryRequestContext,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(context, context.book);
  }
  private scope(book: MemoryWorkbook): TableModel[] {
    if (!this.sheet) return book.tables;
    const s = this.sheet.sheetNow();
    return s ? book.tables.filter((t) => t.sheet === s) : [];
  }
  protected snapshot(prop: string, book: MemoryWorkbook): unknown {
    const tables = this.scope(book);
    if (prop === "count") return tables.length;
    return tables.map((t) => {
      const p = new TableProxy(this.context, t);
      p.preload(this.itemProps);
      return p;
    });
  }
  override load(props?: string | string[] | { select?: string }): this {
    this.itemProps = loadPaths(props).map((p) => p.replace(/^items\//, ""));
    return super.load("items");
  }
  get items(): TableProxy[] {
    return this.get("items");
  }
  get count(): number {
    return this.get("count");
  }
  /**
   * `TableCollection.onChanged` (ExcelApi 1.7): the handler hears of each change to a table's
   * cells after the sync (or the grid edit) that made it, asynchronously, as Excel raises events
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). `remove()` stops it.
   */
  get onChanged(): {
    add(handler: (args: unknown) => Promise<unknown>): { context: MemoryRequestContext; remove(): void };
  } {
    return {
      add: (handler) => {
        let off: (() => void) | undefined;
        let removed = false;
        this.context.enqueue({
          request: PER_OP_BYTES,
          run: () => {
            if (removed) return;
            off = this.context.book.onTableChanged((t, rect) => {
              const args = {
                type: "TableChanged",
                changeType: "RangeEdited",
                source: "Local",
                tableId: `{${t.id}}`,
                worksheetId: `{${t.sheet.id}}`,
                address: rectAddress(rect),
              };
              void Promise.resolve().then(() => handler(args));
            });
          },
        });
        return {
          context: this.context,
          remove: () => {
            removed = true;
            off?.();
          },
        };
      },
    };
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    return new TableProxy(this.context, () => {
      const book = this.context.book;
      if (!hasHeaders) {
        throw new MemoryExcelError(
          "NotImplemented",
          "The memory Excel adds tables with headers only (hasHeaders: true).",
        );
      }
      let where: { sheet: SheetModel; rect: Rect };
      if (typeof address === "string") {
        const s = this.sheet ? this.sheet.sheetNow() : null;
        if (this.sheet && !s) throw new MemoryExcelError("ItemNotFound", "The worksheet doesn't exist.");
        where = book.resolveAddress(address, s);
      } else {
        where = address.rangeNow();
      }
      return book.addTable(where.sheet, where.rect);
    });
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const t = this.scope(this.context.book).find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new MemoryExcelError("ItemNotFound", `The table '${name}' doesn't exist.`);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      () => this.scope(this.context.book).find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

export class TableProxy extends ClientObject<TableModel> {
  protected readonly scalars: readonly string[] = ["name", "id", "showHeaders", "showTotals"];
  readonly rows: TableRowCollectionProxy;
  readonly columns: TableColumnCollectionProxy;
  constructor(context: MemoryRequestContext, resolve: (() => TableModel | null) | TableModel) {
    super(context, resolve);
    this.rows = new TableRowCollectionProxy(context, this);
    this.columns = new TableColumnCollectionProxy(context, this);
  }
  preload(props: readonly string[]): void {
    const t = this.t;
    for (const p of props.length === 0 ? this.scalars : props) {
      if (p === "worksheet/name") {
        this.worksheet.preload(["name"]);
        continue;
      }
      if (!this.scalars.includes(p))
        throw new MemoryExcelError("InvalidArgument", `Cannot load the property '${p}'.`);
      this.loaded.set(p, this.snapshot(p, t));
    }
  }
  tableNow(): TableModel | null {
    return this.tOrNull;
  }
  protected snapshot(prop: string, t: TableModel): unknown {
    if (prop === "name") return t.name;
    if (prop === "showHeaders") return true;
    if (prop === "showTotals") return false; // the fake has no totals rows
    return `{${t.id}}`;
  }
  private sheetProxy: WorksheetProxy | undefined;
  get worksheet(): WorksheetProxy {
    if (!this.sheetProxy) {
      this.sheetProxy =
        this.target !== undefined && this.target !== null
          ? new WorksheetProxy(this.context, this.target.sheet)
          : new WorksheetProxy(this.context, () => this.tOrNull?.sheet ?? null);
    }
    return this.sheetProxy;
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "worksheet" ? (this.worksheet as ClientObject<unknown>) : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setLater("name", v, (t) => this.context.book.renameTable(t, v));
  }
  get id(): string {
    return this.get("id");
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  private range(which: "all" | "header" | "body"): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.tOrNull;
      if (!t) return null;
      this.context.book.tableAlive(t);
      const book = this.context.book;
      const rect = which === "all" ? t.rect : which === "header" ? book.headerRect(t) : book.bodyRect(t);
      return { sheet: t.sheet, rect };
    });
  }
  getRange(): RangeProxy {
    return this.range("all");
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("header");
  }
  getDataBodyRange(): RangeProxy {
    return this.range("body");
  }
  resize(newRange: string | RangeProxy): void {
    this.call("resize", typeof newRange === "string" ? newRange : "range", (t) => {
      const where =
        typeof newRange === "string"
          ? this.context.book.resolveAddress(newRange, t.sheet)
          : newRange.rangeNow();
      if (where.sheet !== t.sheet)
        throw new MemoryExcelError("InvalidArgument", "A table can't move to another sheet.");
      this.context.book.resizeTable(t, where.rect);
    });
  }
  delete(): void {
    this.call("delete", null, (t) => this.context.book.deleteTable(t));
  }
  /** `Table.clearFilters()` (ExcelApi 1.2): every filter off, every row shown. */
  clearFilters(): void {
    this.call("clearFilters", null, (t) => this.context.book.clearTableFilters(t));
  }
}

/** A collection of a table's rows or columns: its `count`, and the table as it is now. */
abstract class TableChildCollection extends ClientObject<TableProxy> {
  protected readonly scalars: readonly string[] = ["count"];
  constructor(
    context: MemoryRequestContext,
    protected readonly table: TableProxy,
  ) {
    super(context, table);
  }
  get count(): number {
    return this.get("count");
  }
  /** The table, or ItemNotFound when it has been deleted. */
  protected liveTable(): TableModel {
    const t = this.table.tableNow();
    if (!t) throw new MemoryExcelError("ItemNotFound", "The table doesn't exist.");
    return t;
  }
}

export class TableRowCollectionProxy extends TableChildCollection {
  protected snapshot(_prop: string, table: TableProxy): unknown {
    const t = table.tableNow();
    return t ? t.rect.rowCount - 1 : 0;
  }
  add(index?: number | null, values?: unknown[][] | null, _alwaysInsert?: boolean): void {
    const copy = values ? values.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r)) : null;
    this.call("rows.add", values ?? null, () => {
      const t = this.liveTable();
      this.context.book.addTableRows(t, index ?? null, copy as unknown[][] | null, 1);
    });
  }
}

export class TableColumnCollectionProxy extends TableChildCollection {
  protected snapshot(_prop: string, table: TableProxy): unknown {
    return table.tableNow()?.rect.colCount ?? 0;
  }
  /**
   * A column by name (`TableColumnCollection.getItem`), with its `filter` and its
   * `getDataBodyRange()` (ExcelApi 1.1: the column's cells below the header,
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-getdatabodyrange-member(1)).
   */
  getItem(name: string): {
    readonly filter: { applyValuesFilter(values: string[]): void; clear(): void };
    getDataBodyRange(): RangeProxy;
  } {
    const column = (t: TableModel): number => {
      const i = this.context.book.headers(t).findIndex((h) => h.toLowerCase() === name.toLowerCase());
      if (i < 0) throw new MemoryExcelError("ItemNotFound", `The table has no column '${name}'.`);
      return i;
    };
    const on = (what: string, apply: (t: TableModel) => void): void =>
      this.call(what, name, () => apply(this.liveTable()));
    return {
      filter: {
        applyValuesFilter: (values: string[]) =>
          on("filter.applyValuesFilter", (t) =>
            this.context.book.filterTable(t, column(t), values.map(String)),
          ),
        clear: () => on("filter.clear", (t) => this.context.book.clearColumnFilter(t, column(t))),
      },
      getDataBodyRange: () =>
        new RangeProxy(this.context, () => {
          const t = this.table.tableNow();
          if (!t) return null;
          const body = this.context.book.bodyRect(t);
          return { sheet: t.sheet, rect: { ...body, col: t.rect.col + column(t), colCount: 1 } };
        }),
    };
  }
  add(index?: number | null, values?: unknown[][] | null, name?: string): void {
    const copy = values ? values.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r)) : null;
    this.call("columns.add", values ?? null, () => {
      const t = this.liveTable();
      if (index !== undefined && index !== null && index !== t.rect.colCount) {
        throw new MemoryExcelError("NotImplemented", "The memory Excel adds table columns at the end only.");
      }
      this.context.book.addTableColumn(t, copy as unknown[][] | null, name ?? null);
    });
  }
}
