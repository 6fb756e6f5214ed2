/**
 * An in-memory Excel with the Office.js programming model, for the subset of the Excel JavaScript
 * API that src/workbook uses: proxies whose methods and property writes are queued and applied at
 * `context.sync()`, properties that throw `PropertyNotLoaded` until loaded and synced, `*OrNullObject`
 * with `isNullObject`, worksheets, tables (header and body ranges, rows.add, columns.add, resize),
 * ranges (values, formulas, numberFormat, fill, font, address, getCell, getResizedRange…), cell-value
 * conditional formats, selection, and `suspendApiCalculationUntilNextSync`.
 *
 * For tests and the benchmark it counts syncs, can wait a latency per sync, can fail a chosen sync
 * (nothing of that batch applied) and enforces Excel on the web's 5 MB request/response limit.
 *
 * `memoryExcel.run` has the shape of `Excel.run`: pass it to `createExcelHost`.
 */
import {
  intersection,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRect,
  qualifiedAddress,
  rectAddress,
  type Rect,
} from "./address";
import { MemoryExcelError, MemoryWorkbook, shapeInput, type SheetModel, type TableModel } from "./model";
import { rowHidden } from "./tables";

export interface MemoryExcelOptions {
  /** The workbook to work on (default: a blank one with `Sheet1`). */
  readonly book?: MemoryWorkbook;
  /** Milliseconds each sync waits, as a round trip to Excel would (default 0). */
  readonly latencyMs?: number;
  /** Request and response payload limit per sync in bytes (default 5,000,000 as Excel on the web; null: none). */
  readonly payloadLimitBytes?: number | null;
  /**
   * The error an oversize payload raises: Excel's own codes (default), or `GeneralException`, as
   * some Excel builds report oversize reads.
   */
  readonly payloadErrorCode?: "exact" | "GeneralException";
}

export interface SyncStats {
  /** Syncs since creation or the last `resetStats()`, including the implicit one at the end of `run`. */
  readonly syncs: number;
  /** Queued operations executed. */
  readonly operations: number;
  /** Operations queued for the last sync. */
  readonly lastOperations: number;
  /** Largest request and response of one sync, in bytes (JSON estimate). */
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  /** Calls of `application.suspendApiCalculationUntilNextSync()`. */
  readonly suspendCalculation: number;
  /** Syncs refused for their payload size. */
  readonly refused: number;
}

interface Op {
  /** Estimated request bytes of the operation. */
  readonly request: number;
  /** Runs the operation on the workbook; a load returns its response bytes and a commit for the proxy. */
  run(): { bytes: number; commit: () => void } | void;
}

const PER_OP_BYTES = 60;

/**
 * `load-before-read`: a proxy's property is readable only after `load()` and `context.sync()`;
 * before, Office.js throws PropertyNotLoaded ("you must load the property … before you read it",
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 */
function notLoaded(prop: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** UTF-8 bytes of a value as JSON: what a request or response carries. */
function jsonBytes(x: unknown): number {
  const json = JSON.stringify(x);
  if (json === undefined) return 0;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parse `load()` arguments: "a, b/c", ["a", "b"], or { select: "a,b" }. Empty means "all". */
function loadPaths(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === "string")
    return props
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === "object" && "select" in props)
    return loadPaths((props as { select?: unknown }).select);
  throw new MemoryExcelError("InvalidArgument", "load() takes property names.");
}

export class MemoryRequestContext {
  private queue: Op[] = [];
  private closed = false;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly excel: MemoryExcel) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  get book(): MemoryWorkbook {
    return this.excel.book;
  }

  enqueue(op: Op): void {
    if (this.closed) {
      throw new MemoryExcelError(
        "InvalidRequestContext",
        "This object belongs to an Excel.run batch that has finished.",
      );
    }
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.excel.execute(ops);
  }
}

