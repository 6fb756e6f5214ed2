/**
 * `import --into` and a wide table's quality marks: the figure is written, and its mark goes
 * to PerfActuals' Quality column, added at the table's right end when the book has none.
 */
import { writeFileSync } from "node:fs";
import { run, tempDir } from "./helpers";

const dir = tempDir();
afterAll(() => dir.cleanup());

test("a provisional mark into a book without a Quality column is written to a Quality column added for it", async () => {
  const book = dir.file("book.xlsx");
  expect((await run(["sample", book])).code).toBe(0);
  const wide = dir.file("wide.csv");
  writeFileSync(
    wide,
    "IndicatorId,Indicator,OrgUnit,2015-16 Q3\r\nEH-EHA,Early Help Assessments,City,254 (p)\r\n",
  );
  const r = await run(["import", wide, "--into", book]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/1 row added and 0 updated in PerfActuals/);
  expect(r.stdout).toMatch(/1 quality mark written to PerfActuals' Quality column/);
  const out = JSON.parse((await run(["evaluate", book, "--period", "2015-16 Q3", "--json", "-"])).stdout) as {
    rows: { indicatorId: string; orgUnit: string; actual: number | null; quality: string | null }[];
  };
  const row = out.rows.find((x) => x.indicatorId === "EH-EHA" && x.orgUnit === "City");
  expect(row?.actual).not.toBeNull();
  expect(row?.quality).toBe("Provisional");
});
