/**
 * setQuality over the in-memory Excel: the Quality column is added at the end of PerfActuals,
 * only the marked row's cell is written, and an actual that does not exist is reported.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { syntheticBook, tableHeaders, tableRows } from "./fixtures";

test("adds Quality at the end of PerfActuals and marks one figure", async () => {
  const excel = createMemoryExcel({ book: syntheticBook(9, { userColumns: true, audit: true }) });
  const host = createExcelHost(excel.run, { user: () => "Jane Smith", now: () => new Date() });
  const headers = tableHeaders(excel.book, "PerfActuals");
  const before = tableRows(excel.book, "PerfActuals");
  const first = before[0] ?? [];
  const p = headers.indexOf("Period");
  const out = await host.setQuality?.([
    {
      indicatorId: String(first[0]),
      orgUnit: String(first[1]),
      period: String(first[p]),
      quality: "Estimated",
    },
    { indicatorId: "NOPE", orgUnit: "City", period: "2015-16 Q1", quality: "Late" },
  ]);
  expect(out?.changed).toBe(1);
  expect(out?.errors[0]?.message).toMatch(/^NOPE \(City\) has no figure for '2015-16 Q1'/);
  expect(tableHeaders(excel.book, "PerfActuals")).toEqual([...headers, "Quality"]);
  const after = tableRows(excel.book, "PerfActuals");
  expect(after[0]?.[headers.length]).toBe("Estimated");
  after.slice(1).forEach((r, i) => {
    expect(r.slice(0, headers.length)).toEqual(before[i + 1]);
    expect(r[headers.length] === null || r[headers.length] === "").toBe(true);
  });
});
