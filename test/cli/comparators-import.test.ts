/**
 * `perfcycle import --comparators TABLE --indicator ID --into BOOK`: comparator tables as DfE
 * and OHID publish them (made by test/fixtures/upgrade/make.py with openpyxl and pandas:
 * authorities down, years across, footnote marks, suppressed cells c, x, :, ..) into BOOK's
 * PerfComparators table, created properly the first time (a table part, its content type and
 * the sheet's relationship), extended after; rows the user typed are never overwritten; the
 * report then compares each row with England and its neighbours.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openXlsx } from "../../src/cli/ooxml/book";
import { run, tempDir, unzip } from "./helpers";
import { openpyxlAvailable, openpyxlTables } from "./openpyxlRead";
import { excelRuleProblems } from "./packageRules";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const UPGRADE = join(__dirname, "../fixtures/upgrade");
const DFE = join(UPGRADE, "dfe-gld.xlsx");
const OHID = join(UPGRADE, "ohid-reach.csv");
const withOpenpyxl = openpyxlAvailable ? test : test.skip;

function book(name: string): string {
  const path = dir.file(name);
  copyFileSync(join(UPGRADE, "openpyxl-v1.xlsx"), path);
  return path;
}

describe("a DfE table into a book without PerfComparators", () => {
  const path = book("dfe.xlsx");
  let r: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    r = await run(["import", "--comparators", DFE, "--indicator", "ey-2yo", "--into", path]);
  });

  test("reads every figure, suppressed cells as none, and says how it read the table", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Read 21 comparator figures for ey-2yo from dfe-gld\.xlsx/);
    expect(r.stdout).toMatch(/2013 read as 2013-14/);
    expect(r.stdout).toMatch(/Plain numbers read as percentages/);
    expect(r.stdout).toMatch(
      /Footnote marks read off: D5 "2015 \[r\]" read as "2015"; B10 "48\.0\*" read as "48\.0"/,
    );
    expect(r.stdout).toMatch(/21 rows added to PerfComparators/);
    expect(r.stdout).toMatch(/PerfComparators created on a sheet of its own/);
    expect(r.stdout).toMatch(/upgraded to schema version 2/);
  });

  test("the new table is a proper table part: content type, the sheet's relationship, Excel's rules", async () => {
    const parts = unzip(readFileSync(path));
    const tablePart = [...parts.keys()].find(
      (p) => p.startsWith("xl/tables/") && parts.get(p)!.toString().includes('name="PerfComparators"'),
    )!;
    expect(tablePart).toBeDefined();
    expect(parts.get("[Content_Types].xml")!.toString()).toContain(
      `<Override PartName="/${tablePart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
    );
    const b = await openXlsx(path);
    const t = b.tableNamed("PerfComparators")!;
    expect(t.sheet.name).toBe("PerfComparators");
    const rels = t.sheet.part.replace(/([^/]+)$/, "_rels/$1.rels");
    expect(parts.get(rels)!.toString()).toMatch(
      new RegExp(`Type="[^"]+/relationships/table" Target="\\.\\./tables/${tablePart.split("/").pop()!}"`),
    );
    expect(t.ref).toBe("A1:H22");
    expect(t.columns.join(",")).toBe("IndicatorId,Period,Comparator,Kind,Value,Numerator,Denominator,Source");
    const rows = b.rawTable(t, { formats: true });
    expect(rows.rows[0]).toEqual([
      "EY-2YO",
      "2013-14",
      "England",
      "National",
      0.52,
      null,
      null,
      "dfe-gld.xlsx",
    ]);
    expect(rows.numberFormats?.[0]?.[4]).toBe("0.0%");
    const kirklees = rows.rows.find((x) => x[2] === "Kirklees" && x[1] === "2013-14");
    expect(kirklees?.[4]).toBeCloseTo(0.48, 12);
    // Calderdale 2013 is 'c' and 2015 'x'; Rotherham 2014 is ':': no figure, no row.
    expect(rows.rows.filter((x) => x[2] === "Calderdale").map((x) => x[1])).toEqual(["2014-15"]);
    expect(rows.rows.filter((x) => x[2] === "Rotherham").map((x) => x[1])).toEqual(["2013-14", "2015-16"]);
    expect(rows.rows.find((x) => x[2] === "Statistical neighbours")?.[3]).toBe("Average");
    expect(rows.rows.find((x) => x[2] === "Yorkshire and the Humber")?.[3]).toBe("Region");
    expect(
      excelRuleProblems(readFileSync(path)).filter(
        (p) => !excelRuleProblems(readFileSync(join(UPGRADE, "openpyxl-v1.xlsx"))).includes(p),
      ),
    ).toEqual([]);
  });

  withOpenpyxl("openpyxl reads the new table", () => {
    const t = openpyxlTables(path).PerfComparators!;
    expect(t.ref).toBe("A1:H22");
    expect(t.headers).toEqual(t.columns);
    expect(t.rows).toHaveLength(21);
    expect(t.rows[0]!.slice(0, 5)).toEqual(["EY-2YO", "2013-14", "England", "National", 0.52]);
  });

  test("the report compares the indicator with England and its neighbours", async () => {
    const out = JSON.parse(
      (await run(["evaluate", path, "--period", "2015-16 Q2", "--json", "-"])).stdout,
    ) as {
      rows: { indicatorId: string; comparators: { comparator: string; kind: string }[] }[];
    };
    const row = out.rows.find((x) => x.indicatorId === "EY-2YO")!;
    expect(row.comparators.map((c) => c.comparator)).toContain("England");
  });
});

describe("an OHID table into a book that has PerfComparators", () => {
  const path = book("ohid.xlsx");
  beforeAll(async () => {
    expect((await run(["import", "--comparators", DFE, "--indicator", "EY-2YO", "--into", path])).code).toBe(
      0,
    );
  });

  test("extends the table; a row the user typed is kept and the difference reported", async () => {
    expect(
      (await run(["import", "--comparators", OHID, "--indicator", "CC-REACH", "--into", path])).code,
    ).toBe(0);
    const before = await openXlsx(path);
    const t = before.tableNamed("PerfComparators")!;
    expect(t.ref).toBe("A1:H32");
    // A corrected table gives England 2013-14 as 61.5%: the row in the book is kept as it is.
    const edited = dir.file("ohid-edited.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      edited,
      "Area name,2013/14,2014/15,2015/16,2016/17\r\nEngland,61.5,63.0,64.1,65.0\r\nLeeds,55.0,57.3,x,58.8\r\n",
    );
    const r = await run(["import", "--comparators", edited, "--indicator", "CC-REACH", "--into", path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Kept PerfComparators!E23 as typed: England 2013-14 is "0\.612" in the workbook and 0\.615 in the table/,
    );
    expect(r.stdout).toMatch(/2 rows added to PerfComparators, 4 already there, 1 kept as typed/);
    const after = await openXlsx(path);
    const rows = after.rawTable(after.tableNamed("PerfComparators")!, { formats: false }).rows;
    expect(rows).toHaveLength(33);
    expect(rows[21]![4]).toBe(0.612);
    expect(rows.slice(-2).map((x) => [x[1], x[2], x[4]])).toEqual([
      ["2016-17", "England", 0.65],
      ["2016-17", "Leeds", 0.588],
    ]);
  });
});

describe("what is refused", () => {
  test("an indicator the book does not have: exit 2, the book unchanged", async () => {
    const path = book("noid.xlsx");
    const bytes = readFileSync(path);
    const r = await run(["import", "--comparators", OHID, "--indicator", "GLD", "--into", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no indicator "GLD" in PerfTargets \(its indicators: EH-EHA, CC-REACH/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test("a table with a figure that cannot be read: exit 1, the cell named, the book unchanged", async () => {
    const path = book("bad.xlsx");
    const bytes = readFileSync(path);
    const bad = dir.file("bad.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bad, "Area,2013/14\r\nEngland,about 60\r\n");
    const r = await run(["import", "--comparators", bad, "--indicator", "CC-REACH", "--into", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Error B2: England 2013-14: .*\(found "about 60"\)/);
    expect(r.stdout).toMatch(/was not changed: the table has 1 error/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test("--into and --indicator are needed", async () => {
    const r = await run(["import", "--comparators", OHID, "--into", book("x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--indicator is needed/);
  });
});

test("import --comparators --help prints the comparator import's usage (exit 0)", async () => {
  const r = await run(["import", "--comparators", "--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Usage: perfcycle import --comparators TABLE\.xlsx\|TABLE\.csv --indicator ID/);
});
