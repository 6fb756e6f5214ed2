/**
 * Refresh writes the period's report sheet through the Excel API: what the contract and engine
 * computed, in a constant number of syncs, as a frozen snapshot, and never half-written.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import {
  createExcelHost,
  REPORT_HEADER_ROW,
  WorkbookError,
  type ExcelWorkbookHost,
} from "../../src/workbook";
import { buildReport, parsePeriod } from "../../src/engine";
import { readRegister, type RawTable } from "../../src/contract";
import { RAG_COLOURS, reportSheet } from "../../src/present";
import { PERIOD, sheetValues, syntheticBook, tableHeaders, tableRows } from "./fixtures";

const NOW = new Date(2026, 10, 25, 14, 5);

function setUp(
  n: number,
  options: Parameters<typeof syntheticBook>[1] = {},
): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book: syntheticBook(n, options) });
  const host = createExcelHost(excel.run, { user: () => "Jane Smith", now: () => NOW });
  return { excel, host };
}

/** What the contract makes of the model's tables, read directly (not through the layer). */
function expectedSheet(excel: MemoryExcel): ReturnType<typeof reportSheet> {
  const tables: RawTable[] = ["PerfSettings", "PerfTargets", "PerfActuals", "PerfUnits"].map((name) => ({
    name,
    headers: tableHeaders(excel.book, name),
    rows: tableRows(excel.book, name),
  }));
  const read = readRegister({ tables });
  if (!read.register) throw new Error("fixture does not read");
  const q = parsePeriod(PERIOD);
  if (!q.ok) throw new Error("period");
  return reportSheet(buildReport(read.register, q.value));
}

async function syncsOf(excel: MemoryExcel, action: () => Promise<unknown>): Promise<number> {
  excel.resetStats();
  await action();
  return excel.syncCount;
}

describe("the report sheet", () => {
  test("holds the contract's report rows and headers under a title, the provenance line and a summary", async () => {
    const { excel, host } = setUp(12);
    const result = await host.refresh(PERIOD, { rerate: false });
    const expected = expectedSheet(excel);
    expect(result).toMatchObject({
      period: PERIOD,
      rows: expected.rows.length,
      snapshot: "created",
      sheet: `PerfReport ${PERIOD}`,
    });
    const grid = sheetValues(excel.book, result.sheet);
    expect(grid[0]?.[0]).toBe(expected.title);
    expect(grid[1]?.[0]).toBe(
      "Rated by PerfCycle 0.1.0 rules (Milestone rule, RAG scheme) on 25/11/2026 14:05 by Jane Smith. A frozen snapshot: re-rate the quarter to change it.",
    );
    expect(grid[REPORT_HEADER_ROW]?.slice(0, expected.headers.length)).toEqual(expected.headers);
    const data = grid.slice(REPORT_HEADER_ROW + 1).map((r) => r.slice(0, expected.headers.length));
    expect(data).toEqual(expected.rows.map((r) => r.map((c) => (c === null ? "" : c))));
  });

  test("colours each RAG cell with the contract's colours and applies the contract's number formats", async () => {
    const { excel, host } = setUp(30);
    const { sheet } = await host.refresh(PERIOD, { rerate: false });
    const expected = expectedSheet(excel);
    const first = REPORT_HEADER_ROW + 1;
    expected.rows.forEach((row, i) => {
      const status = row[expected.ragColumn] as keyof typeof RAG_COLOURS;
      const cell = excel.book.cellView(sheet, first + i, expected.ragColumn);
      expect(cell.fill).toBe(RAG_COLOURS[status].fill);
      expect(cell.fontColor).toBe(RAG_COLOURS[status].font);
      expected.cellFormats[i]?.forEach((f, j) => {
        expect(excel.book.cellView(sheet, first + i, j).numberFormat).toBe(f);
      });
    });
    expect(new Set(expected.rows.map((r) => r[expected.ragColumn])).size).toBeGreaterThan(1);
  });

  test("user text that looks like a formula or a number is written as that text", async () => {
    const { excel, host } = setUp(3);
    const rows = excel.book.table("PerfActuals");
    if (!rows) throw new Error("no actuals");
    // Commentary typed with a leading "=" and "007" in the first actual of the period.
    const data = tableRows(excel.book, "PerfActuals");
    const i = data.findIndex((r) => r[2] === PERIOD);
    excel.book.writeCells(
      rows.sheet,
      { row: rows.rect.row + 1 + i, col: rows.rect.col + 6, rowCount: 1, colCount: 2 },
      [["'=see note", "'007"]],
      "values",
    );
    const { sheet } = await host.refresh(PERIOD, { rerate: false });
    const grid = sheetValues(excel.book, sheet);
    const flat = grid.flat();
    expect(flat).toContain("=see note");
    expect(flat).toContain("007");
  });
});

