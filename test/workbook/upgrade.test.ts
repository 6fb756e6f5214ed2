/**
 * The schema upgrade in Excel (workbook.md, "Additions (schema version 2)": "An older workbook is
 * upgraded in place on first write"; issue 12 §5: "new optional columns added at the end of their
 * tables, user columns untouched … a workbook of a newer version is refused with a message saying
 * which version reads it"): on the first write of any action, in that action's own syncs.
 */
import { createMemoryExcel, type MemoryExcel, type MemoryWorkbook } from "../../src/memory-excel";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import { PERIOD, syntheticBook, tableHeaders, tableRows, upgradeColumns, upgradedRows } from "./fixtures";

const NOW = new Date(2026, 10, 25, 14, 5);

function hostOf(book: MemoryWorkbook): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book });
  return { excel, host: createExcelHost(excel.run, { user: () => "Jane", now: () => NOW }) };
}

const EDIT = {
  indicatorId: "IND-00001",
  orgUnit: "North Cluster", // Draft in the fixture: no reason needed
  values: { Owner: "New owner" },
};

const V2_SETTING_ROWS = [
  ["ConfidenceLevel", 95],
  ["SmallBase", 30],
  ["DotSignificance", "No"],
];

/** A host method the Excel host always has (optional in the WorkbookHost interface). */
function required<F>(f: F | undefined): F {
  if (!f) throw new Error("the Excel host has no such method");
  return f;
}

async function syncsOf(excel: MemoryExcel, action: () => Promise<unknown>): Promise<number> {
  excel.resetStats();
  await action();
  return excel.syncCount;
}

