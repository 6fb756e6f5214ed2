/**
 * The in-memory Excel behaves as Office.js does for the subset src/workbook uses: queued writes,
 * load-before-read, null objects, tables, failures, payload limits; and its plain model serves
 * the preview (views, typing, conditional fills, JSON).
 */
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";

function excelWith(book = MemoryWorkbook.blank()): MemoryExcel {
  return createMemoryExcel({ book });
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a rejection");
}

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
