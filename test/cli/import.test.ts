import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "./helpers";
import { WIDE_CSV, wideXlsx } from "./wideFixtures";

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
