import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { workbookBuffer } from "../../src/cli/xlsx";
import { SAMPLE_PUBLISHED } from "../../src/contract";
import { changedSample, setCellIn, writeBook } from "./books";
import { run, tempDir } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

interface CheckJson {
  findings: {
    code: string;
    severity: string;
    indicatorId: string;
    orgUnit: string;
    field: string;
    message: string;
  }[];
  errors: { table: string; row: number | null; column: string | null; message: string }[];
  published: {
    code: string;
    severity: string;
    sheet: string;
    cell: string;
    text: string;
    expected: string;
    message: string;
  }[];
}

const sample = dir.file("sample.xlsx");
beforeAll(async () => {
  expect((await run(["sample", sample])).code).toBe(0);
});

describe("perfcycle check", () => {
  test("finds the sample's wrong published figure, naming sheet and cell, and its SMART findings", async () => {
    const out = dir.file("check.json");
    const r = await run(["check", sample, "--json", out]);
    const json = JSON.parse(readFileSync(out, "utf8")) as CheckJson;
    expect(Object.keys(json)).toEqual(["findings", "errors", "published", "register", "sheets"]);
    expect((json as unknown as { register: boolean }).register).toBe(true);
    // 44/331 is 13.3%, published as 13.2% on the Published sheet (row 4 + its position, column D).
    const wrong = SAMPLE_PUBLISHED.findIndex((p) => p.n === 44 && p.d === 331);
    expect(json.published).toEqual([
      expect.objectContaining({
        code: "P-FIGURE",
        sheet: "Published",
        cell: `D${4 + wrong}`,
        text: "13.2%",
        expected: "13.3%",
      }),
    ]);
    for (const p of json.published)
      expect(Object.keys(p)).toEqual(["code", "severity", "sheet", "cell", "text", "expected", "message"]);
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(["code", "severity", "indicatorId", "orgUnit", "field", "message"]);
    expect(json.errors).toEqual([]);
    // Exit 1 exactly when something has severity "error".
    const anyError =
      json.findings.some((f) => f.severity === "error") || json.published.some((p) => p.severity === "error");
    expect(r.code).toBe(anyError ? 1 : 0);
    expect(r.stdout).toContain(`Published!D${4 + wrong} "13.2%"`);
  });

  test("reports a data error with table, row, column and the text found (exit 1)", async () => {
    const bad = dir.file("bad.xlsx");
    await writeBook(bad, changedSample({ PerfTargets: (t) => setCellIn(t, 0, "Target", "tbc") }));
    const r = await run(["check", bad, "--json", "-"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as CheckJson;
    const e = json.errors.find((x) => x.table === "PerfTargets" && x.column === "Target");
    expect(e).toMatchObject({ row: 1 });
    expect(e?.message).toContain("tbc");
  });

  test("a workbook of a newer schema is refused, saying which PerfCycle reads it", async () => {
    const newer = dir.file("newer.xlsx");
    await writeBook(
      newer,
      changedSample({
        PerfSettings: (t) => {
          const i = t.rows.findIndex((r) => r[0] === "SchemaVersion");
          return { ...t, rows: t.rows.map((r, k) => (k === i ? [r[0] ?? null, 99] : r)) };
        },
      }),
    );
    for (const cmd of ["check", "evaluate"]) {
      const r = await run([cmd, newer]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/SchemaVersion/);
      expect(r.stderr).toMatch(/99/);
    }
  });
});

describe("perfcycle check on any workbook: the Derby early-help table as published", () => {
  const FIXTURES = join(__dirname, "../fixtures/published");

  test.each(["derby-early-help.csv", "derby-early-help.openpyxl.xlsx", "derby-early-help.libreoffice.xlsx"])(
    "%s, with no PerfCycle tables: its three mismatched percentages, and no register (exit 1 for the errors)",
    async (file) => {
      const r = await run(["check", join(FIXTURES, file), "--json", "-"]);
      const json = JSON.parse(r.stdout) as CheckJson & {
        register: boolean;
        sheets: { name: string; hidden: boolean }[];
      };
      expect(Object.keys(json)).toEqual(["findings", "errors", "published", "register", "sheets"]);
      expect(json.register).toBe(false);
      expect(json.findings).toEqual([]);
      expect(json.errors).toEqual([]);
      expect(json.published.map((p) => [p.cell, p.severity, p.expected])).toEqual([
        ["C8", "warning", "10.8%"], // 10.7% for 27/251: truncated
        ["E8", "error", expect.stringMatching(/^10(\.0)?%$/) as unknown], // 1.0% for 24/240
        ["G8", "error", "9.1%"], // 9.4% for 20/219
      ]);
      expect(json.published[0]?.message).toContain("27/251 (C7)");
      expect(r.code).toBe(1);
      const text = await run(["check", join(FIXTURES, file)]);
      expect(text.stdout).toMatch(
        /No target register: .* has no PerfTargets table, so there are no SMART findings/,
      );
      expect(text.stdout).toContain("Target findings: not checked (no target register)");
      expect(text.code).toBe(1);
    },
  );

  test("no register and no wrong figure is exit 0; hidden sheets are checked and named", async () => {
    const book = dir.file("plain.xlsx");
    const wb = new Workbook();
    wb.addWorksheet("Cover").getCell("A1").value = "Quarterly report";
    const hidden = wb.addWorksheet("Workings", { state: "hidden" });
    hidden.addRow(["Indicator", "Numerator", "Denominator", "%"]);
    hidden.addRow(["Re-referrals", 44, 331, "13.3%"]);
    writeFileSync(book, await workbookBuffer(wb));
    const ok = await run(["check", book]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/hidden ones too \("Workings"\)/);
    expect(ok.stdout).toMatch(/No target register/);

    hidden.getCell("D2").value = "13.2%";
    writeFileSync(book, await workbookBuffer(wb));
    const r = await run(["check", book, "--json", "-"]);
    const json = JSON.parse(r.stdout) as CheckJson & { sheets: { name: string; hidden: boolean }[] };
    expect(json.sheets).toEqual([
      { name: "Cover", hidden: false },
      { name: "Workings", hidden: true },
    ]);
    expect(json.published).toEqual([
      expect.objectContaining({ sheet: "Workings", cell: "D2", severity: "warning" }),
    ]);
    expect(r.code).toBe(0); // a truncation is a warning
  });

  test("a CSV with 'n of d (x%)' text is checked", async () => {
    const csv = dir.file("notes.csv");
    writeFileSync(csv, 'Note\r\n"Escalations: 31 of 274 (11.3%), then 18 of 206 (8.6%)"\r\n');
    const r = await run(["check", csv, "--json", "-"]);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.published.map((p) => [p.sheet, p.cell, p.text, p.expected])).toEqual([
      ["notes.csv", "A2", "8.6%", "8.7%"],
    ]);
    expect(r.code).toBe(0);
  });
});

describe("perfcycle check: hidden sheets written by openpyxl", () => {
  test("checks a hidden and a very hidden sheet, naming them, with the text on the visible one", async () => {
    const file = join(__dirname, "../fixtures/published/hidden-sheets.openpyxl.xlsx");
    const r = await run(["check", file, "--json", "-"]);
    const json = JSON.parse(r.stdout) as CheckJson & {
      register: boolean;
      sheets: { name: string; hidden: boolean }[];
    };
    expect(json.sheets).toEqual([
      { name: "Summary", hidden: false },
      { name: "Workings", hidden: true },
      { name: "Lookup", hidden: true },
    ]);
    expect(json.published.map((p) => [p.sheet, p.cell, p.severity, p.expected])).toEqual([
      ["Workings", "D2", "warning", "13.3%"],
      ["Lookup", "C1", "error", "9.1%"],
    ]);
    expect(r.code).toBe(1);
    const text = await run(["check", file]);
    expect(text.stdout).toMatch(/hidden ones too \("Workings", "Lookup"\)/);
  });
});
