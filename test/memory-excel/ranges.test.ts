/** The in-memory Excel's ranges, selection and conditional formats behave as Office.js's do. */
import { excelWith } from "./helpers";

describe("ranges, selection and conditional formats", () => {
  test("getCell, getResizedRange and getOffsetRange address cells relative to a range", async () => {
    const excel = excelWith();
    const out = await excel.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2");
      const a = base.getCell(2, 1).load("address");
      const b = base.getResizedRange(3, 2).load("address");
      const c = base.getOffsetRange(1, 1).getResizedRange(0, 1).load("address");
      await ctx.sync();
      return [a.address, b.address, c.address];
    });
    expect(out).toEqual(["Sheet1!C4", "Sheet1!B2:D5", "Sheet1!C3:D3"]);
  });

  test("range.select sets the selection that getSelectedRange reads, on a sheet with a quoted name", async () => {
    const excel = excelWith();
    const out = await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("My data");
      s.getRange("C5").values = [["here"]];
      s.getRange("C5").select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange().load("address, values");
      await ctx.sync();
      return { address: sel.address, values: sel.values };
    });
    expect(out).toEqual({ address: "'My data'!C5", values: [["here"]] });
    expect(excel.book.selectionInfo()).toEqual({ sheet: "My data", address: "C5" });
  });

  test("a cell-value conditional format colours the matching cells in the model's view", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      r.values = [["Red"], ["Green"], ["red"]];
      const cf = r.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = "#C00000";
      cf.cellValue.format.font.color = "#FFFFFF";
      cf.cellValue.rule = { formula1: '="Red"', operator: "EqualTo" };
      await ctx.sync();
    });
    expect(excel.book.cellView("Sheet1", 0, 0)).toMatchObject({ fill: "#C00000", fontColor: "#FFFFFF" });
    expect(excel.book.cellView("Sheet1", 1, 0).fill).toBeNull();
    expect(excel.book.cellView("Sheet1", 2, 0).fill).toBe("#C00000");
  });
});
