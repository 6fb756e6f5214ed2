/**
 * `import --into` and a wide table's quality marks: the figure is written; where the book's
 * PerfActuals has no Quality column the command says how many marks it could not keep, rather
 * than dropping them silently.
 */
import { writeFileSync } from "node:fs";
import { run, tempDir } from "./helpers";

const dir = tempDir();
afterAll(() => dir.cleanup());

test("a provisional mark into a book without a Quality column is named as not kept", async () => {
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
  expect(r.stdout).toMatch(
    /PerfActuals has no Quality column, so 1 provisional or estimated mark was not kept/,
  );
  const out = JSON.parse((await run(["evaluate", book, "--period", "2015-16 Q3", "--json", "-"])).stdout) as {
    rows: { indicatorId: string; orgUnit: string; actual: number | null }[];
  };
  expect(out.rows.find((x) => x.indicatorId === "EH-EHA" && x.orgUnit === "City")?.actual).not.toBeNull();
});
