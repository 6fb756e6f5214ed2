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
import { parseRect, rectAddress } from "./address";
import { type Op } from "./base";
import { MemoryExcelError, MemoryWorkbook, shapeInput } from "./model";
import { WorkbookProxy, type ApplicationProxy } from "./sheetProxies";

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

/** The counters of `SyncStats` at zero. */
function noSyncs(): { -readonly [K in keyof SyncStats]: SyncStats[K] } {
  return {
    syncs: 0,
    operations: 0,
    lastOperations: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    suspendCalculation: 0,
    refused: 0,
  };
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
  private stats = noSyncs();

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
    this.stats = noSyncs();
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
