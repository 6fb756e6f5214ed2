/**
 * Re-rating rebuilds the report sheet's contents in place (issue 9, defect 5): formulas, charts
 * and links that point at the report stay valid, and a failed re-rate leaves the old report.
 * The header is frozen once the sheet is visible (defect 2): freeze-pane calls on hidden sheets
 * fail in Excel, and in the in-memory Excel.
 */
import {
  createMemoryExcel,
  MemoryWorkbook,
  type FormulaEvaluator,
  type MemoryExcel,
} from "../../src/memory-excel";
import { createExcelHost, REPORT_HEADER_ROW, type ExcelHostOptions } from "../../src/workbook";
import { PERIOD, sheetValues, syntheticBook } from "./fixtures";

const NOW = new Date(2026, 10, 25, 14, 5);
const REPORT = `PerfReport ${PERIOD}`;

/** `='Sheet name'!A2`: the value of one cell on another sheet; anything else is #NAME?. */
const refs: FormulaEvaluator = (formula, _site, book) => {
  const m = /^='([^']+)'!([A-Z]+)(\d+)$/.exec(formula);
  if (!m) return formula.includes("#REF!") ? "#REF!" : "#NAME?";
  const sheet = book.sheet(m[1] ?? "");
  if (!sheet) return "#REF!";
  return book.value(sheet, Number(m[3]) - 1, (m[2] ?? "A").charCodeAt(0) - 65);
};

function open(
  options: Partial<ExcelHostOptions> = {},
  n = 12,
): { excel: MemoryExcel; host: ReturnType<typeof createExcelHost> } {
  const book = syntheticBook(n);
  book.setFormulaEvaluator(refs);
  const excel = createMemoryExcel({ book });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane Smith", now: () => NOW, ...options }),
  };
}

async function changeAnActual(host: ReturnType<typeof createExcelHost>): Promise<void> {
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

/** A committee sheet with a formula pointing at the report's provenance cell. */
function committeeFormula(excel: MemoryExcel): () => { formula: string | null; value: unknown } {
  excel.book.addSheet("Committee");
  excel.book.setCellInput("Committee", 0, 0, `='${REPORT}'!A2`);
  return () => {
    const v = excel.book.cellView("Committee", 0, 0);
    return { formula: v.formula, value: v.value };
  };
}

describe.each([
  ["with Range.copyFrom (ExcelApi 1.9)", {}],
  ["without ExcelApi 1.9", { isSetSupported: (_n: string, v: string) => v !== "1.9" }],
] as const)("re-rating %s", (_name, options) => {
  test("a formula pointing at the old report still points at the report, and shows the new one", async () => {
    const { excel, host } = open(options);
    await host.refresh(PERIOD, { rerate: false });
    const committee = committeeFormula(excel);
    const before = committee();
    expect(before.formula).toBe(`='${REPORT}'!A2`);
    expect(String(before.value)).toMatch(/^Rated by PerfCycle/);
    await changeAnActual(host);
    const later = new Date(NOW.getTime() + 3_600_000);
    const rerater = createExcelHost(excel.run, { user: () => "Sam Patel", now: () => later, ...options });
    expect((await rerater.refresh(PERIOD, { rerate: true })).snapshot).toBe("replaced");
    const after = committee();
    expect(after.formula).toBe(`='${REPORT}'!A2`);
    expect(String(after.value)).toMatch(/^Rated by PerfCycle .* by Sam Patel/);
    expect(
      excel.book
        .sheetInfos()
        .filter((s) => s.name.includes("PerfReport"))
        .map((s) => s.name),
    ).toEqual([REPORT]);
  });

  test("a report with fewer rows than the old one leaves none of the old rows below it", async () => {
    const { excel, host } = open(options, 12);
    await host.refresh(PERIOD, { rerate: false });
    const oldRows = sheetValues(excel.book, REPORT).length;
    // Fewer targets: the next report is shorter.
    const t = excel.book.table("PerfTargets");
    if (!t) throw new Error("no targets");
    excel.book.resizeTable(t, { ...t.rect, rowCount: 4 });
    const result = await host.refresh(PERIOD, { rerate: true });
    const grid = sheetValues(excel.book, REPORT);
    expect(grid.length).toBeLessThan(oldRows);
    expect(grid.length).toBe(REPORT_HEADER_ROW + 1 + result.rows);
    expect(excel.book.sheet(REPORT)?.frozenRows).toBe(REPORT_HEADER_ROW + 1);
  });
});

describe("a re-rate that fails", () => {
  test("a lost sync at any point leaves the old report, its formulas valid", async () => {
    const { excel, host } = open();
    await host.refresh(PERIOD, { rerate: false });
    const committee = committeeFormula(excel);
    await changeAnActual(host);
    const oldReport = sheetValues(excel.book, REPORT);
    const copy = createMemoryExcel({ book: MemoryWorkbook.fromJSON(excel.book.serialise()) });
    await createExcelHost(copy.run, { user: () => "x", now: () => NOW }).refresh(PERIOD, { rerate: true });
    const syncs = copy.syncCount;
    for (let k = 1; k <= syncs; k++) {
      excel.failOnSync(k, { code: "RequestAborted" });
      await expect(host.refresh(PERIOD, { rerate: true })).rejects.toThrow(/simulated failure/);
      expect(sheetValues(excel.book, REPORT)).toEqual(oldReport);
      expect(committee().formula).toBe(`='${REPORT}'!A2`);
    }
  });

  test("without copyFrom, a re-rate stopped half-way says so in A2", async () => {
    const options = { isSetSupported: (_n: string, v: string) => v !== "1.9" };
    const { excel, host } = open(options);
    await host.refresh(PERIOD, { rerate: false });
    const copy = createMemoryExcel({ book: MemoryWorkbook.fromJSON(excel.book.serialise()) });
    await createExcelHost(copy.run, { user: () => "x", now: () => NOW, ...options }).refresh(PERIOD, {
      rerate: true,
    });
    excel.failOnSync(copy.syncCount, { afterOperations: Math.floor(copy.getStats().lastOperations / 2) });
    await expect(host.refresh(PERIOD, { rerate: true })).rejects.toThrow(/Simulated failure/);
    expect(String(excel.book.cellView(REPORT, 1, 0).value)).toMatch(/re-rating in progress/);
    await host.refresh(PERIOD, { rerate: true });
    expect(String(excel.book.cellView(REPORT, 1, 0).value)).not.toMatch(/in progress/);
  });
});

describe("the frozen header (defect 2)", () => {
  test("a new report and a re-rated one have their header rows frozen", async () => {
    const { excel, host } = open();
    await host.refresh(PERIOD, { rerate: false });
    expect(excel.book.sheet(REPORT)?.frozenRows).toBe(REPORT_HEADER_ROW + 1);
    await host.refresh(PERIOD, { rerate: true });
    expect(excel.book.sheet(REPORT)?.frozenRows).toBe(REPORT_HEADER_ROW + 1);
  });

  test("the in-memory Excel refuses to freeze panes on a hidden sheet, as Excel has", async () => {
    const excel = createMemoryExcel({ book: MemoryWorkbook.blank() });
    await expect(
      excel.run(async (context) => {
        const s = context.workbook.worksheets.add("Scratch");
        s.visibility = "Hidden";
        s.freezePanes.freezeRows(2);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
  });
});