/** Base of every proxy: a target resolved in queue order at sync time, and loaded properties. */
abstract class ClientObject<T> {
  protected target: T | null | undefined = undefined;
  private nullKnown = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: MemoryRequestContext,
    resolve: (() => T | null) | T,
  ) {
    if (typeof resolve === "function") {
      const fn = resolve as () => T | null;
      context.enqueue({
        request: PER_OP_BYTES,
        run: () => {
          this.target = fn();
          return { bytes: 0, commit: () => (this.nullKnown = true) };
        },
      });
    } else {
      this.target = resolve;
      this.nullKnown = true;
    }
  }

  /**
   * `null-object`: `*OrNullObject` methods give an object whose `isNullObject` is true when the
   * item does not exist, readable after a sync; using a null object's other members fails with
   * ItemNotFound (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
   */
  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded("isNullObject");
    return this.target === null;
  }

  /** The object, at sync time. */
  protected get t(): T {
    if (this.target === undefined) {
      throw new MemoryExcelError("InvalidObjectPath", "The object was never created (its batch failed).");
    }
    if (this.target === null) {
      throw new MemoryExcelError("ItemNotFound", "The requested resource doesn't exist (a null object).");
    }
    return this.target;
  }

  /** For derived proxies: this target, or null for a null object (nulls propagate). */
  protected get tOrNull(): T | null {
    if (this.target === undefined) return this.t;
    return this.target;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected setLater(prop: string, value: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      request: PER_OP_BYTES + prop.length + jsonBytes(value),
      run: () => {
        apply(this.t);
      },
    });
  }

  protected call(name: string, args: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      request: PER_OP_BYTES + name.length + jsonBytes(args),
      run: () => {
        apply(this.t);
      },
    });
  }

  /** Scalar properties loaded by `load()` without arguments. */
  protected abstract readonly scalars: readonly string[];
  /** The value of a scalar property now (at sync time). */
  protected abstract snapshot(prop: string, t: T): unknown;
  /** A navigation property for `load("format/fill/color")`. */
  protected child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const paths = loadPaths(props);
    const own = paths.length === 0 ? [...this.scalars] : [];
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        own.push(p);
        continue;
      }
      const child = this.child(p.slice(0, slash));
      if (!child)
        throw new MemoryExcelError("InvalidArgument", `Unknown navigation property '${p.slice(0, slash)}'.`);
      child.load(p.slice(slash + 1));
    }
    if (own.length === 0) return this;
    for (const p of own) {
      if (!this.scalars.includes(p))
        throw new MemoryExcelError("InvalidArgument", `Cannot load the property '${p}'.`);
    }
    this.context.enqueue({
      request: PER_OP_BYTES + jsonBytes(own),
      run: () => {
        if (this.target === null) return { bytes: 0, commit: () => undefined };
        const t = this.t;
        const values = own.map((p) => [p, this.snapshot(p, t)] as const);
        return {
          bytes: jsonBytes(Object.fromEntries(values)),
          commit: () => {
            for (const [p, v] of values) this.loaded.set(p, v);
          },
        };
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  untrack(): this {
    return this;
  }
}

// ------------------------------------------------------------------ workbook and application

class ApplicationProxy {
  constructor(private readonly context: MemoryRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ request: PER_OP_BYTES, run: () => this.context.excel.countSuspend() });
  }
}

