/**
 * readSheets: every worksheet's used range (hidden sheets too) as SheetGrids, in a constant
 * number of syncs however many sheets there are, in row blocks within the payload budget; and
 * selectCell, which shows a published-figure finding's cell.
 */
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import { readSheetGrids } from "../../src/workbook/sheets";
import { checkSheets } from "../../src/contract";

function hostOf(
  book: MemoryWorkbook,
  payloadBudget?: number,
): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book });
  return {
    excel,
    host: createExcelHost(excel.run, {
      user: () => "Jane",
      now: () => new Date(2026, 10, 25),
      ...(payloadBudget !== undefined ? { payloadBudget } : {}),
    }),
  };
}

async function derbyBook(extraSheets = 0): Promise<MemoryExcel> {
  const excel = createMemoryExcel({ book: MemoryWorkbook.blank("Cover") });
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets;
    ws.getItem("Cover").getRange("A1").values = [["Quarterly report"]];
    const t = ws.add("Early Help");
    t.getRange("B4:E6").values = [
      ["Case Type", "30/06/2014", "30/09/2014", "31/12/2014"],
      ["Escalated to Social Care", "31/274 (r)", "27/251", "20/219"],
      ["Escalation %", 0.113, 0.107, 0.094],
    ];
    t.getRange("C6:E6").numberFormat = [["0.0%", "0.0%", "0.0%"]];
    const w = ws.add("Workings");
    w.getRange("A1:D2").values = [
      ["Indicator", "Numerator", "Denominator", "%"],
      ["Re-referrals", 44, 331, "13.2%"],
    ];
    w.visibility = "Hidden";
    ws.add("Blank");
    for (let i = 0; i < extraSheets; i++)
      ws.add(`Extra ${i + 1}`).getRange("A1:B2").values = [
        ["n", "d"],
        [1, 2],
      ];
    await ctx.sync();
  });
  return excel;
}

describe("readSheets", () => {
  test("gives every sheet in order, hidden ones flagged, with values, formats and the used range's origin", async () => {
    const excel = await derbyBook();
    const host = createExcelHost(excel.run, { user: () => "Jane", now: () => new Date() });
    const sheets = await host.readSheets();
    expect(sheets.map((s) => [s.name, s.hidden, s.origin ?? null])).toEqual([
      ["Cover", false, "A1"],
      ["Early Help", false, "B4"],
      ["Workings", true, "A1"],
      ["Blank", false, null],
    ]);
    const eh = sheets[1];
    expect(eh?.grid[2]).toEqual(["Escalation %", 0.113, 0.107, 0.094]);
    expect(eh?.formats?.[2]?.slice(1)).toEqual(["0.0%", "0.0%", "0.0%"]);
    expect(sheets[3]?.grid).toEqual([]);
    // The check over them names each finding's sheet and cell, the hidden sheet's too.
    expect(checkSheets(sheets).map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual([
      "Early Help!D6 warning",
      "Early Help!E6 error",
      "Workings!D2 warning",
    ]);
  });

  test("takes the same number of syncs for 4 sheets as for 24", async () => {
    const syncsFor = async (extra: number): Promise<number> => {
      const excel = await derbyBook(extra);
      const host = createExcelHost(excel.run, { user: () => "Jane", now: () => new Date() });
      excel.resetStats();
      const sheets = await host.readSheets();
      expect(sheets).toHaveLength(4 + extra);
      return excel.getStats().syncs;
    };
    const few = await syncsFor(0);
    expect(few).toBeLessThanOrEqual(4);
    expect(await syncsFor(20)).toBe(few);
  });

  test("a small payload budget reads the same grids in more, smaller syncs", async () => {
    const book = await derbyBook();
    const big = hostOf(book.book).host;
    const small = hostOf(book.book, 200);
    const all = await big.readSheets();
    small.excel.resetStats();
    expect(await small.host.readSheets()).toEqual(all);
    expect(small.excel.getStats().syncs).toBeGreaterThan(4);
  });
});

test("a used range over the cells a check reads is read in its first rows, and says how many were left", async () => {
  const excel = await derbyBook();
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Workings").getRange("A40").values = [["stray"]];
    await ctx.sync();
  });
  const sheets = await excel.run((ctx) =>
    readSheetGrids(ctx as unknown as Excel.RequestContext, 4_500_000, 40),
  );
  const w = sheets.find((x) => x.name === "Workings");
  // 4 columns, 40 cells: the first 10 of its 40 rows.
  expect(w?.grid).toHaveLength(10);
  expect(w?.unreadRows).toBe(30);
  expect(sheets.find((x) => x.name === "Early Help")?.unreadRows).toBeUndefined();
});

describe("selectCell", () => {
  test("shows the sheet and selects the cell; an unknown sheet is an error naming it", async () => {
    const excel = await derbyBook();
    const host = createExcelHost(excel.run, { user: () => "Jane", now: () => new Date() });
    await host.selectCell("Workings", "D2");
    expect(excel.book.selectionInfo()).toEqual({ sheet: "Workings", address: "D2" });
    await expect(host.selectCell("Gone", "A1")).rejects.toThrow(/Gone/);
  });
});
