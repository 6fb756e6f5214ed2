/**
 * writeComparators over the in-memory Excel: a workbook without PerfComparators gets the table
 * on a new sheet; a second import updates the same indicator, period and comparator in place.
 */
import { createMemoryExcel } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { readRegister } from "../../src/contract";
import { syntheticBook, tableHeaders, tableRows } from "./fixtures";

const england = (value: number) =>
  ({
    indicatorId: "IND-00001",
    period: "2015-16",
    comparator: "England",
    kind: "National",
    value,
    source: "DfE",
  }) as const;

test("creates PerfComparators when absent, then updates a figure in place", async () => {
  const excel = createMemoryExcel({ book: syntheticBook(9, { userColumns: true, audit: true }) });
  const host = createExcelHost(excel.run, { user: () => "Jane Smith", now: () => new Date() });
  expect(await host.writeComparators?.([england(0.6)])).toEqual({ added: 1, updated: 0 });
  expect(tableHeaders(excel.book, "PerfComparators")).toEqual([
    "IndicatorId",
    "Period",
    "Comparator",
    "Kind",
    "Value",
    "Numerator",
    "Denominator",
    "Source",
  ]);
  expect(await host.writeComparators?.([england(0.62)])).toEqual({ added: 0, updated: 1 });
  expect(tableRows(excel.book, "PerfComparators")).toEqual([
    ["IND-00001", "2015-16", "England", "National", 0.62, "", "", "DfE"],
  ]);
  // The host reads it back with the contract's tables, so the pane's register compares.
  const register = readRegister(await host.read()).register;
  expect(register?.comparators?.map((c) => [c.comparator, c.value])).toEqual([["England", 0.62]]);
});
