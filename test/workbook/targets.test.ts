/**
 * Agreed and Approved targets are protected: a change needs a reason and is written to PerfAudit
 * (who, when, old and new value, reason) in the same batch as the change itself.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import { syntheticBook, tableHeaders, tableRows, upgradeColumns } from "./fixtures";

const WHEN = new Date(Date.UTC(2026, 10, 25, 9, 30));

function setUp(options: { audit?: boolean } = { audit: true }): {
  excel: MemoryExcel;
  host: ExcelWorkbookHost;
} {
  const excel = createMemoryExcel({ book: syntheticBook(9, { userColumns: true, ...options }) });
  return { excel, host: createExcelHost(excel.run, { user: () => "Jane Smith", now: () => WHEN }) };
}

function target(excel: MemoryExcel, id: string, unit: string): Record<string, unknown> {
  const headers = tableHeaders(excel.book, "PerfTargets");
  const row = tableRows(excel.book, "PerfTargets").find((r) => r[0] === id && r[2] === unit);
  if (!row) throw new Error(`${id} ${unit}`);
  return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

// In the fixture, IND-00001 North Cluster is Draft and IND-00001 South Cluster is Agreed.
describe("saveTarget", () => {
  test("changing an Agreed target without a reason is refused and changes nothing", async () => {
    const { excel, host } = setUp();
    const before = excel.book.serialise();
    const out = await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "South Cluster",
      values: { Target: 500 },
    });
    expect(out).toMatchObject({ ok: false, needsReason: true });
    if (!out.ok) expect(out.message).toMatch(/Agreed/);
    expect(excel.book.serialise()).toBe(before);
  });

  test("with a reason, the change and one audit row per changed field are written in one batch", async () => {
    const { excel, host } = setUp();
    const old = target(excel, "IND-00001", "South Cluster");
    excel.resetStats();
    const out = await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "South Cluster",
      values: { Target: 500, Owner: "New manager", Profile: "Linear" },
      reason: "Board decision 12/11/2026",
    });
    expect(out).toEqual({ ok: true, created: false, audited: 2 });
    expect(target(excel, "IND-00001", "South Cluster")).toEqual({
      ...old,
      // The version-1 fixture's upgrade on this first write (workbook.md, "Additions (schema version 2)").
      ...Object.fromEntries(upgradeColumns("PerfTargets").map((c) => [c, ""])),
      Target: 500,
      Owner: "New manager",
    });
    expect(tableRows(excel.book, "PerfAudit")).toEqual([
      [
        WHEN.toISOString(),
        "Jane Smith",
        "IND-00001",
        "South Cluster",
        "Target",
        String(old["Target"]),
        "500",
        "Board decision 12/11/2026",
      ],
      [
        WHEN.toISOString(),
        "Jane Smith",
        "IND-00001",
        "South Cluster",
        "Owner",
        String(old["Owner"]),
        "New manager",
        "Board decision 12/11/2026",
      ],
    ]);
    // The writes went in one sync after the reads (discovery, layout, bodies) and the probe of
    // the number formats the new text goes into (Text cells take it as it is, others with ').
    expect(excel.syncCount).toBe(5);
    expect(await host.readAudit()).toEqual([
      {
        when: WHEN.toISOString(),
        who: "Jane Smith",
        indicatorId: "IND-00001",
        orgUnit: "South Cluster",
        field: "Target",
        oldValue: String(old["Target"]),
        newValue: "500",
        reason: "Board decision 12/11/2026",
      },
      expect.objectContaining({ field: "Owner", newValue: "New manager" }),
    ]);
  });

  test("a sync lost while saving leaves neither the change nor its audit rows", async () => {
    const { excel, host } = setUp();
    const before = excel.book.serialise();
    excel.failOnSync(4);
    await expect(
      host.saveTarget({
        indicatorId: "IND-00001",
        orgUnit: "South Cluster",
        values: { Target: 1 },
        reason: "r",
      }),
    ).rejects.toThrow();
    expect(excel.book.serialise()).toBe(before);
  });

  test("a Draft target changes without a reason and without audit; agreeing it is not audited", async () => {
    const { excel, host } = setUp();
    expect(
      await host.saveTarget({ indicatorId: "IND-00001", orgUnit: "North Cluster", values: { Target: 444 } }),
    ).toEqual({
      ok: true,
      created: false,
      audited: 0,
    });
    expect(
      await host.saveTarget({
        indicatorId: "IND-00001",
        orgUnit: "North Cluster",
        values: { Status: "Agreed" },
      }),
    ).toEqual({
      ok: true,
      created: false,
      audited: 0,
    });
    expect(target(excel, "IND-00001", "North Cluster")).toMatchObject({ Target: 444, Status: "Agreed" });
    expect(tableRows(excel.book, "PerfAudit")).toEqual([["", "", "", "", "", "", "", ""]]);
  });

  test("approving an Agreed target is itself audited", async () => {
    const { excel, host } = setUp();
    const refused = await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "South Cluster",
      values: { Status: "Approved" },
    });
    expect(refused).toMatchObject({ ok: false, needsReason: true });
    const out = await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "South Cluster",
      values: { Status: "Approved" },
      reason: "Approved by the board",
    });
    expect(out).toEqual({ ok: true, created: false, audited: 1 });
    expect(tableRows(excel.book, "PerfAudit")[0]?.slice(4)).toEqual([
      "Status",
      "Agreed",
      "Approved",
      "Approved by the board",
    ]);
  });

  test("a new indicator and unit adds a Draft row; the user's own column stays blank", async () => {
    const { excel, host } = setUp();
    const n = tableRows(excel.book, "PerfTargets").length;
    const out = await host.saveTarget({
      indicatorId: "NEW-1",
      orgUnit: "City",
      values: { Indicator: "A new measure", MeasureType: "Count", Polarity: "Higher", Target: 10 },
    });
    expect(out).toEqual({ ok: true, created: true, audited: 0 });
    const rows = tableRows(excel.book, "PerfTargets");
    expect(rows).toHaveLength(n + 1);
    expect(target(excel, "NEW-1", "City")).toMatchObject({
      Indicator: "A new measure",
      Target: 10,
      Status: "Draft",
      Notes: "",
    });
  });

  test("a workbook without PerfAudit gets one, on a new sheet, with the first audit rows", async () => {
    const { excel, host } = setUp({ audit: false });
    expect(excel.book.table("PerfAudit")).toBeUndefined();
    await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "South Cluster",
      values: { Target: 1 },
      reason: "Typo",
    });
    expect(tableHeaders(excel.book, "PerfAudit")).toEqual([
      "When",
      "Who",
      "IndicatorId",
      "OrgUnit",
      "Field",
      "OldValue",
      "NewValue",
      "Reason",
    ]);
    expect(tableRows(excel.book, "PerfAudit")).toHaveLength(1);
    expect(excel.book.table("PerfAudit")?.sheet.name).toBe("Audit");
  });

  test("a column that is not the contract's is refused, naming it", async () => {
    const { host } = setUp();
    const out = await host.saveTarget({
      indicatorId: "IND-00001",
      orgUnit: "North Cluster",
      values: { Colour: "blue" },
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/Colour/);
  });
});
