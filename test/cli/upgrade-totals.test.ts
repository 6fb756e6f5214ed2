/**
 * The schema upgrade on a PerfActuals table with a totals row (Excel's Table Design → Total Row),
 * as openpyxl writes it (test/fixtures/upgrade/make_totals.py): the Quality column goes in
 * before the table's right edge with the totals row kept last and the autoFilter above it; rows
 * cannot be added below a totals row, so an import that would add one is refused, naming why,
 * and the book is unchanged.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "./helpers";
import { openpyxlAvailable, openpyxlTables } from "./openpyxlRead";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const TOTALS = join(__dirname, "../fixtures/upgrade/totals-v1.xlsx");
const withOpenpyxl = openpyxlAvailable ? test : test.skip;

test("an import that would add a row below the totals row is refused; nothing is written", async () => {
  const book = dir.file("add.xlsx");
  copyFileSync(TOTALS, book);
  const before = readFileSync(book);
  const wide = dir.file("add.csv");
  writeFileSync(wide, "IndicatorId,OrgUnit,2015-16 Q3\nEH-EHA,City,210 (p)\n");
  const r = await run(["import", wide, "--into", book]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/PerfActuals has a totals row, so rows cannot be added below it/);
  expect(readFileSync(book).equals(before)).toBe(true);
});

withOpenpyxl(
  "an update in place upgrades the table: Quality before the edge, totals row kept last",
  async () => {
    const book = dir.file("update.xlsx");
    copyFileSync(TOTALS, book);
    const wide = dir.file("update.csv");
    writeFileSync(wide, "IndicatorId,OrgUnit,2015-16 Q2\nHL-BF68,City,49.0%\n");
    const r = await run(["import", wide, "--into", book]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 rows added and 1 updated in PerfActuals/);
    expect(r.stdout).toMatch(/PerfActuals: add Quality at the end/);
    const t = openpyxlTables(book)["PerfActuals"];
    expect(t?.ref).toBe("A1:I90");
    expect(t?.autoFilter).toBe("A1:I89");
    expect(t?.columns.at(-1)).toBe("Quality");
    expect(t?.rows.at(-1)).toEqual([
      "Total",
      null,
      null,
      "=SUBTOTAL(109,PerfActuals[Value])",
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(t?.rows.at(-2)).toEqual(["HL-BF68", "City", "2015-16 Q2", 0.49, null, null, null, null, null]);
    const report = JSON.parse(
      (await run(["evaluate", book, "--period", "2015-16 Q2", "--json", "-"])).stdout,
    ) as {
      rows: { indicatorId: string; actual: number | null }[];
      errors: unknown[];
    };
    expect(report.errors).toEqual([]);
    expect(report.rows.find((x) => x.indicatorId === "HL-BF68")?.actual).toBe(0.49);
  },
);
