/**
 * `perfcycle import` over a table as a council published it: Derby's early-help table, as CSV and
 * as saved by openpyxl and LibreOffice (test/fixtures/published).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const ROW_KEYS = ["indicatorId", "indicator", "orgUnit", "period", "value", "numerator", "denominator"];

interface ImportJson {
  rows: Record<string, unknown>[];
  errors: Record<string, unknown>[];
  warnings: Record<string, unknown>[];
}

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
