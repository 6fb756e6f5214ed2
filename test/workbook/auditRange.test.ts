/**
 * The workbook layer's audit reading over the in-memory Excel: the selection (clipped to the used
 * range) or a table with its header row, number formats and fills read with getCellProperties in
 * one sync where ExcelApi 1.9 is supported, text only where it is not; tables listed; a cell selected.
 */
import { createMemoryExcel, MemoryWorkbook, parseRect } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { putTable } from "./fixtures";

function book(): MemoryWorkbook {
  const b = MemoryWorkbook.blank();
  const sheet = b.sheet("Sheet1") ?? b.addSheet("Sheet1");
  const rect = parseRect("B2:D4");
  if (!rect) throw new Error("rect");
  b.writeCells(
    sheet,
    rect,
    [
      ["'Indicator", "'Actual", "'RAG"],
      ["'Reach", 0.41, ""],
      ["'Contact", 0.5, "'Green"],
    ],
    "values",
  );
  b.writeCells(sheet, { row: 2, col: 2, rowCount: 2, colCount: 1 }, "0.0%", "numberFormat");
  b.writeStyle(sheet, { row: 2, col: 3, rowCount: 1, colCount: 1 }, "fill", "#FFC000");
  putTable(b, "Report", "PAB", ["Measure", "Status"], [["EHAs", "Red"]], "C3");
  return b;
}

function host(b: MemoryWorkbook, supported: boolean) {
  const excel = createMemoryExcel({ book: b });
  return {
    excel,
    host: createExcelHost(excel.run, {
      user: () => "T",
      now: () => new Date(0),
      isSetSupported: (name, version) => supported && name === "ExcelApi" && version === "1.9",
    }),
  };
}

test("the selection is read with formats and per-cell fills (getCellProperties), clipped to the used range", async () => {
  const b = book();
  const sheet = b.sheet("Sheet1");
  if (!sheet) throw new Error("sheet");
  b.select(sheet, { row: 0, col: 0, rowCount: 100, colCount: 10 });
  const { host: h, excel } = host(b, true);
  excel.resetStats();
  const r = await h.readRangeForAudit();
  expect(r).toMatchObject({ sheet: "Sheet1", address: "B2", fillsSupported: true, table: null });
  expect(r.values).toEqual([
    ["Indicator", "Actual", "RAG"],
    ["Reach", 0.41, ""],
    ["Contact", 0.5, "Green"],
  ]);
  expect(r.formats?.[1]).toEqual(["General", "0.0%", "General"]);
  expect(r.fills?.[1]).toEqual(["#FFFFFF", "#FFFFFF", "#FFC000"]);
  expect(excel.getStats().syncs).toBeLessThanOrEqual(3);
});

test("without ExcelApi 1.9 the cells are read as text only, and the result says so", async () => {
  const b = book();
  const sheet = b.sheet("Sheet1");
  if (!sheet) throw new Error("sheet");
  b.select(sheet, { row: 1, col: 1, rowCount: 3, colCount: 3 });
  const r = await host(b, false).host.readRangeForAudit();
  expect(r.fillsSupported).toBe(false);
  expect(r.fills).toBeNull();
  expect(r.values[2]).toEqual(["Contact", 0.5, "Green"]);
});

test("an Excel table is read whole with its header row; tables are listed; one cell is selected", async () => {
  const b = book();
  const { host: h } = host(b, true);
  const t = await h.readRangeForAudit("pab");
  expect(t).toMatchObject({
    sheet: "Report",
    address: "C3",
    table: "PAB",
    values: [
      ["Measure", "Status"],
      ["EHAs", "Red"],
    ],
  });
  expect(await h.listTables()).toEqual([{ name: "PAB", sheet: "Report" }]);
  await h.selectCell("Sheet1", "D3");
  const sel = b.selected();
  expect([sel.sheet.name, sel.rect]).toEqual(["Sheet1", { row: 2, col: 3, rowCount: 1, colCount: 1 }]);
  await expect(h.readRangeForAudit("Nope")).rejects.toThrow("This workbook has no table named 'Nope'.");
  await expect(h.selectCell("Nope", "A1")).rejects.toThrow("This workbook has no sheet named 'Nope'.");
});

test("a single selected cell is refused: the report's cells, header row included, are needed", async () => {
  const b = book();
  const sheet = b.sheet("Sheet1");
  if (!sheet) throw new Error("sheet");
  b.select(sheet, { row: 1, col: 1, rowCount: 1, colCount: 1 });
  await expect(host(b, true).host.readRangeForAudit()).rejects.toThrow(/Select the report's cells/);
});