class WorkbookProxy {
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
class RangeAreasProxy extends ClientObject<{ sheet: SheetModel; areas: readonly Rect[] }> {
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

class WorksheetCollectionProxy extends ClientObject<MemoryWorkbook> {
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

class WorksheetProxy extends ClientObject<SheetModel> {
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

// ------------------------------------------------------------------ tables

class TableCollectionProxy extends ClientObject<MemoryWorkbook> {
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

class TableProxy extends ClientObject<TableModel> {
  protected readonly scalars: readonly string[] = ["name", "id", "showHeaders"];
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

class TableRowCollectionProxy extends ClientObject<TableProxy> {
  protected readonly scalars: readonly string[] = ["count"];
  constructor(
    context: MemoryRequestContext,
    private readonly table: TableProxy,
  ) {
    super(context, table);
  }
  protected snapshot(_prop: string, table: TableProxy): unknown {
    const t = table.tableNow();
    return t ? t.rect.rowCount - 1 : 0;
  }
  get count(): number {
    return this.get("count");
  }
  add(index?: number | null, values?: unknown[][] | null, _alwaysInsert?: boolean): void {
    const copy = values ? values.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r)) : null;
    this.call("rows.add", values ?? null, () => {
      const t = this.table.tableNow();
      if (!t) throw new MemoryExcelError("ItemNotFound", "The table doesn't exist.");
      this.context.book.addTableRows(t, index ?? null, copy as unknown[][] | null, 1);
    });
  }
}

class TableColumnCollectionProxy extends ClientObject<TableProxy> {
  protected readonly scalars: readonly string[] = ["count"];
  constructor(
    context: MemoryRequestContext,
    private readonly table: TableProxy,
  ) {
    super(context, table);
  }
  protected snapshot(_prop: string, table: TableProxy): unknown {
    return table.tableNow()?.rect.colCount ?? 0;
  }
  get count(): number {
    return this.get("count");
  }
  /** A column by name (`TableColumnCollection.getItem`), with its `filter`. */
  getItem(name: string): { readonly filter: { applyValuesFilter(values: string[]): void; clear(): void } } {
    const column = (t: TableModel): number => {
      const i = this.context.book.headers(t).findIndex((h) => h.toLowerCase() === name.toLowerCase());
      if (i < 0) throw new MemoryExcelError("ItemNotFound", `The table has no column '${name}'.`);
      return i;
    };
    const on = (what: string, apply: (t: TableModel) => void): void =>
      this.call(what, name, () => {
        const t = this.table.tableNow();
        if (!t) throw new MemoryExcelError("ItemNotFound", "The table doesn't exist.");
        apply(t);
      });
    return {
      filter: {
        applyValuesFilter: (values: string[]) =>
          on("filter.applyValuesFilter", (t) =>
            this.context.book.filterTable(t, column(t), values.map(String)),
          ),
        clear: () => on("filter.clear", (t) => this.context.book.clearColumnFilter(t, column(t))),
      },
    };
  }
  add(index?: number | null, values?: unknown[][] | null, name?: string): void {
    const copy = values ? values.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r)) : null;
    this.call("columns.add", values ?? null, () => {
      const t = this.table.tableNow();
      if (!t) throw new MemoryExcelError("ItemNotFound", "The table doesn't exist.");
      if (index !== undefined && index !== null && index !== t.rect.colCount) {
        throw new MemoryExcelError("NotImplemented", "The memory Excel adds table columns at the end only.");
      }
      this.context.book.addTableColumn(t, copy as unknown[][] | null, name ?? null);
    });
  }
}

// ------------------------------------------------------------------ ranges

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

function checkRect(r: Rect): Rect {
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

class RangeProxy extends ClientObject<RangeTarget> {
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

class RangeFormatProxy extends ClientObject<RangeProxy> {
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

class StyleProxy extends ClientObject<RangeProxy> {
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

class FontProxy extends ClientObject<RangeProxy> {
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

// ------------------------------------------------------------------ conditional formats

class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly range: RangeProxy,
  ) {}
  add(type: string): ConditionalFormatProxy {
    if (type !== "CellValue") {
      throw new MemoryExcelError(
        "NotImplemented",
        `The memory Excel knows cell-value conditional formats only; got '${type}'.`,
      );
    }
    const cf = new ConditionalFormatProxy(this.context);
    this.context.enqueue({
      request: PER_OP_BYTES,
      run: () => {
        const r = this.range.rangeNow();
        const rule = { rect: r.rect, operator: "EqualTo" as const, formula1: "" };
        this.context.book.addConditionalFormat(r.sheet, rule);
        cf.bind(rule);
      },
    });
    return cf;
  }
}

type Rule = { operator: "EqualTo"; formula1: string; fill?: string; fontColor?: string; bold?: boolean };

class ConditionalFormatProxy {
  private rule: Rule | undefined;
  readonly cellValue: {
    readonly format: {
      readonly fill: { color: string };
      readonly font: { color: string; bold: boolean };
    };
    rule: { formula1: string; operator: string };
  };
  constructor(private readonly context: MemoryRequestContext) {
    const set = (what: string, v: unknown, apply: (r: Rule) => void): void =>
      this.context.enqueue({
        request: PER_OP_BYTES + what.length + jsonBytes(v),
        run: () => {
          if (!this.rule)
            throw new MemoryExcelError("InvalidObjectPath", "The conditional format was never created.");
          apply(this.rule);
          this.context.book.touch();
        },
      });
    const colour = (v: string): string => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(v))
        throw new MemoryExcelError("InvalidArgument", `Colours are #RRGGBB; got '${v}'.`);
      return v.toUpperCase();
    };
    const fill = {
      set color(v: string) {
        set("fill.color", v, (r) => (r.fill = colour(v)));
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
    const font = {
      set color(v: string) {
        set("font.color", v, (r) => (r.fontColor = colour(v)));
      },
      get color(): string {
        throw notLoaded("color");
      },
      set bold(v: boolean) {
        set("font.bold", v, (r) => (r.bold = v));
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
    };
    this.cellValue = {
      format: { fill, font },
      set rule(v: { formula1: string; operator: string }) {
        set("rule", v, (r) => {
          if (v.operator !== "EqualTo") {
            throw new MemoryExcelError(
              "NotImplemented",
              `The memory Excel knows the EqualTo operator only; got '${v.operator}'.`,
            );
          }
          r.formula1 = String(v.formula1);
        });
      },
      get rule(): { formula1: string; operator: string } {
        throw notLoaded("rule");
      },
    };
  }
  bind(rule: Rule): void {
    this.rule = rule;
  }
}

// ------------------------------------------------------------------ the Excel

/**
 * The in-memory Excel. `run` has the shape of `Excel.run`; `book` is the workbook it works on
 * (replace it to load another workbook; subscribe to the new one).
 */
export class MemoryExcel {
  book: MemoryWorkbook;
  latencyMs: number;
  payloadLimitBytes: number | null;
  payloadErrorCode: "exact" | "GeneralException";
  private failAt: number | null = null;
  private failAfter: number | null = null;
  private failCode = "GeneralException";
  private stats = {
    syncs: 0,
    operations: 0,
    lastOperations: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    suspendCalculation: 0,
    refused: 0,
  };

  constructor(options: MemoryExcelOptions = {}) {
    this.book = options.book ?? MemoryWorkbook.blank();
    this.latencyMs = options.latencyMs ?? 0;
    this.payloadLimitBytes = options.payloadLimitBytes === undefined ? 5_000_000 : options.payloadLimitBytes;
    this.payloadErrorCode = options.payloadErrorCode ?? "exact";
  }

  /** Syncs so far (see `SyncStats.syncs`). */
  get syncCount(): number {
    return this.stats.syncs;
  }

  getStats(): SyncStats {
    return { ...this.stats };
  }

  resetStats(): void {
    this.stats = {
      syncs: 0,
      operations: 0,
      lastOperations: 0,
      maxRequestBytes: 0,
      maxResponseBytes: 0,
      suspendCalculation: 0,
      refused: 0,
    };
  }

  /**
   * Fail the n-th sync from now (1 = the next one) with a GeneralException. By default as a lost
   * connection would: nothing of its batch is applied. With `afterOperations: k`, as Excel does
   * when an operation fails half-way: the first k operations are applied, the rest are not.
   * Null cancels.
   */
  failOnSync(
    n: number | null,
    options: { readonly afterOperations?: number; readonly code?: string } = {},
  ): void {
    if (n !== null && (!Number.isInteger(n) || n < 1)) {
      throw new Error("failOnSync takes a sync number from 1.");
    }
    this.failAt = n === null ? null : this.stats.syncs + n;
    this.failAfter = options.afterOperations ?? null;
    this.failCode = options.code ?? "GeneralException";
  }

  /** `Excel.run`: a request context for the batch; queued operations left at the end are synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new MemoryRequestContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  countSuspend(): void {
    this.stats.suspendCalculation++;
  }

  /** Execute one sync's operations in order. */
  async execute(ops: readonly Op[]): Promise<void> {
    const n = ++this.stats.syncs;
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    this.stats.lastOperations = ops.length;
    const failAfter = this.failAt === n ? this.failAfter : null;
    if (this.failAt === n) {
      this.failAt = null;
      this.failAfter = null;
      if (failAfter === null) {
        throw new MemoryExcelError(
          this.failCode,
          `The connection to Excel was lost (simulated failure of sync ${n}).`,
        );
      }
    }
    const request = ops.reduce((a, op) => a + op.request, 0);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, request);
    if (this.payloadLimitBytes !== null && request > this.payloadLimitBytes) {
      throw this.payloadError("Request", request);
    }
    const commits: (() => void)[] = [];
    let response = 0;
    try {
      for (const [i, op] of ops.entries()) {
        if (i === failAfter) {
          throw new MemoryExcelError(
            "GeneralException",
            `Simulated failure of sync ${n} after ${i} operations.`,
          );
        }
        this.stats.operations++;
        const r = op.run();
        if (r) {
          response += r.bytes;
          commits.push(r.commit);
        }
      }
      if (failAfter !== null && failAfter >= ops.length) {
        throw new MemoryExcelError(
          "GeneralException",
          `Simulated failure of sync ${n} after ${ops.length} operations.`,
        );
      }
    } finally {
      this.book.flush();
    }
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, response);
    if (this.payloadLimitBytes !== null && response > this.payloadLimitBytes) {
      throw this.payloadError("Response", response);
    }
    for (const c of commits) c();
  }

  /**
   * `payload-limit-code`: Excel on the web refuses a request or response over 5 MB with
   * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded ("Excel on the web has a
   * payload size limit for requests and responses of 5MB",
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
   * codes: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
   * sizes are UTF-8 bytes of the JSON. `payloadErrorCode: "GeneralException"` reports it as
   * some builds do.
   */
  private payloadError(which: "Request" | "Response", bytes: number): MemoryExcelError {
    this.stats.refused++;
    const message = `The ${which.toLowerCase()} payload size has exceeded the limit (${bytes} bytes > ${this.payloadLimitBytes}).`;
    if (this.payloadErrorCode === "GeneralException")
      return new MemoryExcelError("GeneralException", message);
    return new MemoryExcelError(`${which}PayloadSizeLimitExceeded`, message);
  }
}

export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  return new MemoryExcel(options);
}

export { rectAddress, parseRect, shapeInput };
