/**
 * `npm run bench -- workbook`: a refresh of 10, 1,000 and 10,000 indicators through the in-memory
 * Excel with 50 ms per sync (a round trip to Excel on the web), counting syncs and time, beside a
 * naive refresh that syncs once per row (read each table row, write each report row) in the same
 * run. Goal: at most 4 syncs, and at least 100× faster than the naive refresh at 10,000.
 *
 * Waiting 50 ms for each of the naive refresh's tens of thousands of syncs would take hours, so
 * beyond 10 indicators its time is modelled: its computation is measured with no latency, and
 * syncs × 50 ms is added. At 10 indicators both are measured, to show the model holds. The
 * workbook layer's own refresh is always measured with the latency.
 */
import { performance } from "node:perf_hooks";
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../src/memory-excel";
import { createExcelHost, type ExcelRun } from "../src/workbook";
import { buildReport, parsePeriod } from "../src/engine";
import { readRegister, TABLE, type RawTable } from "../src/contract";
import { RAG_COLOURS, reportSheet } from "../src/present";
import { PERIOD, QUARTERS, syntheticBook } from "../test/workbook/fixtures";

const LATENCY_MS = 50;
const SIZES = [10, 1_000, 10_000];

/** A refresh as one might first write it: one sync per table row read and per report row written. */
async function naiveRefresh(run: ExcelRun): Promise<number> {
  return run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const raw: RawTable[] = [];
    for (const name of [TABLE.settings, TABLE.targets, TABLE.actuals, TABLE.units]) {
      if (!tables.items.some((t) => t.name === name)) continue;
      const table = context.workbook.tables.getItem(name);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowCount");
      await context.sync();
      const rows: (string | number | boolean)[][] = [];
      for (let i = 0; i < body.rowCount; i++) {
        const row = body.getRow(i).load("values");
        await context.sync();
        rows.push((row.values[0] ?? []) as (string | number | boolean)[]);
      }
      raw.push({ name, headers: (header.values[0] ?? []) as string[], rows });
    }
    const read = readRegister({ tables: raw });
    const q = parsePeriod(PERIOD);
    if (!read.register || !q.ok) throw new Error("the benchmark workbook does not read");
    const data = reportSheet(buildReport(read.register, q.value));
    const sheet = context.workbook.worksheets.add(`Naive ${PERIOD}`);
    sheet.getRange("A1").values = [[data.title]];
    const width = data.headers.length;
    sheet
      .getRange("A1")
      .getOffsetRange(4, 0)
      .getResizedRange(0, width - 1).values = [data.headers];
    await context.sync();
    for (const [i, row] of data.rows.entries()) {
      const range = sheet
        .getRange("A1")
        .getOffsetRange(5 + i, 0)
        .getResizedRange(0, width - 1);
      range.values = [row.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString() : c))];
      range.numberFormat = [data.cellFormats[i] ?? []];
      const status = row[data.ragColumn] as keyof typeof RAG_COLOURS;
      range.getCell(0, data.ragColumn).format.fill.color = RAG_COLOURS[status].fill;
      await context.sync();
    }
    return data.rows.length;
  });
}

interface Measured {
  readonly syncs: number;
  readonly ms: number;
  readonly rows: number;
  readonly maxRequest: number;
  readonly maxResponse: number;
}

async function measure(excel: MemoryExcel, action: () => Promise<number>): Promise<Measured> {
  excel.resetStats();
  const t0 = performance.now();
  const rows = await action();
  const ms = performance.now() - t0;
  const s = excel.getStats();
  return { syncs: s.syncs, ms, rows, maxRequest: s.maxRequestBytes, maxResponse: s.maxResponseBytes };
}

