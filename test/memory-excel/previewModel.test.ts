/** The in-memory Excel's plain model serves the preview: views, typing, conditional fills, JSON. */
import { MemoryWorkbook } from "../../src/memory-excel";
import { excelWith } from "./helpers";

describe("the preview's model", () => {
  test("typing follows Excel: numbers, percentages, formulas, text with an apostrophe; below a table extends it", async () => {
    const book = MemoryWorkbook.blank();
    const excel = excelWith(book);
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [
        ["Id", "Value"],
        ["X", 1],
      ];
      s.tables.add("A1:B2", true).name = "T";
      await ctx.sync();
    });
    book.setCellInput("Sheet1", 2, 0, "Y");
    book.setCellInput("Sheet1", 2, 1, "12.5%");
    book.setCellInput("Sheet1", 3, 3, "'007");
    book.setCellInput("Sheet1", 4, 3, "=SUM(A1)");
    expect(book.tableInfos()[0]?.address).toBe("A1:B3");
    expect(book.cellView("Sheet1", 2, 1)).toMatchObject({
      value: 0.125,
      numberFormat: "0.00%",
      text: "12.50%",
    });
    expect(book.cellView("Sheet1", 3, 3).value).toBe("007");
    expect(book.cellView("Sheet1", 4, 3)).toMatchObject({ formula: "=SUM(A1)", value: "#NAME?" });
  });

  test("listeners hear of each sync that changed the workbook, not of reads", async () => {
    const excel = excelWith();
    let heard = 0;
    const stop = excel.book.subscribe(() => heard++);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
    });
    stop();
    excel.book.setCellInput("Sheet1", 0, 0, "2");
    expect(heard).toBe(1);
  });

  test("serialise and deserialise keep sheets, cells, formats, tables, conditional formats and selection", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("Data sheet");
      s.getRange("A1:C3").values = [
        ["Id", "Rate", "Note"],
        ["A", 0.674, "=PERF.RATE(1,2)"],
        ["B", 0.5, true],
      ];
      s.getRange("B2:B3").numberFormat = [["0.0%"], ["0.0%"]];
      s.getRange("A1:C1").format.font.bold = true;
      s.getRange("C3").format.fill.color = "#00FF00";
      s.tables.add("A1:C3", true).name = "PerfThings";
      const cf = s.getRange("A2:A3").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = "#FFC000";
      cf.cellValue.rule = { formula1: '="B"', operator: "EqualTo" };
      ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      s.freezePanes.freezeRows(1);
      s.getRange("B3").select();
      await ctx.sync();
    });
    const text = excel.book.serialise();
    const copy = MemoryWorkbook.fromJSON(text);
    expect(copy.serialise()).toBe(text);
    expect(copy.sheetInfos()).toEqual(excel.book.sheetInfos());
    expect(copy.tableInfos()).toEqual(excel.book.tableInfos());
    expect(copy.cellView("Data sheet", 2, 0).fill).toBe("#FFC000");
    expect(copy.cellView("Data sheet", 1, 2).formula).toBe("=PERF.RATE(1,2)");
    expect(copy.selectionInfo()).toEqual({ sheet: "Data sheet", address: "B3" });
  });

  test("deserialise refuses what it did not write", () => {
    expect(() => MemoryWorkbook.fromJSON("{}")).toThrow(/unknown format/);
    expect(() =>
      MemoryWorkbook.fromJSON({ format: "perfcycle-memory-excel", version: 2, sheets: [], tables: [] }),
    ).toThrow(/version 2/);
    expect(() =>
      MemoryWorkbook.fromJSON({
        format: "perfcycle-memory-excel",
        version: 1,
        sheets: [
          { name: "S", visibility: "Visible", frozenRows: 0, cells: [[-1, 0, {}]], conditionalFormats: [] },
        ],
        tables: [],
        activeSheet: null,
        selection: null,
      }),
    ).toThrow(/bad cell/);
  });
});
