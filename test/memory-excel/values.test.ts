/** The in-memory Excel's values and formats behave as Office.js's do. */
import { errorOf, excelWith } from "./helpers";

describe("values and formats", () => {
  test("values written in one batch read back in another, with Excel's coercion of text", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D3");
      r.values = [
        ["text", 12.5, true],
        ["'=not a formula", "42", ""],
      ];
      await ctx.sync();
    });
    const read = await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D3");
      r.load("values, address, rowCount, columnCount, rowIndex, columnIndex");
      await ctx.sync();
      return {
        values: r.values,
        address: r.address,
        size: [r.rowCount, r.columnCount, r.rowIndex, r.columnIndex],
      };
    });
    expect(read.values).toEqual([
      ["text", 12.5, true],
      ["=not a formula", 42, ""],
    ]);
    expect(read.address).toBe("Sheet1!B2:D3");
    expect(read.size).toEqual([2, 3, 1, 1]);
  });

  test("null in a values array leaves the cell alone; an empty string clears it", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.values = [["keep", "clear", "old"]];
      await ctx.sync();
      r.values = [[null, "", "new"]] as unknown as unknown[][];
      await ctx.sync();
    });
    expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("keep");
    expect(excel.book.cellView("Sheet1", 0, 1).value).toBe("");
    expect(excel.book.cellView("Sheet1", 0, 2).value).toBe("new");
  });

  test("an array of the wrong shape is refused at sync with InvalidArgument and changes nothing", async () => {
    const excel = excelWith();
    const e = await errorOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("");
  });

  test("number formats, fill, font colour and bold are kept per cell", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[0.674, 0.5]];
      r.numberFormat = [["0.0%", null]] as unknown as unknown[][];
      r.format.fill.color = "#c00000";
      r.format.font.color = "#FFFFFF";
      r.format.font.bold = true;
      await ctx.sync();
    });
    const a = excel.book.cellView("Sheet1", 0, 0);
    expect(a).toMatchObject({
      numberFormat: "0.0%",
      text: "67.4%",
      fill: "#C00000",
      fontColor: "#FFFFFF",
      bold: true,
    });
    expect(excel.book.cellView("Sheet1", 0, 1)).toMatchObject({ numberFormat: "General", text: "0.5" });
  });

  test("formula cells keep their text and read as the evaluator's value", async () => {
    const excel = excelWith();
    excel.book.setFormulaEvaluator((formula, site, book) => {
      if (formula === "=DOUBLE(A1)") {
        const sheet = book.sheet(site.sheet);
        return sheet ? Number(book.value(sheet, 0, 0)) * 2 : "#REF!";
      }
      return "#NAME?";
    });
    const read = await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B1").values = [[21, "=DOUBLE(A1)"]];
      const r = s.getRange("A1:B1");
      r.load("values, formulas");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(read.values).toEqual([[21, 42]]);
    expect(read.formulas).toEqual([[21, "=DOUBLE(A1)"]]);
  });
});
