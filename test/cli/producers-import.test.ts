/**
 * `import --into` on every producer's workbook: the PerfActuals sheet part and its table part
 * change (rows and the table's ref), and with them only what the schema upgrade made in the same
 * write touches (the PerfTargets and PerfSettings sheets and tables, the shared strings for new
 * headers); every other part is byte for byte the input's, Excel's rules hold, and every book
 * then gives the same report as the reference after the same import.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { openXlsx } from "../../src/cli/ooxml/book";
import { ALL_PERFCYCLE_BOOKS, fixture, flat, jsonDifferences } from "./corpus";
import { run, tempDir } from "./helpers";
import { excelRuleProblems, packageDiff } from "./packageRules";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const WIDE = fixture("wide.csv");

async function importInto(
  name: string,
): Promise<{ path: string; before: Buffer; stdout: string; code: number }> {
  const path = dir.file(`into-${flat(name)}`);
  copyFileSync(fixture(name), path);
  const before = readFileSync(path);
  const r = await run(["import", WIDE, "--into", path]);
  expect(r.stderr).toBe("");
  return { path, before, stdout: r.stdout, code: r.code };
}

async function reportAfter(path: string): Promise<unknown> {
  const r = await run(["evaluate", path, "--period", "2015-16 Q3", "--json", "-"]);
  return JSON.parse(r.stdout) as unknown;
}

let reference: unknown;
beforeAll(async () => {
  const ref = await importInto("exceljs.xlsx");
  expect(ref.code).toBe(0);
  reference = await reportAfter(ref.path);
});

describe.each(ALL_PERFCYCLE_BOOKS)("import --into %s", (name) => {
  let book: { path: string; before: Buffer; stdout: string; code: number };
  beforeAll(async () => {
    book = await importInto(name);
  });

  test("adds and updates the rows: exit 0", () => {
    expect(book.code).toBe(0);
    expect(book.stdout).toMatch(/: 4 rows added and 2 updated in PerfActuals/);
  });

  test("only PerfActuals and what the upgrade adds to change; every other part is byte for byte the input's", async () => {
    const input = await openXlsx(fixture(name));
    const table = input.tableNamed("PerfActuals")!;
    const upgraded = ["PerfTargets", "PerfSettings"]
      .map((n) => input.tableNamed(n))
      .flatMap((t) => (t ? [t.sheet.part, t.part] : []));
    const allowed = new Set([table.sheet.part, table.part, ...upgraded]);
    const d = packageDiff(book.before, readFileSync(book.path));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual(expect.arrayContaining([table.sheet.part, table.part]));
    for (const p of d.changed) if (!allowed.has(p)) expect(p).toMatch(/sharedStrings\.xml$/i);
  });

  test("the table's ref and autoFilter cover its rows; Excel's rules hold", async () => {
    const after = await openXlsx(book.path);
    const t = after.tableNamed("PerfActuals")!;
    const input = await openXlsx(fixture(name));
    const was = input.tableNamed("PerfActuals")!;
    expect(t.range.bottom).toBe(was.range.bottom + 4);
    if (was.autoFilterRef !== undefined) expect(t.autoFilterRef).toBe(t.ref);
    // The upgrade's Quality column at the right end, after every column the table had.
    expect(t.columns.slice(0, was.columns.length)).toEqual(was.columns);
    if (!was.columns.some((c) => c.toLowerCase() === "quality")) expect(t.columns.at(-1)).toBe("Quality");
    expect(after.rawTable(t).rows).toHaveLength(input.rawTable(was).rows.length + 4);
    const had = new Set(excelRuleProblems(book.before));
    expect(excelRuleProblems(readFileSync(book.path)).filter((p) => !had.has(p))).toEqual([]);
  });

  test("gives the same report as the reference after the same import", async () => {
    expect(jsonDifferences(reference, await reportAfter(book.path))).toEqual([]);
  });

  test("importing the same figures again changes nothing and does not rewrite the file", async () => {
    const bytes = readFileSync(book.path);
    const r = await run(["import", WIDE, "--into", book.path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 rows added and 0 updated/);
    expect(readFileSync(book.path).equals(bytes)).toBe(true);
  });
});

test("a formula in a cell the import would change is refused, and the book is left as it was", async () => {
  const path = dir.file("formula.xlsx");
  copyFileSync(fixture("openpyxl.xlsx"), path);
  const { rezip } = await import("./helpers");
  const { writeFileSync } = await import("node:fs");
  const book = await openXlsx(path);
  const part = book.tableNamed("PerfActuals")!.sheet.part;
  // EH-EHA City 2015-16 Q2 is on row 7 of the Actuals sheet in the sample; make its Value a formula.
  const grid = book.grid(book.sheetNamed("Actuals")!).grid;
  const row = grid.findIndex((r) => r[0] === "EH-EHA" && r[1] === "City" && r[2] === "2015-16 Q2") + 1;
  writeFileSync(
    path,
    rezip(readFileSync(path), (n, d) =>
      n === part
        ? Buffer.from(
            d
              .toString()
              .replace(
                new RegExp(`<c r="D${row}"([^>]*)>.*?</c>`),
                `<c r="D${row}"$1><f>100+1</f><v>101</v></c>`,
              ),
          )
        : d,
    ),
  );
  const bytes = readFileSync(path);
  const r = await run(["import", WIDE, "--into", path]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`Actuals!D${row} holds a formula`));
  expect(readFileSync(path).equals(bytes)).toBe(true);
});

test("merged cells in the rows the table would grow into are refused, and the book is left as it was", async () => {
  const path = dir.file("merged.xlsx");
  const { rezip } = await import("./helpers");
  const { writeFileSync } = await import("node:fs");
  const book = await openXlsx(fixture("xlsxwriter.xlsx"));
  const t = book.tableNamed("PerfActuals")!;
  const below = t.range.bottom + 2;
  writeFileSync(
    path,
    rezip(readFileSync(fixture("xlsxwriter.xlsx")), (n, d) =>
      n === t.sheet.part
        ? Buffer.from(
            d
              .toString()
              .replace(
                "</sheetData>",
                `</sheetData><mergeCells count="1"><mergeCell ref="F${below}:H${below}"/></mergeCells>`,
              ),
          )
        : d,
    ),
  );
  const bytes = readFileSync(path);
  const r = await run(["import", WIDE, "--into", path]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`the merged cells Actuals!F${below}:H${below} are below it`));
  expect(readFileSync(path).equals(bytes)).toBe(true);
});
