/**
 * `perfcycle import --into`: the rows go into the book's PerfActuals, part by part, keeping the
 * user's columns, commentary and every other sheet (moved out of import.test.ts, which reads
 * wide tables, to keep each file to one behaviour).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { sheetGrid, workbookBuffer, worksheetNamed } from "../../src/cli/xlsx";
import { changedSample, withOwnColumn, writeBook } from "./books";
import { filesIn, makeZip, rezip, run, tempDir, unzip } from "./helpers";
import { WIDE_CSV, wideXlsx } from "./wideFixtures";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());
beforeAll(async () => {
  writeFileSync(dir.file("wide.csv"), WIDE_CSV);
  await wideXlsx(dir.file("wide.xlsx"));
});

interface ReportJson {
  rows: { indicatorId: string; orgUnit: string; rag: string; actual: number | null }[];
  errors: unknown[];
}

async function evaluateJson(book: string, period?: string): Promise<ReportJson> {
  const r = await run(["evaluate", book, "--json", "-", ...(period ? ["--period", period] : [])]);
  expect(r.code).toBeLessThan(2);
  return JSON.parse(r.stdout) as ReportJson;
}

describe("perfcycle import --into", () => {
  test("round trip: sample, evaluate, import --into, evaluate: the new figures are rated", async () => {
    const book = dir.file("round.xlsx");
    expect((await run(["sample", book])).code).toBe(0);
    const before = await evaluateJson(book);
    const respect = (j: ReportJson): ReportJson["rows"][number] | undefined =>
      j.rows.find((x) => x.indicatorId === "FAM-RESPECT" && x.orgUnit === "City");
    expect(respect(before)?.rag).toBe("No data");

    const csv = dir.file("wide.csv");
    const r = await run(["import", csv, "--into", book]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/round\.xlsx: \d+ rows? added and \d+ updated in PerfActuals/);

    const after = await evaluateJson(book);
    expect(respect(after)?.rag).not.toBe("No data");
    expect(respect(after)?.actual).not.toBeNull();
    const q3 = await evaluateJson(book, "2015-16 Q3");
    const eha = q3.rows.find((x) => x.indicatorId === "EH-EHA");
    // Year to date after Q3: 187 + 206 + 1,250 from the import.
    expect(eha?.actual).toBe(187 + 206 + 1250);

    // Importing the same file again changes nothing and does not rewrite the book.
    const bytes = readFileSync(book);
    const again = await run(["import", csv, "--into", book]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 rows added and 0 updated/);
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });

  test("keeps the user's own column, commentary and every other sheet; new rows take their indicator's formats", async () => {
    const book = dir.file("own.xlsx");
    await writeBook(
      book,
      changedSample({ PerfActuals: (t) => withOwnColumn(t, "Checked by", (i) => `officer ${i + 1}`) }),
    );
    const wbBefore = new Workbook();
    await wbBefore.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    expect((await run(["import", dir.file("wide.csv"), "--into", book])).code).toBe(0);
    const wbAfter = new Workbook();
    await wbAfter.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);

    for (const ws of wbBefore.worksheets) {
      const a = sheetGrid(ws);
      const b = sheetGrid(worksheetNamed(wbAfter, ws.name)!);
      if (ws.name === "Targets" || ws.name === "Settings") {
        // The schema upgrade made in the same write: columns at the right end, settings rows
        // below, SchemaVersion 2; every cell the user had is where it was.
        const width = a.grid[0]!.length;
        const kept = b.grid.slice(0, a.grid.length).map((r) => r.slice(0, width));
        const version = a.grid.findIndex((r) => r[0] === "SchemaVersion");
        if (version >= 0) {
          expect(kept[version]![1]).toBe(2);
          kept[version]![1] = a.grid[version]![1] ?? null;
        }
        expect(kept).toEqual(a.grid);
        continue;
      }
      if (ws.name !== "Actuals") {
        expect(b.grid).toEqual(a.grid);
        continue;
      }
      const header = a.grid[0]!;
      const col = (h: string): number => header.indexOf(h);
      // Old rows: only Value/Numerator/Denominator may change; Commentary, Action, Period and the user's column never.
      for (let i = 1; i < a.grid.length; i++) {
        for (const h of ["IndicatorId", "OrgUnit", "Period", "Commentary", "Action", "Checked by"]) {
          expect(b.grid[i]![col(h)]).toEqual(a.grid[i]![col(h)]);
        }
      }
      expect(b.grid.length).toBeGreaterThan(a.grid.length);
      const added = b.grid.slice(a.grid.length);
      const q3 = added.find((r) => r[col("IndicatorId")] === "EH-EHA" && r[col("Period")] === "2015-16 Q3");
      expect(q3?.[col("Value")]).toBe(1250);
      const at = a.grid.length + added.indexOf(q3!);
      const lastEha = a.grid
        .map((r, i) => (r[col("IndicatorId")] === "EH-EHA" ? i : -1))
        .filter((i) => i >= 0)
        .pop()!;
      expect(b.formats[at]![col("Value")]).toBe(a.formats[lastEha]![col("Value")]);
    }
    // The table grew to cover the new rows, and the upgrade's Quality column after "Checked by".
    const parts = unzip(readFileSync(book));
    const tableXml =
      [...parts.entries()]
        .find(([n, d]) => n.startsWith("xl/tables/") && d.toString().includes('name="PerfActuals"'))?.[1]
        .toString() ?? "";
    const rows = sheetGrid(worksheetNamed(wbAfter, "Actuals")!).grid.length;
    expect(tableXml).toMatch(new RegExp(`ref="A1:J${rows}"`));
  });

  test("user text that looks like a formula goes into the book as text, not a formula", async () => {
    const book = dir.file("inject.xlsx");
    expect((await run(["sample", book])).code).toBe(0);
    const wide = dir.file("inject.csv");
    writeFileSync(
      wide,
      'IndicatorId,OrgUnit,2015-16 Q1\n"=HYPERLINK(""http://x"",""y"")",City,5\n@SUM(1),City,6\n',
    );
    expect((await run(["import", wide, "--into", book])).code).toBe(0);
    const parts = unzip(readFileSync(book));
    const sheets = [...parts.entries()].filter(([n]) => n.startsWith("xl/worksheets/"));
    for (const [, xml] of sheets) expect(xml.toString()).not.toMatch(/<f[ >]/);
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const ids = sheetGrid(worksheetNamed(wb, "Actuals")!).grid.map((r) => r[0]);
    expect(ids).toContain('=HYPERLINK("http://x","y")');
    expect(ids).toContain("@SUM(1)");
  });

  test("a book is not changed when the import has errors (exit 1)", async () => {
    const book = dir.file("untouched.xlsx");
    expect((await run(["sample", book])).code).toBe(0);
    const bytes = readFileSync(book);
    const r = await run(["import", dir.file("wide.xlsx"), "--sheet", "Wide", "--into", book]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/untouched\.xlsx was not changed: the import has 1 error/);
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });

  test("keeps an Excel-written table's header row (no headerRowCount attribute) as a header row", async () => {
    const book = dir.file("excel-style.xlsx");
    expect((await run(["sample", book])).code).toBe(0);
    // Excel omits headerRowCount="1"; ExcelJS writes it. Make the file look as Excel writes it.
    writeFileSync(
      book,
      rezip(readFileSync(book), (name, data) =>
        name.startsWith("xl/tables/")
          ? Buffer.from(data.toString().replace(/\s+headerRowCount="1"/, ""))
          : data,
      ),
    );
    expect(unzip(readFileSync(book)).get("xl/tables/table3.xml")?.toString()).not.toContain("headerRowCount");
    expect((await run(["import", dir.file("wide.csv"), "--into", book])).code).toBe(0);
    for (const [name, data] of unzip(readFileSync(book))) {
      if (name.startsWith("xl/tables/")) expect(data.toString()).not.toContain('headerRowCount="0"');
    }
    const after = await evaluateJson(book);
    expect(after.errors).toEqual([]);
  });

  test("takes the rows into a book with a chart and keeps the chart's part as it was", async () => {
    const book = dir.file("charts.xlsx");
    expect((await run(["sample", book])).code).toBe(0);
    const parts = unzip(readFileSync(book));
    parts.set("xl/charts/chart1.xml", Buffer.from("<c:chartSpace/>"));
    writeFileSync(book, makeZip([...parts.entries()].map(([name, data]) => ({ name, data }))));
    const r = await run(["import", dir.file("wide.csv"), "--into", book]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rows? added/);
    expect(unzip(readFileSync(book)).get("xl/charts/chart1.xml")?.toString()).toBe("<c:chartSpace/>");
  });

  test("refuses to grow the table over cells the user has below it", async () => {
    const book = dir.file("below.xlsx");
    await writeBook(book, undefined, (wb) => {
      const ws = wb.getWorksheet("Actuals")!;
      const last = ws.rowCount;
      ws.getRow(last + 1).getCell(1).value = "Total checked by the team";
    });
    const bytes = readFileSync(book);
    const r = await run(["import", dir.file("wide.csv"), "--into", book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /PerfActuals cannot grow by \d+ rows: Actuals!A\d+ below it holds "Total checked by the team"/,
    );
    expect(readFileSync(book).equals(bytes)).toBe(true);
    expect(filesIn(dir.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("--into a book without PerfActuals cannot run", async () => {
    const plain = dir.file("plain.xlsx");
    const wb = new Workbook();
    wb.addWorksheet("Data").getRow(1).getCell(1).value = "x";
    writeFileSync(plain, await workbookBuffer(wb));
    const copy = dir.file("plain-copy.xlsx");
    copyFileSync(plain, copy);
    const r = await run(["import", dir.file("wide.csv"), "--into", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no PerfActuals table/);
    expect(readFileSync(copy).equals(readFileSync(plain))).toBe(true);
  });
});
