/** The in-memory Excel's worksheets behave as Office.js's do. */
import { errorOf, excelWith } from "./helpers";

describe("worksheets", () => {
  test("add, list with loaded names, rename, move, hide and delete", async () => {
    const excel = excelWith();
    const names = await excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add("Targets");
      sheets.add("Actuals");
      await ctx.sync();
      added.name = "My targets";
      added.position = 0;
      sheets.getItem("Actuals").visibility = "Hidden";
      sheets.getItem("Sheet1").delete();
      sheets.load("items/name, items/visibility, items/position");
      await ctx.sync();
      return sheets.items.map((s) => `${s.position}:${s.name}:${s.visibility}`);
    });
    expect(names).toEqual(["0:My targets:Visible", "1:Actuals:Hidden"]);
  });

  test("sheet names follow Excel's rules", async () => {
    const excel = excelWith();
    for (const bad of ["a/b", "x".repeat(32), "'quoted'", "History"]) {
      const e = await errorOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(bad);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
    const dup = await errorOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("SHEET1");
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
  });

  test("the last visible sheet can't be deleted", async () => {
    const excel = excelWith();
    const e = await errorOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });

  test("used range: the box of used cells, A1 for a blank sheet, or a null object", async () => {
    const excel = excelWith();
    const out = await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const blank = s.getUsedRange().load("address");
      const none = s.getUsedRangeOrNullObject(true);
      await ctx.sync();
      const first = { blank: blank.address, none: none.isNullObject };
      s.getRange("C3:D4").values = [
        [1, ""],
        ["", 2],
      ];
      const used = s.getUsedRange(true).load("address");
      await ctx.sync();
      return { ...first, used: used.address };
    });
    expect(out).toEqual({ blank: "Sheet1!A1", none: true, used: "Sheet1!C3:D4" });
  });
});
