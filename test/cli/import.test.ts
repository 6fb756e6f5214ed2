import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { sheetGrid, workbookBuffer, worksheetNamed } from "../../src/cli/xlsx";
import { changedSample, withOwnColumn, writeBook } from "./books";
import { filesIn, makeZip, rezip, run, tempDir, unzip } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const ROW_KEYS = ["indicatorId", "indicator", "orgUnit", "period", "value", "numerator", "denominator"];
const ISSUE_KEYS = ["sheet", "cell", "text", "message"];

interface ImportJson {
  rows: Record<string, unknown>[];
  errors: Record<string, unknown>[];
  warnings: Record<string, unknown>[];
}

interface ReportJson {
  rows: { indicatorId: string; orgUnit: string; rag: string; actual: number | null }[];
  errors: unknown[];
}

const WIDE_CSV = [
  "IndicatorId,Indicator,OrgUnit,2015-16 Q1,30/09/2015,Dec-15",
  'EH-EHA,Early Help Assessments completed,City,187,206,"1,250"',
  'FAM-RESPECT,"Families treated with respect, East",East Cluster,,40/50,awaiting data',
  "CS-ESC,Escalations,City,31/274,18/206,",
  "",
].join("\r\n");

async function evaluateJson(book: string, period?: string): Promise<ReportJson> {
  const r = await run(["evaluate", book, "--json", "-", ...(period ? ["--period", period] : [])]);
  expect(r.code).toBeLessThan(2);
  return JSON.parse(r.stdout) as ReportJson;
}

async function wideXlsx(path: string): Promise<void> {
  const wb = new Workbook();
  wb.addWorksheet("Notes").getRow(1).getCell(1).value = "Returns from the clusters";
  const ws = wb.addWorksheet("Wide");
  ws.getRow(1).values = [
    "Code",
    "Measure",
    "Cluster",
    "Q1 2015/16",
    new Date(Date.UTC(2015, 8, 30)),
    "31/12/213",
  ];
  ws.getRow(2).values = ["CC-REACH", "Reach", "North Cluster", "12.4%", 0.2, "n/a"];
  ws.getRow(3).values = ["=cmd|' /C calc'!A0", "Injected", "City", 5, 6, null];
  writeFileSync(path, await workbookBuffer(wb));
}

