/**
 * Reading the corpus: the same PerfCycle workbook written by ExcelJS, openpyxl, XlsxWriter,
 * pandas, R openxlsx and LibreOffice gives the same report; the books of plain sheets (Gnumeric,
 * SheetJS write no tables) give the same cells; real Excel files from public corpora read, with
 * their tables, merges, chart sheets and macros.
 */
import { readFileSync } from "node:fs";
import { openXlsx } from "../../src/cli/ooxml/book";
import { loadXlsx, rawWorkbook } from "../../src/cli/xlsx";
import { ALL_PERFCYCLE_BOOKS, fixture, jsonDifferences, PLAIN_BOOKS, real, REAL_BOOKS } from "./corpus";
import { run } from "./helpers";

jest.setTimeout(60_000);

const PERIOD = "2015-16 Q2";

async function reportOf(path: string): Promise<{ code: number; json: unknown; stderr: string }> {
  const r = await run(["evaluate", path, "--period", PERIOD, "--json", "-"]);
  return { code: r.code, json: r.stdout ? (JSON.parse(r.stdout) as unknown) : undefined, stderr: r.stderr };
}

async function checkOf(path: string): Promise<{ code: number; json: unknown; stderr: string }> {
  const r = await run(["check", path, "--json", "-"]);
  if (!r.stdout) return { code: r.code, json: undefined, stderr: r.stderr };
  // The sheets checked differ with each producer's decorations (a hidden sheet, a chart sheet):
  // what must be the same is the findings, the errors, the published-figure check and the register.
  const { sheets: _sheets, ...json } = JSON.parse(r.stdout) as Record<string, unknown>;
  return { code: r.code, json, stderr: r.stderr };
}

let reference: { code: number; json: unknown };
let referenceCheck: { code: number; json: unknown };
beforeAll(async () => {
  reference = await reportOf(fixture("exceljs.xlsx"));
  expect(reference.code).toBe(0);
  referenceCheck = await checkOf(fixture("exceljs.xlsx"));
});

describe.each(ALL_PERFCYCLE_BOOKS)("%s (the PerfCycle sample as its producer writes it)", (name) => {
  test("gives the same report as the reference", async () => {
    const r = await reportOf(fixture(name));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(reference.code);
    expect(jsonDifferences(reference.json, r.json)).toEqual([]);
  });

  test("check gives the same findings, errors and published-figure check as the reference", async () => {
    const r = await checkOf(fixture(name));
    expect(r.code).toBe(referenceCheck.code);
    expect(jsonDifferences(referenceCheck.json, r.json)).toEqual([]);
  });
});

test.each(["exceljs.xlsx", "xlsxwriter.xlsx", "openxlsx.xlsx", "libreoffice.xlsx"])(
  "%s: the tables read exactly as ExcelJS read them (the contract's RawWorkbook is unchanged)",
  async (name) => {
    const ours = (await openXlsx(fixture(name))).rawWorkbook();
    const exceljs = rawWorkbook((await loadXlsx(fixture(name))).workbook);
    expect(ours).toEqual(exceljs);
  },
);

describe.each(PLAIN_BOOKS)("%s (no table parts: plain sheets)", (name) => {
  test("every sheet's cells are the reference's", async () => {
    const ref = await openXlsx(fixture("exceljs.xlsx"));
    const book = await openXlsx(fixture(name));
    for (const sheet of ["Targets", "Actuals", "Published"]) {
      // An empty string is a blank cell (openpyxl, which both were converted from, writes none).
      const cells = (g: readonly (readonly unknown[])[]): unknown =>
        JSON.parse(JSON.stringify(g.map((r) => r.map((v) => (v === "" ? null : v))))) as unknown;
      const a = cells(ref.grid(ref.sheetNamed(sheet)!).grid);
      const b = cells(book.grid(book.sheetNamed(sheet)!).grid);
      expect(jsonDifferences(a, b)).toEqual([]);
    }
  });

  test("evaluate says there is no PerfTargets table, in one line", async () => {
    const r = await reportOf(fixture(name));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no PerfTargets table/);
  });
});

