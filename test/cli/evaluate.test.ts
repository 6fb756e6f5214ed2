import { readFileSync, writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { sampleBook, SAMPLE_PERIOD } from "../../src/contract";
import { RAG_COLOURS, esc } from "../../src/present";
import { sheetGrid, worksheetNamed } from "../../src/cli/xlsx";
import { addOwnSheet, changedSample, OWN_SHEET, setCellIn, withOwnColumn, writeBook } from "./books";
import { filesIn, run, tempDir } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

// The report JSON of workbook.md, key for key (plus the agreed top-level ragRule).
// Schema 2 adds the row keys after explanation, and PerfCycle's top-level quality counts.
const TOP_KEYS = ["schemaVersion", "period", "ragRule", "rows", "summary", "quality", "findings", "errors"];
const ROW_KEYS = [
  "indicatorId",
  "orgUnit",
  "period",
  "measureType",
  "polarity",
  "baseline",
  "target",
  "milestone",
  "actual",
  "variance",
  "variancePct",
  "distanceTravelled",
  "rag",
  "dotPrevious",
  "dotYearAgo",
  "forecast",
  "onTrack",
  "explanation",
  "confidenceLow",
  "confidenceHigh",
  "smallBase",
  "quality",
  "previousId",
  "comparators",
];
const ESC = String.fromCharCode(27);
const STATUSES = ["Red", "Amber", "Green", "Blue", "No data", "Not due", "No target", "Monitor"];

interface Json {
  [k: string]: unknown;
  rows: Record<string, unknown>[];
  summary: Record<string, number>;
  errors: { table: string; row: number | null; column: string | null; message: string }[];
  findings: Record<string, unknown>[];
}

const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8")) as Json;

const sample = dir.file("sample.xlsx");
const userBook = dir.file("user.xlsx");
beforeAll(async () => {
  expect((await run(["sample", sample])).code).toBe(0);
  // A user's book: a column of their own in PerfActuals, a sheet of their own, an indicator
  // name that looks like a formula and one that is markup.
  const book = changedSample({
    PerfActuals: (t) => withOwnColumn(t, "Checked by", (i) => (i % 2 === 0 ? "AB" : null)),
    PerfTargets: (t) =>
      setCellIn(
        setCellIn(t, 1, "Indicator", "=1+2 reach"),
        2,
        "Indicator",
        "<script>alert('x')</script> & co",
      ),
  });
  await writeBook(userBook, book, addOwnSheet);
});

describe("perfcycle evaluate", () => {
  test("prints the report and writes the report JSON with exactly the spec's keys", async () => {
    const out = dir.file("report.json");
    const r = await run(["evaluate", sample, "--json", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`PerfCycle report ${SAMPLE_PERIOD}`);
    const json = readJson(out);
    expect(Object.keys(json)).toEqual(TOP_KEYS);
    expect(json.period).toBe(SAMPLE_PERIOD);
    expect(json.schemaVersion).toBe(2);
    expect(json.rows.length).toBeGreaterThanOrEqual(12);
    for (const row of json.rows) expect(Object.keys(row)).toEqual(ROW_KEYS);
    expect(Object.keys(json.summary)).toEqual(STATUSES);
    expect(Object.values(json.summary).reduce((a, b) => a + b, 0)).toBe(json.rows.length);
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(["code", "severity", "indicatorId", "orgUnit", "field", "message"]);
    // Statuses are the semantics page's names; a row's summary count matches.
    for (const s of STATUSES) expect(json.rows.filter((x) => x.rag === s).length).toBe(json.summary[s]);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });

  test("--json - writes the JSON alone to standard output", async () => {
    const r = await run(["evaluate", sample, "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(Object.keys(json)).toEqual(TOP_KEYS);
  });

  test("--period rates another quarter, as at that quarter", async () => {
    const r = await run(["evaluate", sample, "--period", "2015/16 Q1", "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.period).toBe("2015-16 Q1");
    expect(json.rows.every((x) => x.period === "2015-16 Q1")).toBe(true);
    expect(json.summary["Not due"]).toBe(0);
  });

  test("a --period that is not a quarter cannot run: exit 2, one line quoting it", async () => {
    const r = await run(["evaluate", sample, "--period", "Q5 2015"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("Q5 2015");
  });

  test("a workbook with data errors exits 1 and still writes every output, with the errors in it", async () => {
    const bad = dir.file("bad-data.xlsx");
    await writeBook(bad, changedSample({ PerfActuals: (t) => setCellIn(t, 4, "Period", "2015-16 Q7") }));
    const out = dir.file("bad-data");
    const r = await run([
      "evaluate",
      bad,
      "--json",
      `${out}.json`,
      "--html",
      `${out}.html`,
      "--xlsx",
      `${out}.out.xlsx`,
    ]);
    expect(r.code).toBe(1);
    const json = readJson(`${out}.json`);
    const e = json.errors.find((x) => x.table === "PerfActuals" && x.column === "Period");
    expect(e).toBeDefined();
    expect(e?.row).toBe(5);
    expect(e?.message).toContain("2015-16 Q7");
    expect(readFileSync(`${out}.html`, "utf8")).toContain("2015-16 Q7");
    expect(r.stdout).toContain("Errors (");
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(`${out}.out.xlsx`) as unknown as ArrayBuffer);
    const grid = sheetGrid(worksheetNamed(wb, `PerfReport ${SAMPLE_PERIOD}`)!).grid.flat();
    expect(grid.some((c) => typeof c === "string" && c.includes("2015-16 Q7"))).toBe(true);
  });

  test("colours the RAG status on a terminal and not in a pipe or with NO_COLOR", async () => {
    const tty = await run(["evaluate", sample], { isTTY: true });
    expect(tty.stdout).toMatch(new RegExp(`${ESC}\\[[\\d;]+mRed`));
    const pipe = await run(["evaluate", sample]);
    expect(pipe.stdout).not.toContain("\x1b[");
    expect(pipe.stdout).toMatch(/\bRed\b/);
    const noColour = await run(["evaluate", sample], { isTTY: true, env: { NO_COLOR: "1" } });
    expect(noColour.stdout).not.toContain("\x1b[");
  });
});

describe("perfcycle evaluate --xlsx", () => {
  const copy = dir.file("user-report.xlsx");
  let before: Workbook;
  let after: Workbook;
  beforeAll(async () => {
    const r = await run(["evaluate", userBook, "--xlsx", copy]);
    expect(r.code).toBe(0);
    before = new Workbook();
    await before.xlsx.load(readFileSync(userBook) as unknown as ArrayBuffer);
    after = new Workbook();
    await after.xlsx.load(readFileSync(copy) as unknown as ArrayBuffer);
  });

  test("adds only the report sheet; every sheet of the user's is there with the same cells and formats", () => {
    expect(after.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.map((w) => w.name),
      `PerfReport ${SAMPLE_PERIOD}`,
    ]);
    for (const ws of before.worksheets) {
      const a = sheetGrid(ws);
      const b = sheetGrid(worksheetNamed(after, ws.name)!);
      expect(b.grid).toEqual(a.grid);
      expect(b.formats).toEqual(a.formats);
    }
  });

  test("keeps the user's formula a formula and their own column in the table", () => {
    const own = worksheetNamed(after, OWN_SHEET)!;
    expect(own.getRow(2).getCell(2).value).toEqual({ formula: "A2*2", result: 0.25 });
    expect(own.getRow(3).getCell(1).value).toBe("=not a formula, typed as text");
    const actuals = worksheetNamed(after, "Actuals")!;
    expect(actuals.getRow(1).getCell(9).value).toBe("Checked by");
    expect(actuals.getRow(2).getCell(9).value).toBe("AB");
  });

  test("the report sheet has the explanation column and RAG cells coloured with the contract's colours", () => {
    const ws = worksheetNamed(after, `PerfReport ${SAMPLE_PERIOD}`)!;
    const { grid } = sheetGrid(ws);
    const headerRow = grid.findIndex((r) => r.includes("RAG"));
    expect(headerRow).toBeGreaterThan(0);
    const header = grid[headerRow]!;
    const ragCol = header.indexOf("RAG");
    expect(header).toContain("Explanation");
    const rows = grid
      .slice(headerRow + 1)
      .filter((r) => typeof r[ragCol] === "string" && STATUSES.includes(r[ragCol] as string));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (let i = headerRow + 1; i < headerRow + 1 + rows.length; i++) {
      const status = grid[i]![ragCol] as keyof typeof RAG_COLOURS;
      const cell = ws.getRow(i + 1).getCell(ragCol + 1);
      const fill = cell.fill as { fgColor?: { argb?: string } };
      expect(fill.fgColor?.argb).toBe(`FF${RAG_COLOURS[status].fill.slice(1)}`);
      expect(cell.font?.color?.argb).toBe(`FF${RAG_COLOURS[status].font.slice(1)}`);
    }
  });

  test("an indicator name that looks like a formula is written as text", () => {
    const ws = worksheetNamed(after, `PerfReport ${SAMPLE_PERIOD}`)!;
    let found = false;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("=1+2")) found = true;
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
      }),
    );
    expect(found).toBe(true);
  });

  test("running it again replaces the report sheet rather than adding another", async () => {
    const again = dir.file("user-report-2.xlsx");
    expect((await run(["evaluate", copy, "--xlsx", again])).code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(again) as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((w) => w.name.startsWith("PerfReport"))).toHaveLength(1);
  });
});

describe("perfcycle evaluate --html", () => {
  let html = "";
  beforeAll(async () => {
    const out = dir.file("user.html");
    expect((await run(["evaluate", userBook, "--html", out])).code).toBe(0);
    html = readFileSync(out, "utf8");
  });

  test("escapes every text from the workbook", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
  });

  test("needs no script and no network", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only address is the SVG namespace.
    const urls = html.match(/https?:\/\/[^\s"')<]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });

  test("is an accessible document: language, headings, captions, header scopes", () => {
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toMatch(/<h1>[^<]*2015-16 Q2/);
    for (const h of ["Summary", "Exceptions", "Trends", "All indicators"])
      expect(html).toMatch(new RegExp(`<h2 id="[^"]+">${h}</h2>`));
    const tables = html.match(/<table/g)?.length ?? 0;
    expect(html.match(/<caption>/g)?.length).toBe(tables);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
  });

  test("has the exceptions with explanation, commentary and action, status as text", async () => {
    const section = html.slice(html.indexOf('id="exceptions-h"'), html.indexOf('id="trends-h"'));
    expect(section).toMatch(/class="chip rag-red">Red</);
    expect(section).toMatch(/class="chip rag-amber">Amber</);
    expect(section).toMatch(/class="chip rag-no-data">No data</);
    expect(section).toMatch(/Red: [^<]*against a milestone/);
    expect(section).not.toContain("Green</span>");
    // Every Red and Amber row's commentary and action from PerfActuals is there (escaped).
    const actuals = sampleBook()
      .sheets.flatMap((x) => x.tables)
      .find((t) => t.name === "PerfActuals")!;
    const col = (h: string): number => actuals.headers.indexOf(h);
    const json = JSON.parse((await run(["evaluate", userBook, "--json", "-"])).stdout) as Json;
    const exceptions = new Set(
      json.rows
        .filter((x) => x.rag === "Red" || x.rag === "Amber")
        .map((x) => `${String(x.indicatorId)}|${String(x.orgUnit)}`),
    );
    const noted = actuals.rows.filter(
      (r) =>
        r[col("Period")] === SAMPLE_PERIOD &&
        r[col("Commentary")] &&
        exceptions.has(`${String(r[col("IndicatorId")])}|${String(r[col("OrgUnit")])}`),
    );
    expect(noted.length).toBeGreaterThanOrEqual(3);
    for (const r of noted) {
      expect(section).toContain(esc(String(r[col("Commentary")])));
      if (r[col("Action")]) expect(section).toContain(esc(String(r[col("Action")])));
    }
  });

  test("draws a trend chart per indicator and unit, each an image with a title and a text description", () => {
    const charts = html.match(/<svg class="trend"[^>]*>/g) ?? [];
    const rows = (html.match(/<tr><th scope="row">/g) ?? []).length;
    expect(charts.length).toBeGreaterThanOrEqual(12);
    for (const c of charts) expect(c).toMatch(/role="img" aria-labelledby="(c\d+)-t \1-d"/);
    expect(html.match(/<title id="c\d+-t">/g)?.length).toBe(charts.length);
    expect(html.match(/<desc id="c\d+-d">Actual: /g)?.length).toBe(charts.length);
    expect(rows).toBeGreaterThan(charts.length);
  });

  test("prints on A4", () => {
    expect(html).toMatch(/@page\{size:A4/);
    expect(html).toMatch(/@media print/);
  });
});

describe("perfcycle sample", () => {
  test("will not replace a file that is not an unchanged sample", async () => {
    const mine = dir.file("mine.xlsx");
    writeFileSync(mine, "precious");
    const r = await run(["sample", mine]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(mine, "utf8")).toBe("precious");
  });

  test("replaces an unchanged sample", async () => {
    const r = await run(["sample", sample]);
    expect(r.code).toBe(0);
  });

  test("refuses to replace a sample copy that evaluate --xlsx changed", async () => {
    const copy = dir.file("sample-copy.xlsx");
    expect((await run(["evaluate", sample, "--xlsx", copy])).code).toBe(0);
    expect((await run(["sample", copy])).code).toBe(2);
  });

  test("writes nothing when the folder does not exist", async () => {
    const r = await run(["sample", dir.file("no/such/folder/s.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(filesIn(dir.file("no"))).toEqual([]);
  });
});
