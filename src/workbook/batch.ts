/**
 * Batching under Excel's limits. Excel on the web refuses a request or response over 5 MB
 * (`RichApi.Error`), and a range over 5,000,000 cells; Microsoft's advice is to read and write
 * large ranges in row blocks and to sync each block group separately. So every bulk read or
 * write here goes in blocks of at most MAX_BLOCK_ROWS rows, packed into as few syncs as fit a
 * payload budget. A workbook whose data fits the budget (about 400,000 cells, e.g. 10,000
 * indicators with a few quarters of actuals) is read in one sync and written in one.
 */

/** Payload per sync the layer aims at: under Excel on the web's 5 MB limit with room for overhead. */
export const DEFAULT_PAYLOAD_BUDGET = 4_500_000;
/** Most rows in one range read or write. */
export const MAX_BLOCK_ROWS = 5_000;
/** First guess of a cell's size in a response (JSON, UTF-8), before anything has been measured. */
export const DEFAULT_BYTES_PER_CELL = 16;
/** Request overhead of one queued operation (object path and action), roughly. */
export const OP_BYTES = 120;

/** Bytes of a string in UTF-8, as it travels in a request or response (not UTF-16 code units). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(x: unknown): number {
  const json = JSON.stringify(x);
  return json === undefined ? 0 : utf8Bytes(json);
}

/** Row blocks `[start, count)` covering `rows` rows, each at most `maxRows`. */
export function rowBlocks(
  rows: number,
  maxRows: number = MAX_BLOCK_ROWS,
): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  const step = Math.max(1, Math.floor(maxRows));
  for (let start = 0; start < rows; start += step) out.push({ start, count: Math.min(step, rows - start) });
  return out;
}

/** The Office.js error code of a failure, if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === "string" ? c : undefined;
  }
  return undefined;
}

/**
 * Whether a failed read-only batch is worth re-planning in smaller pieces: Excel on the web's
 * payload codes (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
 * and GeneralException, which oversize reads are reported as too. Retrying a read changes nothing.
 */
export function isRetryableRead(e: unknown): boolean {
  return isPayloadError(e) || errorCode(e) === "GeneralException";
}

export function isPayloadError(e: unknown): boolean {
  const c = errorCode(e);
  return (
    c === "RequestPayloadSizeLimitExceeded" ||
    c === "ResponsePayloadSizeLimitExceeded" ||
    c === "PayloadTooLarge"
  );
}

/**
 * Queues writes and syncs only when the next one would take the batch over the budget.
 * Calculation is suspended for each batch (the suspension lasts until the next sync).
 */
export class WriteBatch {
  private bytes = 0;
  private started = false;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.context.application.suspendApiCalculationUntilNextSync();
  }

  /** Make room for a write of about `bytes`, syncing what is queued when it would not fit. */
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.context.sync();
      this.syncs++;
      this.bytes = 0;
      this.started = false;
    }
    this.start();
    this.bytes += bytes + OP_BYTES;
  }

  /** Queue a small operation (a rename, a style) that needs no room check. */
  small(): void {
    this.start();
    this.bytes += OP_BYTES;
  }

  /** Sync what is queued. */
  async finish(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.started = false;
  }
}

/**
 * Write a grid (`values` or `numberFormat`) in row blocks: `rangeAt(start, count)` gives the
 * range of rows [start, start + count). Blocks whose cells are all null (nothing to change) are skipped.
 */
export async function writeGrid(
  batch: WriteBatch,
  rows: readonly (readonly unknown[])[],
  rangeAt: (start: number, count: number) => Excel.Range,
  what: "values" | "numberFormat",
  budget: number,
): Promise<void> {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return;
  const sample = jsonBytes(rows.slice(0, 50)) / Math.min(rows.length, 50);
  const maxRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(budget / 2 / Math.max(1, sample))));
  for (const { start, count } of rowBlocks(rows.length, maxRows)) {
    const block = rows.slice(start, start + count);
    if (block.every((r) => r.every((v) => v === null))) continue;
    await batch.room(jsonBytes(block));
    const range = rangeAt(start, count);
    if (what === "values") range.values = block as unknown[][];
    else range.numberFormat = block as unknown[][];
  }
}
