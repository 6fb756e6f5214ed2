/**
 * Setting a workbook up (creating or adopting the contract's tables), loading the sample, reading
 * the tables back, and the selection.
 */
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import {
  CONTRACT_TABLES,
  readRegister,
  sampleBook,
  sampleWorkbook,
  TABLE,
  type RawCell,
  type SetupOptions,
} from "../../src/contract";
import {
  putTable,
  settingsRows,
  syntheticBook,
  tableHeaders,
  tableRows,
  upgradeColumns,
  upgradedRows,
} from "./fixtures";

const OPTIONS: SetupOptions = {
  startMonth: 4,
  reportingPeriod: "2015/16 Q3",
  scheme: "BRAG",
  rule: "Milestone",
  defaultTolerance: 0.1,
};

function hostOf(book: MemoryWorkbook): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25) }),
  };
}

const blank = (c: RawCell): RawCell => (c === null ? "" : c);

describe("setUp", () => {
  test("creates every contract table in an empty workbook, with the settings chosen", async () => {
    const { excel, host } = hostOf(MemoryWorkbook.blank());
    const result = await host.setUp(OPTIONS);
    expect(result).toEqual({ created: CONTRACT_TABLES.map((t) => t.name), adopted: [] });
    for (const t of CONTRACT_TABLES) expect(tableHeaders(excel.book, t.name)).toEqual(t.headers);
    expect(tableRows(excel.book, TABLE.settings)).toEqual([
      ["SchemaVersion", 2],
      ["FiscalYearStartMonth", 4],
      ["ReportingPeriod", "2015-16 Q3"],
      ["DefaultTolerance", 0.1],
      ["RagScheme", "BRAG"],
      ["RagRule", "Milestone"],
    ]);
    expect(excel.book.sheetInfos().map((s) => s.name)).toEqual([
      "Sheet1",
      "Settings",
      "Targets",
      "Actuals",
      "Units",
      "Audit",
    ]);
  });

  test("adopts existing tables by name, on the user's sheets, keeping their rows and columns", async () => {
    const book = syntheticBook(6, { userColumns: true, audit: true });
    putTable(book, "Config", "Extra", ["x"], [[1]], "E1");
    const before = tableRows(book, TABLE.targets);
    const { excel, host } = hostOf(book);
    const result = await host.setUp(OPTIONS);
    expect(result.created).toEqual([]);
    expect(result.adopted).toEqual(["PerfSettings", "PerfTargets", "PerfActuals", "PerfUnits", "PerfAudit"]);
    // Set-up is a first write: the version-1 table gains the upgrade's blank columns at its end
    // (workbook.md, "Additions (schema version 2)"); the user's rows and columns are as they were.
    expect(tableRows(excel.book, TABLE.targets)).toEqual(upgradedRows(TABLE.targets, before));
    expect(excel.book.table(TABLE.targets)?.sheet.name).toBe("Our targets");
    expect(excel.book.sheetInfos().map((s) => s.name)).toEqual(book.sheetInfos().map((s) => s.name));
  });

  test("updates the settings PerfCycle owns, adds the missing ones and keeps the user's own", async () => {
    const book = MemoryWorkbook.blank();
    putTable(
      book,
      "Config",
      "perfsettings",
      ["Setting", "Value", "Comment"],
      [
        ["Fiscal year start month", 4, "UK year"],
        ["ReportingPeriod", "2015-16 Q1", ""],
        ["Board", "PAB North", "ours"],
      ],
    );
    const { excel, host } = hostOf(book);
    const result = await host.setUp(OPTIONS);
    expect(result.adopted).toEqual(["perfsettings"]);
    expect(result.created).toEqual(["PerfTargets", "PerfActuals", "PerfUnits", "PerfAudit"]);
    expect(tableRows(excel.book, "perfsettings")).toEqual([
      ["Fiscal year start month", 4, "UK year"],
      ["ReportingPeriod", "2015-16 Q3", ""],
      ["Board", "PAB North", "ours"],
      ["SchemaVersion", 2, ""],
      ["DefaultTolerance", 0.1, ""],
      ["RagScheme", "BRAG", ""],
      ["RagRule", "Milestone", ""],
      // Schema 2's settings, added by the upgrade on first write (workbook.md, "Additions (schema version 2)").
      ["ConfidenceLevel", 95, ""],
      ["SmallBase", 30, ""],
      ["DotSignificance", "No", ""],
    ]);
  });

  test("adds the required columns an adopted table lacks at its right end", async () => {
    const book = MemoryWorkbook.blank();
    putTable(
      book,
      "Data",
      "PerfActuals",
      ["IndicatorId", "OrgUnit", "Period", "Value", "My note"],
      [["A", "City", "2015-16 Q1", 1, "n"]],
    );
    const { excel, host } = hostOf(book);
    await host.setUp(OPTIONS);
    expect(tableHeaders(excel.book, TABLE.actuals)).toEqual([
      "IndicatorId",
      "OrgUnit",
      "Period",
      "Value",
      "My note",
      "Numerator",
      "Denominator",
      "Commentary",
      "Action",
      // Then the upgrade's (workbook.md, "Additions (schema version 2)"), after the required ones.
      ...upgradeColumns(TABLE.actuals),
    ]);
    expect(tableRows(excel.book, TABLE.actuals)).toEqual([
      ["A", "City", "2015-16 Q1", 1, "n", "", "", "", "", ""],
    ]);
  });

  test("refuses a workbook written by a newer PerfCycle, saying which version reads it", async () => {
    const book = MemoryWorkbook.blank();
    putTable(book, "Config", "PerfSettings", ["Setting", "Value"], [["SchemaVersion", 99]]);
    const { excel, host } = hostOf(book);
    const before = excel.book.serialise();
    await expect(host.setUp(OPTIONS)).rejects.toThrow(/99|newer|later/);
    expect(excel.book.serialise()).toBe(before);
  });

  test("takes the same syncs for a workbook with 10 or 1,000 indicators", async () => {
    const small = hostOf(syntheticBook(10));
    const large = hostOf(syntheticBook(1000));
    await small.host.setUp(OPTIONS);
    await large.host.setUp(OPTIONS);
    small.excel.resetStats();
    large.excel.resetStats();
    await small.host.setUp(OPTIONS);
    await large.host.setUp(OPTIONS);
    expect(large.excel.syncCount).toBe(small.excel.syncCount);
    expect(small.excel.syncCount).toBeLessThanOrEqual(4);
  });
});

