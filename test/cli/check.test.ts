import { readFileSync } from "node:fs";
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
    expect(Object.keys(json)).toEqual(["findings", "errors", "published"]);
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
