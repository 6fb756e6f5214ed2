/**
 * Writing into every producer's workbook without losing a thing: `evaluate --xlsx` changes only
 * the parts PerfCycle owns (the report sheet it adds, its entry in workbook.xml, the workbook's
 * relationships, the content types, docProps/app.xml and styles.xml), each only by what it
 * adds; every other part is byte for byte the input's; Excel's rules hold in the result.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { openXlsx } from "../../src/cli/ooxml/book";
import { ALL_PERFCYCLE_BOOKS, fixture, flat, jsonDifferences } from "./corpus";
import { rezip, run, tempDir, unzip } from "./helpers";
import { excelRuleProblems, packageDiff } from "./packageRules";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const PERIOD = "2015-16 Q2";
const REPORT = "PerfReport 2015-16 Q2";

/** The parts an `evaluate --xlsx` may change (besides the sheet part it adds). */
const OWNED =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|docProps\/app\.xml|xl\/styles\.xml)$/;

/** `after` is `before` with one element matching `pattern` inserted: that element, else undefined. */
function inserted(before: string, after: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(after);
  return m && after.slice(0, m.index) + after.slice(m.index + m[0].length) === before ? m[0] : undefined;
}

describe.each(ALL_PERFCYCLE_BOOKS)("evaluate --xlsx on %s", (name) => {
  const input = fixture(name);
  const out = dir.file(`out-${flat(name)}`);
  let before: Buffer;
  let after: Buffer;

  beforeAll(async () => {
    const r = await run([
      "evaluate",
      input,
      "--period",
      PERIOD,
      "--xlsx",
      out,
      "--json",
      dir.file(`${flat(name)}.json`),
      "--html",
      dir.file(`${flat(name)}.html`),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    before = readFileSync(input);
    after = readFileSync(out);
  });

  test("every part outside the owned ones is byte for byte the input's", () => {
    const d = packageDiff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.added).toHaveLength(1);
    expect(d.added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    for (const p of d.changed) expect(p).toMatch(OWNED);
  });

  test("workbook.xml, its relationships and the content types change only by the new sheet's entry", () => {
    const a = unzip(before);
    const b = unzip(after);
    const part = packageDiff(before, after).added[0] ?? "";
    const text = (m: Map<string, Buffer>, p: string): string => m.get(p)?.toString() ?? "";
    const sheet = inserted(
      text(a, "xl/workbook.xml"),
      text(b, "xl/workbook.xml"),
      new RegExp(`<(?:\\w+:)?sheet name="${REPORT}" sheetId="\\d+" xmlns:r="[^"]+" r:id="rId\\d+"/>`),
    );
    expect(sheet).toBeDefined();
    const target = part.replace(/^xl\//, "");
    const rel = inserted(
      text(a, "xl/_rels/workbook.xml.rels"),
      text(b, "xl/_rels/workbook.xml.rels"),
      new RegExp(`<(?:\\w+:)?Relationship Id="rId\\d+" Type="[^"]+/worksheet" Target="${target}"/>`),
    );
    expect(rel).toBeDefined();
    const ct = inserted(
      text(a, "[Content_Types].xml"),
      text(b, "[Content_Types].xml"),
      new RegExp(`<(?:\\w+:)?Override PartName="/${part}" ContentType="[^"]+worksheet\\+xml"/>`),
    );
    expect(ct).toBeDefined();
    // docProps/app.xml, where it lists the sheets' titles, lists the new one too.
    if (text(a, "docProps/app.xml").includes("TitlesOfParts"))
      expect(text(b, "docProps/app.xml")).toContain(`<vt:lpstr>${REPORT}</vt:lpstr>`);
  });

  test("styles.xml keeps every entry it had, in place", () => {
    const a = unzip(before).get("xl/styles.xml")?.toString();
    const b = unzip(after).get("xl/styles.xml")?.toString();
    expect(b).toBeDefined();
    if (a === undefined || b === undefined) return;
    for (const c of ["numFmts", "fonts", "fills", "borders", "cellXfs", "cellStyleXfs", "dxfs"]) {
      const body = (x: string): string =>
        new RegExp(`<(?:\\w+:)?${c}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${c}>`).exec(x)?.[1] ?? "";
      expect(body(b).startsWith(body(a))).toBe(true);
    }
  });

  test("Excel's rules hold: no problem the input did not have", () => {
    const had = new Set(excelRuleProblems(before));
    expect(excelRuleProblems(after).filter((p) => !had.has(p))).toEqual([]);
  });

  test("the copy reads back: the report sheet, and the same report from its tables", async () => {
    const book = await openXlsx(out);
    const sheet = book.sheetNamed(REPORT)!;
    const g = book.grid(sheet);
    expect(String(g.grid[0]?.[0])).toMatch(/^PerfCycle report 2015-16 Q2/);
    expect(g.grid[3]?.slice(0, 2)).toEqual(["Indicator ID", "Indicator"]);
    expect(g.grid.length).toBeGreaterThan(10);
    const again = await run(["evaluate", out, "--period", PERIOD, "--json", "-"]);
    const first = JSON.parse(readFileSync(dir.file(`${flat(name)}.json`), "utf8")) as unknown;
    expect(jsonDifferences(first, JSON.parse(again.stdout) as unknown)).toEqual([]);
  });

  test("writing the report again for the same period replaces its own part, nothing else", async () => {
    const out2 = dir.file(`again-${flat(name)}`);
    const r = await run(["evaluate", out, "--period", PERIOD, "--xlsx", out2]);
    expect(r.code).toBe(0);
    const d = packageDiff(after, readFileSync(out2));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.every((p) => p === packageDiff(before, after).added[0])).toBe(true);
  });
});

test("a book with data errors still gets its report sheet, JSON and HTML (exit 1), openpyxl's tables without a style", async () => {
  const bad = dir.file("errors.xlsx");
  // The first actual's Value typed as text, in the Actuals sheet as openpyxl wrote it.
  writeFileSync(
    bad,
    rezip(readFileSync(fixture("openpyxl.xlsx")), (name, data) =>
      name === "xl/worksheets/sheet3.xml"
        ? Buffer.from(
            data
              .toString()
              .replace(
                /<c r="D2"[^>]*>.*?<\/c>|<c r="D2"[^>]*\/>/,
                '<c r="D2" t="inlineStr"><is><t>lots</t></is></c>',
              ),
          )
        : data,
    ),
  );
  const r = await run([
    "evaluate",
    bad,
    "--period",
    PERIOD,
    "--xlsx",
    dir.file("e.xlsx"),
    "--json",
    dir.file("e.json"),
    "--html",
    dir.file("e.html"),
  ]);
  expect(r.code).toBe(1);
  const json = JSON.parse(readFileSync(dir.file("e.json"), "utf8")) as {
    errors: { table: string; row: number; column: string }[];
  };
  expect(json.errors[0]).toMatchObject({ table: "PerfActuals", row: 1, column: "Value" });
  const book = await openXlsx(dir.file("e.xlsx"));
  const g = book.grid(book.sheetNamed(REPORT)!);
  expect(g.grid.flat().some((v) => typeof v === "string" && /^Data errors \(\d+\)/.test(v))).toBe(true);
  expect(readFileSync(dir.file("e.html"), "utf8")).toContain("<html");
});

test("text that looks like a formula is written as a string cell", async () => {
  const book = dir.file("inject.xlsx");
  writeFileSync(
    book,
    rezip(readFileSync(fixture("xlsxwriter.xlsx")), (name, data) =>
      name === "xl/sharedStrings.xml"
        ? Buffer.from(data.toString().replace("Head of Early Help", "=HYPERLINK(&quot;http://x&quot;)"))
        : data,
    ),
  );
  const r = await run(["evaluate", book, "--period", PERIOD, "--xlsx", dir.file("inject-out.xlsx")]);
  expect(r.code).toBe(0);
  const parts = unzip(readFileSync(dir.file("inject-out.xlsx")));
  const added = packageDiff(readFileSync(book), readFileSync(dir.file("inject-out.xlsx"))).added[0] ?? "";
  const xml = parts.get(added)?.toString() ?? "";
  expect(xml).not.toMatch(/<f>/);
});

test("an .xlsm keeps its macros in an .xlsm copy and is refused for an .xlsx name", async () => {
  const xlsm = dir.file("book.xlsm");
  // The PerfCycle sample with a VBA project part and its relationship, as Excel stores one.
  writeFileSync(
    xlsm,
    rezip(readFileSync(fixture("exceljs.xlsx")), (name, data) => {
      if (name === "xl/_rels/workbook.xml.rels")
        return Buffer.from(
          data
            .toString()
            .replace(
              "</Relationships>",
              '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            ),
        );
      if (name === "[Content_Types].xml")
        return Buffer.from(
          data
            .toString()
            .replace(
              "</Types>",
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
            ),
        );
      return data;
    }),
  );
  const withVba = unzip(readFileSync(xlsm));
  withVba.set("xl/vbaProject.bin", Buffer.from("VBA project bytes, never run"));
  const { makeZip } = await import("./helpers");
  writeFileSync(xlsm, makeZip([...withVba].map(([n, d]) => ({ name: n, data: d }))));
  const refused = await run(["evaluate", xlsm, "--period", PERIOD, "--xlsx", dir.file("m.xlsx")]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/has macros .*name the copy \.xlsm/);
  const ok = await run(["evaluate", xlsm, "--period", PERIOD, "--xlsx", dir.file("m.xlsm")]);
  expect(ok.code).toBe(0);
  expect(
    unzip(readFileSync(dir.file("m.xlsm")))
      .get("xl/vbaProject.bin")
      ?.toString(),
  ).toBe("VBA project bytes, never run");
});
