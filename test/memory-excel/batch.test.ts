/** The in-memory Excel follows the Office.js batch model: queued writes, load-before-read, null objects, failures, payload limits. */
import { createMemoryExcel } from "../../src/memory-excel";
import { errorOf, excelWith } from "./helpers";

describe("the Office.js batch model", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, even before the sync of its load", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
    });
  });

  test("writes are queued: the workbook is unchanged until sync", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["later"]];
      expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("");
      await ctx.sync();
      expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("later");
    });
  });

  test("run syncs what is still queued when the batch ends, and counts every sync", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["a"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["b"]];
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.book.cellView("Sheet1", 1, 0).value).toBe("b");
  });

  test("getItemOrNullObject reports a missing item with isNullObject; getItem fails the sync with ItemNotFound", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.tables.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }) as Error,
      );
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
    const e = await errorOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("failOnSync fails the chosen sync with nothing of its batch applied; earlier syncs stand", async () => {
    const excel = excelWith();
    excel.failOnSync(2);
    const e = await errorOf(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1").values = [["first"]];
        await ctx.sync();
        s.getRange("A2").values = [["second"]];
        ctx.workbook.worksheets.add("New");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("first");
    expect(excel.book.cellView("Sheet1", 1, 0).value).toBe("");
    expect(excel.book.sheet("New")).toBeUndefined();
  });

  test("failOnSync with afterOperations applies the first operations of the batch and fails the rest", async () => {
    const excel = excelWith();
    excel.failOnSync(1, { afterOperations: 3 });
    const e = await errorOf(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1"); // op 1 (resolve)
        s.getRange("A1").values = [["one"]]; // ops 2, 3
        s.getRange("A2").values = [["two"]]; // ops 4, 5
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("one");
    expect(excel.book.cellView("Sheet1", 1, 0).value).toBe("");
  });

  test("an operation that fails stops its batch there, as in Excel: earlier operations applied, later ones not", async () => {
    const excel = excelWith();
    const e = await errorOf(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1").values = [["before"]];
        ctx.workbook.worksheets.add("Sheet1");
        s.getRange("A2").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemAlreadyExists");
    expect(excel.book.cellView("Sheet1", 0, 0).value).toBe("before");
    expect(excel.book.cellView("Sheet1", 1, 0).value).toBe("");
  });

  test("a request over the payload limit is refused whole", async () => {
    const excel = createMemoryExcel({ payloadLimitBytes: 10_000 });
    const big = Array.from({ length: 2_000 }, (_, i) => [`row ${i}`]);
    const e = await errorOf(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("B1").values = [["small"]];
        s.getRange("A1:A2000").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.book.cellView("Sheet1", 0, 1).value).toBe("");
    expect(excel.getStats().maxRequestBytes).toBeGreaterThan(10_000);
  });

  test("a response over the payload limit delivers no loaded values", async () => {
    const excel = createMemoryExcel({ payloadLimitBytes: null });
    const big = Array.from({ length: 2_000 }, (_, i) => [i]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = big;
      await ctx.sync();
    });
    excel.payloadLimitBytes = 5_000;
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").load("values");
      const e = await errorOf(ctx.sync());
      expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
    });
  });

  test("objects of a finished run can't queue more work", async () => {
    const excel = excelWith();
    let kept: Excel.Range | undefined;
    await excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await ctx.sync();
    });
    expect(() => {
      if (kept) kept.values = [["late"]];
    }).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }) as Error);
  });

  test("suspendApiCalculationUntilNextSync is counted", async () => {
    const excel = excelWith();
    await excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      await ctx.sync();
    });
    expect(excel.getStats().suspendCalculation).toBe(1);
  });
});