describe("a version-1 workbook", () => {
  test("is upgraded on the first target save: columns at the ends, SchemaVersion 2, the new settings", async () => {
    const { excel, host } = hostOf(syntheticBook(6, { userColumns: true }));
    const targets = tableRows(excel.book, "PerfTargets");
    const actuals = tableRows(excel.book, "PerfActuals");
    const headers = tableHeaders(excel.book, "PerfTargets");
    const out = await host.saveTarget(EDIT);
    expect(out).toMatchObject({ ok: true });
    // After the user's own column (Notes), never before it.
    expect(tableHeaders(excel.book, "PerfTargets")).toEqual([...headers, ...upgradeColumns("PerfTargets")]);
    expect(tableHeaders(excel.book, "PerfActuals").slice(-2)).toEqual(["Checked by", "Quality"]);
    expect(tableRows(excel.book, "PerfActuals")).toEqual(upgradedRows("PerfActuals", actuals));
    const owner = headers.indexOf("Owner");
    const expected = upgradedRows("PerfTargets", targets).map((r, i) =>
      i === 0 ? r.map((c, j) => (j === owner ? "New owner" : c)) : r,
    );
    expect(tableRows(excel.book, "PerfTargets")).toEqual(expected);
    const settings = tableRows(excel.book, "PerfSettings");
    expect(settings[0]).toEqual(["SchemaVersion", 2]);
    expect(settings.slice(1, 6).map((r) => r[0])).toEqual([
      "FiscalYearStartMonth",
      "ReportingPeriod",
      "DefaultTolerance",
      "RagScheme",
      "RagRule",
    ]);
    expect(settings.slice(6)).toEqual(V2_SETTING_ROWS);
  });

  test("is upgraded on the first refresh, which takes the syncs of a refresh of an upgraded one", async () => {
    const { excel, host } = hostOf(syntheticBook(30));
    const upgraded = hostOf(syntheticBook(30));
    await upgraded.host.saveTarget(EDIT);
    const first = await syncsOf(excel, () => host.refresh(PERIOD, { rerate: false }));
    const again = await syncsOf(upgraded.excel, () => upgraded.host.refresh(PERIOD, { rerate: false }));
    expect(first).toBe(again);
    expect(first).toBeLessThanOrEqual(4);
    expect(tableHeaders(excel.book, "PerfTargets").slice(-3)).toEqual(upgradeColumns("PerfTargets"));
    expect(tableRows(excel.book, "PerfSettings")[0]).toEqual(["SchemaVersion", 2]);
  });

  test("a target save takes the same syncs whether it upgrades the workbook or not", async () => {
    const v1 = hostOf(syntheticBook(12, { audit: true }));
    const v2 = hostOf(syntheticBook(12, { audit: true }));
    await v2.host.refresh("2015-16 Q1", { rerate: false });
    const a = await syncsOf(v1.excel, () => v1.host.saveTarget(EDIT));
    const b = await syncsOf(v2.excel, () => v2.host.saveTarget(EDIT));
    expect(a).toBe(b);
  });

  test("once upgraded, the next write plans nothing: no column or setting is added again", async () => {
    const { excel, host } = hostOf(syntheticBook(6, { userColumns: true }));
    await host.refresh(PERIOD, { rerate: false });
    const headers = ["PerfSettings", "PerfTargets", "PerfActuals"].map((t) => tableHeaders(excel.book, t));
    const settings = tableRows(excel.book, "PerfSettings");
    await host.saveTarget(EDIT);
    await host.appendActuals([
      {
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        period: "2015-16 Q3",
        value: 4,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(["PerfSettings", "PerfTargets", "PerfActuals"].map((t) => tableHeaders(excel.book, t))).toEqual(
      headers,
    );
    expect(tableRows(excel.book, "PerfSettings")).toEqual(settings);
  });

  test("new setting rows never overwrite the user's cells below PerfSettings: they move down", async () => {
    const book = syntheticBook(3);
    const settings = book.table("PerfSettings");
    if (!settings) throw new Error("no settings");
    const below = settings.rect.row + settings.rect.rowCount;
    book.setCellInput("Config", below + 1, 0, "Ask Finance before changing these");
    const { excel, host } = hostOf(book);
    await host.saveTarget(EDIT);
    expect(tableRows(excel.book, "PerfSettings").slice(-3)).toEqual(V2_SETTING_ROWS);
    expect(excel.book.cellView("Config", below + 1 + 3, 0).value).toBe("Ask Finance before changing these");
  });
});

describe("a workbook of a newer schema", () => {
  function newer(): { excel: MemoryExcel; host: ExcelWorkbookHost; before: string } {
    const book = syntheticBook(3);
    book.setCellInput("Config", 1, 1, "3"); // PerfSettings: SchemaVersion 3
    const { excel, host } = hostOf(book);
    return { excel, host, before: excel.book.serialise() };
  }

  test("a target save is refused, saying which version reads it; nothing is written", async () => {
    const { excel, host, before } = newer();
    const out = await host.saveTarget(EDIT);
    expect(out).toMatchObject({ ok: false });
    if (!out.ok) expect(out.message).toMatch(/schema version 3.*reads schema version 2 and older/);
    expect(excel.book.serialise()).toBe(before);
  });

  test.each([
    ["refresh", (h: ExcelWorkbookHost) => h.refresh(PERIOD, { rerate: false })],
    [
      "appendActuals",
      (h: ExcelWorkbookHost) =>
        h.appendActuals([
          {
            indicatorId: "IND-00001",
            orgUnit: "North Cluster",
            period: "2015-16 Q3",
            value: 4,
            numerator: null,
            denominator: null,
          },
        ]),
    ],
    [
      "setCommentary",
      (h: ExcelWorkbookHost) => h.setCommentary("IND-00001", "North Cluster", PERIOD, "Late", "Chase"),
    ],
    [
      "writeComparators",
      (h: ExcelWorkbookHost) =>
        required(h.writeComparators)([
          {
            indicatorId: "IND-00001",
            period: "2014-15",
            comparator: "England",
            kind: "National",
            value: 410,
            source: "DfE",
          },
        ]),
    ],
    [
      "setQuality",
      (h: ExcelWorkbookHost) =>
        required(h.setQuality)([
          { indicatorId: "IND-00001", orgUnit: "North Cluster", period: PERIOD, quality: "Provisional" },
        ]),
    ],
    [
      "setUp",
      (h: ExcelWorkbookHost) =>
        h.setUp({
          startMonth: 4,
          reportingPeriod: PERIOD,
          scheme: "RAG",
          rule: "Milestone",
          defaultTolerance: 0.05,
        }),
    ],
  ])("%s is refused before anything is written", async (_name, action) => {
    const { excel, host, before } = newer();
    await expect(action(host)).rejects.toThrow(/schema version 3/);
    expect(excel.book.serialise()).toBe(before);
  });
});

describe("a user's cells right of a table", () => {
  test("refuse the write, naming the sheet and the cell; nothing is written", async () => {
    const book = syntheticBook(6);
    const t = book.table("PerfTargets");
    if (!t) throw new Error("no table");
    // Two columns right of the table, in its third row: adding three columns would move it.
    book.setCellInput(
      "Our targets",
      t.rect.row + 2,
      t.rect.col + t.rect.colCount + 1,
      "Board: review in May",
    );
    const { excel, host } = hostOf(book);
    const before = excel.book.serialise();
    const cell = `${String.fromCharCode(65 + t.rect.col + t.rect.colCount + 1)}${t.rect.row + 3}`;
    await expect(host.saveTarget(EDIT)).rejects.toThrow(`'Our targets'!${cell} holds "Board: review in May"`);
    await expect(host.refresh(PERIOD, { rerate: false })).rejects.toThrow(/Nothing was written/);
    expect(excel.book.serialise()).toBe(before);
  });

  test("in rows above or below the table do not: they stay where they are", async () => {
    const book = syntheticBook(6);
    const t = book.table("PerfTargets");
    if (!t) throw new Error("no table");
    const below = t.rect.row + t.rect.rowCount + 1;
    const right = t.rect.col + t.rect.colCount;
    book.setCellInput("Our targets", below, right, "Signed off by the board");
    const { excel, host } = hostOf(book);
    await expect(host.saveTarget(EDIT)).resolves.toMatchObject({ ok: true });
    expect(excel.book.cellView("Our targets", below, right).value).toBe("Signed off by the board");
    expect(tableHeaders(excel.book, "PerfTargets").slice(-3)).toEqual(upgradeColumns("PerfTargets"));
  });

  test("once upgraded, they block only a write that adds a column (a plan's PlanEndYear)", async () => {
    const { excel, host } = hostOf(syntheticBook(6));
    await host.refresh(PERIOD, { rerate: false });
    const t = excel.book.table("PerfTargets");
    if (!t) throw new Error("no table");
    const right = t.rect.col + t.rect.colCount;
    excel.book.setCellInput("Our targets", t.rect.row + 1, right, "Board notes");
    await expect(host.saveTarget(EDIT)).resolves.toMatchObject({ ok: true });
    const before = excel.book.serialise();
    await expect(
      host.saveTarget({ ...EDIT, values: { PlanEndYear: "2017-18", PlanTarget: 520 } }),
    ).rejects.toThrow(/PlanEndYear, PlanTarget .*holds "Board notes"/);
    expect(excel.book.serialise()).toBe(before);
  });
});
