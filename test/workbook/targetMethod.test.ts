/**
 * A target saved with its method (a chosen suggestion) in a workbook whose PerfTargets has no
 * TargetMethod or TargetRationale column: the columns are added at the right end of the table,
 * after the user's own columns, and the row gets the method; the other rows are untouched.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { syntheticBook, tableHeaders, tableRows } from "./fixtures";

const WHEN = new Date(Date.UTC(2026, 10, 25, 9, 30));

test("a chosen suggestion's method and rationale get their columns at the end of PerfTargets", async () => {
  const excel = createMemoryExcel({ book: syntheticBook(9, { userColumns: true, audit: true }) });
  const host = createExcelHost(excel.run, { user: () => "Jane Smith", now: () => WHEN });
  const before = tableHeaders(excel.book, "PerfTargets");
  const rowsBefore = tableRows(excel.book, "PerfTargets");
  expect(before).not.toContain("TargetMethod");
  const out = await host.saveTarget({
    indicatorId: "IND-00001",
    orgUnit: "North Cluster",
    values: { Target: 420, TargetMethod: "Stretch(0.05)", TargetRationale: "Raises the baseline by 5%" },
  });
  expect(out).toMatchObject({ ok: true, created: false });
  const headers = tableHeaders(excel.book, "PerfTargets");
  // With PreviousId: the upgrade adds all of schema 2's PerfTargets columns on this first write
  // (workbook.md, "Additions (schema version 2)"), in one go.
  expect(headers).toEqual([...before, "TargetMethod", "TargetRationale", "PreviousId"]);
  const rows = tableRows(excel.book, "PerfTargets");
  const at = rowsBefore.findIndex((r) => r[0] === "IND-00001" && r[2] === "North Cluster");
  const row = rows[at] ?? [];
  expect(row[headers.indexOf("TargetMethod")]).toBe("Stretch(0.05)");
  expect(row[headers.indexOf("TargetRationale")]).toBe("Raises the baseline by 5%");
  expect(row[headers.indexOf("Target")]).toBe(420);
  // Every other row keeps its cells, with the new columns blank.
  rows.forEach((r, i) => {
    if (i === at) return;
    expect(r.slice(0, before.length)).toEqual(rowsBefore[i]);
    expect(r.slice(before.length).every((c) => c === null || c === "")).toBe(true);
  });
});
