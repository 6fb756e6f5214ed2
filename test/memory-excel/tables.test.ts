/** The in-memory Excel's tables behave as Office.js's do. */
import { type MemoryExcel } from "../../src/memory-excel";
import { errorOf, excelWith } from "./helpers";

describe("tables", () => {
  async function makeTable(excel: MemoryExcel): Promise<void> {
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2:D4").values = [
        ["Id", "Name", "Value"],
        ["A", "Alpha", 1],
        ["B", "Beta", 2],
      ];
      const t = s.tables.add("B2:D4", true);
      t.name = "Things";
      await ctx.sync();
    });
  }

  test("a table has header and data-body ranges and is found by name in any case", async () => {
    const excel = excelWith();
    await makeTable(excel);
    const out = await excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("things");
      const h = t.getHeaderRowRange().load("values, address");
      const b = t.getDataBodyRange().load("values, address");
      const ws = t.worksheet.load("name");
      await ctx.sync();
      return { h: h.values, ha: h.address, b: b.values, ba: b.address, sheet: ws.name };
    });
    expect(out).toEqual({
      h: [["Id", "Name", "Value"]],
      ha: "Sheet1!B2:D2",
      b: [
        ["A", "Alpha", 1],
        ["B", "Beta", 2],
      ],
      ba: "Sheet1!B3:D4",
      sheet: "Sheet1",
    });
  });

  test("rows.add appends below, moving cells under the table down", async () => {
    const excel = excelWith();
    await makeTable(excel);
    excel.book.setCellInput("Sheet1", 5, 2, "note under the table");
    await excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Things").rows.add(undefined, [
        ["C", "Gamma", 3],
        ["D", "Delta", 4],
      ]);
      await ctx.sync();
    });
    expect(excel.book.tableInfos()).toEqual([
      { name: "Things", sheet: "Sheet1", address: "B2:D6", headers: ["Id", "Name", "Value"] },
    ]);
    expect(excel.book.cellView("Sheet1", 5, 1).value).toBe("D");
    expect(excel.book.cellView("Sheet1", 7, 2).value).toBe("note under the table");
  });

  test("a header-only range becomes a table with one blank data row; blank and repeated headers are renamed", async () => {
    const excel = excelWith();
    const out = await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:C1").values = [["X", "", "X"]];
      const t = s.tables.add("A1:C1", true);
      const body = t.getDataBodyRange().load("values");
      const head = t.getHeaderRowRange().load("values");
      await ctx.sync();
      return { body: body.values, head: head.values };
    });
    expect(out).toEqual({ body: [["", "", ""]], head: [["X", "Column2", "X2"]] });
  });

  test("columns.add appends a named column; resize grows the table", async () => {
    const excel = excelWith();
    await makeTable(excel);
    await excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Things");
      t.columns.add(undefined, undefined, "Commentary");
      await ctx.sync();
      t.resize("B2:E5");
      await ctx.sync();
    });
    expect(excel.book.tableInfos()[0]).toEqual({
      name: "Things",
      sheet: "Sheet1",
      address: "B2:E5",
      headers: ["Id", "Name", "Value", "Commentary"],
    });
  });

  test("table names must be unique and valid; tables can't overlap", async () => {
    const excel = excelWith();
    await makeTable(excel);
    for (const [name, code] of [
      ["things", "ItemAlreadyExists"],
      ["A1", "InvalidArgument"],
      ["has space", "InvalidArgument"],
    ] as const) {
      const e = await errorOf(
        excel.run(async (ctx) => {
          const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("G1:H2", true);
          t.name = name;
          await ctx.sync();
        }),
      );
      expect(e.code).toBe(code);
      await excel.run(async (ctx) => {
        const extra = ctx.workbook.tables.getItemOrNullObject("Table1");
        await ctx.sync();
        if (!extra.isNullObject) extra.delete();
        await ctx.sync();
      });
    }
    const overlap = await errorOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").tables.add("C3:E6", true);
        await ctx.sync();
      }),
    );
    expect(overlap.code).toBe("InvalidOperation");
  });

  test("tables.load lists the tables with their names", async () => {
    const excel = excelWith();
    await makeTable(excel);
    const names = await excel.run(async (ctx) => {
      ctx.workbook.tables.load("items/name");
      await ctx.sync();
      return ctx.workbook.tables.items.map((t) => t.name);
    });
    expect(names).toEqual(["Things"]);
  });

  test("deleting a sheet deletes its tables", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("Data");
      s.getRange("A1:A2").values = [["H"], [1]];
      s.tables.add("A1:A2", true).name = "Gone";
      await ctx.sync();
      s.delete();
      await ctx.sync();
    });
    expect(excel.book.tableInfos()).toEqual([]);
  });
});
