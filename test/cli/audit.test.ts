/**
 * `perfcycle audit` over reports written by other programs (openpyxl and xlsxwriter, see
 * scripts/fixtures/make-audit-fixtures.py): typed statuses, statuses shown only by fill colour
 * (RGB and theme), one wrong colour, one wrong typed status, one wrong percentage, a polarity
 * column of phrases, a row without a target; an Excel table; JSON, HTML and exit statuses.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run, tempDir } from "./helpers";

jest.setTimeout(60_000);

const FIXTURES = resolve(__dirname, "../fixtures/audit");
const HAND = join(FIXTURES, "hand-made-report.xlsx");
const TABLE = join(FIXTURES, "report-table.xlsx");
const RULE = ["--rule", "Milestone", "--tolerance", "10%"];

const dir = tempDir();
afterAll(() => dir.cleanup());

interface AuditJson {
  sheet: string;
  table: string | null;
  range: string;
  headerRow: number;
  toleranceText: string;
  fillsRead: boolean;
  columns: { role: string; column: string | null; header: string | null; guessed: boolean }[];
  summary: { rows: number; agree: number; disagree: number; cannotRate: number; fromFill: number };
  rows: {
    row: number;
    cell: string;
    label: string;
    outcome: string;
    published: string | null;
    publishedFrom: string | null;
    fill: string | null;
    recomputed: string | null;
    explanation: string;
    polarity: string | null;
  }[];
  published: { cell: string; text: string; expected: string; severity: string }[];
}

async function auditJson(
  args: readonly string[],
): Promise<{ code: number; json: AuditJson; stdout: string }> {
  const r = await run(["audit", ...args, "--json", "-"]);
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as AuditJson, stdout: r.stdout };
}

describe("perfcycle audit of a hand-made report (openpyxl)", () => {
  test("finds the header row under the title and guesses each column from its header", async () => {
    const { json } = await auditJson([HAND, ...RULE]);
    expect(json.sheet).toBe("Q2 report");
    expect(json.headerRow).toBe(3);
    const cols = Object.fromEntries(json.columns.map((c) => [c.role, [c.column, c.header]]));
    expect(cols).toMatchObject({
      label: ["B", "Indicator"],
      polarity: ["C", "Good is"],
      milestone: ["D", "Q2 target"],
      actual: ["G", "Q2 actual %"],
      status: ["H", "RAG"],
    });
  });

  test("lists the wrong colour and the wrong typed status with cell, published and recomputed status and why", async () => {
    const { code, json } = await auditJson([HAND, ...RULE]);
    expect(code).toBe(1);
    const dis = json.rows.filter((r) => r.outcome === "disagrees");
    expect(dis.map((r) => [r.cell, r.label, r.published, r.publishedFrom, r.recomputed])).toEqual([
      ["H9", "Good level of development", "Green", "fill", "Red"],
      ["H14", "Re-referrals within 3 months", "Green", "text", "Amber"],
    ]);
    expect(dis[0]?.fill).toBe("#00B050");
    expect(dis[0]?.explanation).toBe(
      "Red: 55.0% against a milestone of 65.0% (higher is better); 10.0 points short, beyond the 10% tolerance of 6.5 points.",
    );
    expect(json.summary).toEqual({ rows: 10, agree: 7, disagree: 2, cannotRate: 1, fromFill: 4 });
  });

  test("reads statuses from fills with no text, including a theme colour, and typed letters in any case", async () => {
    const { json } = await auditJson([HAND, ...RULE]);
    const by = Object.fromEntries(json.rows.map((r) => [r.row, r]));
    expect(by[7]).toMatchObject({ published: "Green", publishedFrom: "fill", outcome: "agrees" });
    expect(by[8]).toMatchObject({ published: "Amber", publishedFrom: "fill", outcome: "agrees" });
    // Theme colour accent 3 of openpyxl's (Office 2007) theme: olive green 9BBB59.
    expect(by[10]).toMatchObject({ published: "Green", fill: "#9BBB59", outcome: "agrees" });
    expect(by[6]).toMatchObject({ published: "Amber", publishedFrom: "text", outcome: "agrees" });
    expect(by[12]).toMatchObject({ published: "Red", polarity: "Lower", outcome: "agrees" });
  });

  test("the polarity column's phrases are read row by row", async () => {
    const { json } = await auditJson([HAND, ...RULE]);
    const pol = Object.fromEntries(json.rows.map((r) => [r.row, r.polarity]));
    expect(pol).toMatchObject({ 5: "Higher", 7: "Higher", 10: "Lower", 12: "Lower", 14: "Lower" });
  });

  test("the row without a target is listed as one that cannot be rated; headings are skipped", async () => {
    const { json } = await auditJson([HAND, ...RULE]);
    const un = json.rows.filter((r) => r.outcome === "cannot-rate");
    expect(un).toEqual([
      expect.objectContaining({
        row: 15,
        label: "Case-file audits completed",
        recomputed: null,
        explanation: "No milestone in 'Q2 report'!D15, so the row cannot be rated",
      }),
    ]);
    expect(json.rows.map((r) => r.label)).not.toContain("Early years");
  });

  test("the wrong percentage is found in the same pass: 78.4% published for 127/160", async () => {
    const { json } = await auditJson([HAND, ...RULE]);
    expect(json.published).toEqual([
      expect.objectContaining({ cell: "G13", text: "78.4%", expected: "79.4%", severity: "error" }),
    ]);
  });

  test("the terminal lists each disagreement by cell, and --html writes the one-page finding", async () => {
    const html = dir.file("audit.html");
    const json = dir.file("audit.json");
    const r = await run(["audit", HAND, ...RULE, "--html", html, "--json", json]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("10 rows: 7 agree, 2 disagree, 1 cannot be rated");
    expect(r.stdout).toMatch(
      /H9 +Good level of development: published Green \(fill #00B050\), by the rule Red\./,
    );
    expect(r.stdout).toContain(`Wrote ${json}, ${html}`);
    const page = readFileSync(html, "utf8");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain("<strong>7 of 10</strong> rows agree with the report’s own rule");
    expect(page).toContain("Good level of development");
    expect(page).toContain("78.4%");
    expect(page).toContain("79.4%");
    expect(page).not.toMatch(/<script|https?:\/\//);
    expect(JSON.parse(readFileSync(json, "utf8"))).toMatchObject({ summary: { disagree: 2 } });
  });

  test("--range limits the audit to the cells given; --column and --polarity override the guesses", async () => {
    const { json, code } = await auditJson([
      HAND,
      "--range",
      "A3:H10",
      "--rule",
      "Milestone",
      "--tolerance",
      "10%",
      "--column",
      "polarity=none",
      "--polarity",
      "Higher",
    ]);
    expect(json.range).toBe("A3:H10");
    expect(json.columns.find((c) => c.role === "polarity")).toMatchObject({ column: null, guessed: false });
    // Healthy weight (row 10) is rated Higher now: 23% on 23% is still Green.
    expect(json.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(code).toBe(1);
  });
});

describe("perfcycle audit of an Excel table (xlsxwriter)", () => {
  test("every status agrees with the stated rule: exit 0", async () => {
    const { code, json } = await auditJson([
      TABLE,
      "--table",
      "PAB_Q2",
      "--rule",
      "Milestone",
      "--tolerance",
      "Amber within 10% of the target",
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ table: "PAB_Q2", range: "B3:G7", headerRow: 3 });
    expect(json.summary).toEqual({ rows: 4, agree: 4, disagree: 0, cannotRate: 0, fromFill: 0 });
    // "Direction" holds Higher/Lower: read as the polarity column from its values.
    expect(json.columns.find((c) => c.role === "polarity")).toMatchObject({
      column: "C",
      header: "Direction",
    });
  });

  test("a tighter tolerance than the report's makes two of its Ambers Red: the rule stated matters", async () => {
    const { code, json } = await auditJson([
      TABLE,
      "--table",
      "pab_q2",
      "--rule",
      "Milestone",
      "--tolerance",
      "5%",
    ]);
    expect(code).toBe(1);
    expect(json.rows.filter((r) => r.outcome === "disagrees").map((r) => [r.cell, r.recomputed])).toEqual([
      ["F5", "Red"],
      ["F6", "Red"],
    ]);
    expect(json.rows.find((r) => r.cell === "F5")?.explanation).toBe(
      "Red: 324 against a target of 300 (lower is better); 24 over, beyond the 5% tolerance of 15.",
    );
  });

  test("2 percentage points is an absolute tolerance: the NEET rate (0.4 points over) is Amber", async () => {
    const { json } = await auditJson([
      TABLE,
      "--table",
      "PAB_Q2",
      "--rule",
      "Milestone",
      "--tolerance",
      "2pp",
    ]);
    expect(json.toleranceText).toBe("Amber within 2 percentage points of the target");
    expect(json.rows.find((r) => r.label === "Young people NEET")?.recomputed).toBe("Amber");
  });
});

describe("perfcycle audit: cannot run (exit 2, one line, nothing written)", () => {
  const cases: [string, string[], RegExp][] = [
    ["no rule", [HAND, "--tolerance", "10%"], /--rule is needed/],
    ["no tolerance", [HAND, "--rule", "Milestone"], /--tolerance is needed/],
    ["an unknown rule", [HAND, "--rule", "Vibes", "--tolerance", "10%"], /--rule: RAG rule must be/],
    [
      "a tolerance contradicting its type",
      [HAND, ...RULE.slice(0, 2), "--tolerance", "2pp", "--tolerance-type", "Relative"],
      /percentage points/,
    ],
    ["--table and --range", [HAND, ...RULE, "--table", "T", "--range", "A1:B2"], /not both/],
    ["a missing table", [HAND, ...RULE, "--table", "Nope"], /has no table "Nope"/],
    [
      "a missing sheet",
      [HAND, ...RULE, "--sheet", "Nope"],
      /has no sheet "Nope" \(its sheets: "Q2 report", "Notes"\)/,
    ],
    [
      "a range with no status column",
      [HAND, ...RULE, "--range", "A3:G15"],
      /no column was found for the published status/,
    ],
    ["an unknown column header", [HAND, ...RULE, "--column", "status=Colour"], /has no column "Colour"/],
    ["a missing file", [join(FIXTURES, "nope.xlsx"), ...RULE], /no such file/],
  ];
  test.each(cases)("%s", async (_name, args, message) => {
    const html = dir.file("never.html");
    const r = await run(["audit", ...args, "--html", html]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(html)).toBe(false);
  });

  test("--help explains the command and its exit status", async () => {
    const r = await run(["audit", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: perfcycle audit BOOK.xlsx");
    expect(r.stdout).toContain("Exit status 1 when a status disagrees");
    expect((await run(["--help"])).stdout).toContain("perfcycle audit REPORT.xlsx");
  });
});