describe("loadSample and read", () => {
  test("the sample is written with its sheets, tables and number formats, and reads back as the contract's sample", async () => {
    const { excel, host } = hostOf(MemoryWorkbook.blank());
    await host.loadSample();
    expect(excel.syncCount).toBe(2);
    const sample = sampleBook();
    for (const s of sample.sheets) expect(excel.book.sheet(s.name)).toBeDefined();
    const read = await host.read();
    const expected = sampleWorkbook(sample);
    for (const t of expected.tables) {
      const got = read.tables.find((x) => x.name === t.name);
      expect(got?.headers).toEqual(t.headers);
      expect(got?.rows).toEqual(t.rows.map((r) => r.map(blank)));
      expect(got?.sheet).toBe(t.sheet);
      expect(got?.topLeft).toBe(t.topLeft);
      // Number formats, as the contract gives them per cell.
      const table = excel.book.table(t.name);
      t.numberFormats?.forEach((row, i) =>
        row.forEach((f, j) => {
          if (!table) throw new Error(t.name);
          expect(
            excel.book.cellView(table.sheet.name, table.rect.row + 1 + i, table.rect.col + j).numberFormat,
          ).toBe(f);
        }),
      );
    }
    expect(readRegister(read).fatal).toBeNull();
  });

  test("the sample refuses a workbook that already has PerfCycle tables", async () => {
    const { excel, host } = hostOf(syntheticBook(3));
    const before = excel.book.serialise();
    await expect(host.loadSample()).rejects.toThrow(/already has PerfCycle tables/);
    expect(excel.book.serialise()).toBe(before);
  });

  test("the sample's sheet names step aside for the user's sheets", async () => {
    const book = MemoryWorkbook.blank("Targets");
    book.setCellInput("Targets", 0, 0, "mine");
    const { excel, host } = hostOf(book);
    await host.loadSample();
    expect(excel.book.table(TABLE.targets)?.sheet.name).toBe("Targets (2)");
    expect(excel.book.cellView("Targets", 0, 0).value).toBe("mine");
  });

  test("the sample rates: a refresh of its reporting period works", async () => {
    const { host } = hostOf(MemoryWorkbook.blank());
    await host.loadSample();
    const r = await host.refresh("", { rerate: false });
    expect(r.rows).toBeGreaterThanOrEqual(12);
    expect(r.errors).toEqual([]);
  });
});

describe("selection", () => {
  test("readSelection gives the sheet, the top-left address and the values as far as the used range", async () => {
    const { excel, host } = hostOf(MemoryWorkbook.blank("Wide data"));
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Wide data");
      s.getRange("B2:D3").values = [
        ["Indicator", "2015-16 Q1", "2015-16 Q2"],
        ["Reach", "12.4%", "31/274"],
      ];
      s.getRange("B2:F40").select();
      await ctx.sync();
    });
    expect(await host.readSelection()).toEqual({
      sheet: "Wide data",
      address: "B2",
      values: [
        ["Indicator", "2015-16 Q1", "2015-16 Q2"],
        ["Reach", 0.124, "31/274"],
      ],
    });
  });

  test("select puts the cursor on a table cell by data row and column name", async () => {
    const { excel, host } = hostOf(syntheticBook(6));
    await host.select("PerfActuals", 2, "commentary");
    const t = excel.book.table("PerfActuals");
    expect(excel.book.selectionInfo()).toEqual({
      sheet: "Quarterly data",
      address: `H${(t?.rect.row ?? 0) + 3}`,
    });
    await expect(host.select("PerfActuals", 999, "Value")).rejects.toThrow(/999/);
    await expect(host.select("PerfActuals", 1, "Colour")).rejects.toThrow(/Colour/);
    await expect(host.select("Nope", 1, "Value")).rejects.toThrow(/Nope/);
  });
});

test("read returns the contract tables with their sheets and positions", async () => {
  const { host } = hostOf(syntheticBook(4, { userColumns: true }));
  const book = await host.read();
  expect(book.tables.map((t) => [t.name, t.sheet, t.topLeft])).toEqual([
    ["PerfSettings", "Config", "A1"],
    ["PerfTargets", "Our targets", "A1"],
    ["PerfActuals", "Quarterly data", "B3"],
    ["PerfUnits", "Units", "A1"],
  ]);
  expect(book.tables[0]?.rows).toEqual(settingsRows());
});
