/**
 * Excel on the web's 5 MB request and response limit (issue 9, defect 9): sizes are counted in
 * UTF-8 bytes, the first read is planned from the tables' real sizes, a read refused as
 * GeneralException (as oversize reads are reported too) is re-planned, and writes keep to the
 * same budget. The in-memory Excel enforces the limit with Excel's error codes.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { TABLE } from "../../src/contract";
import { createExcelHost } from "../../src/workbook";
import { jsonBytes } from "../../src/workbook/batch";
import { PERIOD, syntheticBook, tableHeaders, tableRows } from "./fixtures";

const NOW = new Date(2026, 10, 25, 14, 5);
const LONG = "Ymweliadau â theuluoedd — data hwyr o’r system achosion — ".repeat(3);

/** Put `text` into a column of every row of a table, straight into the model. */
function fill(excel: MemoryExcel, table: string, column: string, text: (i: number) => string): void {
  const t = excel.book.table(table);
  if (!t) throw new Error(table);
  const c = tableHeaders(excel.book, table).indexOf(column);
  const sheet = t.sheet;
  const rows = t.rect.rowCount - 1;
  excel.book.writeCells(
    sheet,
    { row: t.rect.row + 1, col: t.rect.col + c, rowCount: rows, colCount: 1 },
    Array.from({ length: rows }, (_, i) => [`'${text(i)}`]),
    "values",
  );
}

function small(limit: number, options: { code?: "exact" | "GeneralException" } = {}): MemoryExcel {
  const excel = createMemoryExcel({
    book: syntheticBook(300),
    payloadLimitBytes: limit,
    payloadErrorCode: options.code ?? "exact",
  });
  return excel;
}

test("sizes are UTF-8 bytes, not UTF-16 code units", () => {
  expect(jsonBytes(["é"])).toBe(6);
  expect(jsonBytes(["—"])).toBe(7);
  expect(jsonBytes(["😀"])).toBe(8);
  expect(jsonBytes([LONG])).toBeGreaterThan(JSON.stringify([LONG]).length);
});

test("the first read of a workbook with long Welsh commentary is planned from its real sizes: no refused sync", async () => {
  const excel = small(60_000);
  fill(excel, TABLE.actuals, "Commentary", () => LONG);
  const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW, payloadBudget: 50_000 });
  const book = await host.read();
  expect(book.tables.find((t) => t.name === TABLE.actuals)?.rows).toEqual(
    tableRows(excel.book, TABLE.actuals),
  );
  expect(excel.getStats().refused).toBe(0);
  expect(excel.getStats().maxResponseBytes).toBeLessThanOrEqual(60_000);
});

test("a read refused as GeneralException is planned again in smaller pieces and completes", async () => {
  const excel = small(60_000, { code: "GeneralException" });
  // The first rows are short, the rest long: the first plan is too small.
  fill(excel, TABLE.actuals, "Commentary", (i) => (i < 30 ? "" : LONG));
  const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW, payloadBudget: 50_000 });
  const book = await host.read();
  expect(excel.getStats().refused).toBeGreaterThan(0);
  expect(book.tables.find((t) => t.name === TABLE.actuals)?.rows).toEqual(
    tableRows(excel.book, TABLE.actuals),
  );
});

test("the in-memory Excel refuses an oversize response with Excel's code", async () => {
  const excel = small(20_000);
  await expect(
    excel.run(async (context) => {
      context.workbook.tables.getItem(TABLE.targets).getDataBodyRange().load("values");
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

test("writes keep to the budget in UTF-8 bytes: a report of long non-ASCII names is written under the limit", async () => {
  const excel = small(60_000);
  fill(excel, TABLE.targets, "Indicator", (i) => `${i} ${"—".repeat(60)}`);
  const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW, payloadBudget: 50_000 });
  const result = await host.refresh(PERIOD, { rerate: false });
  expect(result.rows).toBeGreaterThan(0);
  expect(excel.getStats().maxRequestBytes).toBeLessThanOrEqual(60_000);
});
