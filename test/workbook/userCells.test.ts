/**
 * Nothing the user typed is lost: commentary, actions, their own columns and formulas survive
 * every refresh and append; the layer writes only the cells whose value changes.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import { PERIOD, syntheticBook, tableHeaders, tableRows, upgradedRows } from "./fixtures";

function setUp(n = 6): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book: syntheticBook(n, { userColumns: true }) });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25) }),
  };
}

/** Type into a table cell of the model, as the user would in the grid. */
function typeInto(excel: MemoryExcel, table: string, row: number, column: string, text: string): void {
  const t = excel.book.table(table);
  if (!t) throw new Error(table);
  const c = tableHeaders(excel.book, table).indexOf(column);
  excel.book.setCellInput(t.sheet.name, t.rect.row + row, t.rect.col + c, text);
}

function cellOf(excel: MemoryExcel, table: string, row: number, column: string): unknown {
  return tableRows(excel.book, table)[row - 1]?.[tableHeaders(excel.book, table).indexOf(column)];
}

describe("appendActuals", () => {
  test("adds new rows and updates figures, keeping commentary, actions and the user's own column", async () => {
    const { excel, host } = setUp();
    typeInto(excel, "PerfActuals", 3, "Commentary", "Two staff off sick");
    typeInto(excel, "PerfActuals", 3, "Action", "Agency cover from May");
    typeInto(excel, "PerfActuals", 3, "Checked by", "JS");
    const [id, unit, period] = tableRows(excel.book, "PerfActuals")[2] ?? [];
    const before = tableRows(excel.book, "PerfActuals");
    const result = await host.appendActuals([
      {
        indicatorId: String(id),
        orgUnit: String(unit),
        period: String(period),
        value: 999,
        numerator: null,
        denominator: null,
      },
      {
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        period: "2015-16 Q3",
        value: 7,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(result).toMatchObject({ added: 1, updated: 1 });
    const after = tableRows(excel.book, "PerfActuals");
    expect(cellOf(excel, "PerfActuals", 3, "Value")).toBe(999);
    expect(cellOf(excel, "PerfActuals", 3, "Commentary")).toBe("Two staff off sick");
    expect(cellOf(excel, "PerfActuals", 3, "Action")).toBe("Agency cover from May");
    expect(cellOf(excel, "PerfActuals", 3, "Checked by")).toBe("JS");
    // Every other existing row is exactly as it was (with the upgrade's blank Quality at its end:
    // workbook.md, "Additions (schema version 2)"); the new one is at the end.
    expect(after.filter((_, i) => i !== 2).slice(0, before.length - 1)).toEqual(
      upgradedRows("PerfActuals", before).filter((_, i) => i !== 2),
    );
    expect(after[after.length - 1]?.slice(0, 4)).toEqual(["IND-00001", "North Cluster", "2015-16 Q3", 7]);
  });

  test("a formula the user keeps in a cell the append does not change is still a formula", async () => {
    const { excel, host } = setUp();
    const t = excel.book.table("PerfActuals");
    if (!t) throw new Error("no table");
    const checked = tableHeaders(excel.book, "PerfActuals").indexOf("Checked by");
    excel.book.setCellInput(t.sheet.name, t.rect.row + 1, t.rect.col + checked, '=LOWER("AB")');
    const [id, unit, period] = tableRows(excel.book, "PerfActuals")[0] ?? [];
    await host.appendActuals([
      {
        indicatorId: String(id),
        orgUnit: String(unit),
        period: String(period),
        value: 5,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(excel.book.cellView(t.sheet.name, t.rect.row + 1, t.rect.col + checked).formula).toBe(
      '=LOWER("AB")',
    );
  });

  test("an append that changes nothing writes nothing", async () => {
    const { excel, host } = setUp();
    const [id, unit, period, value] = tableRows(excel.book, "PerfActuals")[0] ?? [];
    excel.resetStats();
    const r = await host.appendActuals([
      {
        indicatorId: String(id),
        orgUnit: String(unit),
        period: String(period),
        value: Number(value),
        numerator: null,
        denominator: null,
      },
    ]);
    expect(r).toMatchObject({ added: 0, updated: 0 });
    expect(excel.getStats().suspendCalculation).toBe(0);
  });

  test("a new row fills the blank row of an empty table first", async () => {
    const { excel, host } = setUp();
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("Fresh");
      s.getRange("A1:H1").values = [
        ["IndicatorId", "OrgUnit", "Period", "Value", "Numerator", "Denominator", "Commentary", "Action"],
      ];
      ctx.workbook.tables.getItem("PerfActuals").delete();
      s.tables.add("A1:H1", true).name = "PerfActuals";
      await ctx.sync();
    });
    await host.appendActuals([
      {
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        period: "2015/16 Q1",
        value: 3,
        numerator: null,
        denominator: null,
      },
    ]);
    // The version-1 table also gains the upgrade's Quality, blank (workbook.md, "Additions (schema version 2)").
    expect(tableRows(excel.book, "PerfActuals")).toEqual([
      ["IND-00001", "North Cluster", "2015-16 Q1", 3, "", "", "", "", ""],
    ]);
  });

  test("an input whose period does not parse comes back as an error and is not written", async () => {
    const { excel, host } = setUp();
    const before = tableRows(excel.book, "PerfActuals");
    const r = await host.appendActuals([
      {
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        period: "Q7",
        value: 3,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(r.errors[0]?.message).toMatch(/Q7/);
    expect(tableRows(excel.book, "PerfActuals")).toEqual(before);
  });
});

describe("refresh", () => {
  test("leaves every cell of the user's tables as it was, and shows the commentary typed", async () => {
    const { excel, host } = setUp();
    const rows = tableRows(excel.book, "PerfActuals");
    const i = rows.findIndex((r) => r[2] === PERIOD);
    typeInto(excel, "PerfActuals", i + 1, "Commentary", "Data late from the system");
    // The first write upgrades the version-1 fixture in place (workbook.md, "Additions (schema
    // version 2)", tested in upgrade.test.ts): another quarter's refresh does it, so what is
    // compared is what this refresh and re-rate do to the user's tables.
    await host.refresh("2015-16 Q1", { rerate: false });
    const before = excel.book.toJSON().sheets.filter((s) => !s.name.startsWith("PerfReport"));
    const { sheet } = await host.refresh(PERIOD, { rerate: false });
    await host.refresh(PERIOD, { rerate: true });
    const after = excel.book.toJSON().sheets.filter((s) => !s.name.startsWith("PerfReport"));
    expect(after).toEqual(before);
    const flat = excel.book.sheetInfos().find((s) => s.name === sheet);
    expect(flat).toBeDefined();
    const texts = new Set<unknown>();
    for (let r = 0; r < (flat?.rowCount ?? 0); r++)
      for (let c = 0; c < (flat?.colCount ?? 0); c++) texts.add(excel.book.cellView(sheet, r, c).value);
    expect(texts.has("Data late from the system")).toBe(true);
  });
});

describe("setCommentary", () => {
  test("writes only the Commentary and Action cells of that actual's row", async () => {
    const { excel, host } = setUp();
    const before = tableRows(excel.book, "PerfActuals");
    const i = before.findIndex((r) => r[0] === "IND-00002" && r[1] === "North Cluster" && r[2] === PERIOD);
    await host.setCommentary("ind-00002", " north cluster", "2015/16 Q2", "=Staffing gap", "Recruit");
    const after = tableRows(excel.book, "PerfActuals");
    const cols = tableHeaders(excel.book, "PerfActuals");
    expect(after[i]?.[cols.indexOf("Commentary")]).toBe("=Staffing gap");
    expect(after[i]?.[cols.indexOf("Action")]).toBe("Recruit");
    const masked = (rows: unknown[][]): unknown[][] =>
      rows.map((r, k) =>
        k === i ? r.filter((_, j) => j !== cols.indexOf("Commentary") && j !== cols.indexOf("Action")) : r,
      );
    // The rest as it was, with the upgrade's blank Quality (workbook.md, "Additions (schema version 2)").
    expect(masked(after)).toEqual(masked(upgradedRows("PerfActuals", before)));
  });

  test("a quarter with no actual yet gets a row holding just the commentary", async () => {
    const { excel, host } = setUp();
    const n = tableRows(excel.book, "PerfActuals").length;
    await host.setCommentary(
      "IND-00001",
      "North Cluster",
      "2015-16 Q3",
      "Awaiting data",
      "Chase the provider",
    );
    const rows = tableRows(excel.book, "PerfActuals");
    expect(rows).toHaveLength(n + 1);
    expect(rows[n]).toEqual([
      "IND-00001",
      "North Cluster",
      "2015-16 Q3",
      "",
      "",
      "",
      "Awaiting data",
      "Chase the provider",
      "",
      "", // Quality, added by the upgrade (workbook.md, "Additions (schema version 2)")
    ]);
  });
});
