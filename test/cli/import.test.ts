import { readFileSync, writeFileSync } from "node:fs";
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
