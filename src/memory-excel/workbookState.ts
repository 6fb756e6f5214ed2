/**
 * The in-memory workbook's state: its sheets and tables, lookups by name and address, computed
 * values (formulas through the installed evaluator, cached until the next change) and change
 * tracking (listeners hear of changes at `flush()`). The concepts built on it: cells
 * (`workbookCells.ts`), sheets (`workbookSheets.ts`), tables (`workbookTables.ts`), selection and
 * the preview's API (`model.ts`).
 */
import { cellAddress, intersects, parseRect, qualifiedAddress, splitSheet, type Rect } from "./address";
import type { CellValue } from "./entry";
import type { MemoryWorkbook } from "./model";
import { MemoryExcelError, type FormulaEvaluator, type SheetModel, type TableModel } from "./sheet";

export function defaultEvaluator(): CellValue {
  return "#NAME?";
}

export abstract class WorkbookState {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect; areas?: readonly Rect[] } | null = null;
  /** A chart, shape or other object is selected instead of cells (getSelectedRange fails). */
  objectSelected = false;
  /** The next sheet or table id (json.ts restores workbooks). */
  nextId = 1;
  protected evaluator: FormulaEvaluator = defaultEvaluator;
  protected readonly listeners = new Set<() => void>();
  /** Calls of API methods that matter to co-authoring (`rows.add`), for tests. */
  readonly apiCalls = new Map<string, number>();
  private readonly cache = new Map<string, CellValue>();
  private readonly evaluating = new Set<string>();
  private dirty = false;

  /** Forget pending change notifications (a workbook just loaded). */
  markClean(): void {
    this.dirty = false;
  }

  /** The workbook the formula evaluator is given (the concrete `MemoryWorkbook`). */
  protected abstract asWorkbook(): MemoryWorkbook;

  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  table(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k);
  }

  /** The sheet and rectangle of an address, `Sheet!A1:B2` or local to `sheet`. */
  resolveAddress(address: string, sheet: SheetModel | null): { sheet: SheetModel; rect: Rect } {
    const { sheet: name, local } = splitSheet(address);
    const s = name === null ? sheet : this.sheet(name);
    if (!s) throw new MemoryExcelError("InvalidArgument", `No sheet for the address '${address}'.`);
    const rect = parseRect(local);
    if (!rect) throw new MemoryExcelError("InvalidArgument", `'${address}' is not a range address.`);
    return { sheet: s, rect };
  }

  alive(s: SheetModel): void {
    if (!this.sheets.includes(s))
      throw new MemoryExcelError("ItemNotFound", `The sheet '${s.name}' no longer exists.`);
  }

  tableAlive(t: TableModel): void {
    if (!this.tables.includes(t))
      throw new MemoryExcelError("ItemNotFound", `The table '${t.name}' no longer exists.`);
  }

  /** The value of a cell, computing formulas. */
  value(sheet: SheetModel, row: number, col: number): CellValue {
    const cell = sheet.cell(row, col);
    if (!cell) return "";
    if (cell.formula === undefined) return cell.value;
    const key = `${sheet.id}:${row}:${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.evaluating.has(key)) return "#REF!";
    this.evaluating.add(key);
    let v: CellValue;
    try {
      v = this.evaluator(
        cell.formula,
        { sheet: sheet.name, row, col, address: cellAddress(row, col) },
        this.asWorkbook(),
      );
    } catch {
      v = "#VALUE!";
    } finally {
      this.evaluating.delete(key);
    }
    this.cache.set(key, v);
    return v;
  }

  // ---------------------------------------------------------------- change tracking

  /** Mark the model changed: clears computed values; listeners hear of it at the next `flush()`. */
  touch(): void {
    this.cache.clear();
    this.dirty = true;
  }

  /** Tell listeners about changes since the last flush (the fake calls it after each sync). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const changed = [...this.changedTables];
    this.changedTables.clear();
    for (const l of [...this.listeners]) l();
    for (const [t, rect] of changed) for (const l of [...this.tableListeners]) l(t, rect);
  }

  /** Listen for changes (after each sync that changed something, and after each edit). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Install the formula evaluator (the preview's =PERF.* engine); recomputes every formula cell. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.evaluator = evaluator ?? defaultEvaluator;
    this.touch();
    this.flush();
  }

  /** Tables whose cells a change touched, for `onChanged` (flushed with the other listeners). */
  protected readonly changedTables = new Map<TableModel, Rect>();
  protected readonly tableListeners = new Set<(t: TableModel, rect: Rect) => void>();

  noteTableChange(sheet: SheetModel, rect: Rect): void {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) this.changedTables.set(t, rect);
    }
  }

  /** Listen for changes to table cells (`TableCollection.onChanged`). Returns the unsubscribe. */
  onTableChanged(listener: (t: TableModel, rect: Rect) => void): () => void {
    this.tableListeners.add(listener);
    return () => {
      this.tableListeners.delete(listener);
    };
  }

  /** `Sheet!A1:B2` of a rectangle. */
  address(sheet: SheetModel, rect: Rect): string {
    return qualifiedAddress(sheet.name, rect);
  }
}