test.each(["sheetjs-wide.xlsx", "gnumeric-wide.xlsx"])(
  "%s: the wide table imports the same rows as the CSV",
  async (name) => {
    const csv = await run(["import", fixture("wide.csv"), "--json", "-"]);
    const xlsx = await run(["import", fixture(name), "--json", "-"]);
    expect(xlsx.code).toBe(0);
    const rows = (s: string): unknown => (JSON.parse(s) as { rows: unknown }).rows;
    expect(rows(xlsx.stdout)).toEqual(rows(csv.stdout));
    expect((rows(csv.stdout) as unknown[]).length).toBe(8);
  },
);

describe("real Excel files from public corpora", () => {
  test.each(REAL_BOOKS)("%s: every worksheet reads", async (name) => {
    const book = await openXlsx(real(name));
    const grids = book.grids();
    expect(grids.length).toBe(book.worksheets().length);
    expect(grids.length).toBeGreaterThan(0);
    // Each table's header row is where its part says, with the names its columns carry.
    for (const t of book.tables) {
      const raw = book.rawTable(t);
      expect(raw.headers).toHaveLength(t.range.right - t.range.left + 1);
      expect(raw.rows).toHaveLength(Math.max(0, t.lastDataRow - t.firstDataRow + 1));
    }
  });

  test("Apache POI's ExcelTables: the table by name, ref, header row and columns", async () => {
    const book = await openXlsx(real("poi-ExcelTables.xlsx"));
    const t = book.tableNamed("tablename")!;
    expect([t.name, t.ref, t.sheet.name, t.columns]).toEqual([
      "TableName",
      "G1:I4",
      "ExcelTable",
      ["Name", "Age", "AgeGroup"],
    ]);
    expect(book.rawTable(t).rows[0]).toEqual(["Anton", 44, 4]);
  });

  test("Apache POI's InlineStrings: inline strings beside shared ones", async () => {
    const book = await openXlsx(real("poi-InlineStrings.xlsx"));
    expect(book.grid(book.worksheets()[0]!).grid[1]).toEqual([12, "A", "1st Inline String", 12]);
  });

  test("a chart sheet is not a worksheet; the worksheets around it read", async () => {
    const book = await openXlsx(real("poi-WithChartSheet.xlsx"));
    expect(book.sheets.filter((s) => !s.worksheet).map((s) => s.name)).toEqual(["Chart2"]);
    expect(book.grid(book.sheetNamed("Sheet1")!).grid[0]).toEqual(["Year", "Category", "Cost", "Revenue"]);
  });

  test("an .xlsm reads and its macros are seen (never run)", async () => {
    const book = await openXlsx(real("poi-SimpleMacro.xlsm"));
    expect(book.macros).toBe(true);
    expect(book.grid(book.worksheets()[0]!).grid).toEqual([["This is a macro workbook"]]);
  });

  test("merged areas are listed and only their top-left cell holds the value (excelize)", async () => {
    const book = await openXlsx(real("excelize-MergeCell.xlsx"));
    const g = book.grid(book.worksheets()[0]!);
    expect(g.merges?.length).toBe(4);
    for (const m of g.merges ?? []) {
      const [a, b] = m.split(":");
      expect(a).toBeDefined();
      expect(b).toBeDefined();
    }
  });

  test("ClosedXML's table fills resolve to #RRGGBB", async () => {
    const book = await openXlsx(real("closedxml-InsertingTables.xlsx"));
    const fills = (book.grid(book.worksheets()[0]!).fills ?? [])
      .flat()
      .filter((f): f is string => f !== null);
    expect(fills.length).toBeGreaterThan(0);
    for (const f of fills) expect(f).toMatch(/^#[0-9A-F]{6}$/);
  });
});

test("a hidden sheet is marked hidden (openpyxl)", async () => {
  const book = await openXlsx(fixture("openpyxl-decorated.xlsx"));
  const hidden = book
    .grids()
    .filter((g) => g.hidden)
    .map((g) => g.name);
  expect(hidden).toEqual(["Board notes (hidden)"]);
  // The filled cell below the Targets table (openpyxl's PatternFill 00B050).
  const targets = book.grid(book.sheetNamed("Targets")!);
  expect(targets.fills?.[19]?.[0]).toBe("#00B050");
  expect(readFileSync(fixture("openpyxl-decorated.xlsx")).length).toBeGreaterThan(0);
});