function fmtMs(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(0)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${ms.toFixed(0)} ms`;
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-GB");
}

function pad(s: string, n: number): string {
  return s.padEnd(n);
}

/** One row of the table: the workbook layer's refresh of `n` indicators against the naive one. */
async function sizeRow(n: number): Promise<void> {
  const source = syntheticBook(n).serialise();

  // The workbook layer, with the latency.
  const excel = createMemoryExcel({ book: MemoryWorkbook.fromJSON(source), latencyMs: LATENCY_MS });
  const host = createExcelHost(excel.run, { user: () => "Bench", now: () => new Date() });
  const ours = await measure(excel, async () => (await host.refresh(PERIOD, { rerate: false })).rows);

  // The naive refresh: measured with the latency at 10 indicators; modelled beyond.
  const naiveExcel = createMemoryExcel({ book: MemoryWorkbook.fromJSON(source), latencyMs: 0 });
  const compute = await measure(naiveExcel, () => naiveRefresh(naiveExcel.run));
  const modelled = compute.ms + compute.syncs * LATENCY_MS;
  let naiveText = `${fmtMs(modelled)} (modelled)`;
  let naiveMs = modelled;
  if (n <= 10) {
    const slow = createMemoryExcel({ book: MemoryWorkbook.fromJSON(source), latencyMs: LATENCY_MS });
    const real = await measure(slow, () => naiveRefresh(slow.run));
    naiveMs = real.ms;
    naiveText = `${fmtMs(real.ms)} (model ${fmtMs(modelled)})`;
  }
  if (compute.rows !== ours.rows)
    throw new Error(`the two refreshes disagree: ${compute.rows} vs ${ours.rows} rows`);
  const payload = `${(ours.maxResponse / 1e6).toFixed(2)} / ${(ours.maxRequest / 1e6).toFixed(2)} MB`;
  console.log(
    [
      pad(fmtInt(n), 12),
      pad(String(ours.syncs), 14),
      pad(fmtMs(ours.ms), 10),
      pad(payload, 22),
      pad(fmtInt(compute.syncs), 14),
      pad(naiveText, 22),
      `${fmtInt(Math.round(naiveMs / ours.ms))}×`,
    ].join(""),
  );
}

/** Beyond one request: 10,000 indicators with two years of history (over 5 MB to read). */
async function beyondOneRequest(): Promise<void> {
  const history = [
    "2013-14 Q3",
    "2013-14 Q4",
    "2014-15 Q1",
    "2014-15 Q2",
    "2014-15 Q3",
    "2014-15 Q4",
    "2015-16 Q1",
    "2015-16 Q2",
  ];
  const big = createMemoryExcel({
    book: syntheticBook(10_000, { quarters: history }),
    latencyMs: LATENCY_MS,
  });
  const bigHost = createExcelHost(big.run, { user: () => "Bench", now: () => new Date() });
  const first = await measure(big, async () => (await bigHost.refresh(PERIOD, { rerate: false })).rows);
  const refusedFirst = big.getStats().refused;
  const again = await measure(big, async () => (await bigHost.refresh(PERIOD, { rerate: true })).rows);
  const refusedAgain = big.getStats().refused;
  console.log("");
  console.log(
    `10,000 indicators × ${history.length} quarters (80,000 actual rows, more than one 5 MB response): first refresh ${first.syncs} syncs in ${fmtMs(first.ms)}` +
      ` (planned from the first rows' sizes, read in payload-sized syncs; ${refusedFirst} refused as too large); a re-rate in the same session, with the table sizes measured, ${again.syncs} syncs in ${fmtMs(again.ms)} (${refusedAgain} refused).`,
  );
}

export async function run(): Promise<void> {
  console.log(
    `Refresh of the report sheet through the in-memory Excel, ${LATENCY_MS} ms per sync, Excel on the web's 5 MB payload limit on.`,
  );
  console.log(
    `Workbook: n target rows, n × ${QUARTERS.length} actual rows (${QUARTERS.join(", ")}), period ${PERIOD}.`,
  );
  console.log("");
  console.log(
    [
      pad("indicators", 12),
      pad("layer: syncs", 14),
      pad("time", 10),
      pad("largest read / write", 22),
      pad("naive: syncs", 14),
      pad("time", 22),
      "speed-up",
    ].join(""),
  );
  for (const n of SIZES) await sizeRow(n);
  await beyondOneRequest();
  console.log("");
  console.log(
    `Modelled: the naive refresh's computation measured with no latency, plus syncs × ${LATENCY_MS} ms (waiting for real would take hours).`,
  );
  console.log(
    "Goal: at most 4 syncs for a refresh, and at least 100× faster than the naive refresh at 10,000 indicators.",
  );
}
