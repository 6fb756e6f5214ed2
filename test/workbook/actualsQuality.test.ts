/**
 * The pane's import of a wide table with `(p)` marks, through the Office.js layer over the
 * in-memory Excel: the Quality column is added at PerfActuals' right end (after the user's own
 * column, which keeps its cells) and the mark is written beside its figure, in the same batch.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { syntheticBook, tableHeaders, tableRows } from "./fixtures";

test("a provisional figure adds the Quality column at the end and is written with its mark", async () => {
  const excel = createMemoryExcel({ book: syntheticBook(3, { userColumns: true }) });
  const host = createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25) });
  const before = tableHeaders(excel.book, "PerfActuals");
  expect(before).not.toContain("Quality");
  const [id, unit] = tableRows(excel.book, "PerfActuals")[0] ?? [];
  const result = await host.appendActuals([
    {
      indicatorId: String(id),
      orgUnit: String(unit),
      period: "2015-16 Q3",
      value: 7,
      numerator: null,
      denominator: null,
      quality: "Provisional",
    },
  ]);
  expect(result).toMatchObject({ added: 1, errors: [] });
  const headers = tableHeaders(excel.book, "PerfActuals");
  expect(headers).toEqual([...before, "Quality"]);
  const rows = tableRows(excel.book, "PerfActuals");
  const added = rows[rows.length - 1] ?? [];
  expect(added[headers.indexOf("Period")]).toBe("2015-16 Q3");
  expect(added[headers.indexOf("Quality")]).toBe("Provisional");
  // The user's own column keeps its cells on the rows that were there.
  expect(rows[0]?.[headers.indexOf("Checked by")]).toBe("AB");
});

test("figures without a mark add no column of their own: Quality comes blank with the upgrade, once", async () => {
  const excel = createMemoryExcel({ book: syntheticBook(2) });
  const host = createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25) });
  const before = tableHeaders(excel.book, "PerfActuals");
  const [id, unit] = tableRows(excel.book, "PerfActuals")[0] ?? [];
  await host.appendActuals([
    {
      indicatorId: String(id),
      orgUnit: String(unit),
      period: "2015-16 Q3",
      value: 7,
      numerator: null,
      denominator: null,
    },
  ]);
  // The version-1 fixture is upgraded on this first write (workbook.md, "Additions (schema
  // version 2)"): Quality at the end, blank (blank means Validated); a second write adds nothing.
  expect(tableHeaders(excel.book, "PerfActuals")).toEqual([...before, "Quality"]);
  expect(tableRows(excel.book, "PerfActuals").every((r) => r[r.length - 1] === "")).toBe(true);
  await host.appendActuals([
    {
      indicatorId: String(id),
      orgUnit: String(unit),
      period: "2015-16 Q4",
      value: 8,
      numerator: null,
      denominator: null,
    },
  ]);
  expect(tableHeaders(excel.book, "PerfActuals")).toEqual([...before, "Quality"]);
});