describe("syncs", () => {
  test.each([
    ["refresh", (h: ExcelWorkbookHost) => h.refresh(PERIOD, { rerate: false })],
    [
      "re-rate",
      async (h: ExcelWorkbookHost) => {
        await h.refresh(PERIOD, { rerate: false });
        return h.refresh(PERIOD, { rerate: true });
      },
    ],
    ["read", (h: ExcelWorkbookHost) => h.read()],
    [
      "appendActuals",
      (h: ExcelWorkbookHost) =>
        h.appendActuals([
          {
            indicatorId: "IND-00001",
            orgUnit: "North Cluster",
            period: "2015-16 Q3",
            value: 5,
            numerator: null,
            denominator: null,
          },
        ]),
    ],
    [
      "saveTarget",
      (h: ExcelWorkbookHost) =>
        h.saveTarget({
          indicatorId: "IND-00001",
          orgUnit: "North Cluster",
          values: { Owner: "New owner" },
          reason: "Moved",
        }),
    ],
    [
      "setCommentary",
      (h: ExcelWorkbookHost) => h.setCommentary("IND-00001", "North Cluster", PERIOD, "Late data", "Chase"),
    ],
  ])("%s takes the same number of syncs for 10 and 1,000 indicators", async (_name, action) => {
    const small = setUp(10, { audit: true });
    const large = setUp(1000, { audit: true });
    const a = await syncsOf(small.excel, () => action(small.host));
    const b = await syncsOf(large.excel, () => action(large.host));
    expect(b).toBe(a);
  });

  test("a refresh takes at most 4 syncs, with calculation suspended for its writes", async () => {
    const { excel, host } = setUp(1000);
    expect(await syncsOf(excel, () => host.refresh(PERIOD, { rerate: false }))).toBeLessThanOrEqual(4);
    expect(excel.getStats().suspendCalculation).toBeGreaterThanOrEqual(1);
    expect(await syncsOf(excel, () => host.refresh(PERIOD, { rerate: true }))).toBeLessThanOrEqual(4);
  });

  test("10,000 indicators fit Excel on the web's 5 MB per request and response, in 4 syncs", async () => {
    const { excel, host } = setUp(10_000);
    expect(excel.payloadLimitBytes).toBe(5_000_000);
    const syncs = await syncsOf(excel, () => host.refresh(PERIOD, { rerate: false }));
    expect(syncs).toBeLessThanOrEqual(4);
    expect(excel.getStats().maxResponseBytes).toBeLessThanOrEqual(5_000_000);
    expect(excel.getStats().maxRequestBytes).toBeLessThanOrEqual(5_000_000);
  }, 60_000);

  test("a workbook larger than one response is read whole in more syncs; once measured, without a refused one", async () => {
    const { excel } = setUp(300);
    excel.payloadLimitBytes = 60_000;
    const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW, payloadBudget: 50_000 });
    const first = await host.read();
    expect(first.tables.find((t) => t.name === "PerfActuals")?.rows).toEqual(
      tableRows(excel.book, "PerfActuals"),
    );
    excel.resetStats();
    const second = await host.read();
    expect(second).toEqual(first);
    expect(excel.syncCount).toBeGreaterThan(3);
    expect(excel.getStats().maxResponseBytes).toBeLessThanOrEqual(60_000);
  });
});

describe("frozen snapshots", () => {
  async function changeAnActual(excel: MemoryExcel): Promise<void> {
    const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW });
    await host.appendActuals([
      {
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        period: PERIOD,
        value: 1,
        numerator: null,
        denominator: null,
      },
    ]);
  }

  test("refreshing a period that has a report keeps it as it was", async () => {
    const { excel, host } = setUp(12);
    const first = await host.refresh(PERIOD, { rerate: false });
    const before = sheetValues(excel.book, first.sheet);
    await changeAnActual(excel);
    const again = await host.refresh(PERIOD, { rerate: false });
    expect(again).toMatchObject({ snapshot: "kept", sheet: first.sheet, rows: first.rows });
    expect(sheetValues(excel.book, first.sheet)).toEqual(before);
  });

  test("re-rating is explicit: it replaces the report, in the same place among the sheets", async () => {
    const { excel, host } = setUp(12);
    const first = await host.refresh(PERIOD, { rerate: false });
    const position = excel.book.sheetInfos().findIndex((s) => s.name === first.sheet);
    await changeAnActual(excel);
    const expected = expectedSheet(excel);
    const again = await host.refresh(PERIOD, { rerate: true });
    expect(again.snapshot).toBe("replaced");
    const data = sheetValues(excel.book, again.sheet)
      .slice(REPORT_HEADER_ROW + 1)
      .map((r) => r.slice(0, expected.headers.length));
    expect(data).toEqual(expected.rows.map((r) => r.map((c) => (c === null ? "" : c))));
    expect(excel.book.sheetInfos().findIndex((s) => s.name === again.sheet)).toBe(position);
    expect(excel.book.sheetInfos().filter((s) => s.name.includes("PerfReport"))).toHaveLength(1);
  });

  test("each period keeps its own report sheet", async () => {
    const { excel, host } = setUp(12);
    await host.refresh("2015-16 Q1", { rerate: false });
    await host.refresh("2015/16 Q2", { rerate: false });
    expect(
      excel.book
        .sheetInfos()
        .map((s) => s.name)
        .filter((n) => n.startsWith("PerfReport")),
    ).toEqual(["PerfReport 2015-16 Q1", "PerfReport 2015-16 Q2"]);
  });

  test("a sheet of the report's name that PerfCycle did not write is never replaced", async () => {
    const { excel, host } = setUp(3);
    excel.book.addSheet(`PerfReport ${PERIOD}`);
    excel.book.setCellInput(`PerfReport ${PERIOD}`, 1, 0, "my own notes");
    await expect(host.refresh(PERIOD, { rerate: true })).rejects.toThrow(/not a PerfCycle report/);
    expect(excel.book.cellView(`PerfReport ${PERIOD}`, 1, 0).value).toBe("my own notes");
  });

  test("a period that does not parse is an error quoting it; a blank period means the workbook's", async () => {
    const { host } = setUp(3);
    await expect(host.refresh("Q5 2015", { rerate: false })).rejects.toThrow(WorkbookError);
    await expect(host.refresh("Q5 2015", { rerate: false })).rejects.toThrow(/Q5 2015/);
    expect((await host.refresh("", { rerate: false })).period).toBe(PERIOD);
  });
});

