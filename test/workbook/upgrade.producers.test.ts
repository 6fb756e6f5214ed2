/**
 * The schema upgrade on workbooks written by other programs (issue 12 §5: "Tested both ways on
 * workbooks written by other programs"): the PerfCycle sample as openpyxl and LibreOffice write
 * it (version 1; test/fixtures/producers, made by scripts/fixtures/make.sh), opened in the
 * in-memory Excel and written to through the workbook layer. Every cell that was there is as it
 * was, but SchemaVersion; the columns are at the tables' right ends; the settings below.
 */
import { createMemoryExcel, type MemoryWorkbook } from "../../src/memory-excel";
import { createExcelHost } from "../../src/workbook";
import { sheetValues, tableHeaders, tableRows, upgradeColumns } from "./fixtures";
import { producerBook } from "./producerBook";

const NOW = new Date(2026, 10, 25, 14, 5);
const PERIOD = "2015-16 Q2";

/** Every sheet's values, from A1 to its last used cell. */
function grids(book: MemoryWorkbook): Map<string, unknown[][]> {
  return new Map(book.sheetInfos().map((s) => [s.name, sheetValues(book, s.name)]));
}

/** The part of `after` that `before` covered. */
function crop(after: readonly (readonly unknown[])[], before: readonly (readonly unknown[])[]): unknown[][] {
  return before.map((r, i) => r.map((_, j) => after[i]?.[j] ?? ""));
}

describe.each(["openpyxl.xlsx", "libreoffice.xlsx", "openpyxl-decorated.xlsx", "libreoffice-decorated.xlsx"])(
  "%s",
  (file) => {
    test("its first refresh upgrades it in place, leaving every cell that was there as it was", async () => {
      const book = await producerBook(file);
      const before = grids(book);
      const targetHeaders = tableHeaders(book, "PerfTargets");
      const settingsRows = tableRows(book, "PerfSettings");
      const excel = createMemoryExcel({ book });
      const host = createExcelHost(excel.run, { user: () => "Jane", now: () => NOW });
      const result = await host.refresh(PERIOD, { rerate: false });
      expect(result.snapshot).toBe("created");
      const after = grids(excel.book);
      const settings = excel.book.table("PerfSettings");
      for (const [name, grid] of before) {
        const expected = grid.map((r) => [...r]);
        if (name === settings?.sheet.name) {
          const at = grid.findIndex((r) => r.includes("SchemaVersion"));
          const row = expected[at];
          if (row) row[row.indexOf("SchemaVersion") + 1] = 2;
        }
        expect([name, crop(after.get(name) ?? [], grid)]).toEqual([name, expected]);
      }
      expect(tableHeaders(excel.book, "PerfTargets")).toEqual([
        ...targetHeaders,
        ...upgradeColumns("PerfTargets"),
      ]);
      expect(tableHeaders(excel.book, "PerfActuals").slice(-1)).toEqual(upgradeColumns("PerfActuals"));
      expect(tableRows(excel.book, "PerfTargets").every((r) => r.slice(-3).every((c) => c === ""))).toBe(
        true,
      );
      expect(tableRows(excel.book, "PerfSettings").slice(settingsRows.length)).toEqual([
        ["ConfidenceLevel", 95],
        ["SmallBase", 30],
        ["DotSignificance", "No"],
      ]);
    });

    test("a target saved with its method then writes the method into the column the upgrade added", async () => {
      const book = await producerBook(file);
      const excel = createMemoryExcel({ book });
      const host = createExcelHost(excel.run, { user: () => "Jane", now: () => NOW });
      const [first] = tableRows(excel.book, "PerfTargets");
      const headers = tableHeaders(excel.book, "PerfTargets");
      const id = String(first?.[headers.indexOf("IndicatorId")]);
      const unit = String(first?.[headers.indexOf("OrgUnit")]);
      const out = await host.saveTarget({
        indicatorId: id,
        orgUnit: unit,
        values: { TargetMethod: "Stretch(0.05)", TargetRationale: "Raises the baseline by 5%" },
        reason: "Board decision 12/11/2026",
      });
      expect(out).toMatchObject({ ok: true });
      const now = tableHeaders(excel.book, "PerfTargets");
      expect(now).toEqual([...headers, ...upgradeColumns("PerfTargets")]);
      const row = tableRows(excel.book, "PerfTargets")[0] ?? [];
      expect(row[now.indexOf("TargetMethod")]).toBe("Stretch(0.05)");
      expect(row.slice(0, headers.length)).toEqual(first);
      // The second write finds nothing to upgrade.
      const settings = tableRows(excel.book, "PerfSettings");
      await host.refresh(PERIOD, { rerate: false });
      expect(tableHeaders(excel.book, "PerfTargets")).toEqual(now);
      expect(tableRows(excel.book, "PerfSettings")).toEqual(settings);
    });
  },
);