describe("perfcycle import", () => {
  test("reads a wide CSV into the spec's import JSON, sorted, with warnings naming the cell", async () => {
    const csv = dir.file("wide.csv");
    writeFileSync(csv, WIDE_CSV);
    const r = await run(["import", csv, "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ImportJson;
    expect(Object.keys(json)).toEqual(["rows", "errors", "warnings"]);
    for (const row of json.rows) expect(Object.keys(row)).toEqual(ROW_KEYS);
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(ISSUE_KEYS);
    expect(json.rows.map((x) => `${String(x.indicatorId)} ${String(x.period)}`)).toEqual([
      "CS-ESC 2015-16 Q1",
      "CS-ESC 2015-16 Q2",
      "EH-EHA 2015-16 Q1",
      "EH-EHA 2015-16 Q2",
      "EH-EHA 2015-16 Q3",
      "FAM-RESPECT 2015-16 Q2",
    ]);
    expect(json.rows.find((x) => x.period === "2015-16 Q3")?.value).toBe(1250);
    expect(json.rows.find((x) => x.indicatorId === "FAM-RESPECT")).toMatchObject({
      indicator: "Families treated with respect, East",
      numerator: 40,
      denominator: 50,
    });
    expect(json.warnings).toEqual([
      expect.objectContaining({ sheet: "wide.csv", cell: "F3", text: "awaiting data" }),
    ]);
    // The same input gives the same output.
    expect((await run(["import", csv, "--json", "-"])).stdout).toBe(r.stdout);
  });

  test("reads a sheet of an .xlsx chosen with --sheet; a header with an impossible year is an error naming its cell (exit 1)", async () => {
    const xlsx = dir.file("wide.xlsx");
    await wideXlsx(xlsx);
    const out = dir.file("wide-import.json");
    const r = await run(["import", xlsx, "--sheet", "wide", "--json", out]);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(out, "utf8")) as ImportJson;
    expect(json.errors).toEqual([expect.objectContaining({ sheet: "Wide", cell: "F1", text: "31/12/213" })]);
    expect(json.rows.map((x) => [x.indicatorId, x.orgUnit, x.period, x.value])).toEqual([
      ["=cmd|' /C calc'!A0", "City", "2015-16 Q1", 5],
      ["=cmd|' /C calc'!A0", "City", "2015-16 Q2", 6],
      ["CC-REACH", "North Cluster", "2015-16 Q1", 0.124],
      ["CC-REACH", "North Cluster", "2015-16 Q2", 0.2],
    ]);
    expect(r.stdout).toContain('Wide!F1 "31/12/213"');
  });

  test("a sheet that is not there cannot run: exit 2 naming the sheets", async () => {
    const xlsx = dir.file("wide.xlsx");
    const r = await run(["import", xlsx, "--sheet", "Q3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no sheet "Q3" \(its sheets: "Notes", "Wide"\)/);
  });

  test("--sheet on a CSV is a usage error", async () => {
    const r = await run(["import", dir.file("wide.csv"), "--sheet", "X"]);
    expect(r.code).toBe(2);
  });
});

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

describe("perfcycle import: quality marks, totals and parts in the JSON", () => {
  test("quality, role and partOf are written only on the rows they apply to", async () => {
    const csv = dir.file("marks.csv");
    writeFileSync(
      csv,
      [
        "Measure,30/06/2015,30/09/2015",
        "Open early help cases,615,640 (p)",
        "of which: stepped down,40,52 (e)",
        "Total contacts,889,891",
        "",
      ].join("\r\n"),
    );
    const r = await run(["import", csv, "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ImportJson;
    const keys = json.rows.map((x) => Object.keys(x).slice(ROW_KEYS.length));
    expect(
      json.rows.map((x) => [x.indicatorId, x.period, x.quality ?? null, x.role ?? null, x.partOf ?? null]),
    ).toEqual([
      ["OPEN-EARLY-HELP-CASES", "2015-16 Q1", null, null, null],
      ["OPEN-EARLY-HELP-CASES", "2015-16 Q2", "Provisional", null, null],
      ["OPEN-EARLY-HELP-CASES-STEPPED-DOWN", "2015-16 Q1", null, "part", "OPEN-EARLY-HELP-CASES"],
      ["OPEN-EARLY-HELP-CASES-STEPPED-DOWN", "2015-16 Q2", "Estimated", "part", "OPEN-EARLY-HELP-CASES"],
      ["TOTAL-CONTACTS", "2015-16 Q1", null, "total", null],
      ["TOTAL-CONTACTS", "2015-16 Q2", null, "total", null],
    ]);
    expect(keys).toEqual([
      [],
      ["quality"],
      ["role", "partOf"],
      ["quality", "role", "partOf"],
      ["role"],
      ["role"],
    ]);
    expect(json.rows[1]?.value).toBe(640);
  });
});

describe("perfcycle import: the Derby early-help table as published (test/fixtures/published)", () => {
  const FIXTURES = join(__dirname, "../fixtures/published");
  // Every figure printed under a readable quarter header (SOURCES.md says where each comes from).
  const EXPECTED: [string, string, number, number | null, number | null][] = [
    ["EARLY-HELP-ASSESSMENTS", "2013-14 Q1", 135, null, null],
    ["EARLY-HELP-ASSESSMENTS", "2013-14 Q2", 94, null, null],
    ["EARLY-HELP-ASSESSMENTS", "2013-14 Q4", 168, null, null],
    ["EARLY-HELP-ASSESSMENTS", "2014-15 Q1", 187, null, null],
    ["EARLY-HELP-ASSESSMENTS", "2014-15 Q2", 206, null, null],
    ["EARLY-HELP-ASSESSMENTS", "2014-15 Q4", 282, null, null],
    ["ESCALATED-TO-SOCIAL-CARE", "2013-14 Q1", 31 / 274, 31, 274],
    ["ESCALATED-TO-SOCIAL-CARE", "2013-14 Q2", 27 / 251, 27, 251],
    ["ESCALATED-TO-SOCIAL-CARE", "2013-14 Q4", 24 / 240, 24, 240],
    ["ESCALATED-TO-SOCIAL-CARE", "2014-15 Q1", 22 / 231, 22, 231],
    ["ESCALATED-TO-SOCIAL-CARE", "2014-15 Q2", 20 / 219, 20, 219],
    ["ESCALATED-TO-SOCIAL-CARE", "2014-15 Q4", 18 / 206, 18, 206],
    ["RE-REFERRALS-WITHIN-3-MONTHS-OF-CLOSURE", "2014-15 Q1", 92 / 701, 92, 701],
    ["RE-REFERRALS-WITHIN-3-MONTHS-OF-CLOSURE", "2014-15 Q2", 85 / 688, 85, 688],
    ["RE-REFERRALS-WITHIN-3-MONTHS-OF-CLOSURE", "2014-15 Q4", 81 / 724, 81, 724],
  ];

  test.each(["derby-early-help.csv", "derby-early-help.openpyxl.xlsx", "derby-early-help.libreoffice.xlsx"])(
    "%s: every figure under a readable header is imported; the two mistyped headers are errors naming their cells (exit 1)",
    async (file) => {
      const r = await run(["import", join(FIXTURES, file), "--json", "-"]);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout) as ImportJson;
      expect(
        json.rows.map((x) => [x.indicatorId, x.period, x.value, x.numerator, x.denominator] as unknown),
      ).toEqual(EXPECTED);
      for (const row of json.rows) {
        expect(Object.keys(row)).toEqual(ROW_KEYS);
        expect(row.orgUnit).toBe("");
      }
      expect(new Set(json.rows.map((x) => x.indicator))).toEqual(
        new Set([
          "Early Help Assessments",
          "Escalated to Social Care",
          "Re-referrals within 3 months of closure",
        ]),
      );
      // The two mistyped headers, and nothing else, are errors: the sheet, the cell and the text.
      expect(json.errors.map((e) => [e.cell, e.text])).toEqual([
        ["D5", expect.stringMatching(/^31\/12\/0?213$/) as unknown],
        ["H5", "30/12/2014"],
      ]);
      const sheet = file.endsWith(".csv")
        ? file
        : file.includes("openpyxl")
          ? "Early Help"
          : "derby-early-help";
      for (const e of json.errors) {
        expect(e.sheet).toBe(sheet);
        expect(e.message).toMatch(/the 5 figures under it are not imported/);
      }
      expect(String(json.errors[0]?.message)).toMatch(/probably 31\/12\/2013 \(2013-14 Q3\)/);
      expect(String(json.errors[1]?.message)).toMatch(/not a quarter end/);
      // Ids from the labels, each a warning naming the label's cell; the pairing and the marks said.
      const warned = (cell: string, re: RegExp): boolean =>
        json.warnings.some((w) => w.cell === cell && re.test(String(w.message)));
      expect(warned("A6", /EARLY-HELP-ASSESSMENTS is made from the label/)).toBe(true);
      expect(warned("A8", /percentage of 'Escalated to Social Care'/)).toBe(true);
      expect(warned("B7", /'\(r\)'/)).toBe(true);
      expect(warned("J5", /whole year/)).toBe(true);
      for (const cell of ["C8", "E8", "G8"]) expect(warned(cell, /is published for/)).toBe(true);
    },
  );

  test("with the two headers corrected, every figure the table prints imports (exit 0): the DOMAIN's EHA series", async () => {
    const fixed = dir.file("derby-fixed.csv");
    const csv = readFileSync(join(FIXTURES, "derby-early-help.csv"), "utf8");
    writeFileSync(fixed, csv.replace("31/12/213", "31/12/2013").replace("30/12/2014", "31/12/2014"));
    const r = await run(["import", fixed, "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ImportJson;
    expect(json.errors).toEqual([]);
    const series = (id: string): unknown[] =>
      json.rows.filter((x) => x.indicatorId === id).map((x) => x.numerator ?? x.value);
    expect(series("EARLY-HELP-ASSESSMENTS")).toEqual([135, 94, 159, 168, 187, 206, 254, 282]);
    expect(series("ESCALATED-TO-SOCIAL-CARE")).toEqual([31, 27, 29, 24, 22, 20, 19, 18]);
    expect(series("RE-REFERRALS-WITHIN-3-MONTHS-OF-CLOSURE")).toEqual([92, 85, 96, 81]);
  });
});