describe("a refresh that fails half-way", () => {
  async function prepared(): Promise<{
    excel: MemoryExcel;
    host: ExcelWorkbookHost;
    before: string;
    writeOps: number;
    syncs: number;
  }> {
    const { excel, host } = setUp(24);
    await host.refresh(PERIOD, { rerate: false });
    const changer = createExcelHost(excel.run, { user: () => "x", now: () => NOW });
    await changer.appendActuals([
      {
        indicatorId: "IND-00002",
        orgUnit: "North Cluster",
        period: PERIOD,
        value: 1,
        numerator: null,
        denominator: null,
      },
    ]);
    const before = excel.book.serialise();
    // A dry run on a copy measures the syncs and the operations of the last (write) sync.
    const { MemoryWorkbook } = await import("../../src/memory-excel");
    const copy = createMemoryExcel({ book: MemoryWorkbook.fromJSON(before) });
    const dry = createExcelHost(copy.run, { user: () => "x", now: () => NOW });
    await dry.refresh(PERIOD, { rerate: true });
    return { excel, host, before, writeOps: copy.getStats().lastOperations, syncs: copy.syncCount };
  }

  test("a sync lost at any point leaves the workbook exactly as it was", async () => {
    const { excel, host, before, syncs } = await prepared();
    expect(syncs).toBeGreaterThanOrEqual(3);
    for (let k = 1; k <= syncs; k++) {
      excel.failOnSync(k, { code: "RequestAborted" });
      await expect(host.refresh(PERIOD, { rerate: true })).rejects.toThrow(/simulated failure/);
      expect(excel.book.serialise()).toBe(before);
    }
  });

  test("a write batch that stops after any operation never leaves a partial report in view", async () => {
    const { excel, before, writeOps, syncs } = await prepared();
    const { MemoryWorkbook } = await import("../../src/memory-excel");
    const reference = MemoryWorkbook.fromJSON(before);
    const oldReport = sheetValues(reference, `PerfReport ${PERIOD}`);
    const newExcel = createMemoryExcel({ book: MemoryWorkbook.fromJSON(before) });
    const { sheet } = await createExcelHost(newExcel.run, { user: () => "x", now: () => NOW }).refresh(
      PERIOD,
      { rerate: true },
    );
    const newReport = sheetValues(newExcel.book, sheet);
    expect(newReport).not.toEqual(oldReport);
    for (let k = 0; k < writeOps; k += 3) {
      excel.book = MemoryWorkbook.fromJSON(before);
      const host = createExcelHost(excel.run, { user: () => "x", now: () => NOW });
      excel.failOnSync(syncs, { afterOperations: k });
      await expect(host.refresh(PERIOD, { rerate: true })).rejects.toThrow(/Simulated failure/);
      // Every visible report sheet is the old report or the complete new one.
      for (const s of excel.book
        .sheetInfos()
        .filter((x) => x.visibility === "Visible" && x.name.includes("PerfReport"))) {
        const grid = sheetValues(excel.book, s.name);
        expect([oldReport, newReport]).toContainEqual(grid);
      }
      // The user's tables are untouched.
      expect(tableRows(excel.book, "PerfActuals")).toEqual(tableRows(reference, "PerfActuals"));
      // The next refresh succeeds and cleans up what the failed one left.
      await host.refresh(PERIOD, { rerate: true });
      expect(
        excel.book
          .sheetInfos()
          .filter((x) => x.name.includes("PerfReport"))
          .map((x) => x.name),
      ).toEqual([`PerfReport ${PERIOD}`]);
      expect(sheetValues(excel.book, `PerfReport ${PERIOD}`)).toEqual(newReport);
    }
  });
});
