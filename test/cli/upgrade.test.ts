/**
 * The schema upgrade on first write (workbook.md, "Additions (schema version 2)"), on version 1
 * workbooks written by other programs (openpyxl, and LibreOffice re-saving it; made by
 * test/fixtures/upgrade/make.sh): `import --into` adds the schema 2 columns at the right end of
 * their tables, the new settings, SchemaVersion 2, in the same write as the rows; openpyxl and
 * our own reader read the result; the user's columns and cells are where they were. A book
 * whose new columns would land on a filled cell, or of a newer schema, is refused and unchanged.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openXlsx } from "../../src/cli/ooxml/book";
import { fixture } from "./corpus";
import { run, tempDir } from "./helpers";
import { openpyxlAvailable, openpyxlTables } from "./openpyxlRead";
import { excelRuleProblems } from "./packageRules";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const UPGRADE = join(__dirname, "../fixtures/upgrade");
const WIDE = fixture("wide.csv");
const withOpenpyxl = openpyxlAvailable ? test : test.skip;

describe.each(["openpyxl-v1.xlsx", "libreoffice-v1.xlsx"])("import --into a version 1 book by %s", (name) => {
  const path = dir.file(`up-${name}`);
  let stdout = "";
  let code = -1;
  beforeAll(async () => {
    copyFileSync(join(UPGRADE, name), path);
    const r = await run(["import", WIDE, "--into", path]);
    stdout = r.stdout;
    code = r.code;
    expect(r.stderr).toBe("");
  });

  test("writes the rows and says what the upgrade did", () => {
    expect(code).toBe(0);
    expect(stdout).toMatch(/4 rows added and 2 updated in PerfActuals/);
    expect(stdout).toMatch(
      /upgraded to schema version 2: SchemaVersion 1 → 2; PerfTargets: add TargetMethod, TargetRationale, PreviousId at the end; PerfActuals: add Quality at the end/,
    );
  });

  test("our reader: columns at the right end, user columns in place, settings and version 2", async () => {
    const before = await openXlsx(join(UPGRADE, name));
    const after = await openXlsx(path);
    for (const [table, added] of [
      ["PerfTargets", ["TargetMethod", "TargetRationale", "PreviousId"]],
      ["PerfActuals", ["Quality"]],
      ["PerfUnits", []],
    ] as const) {
      const was = before.tableNamed(table)!;
      const is = after.tableNamed(table)!;
      expect(is.columns).toEqual([...was.columns, ...added]);
      const a = before.rawTable(was, { formats: false });
      const b = after.rawTable(is, { formats: false });
      expect(b.headers).toEqual([...a.headers, ...added]);
      // Every cell the user had is where it was; in PerfActuals the import may change only
      // Value, Numerator and Denominator of the rows it updates.
      const keep = a.headers.map((h, j) =>
        ["Value", "Numerator", "Denominator"].includes(String(h)) ? -1 : j,
      );
      a.rows.forEach((row, i) => {
        for (const j of keep) if (j >= 0) expect(b.rows[i]![j]).toEqual(row[j]);
        if (table !== "PerfActuals") expect(b.rows[i]).toEqual([...row, ...added.map(() => null)]);
      });
    }
    const settings = after.rawTable(after.tableNamed("PerfSettings")!, { formats: false }).rows;
    expect(settings.find((r) => r[0] === "SchemaVersion")?.[1]).toBe(2);
    expect(settings.slice(-3)).toEqual([
      ["ConfidenceLevel", 95],
      ["SmallBase", 30],
      ["DotSignificance", "No"],
    ]);
    const report = JSON.parse(
      (await run(["evaluate", path, "--period", "2015-16 Q3", "--json", "-"])).stdout,
    ) as { schemaVersion: number };
    expect(report.schemaVersion).toBe(2);
  });

  test("Excel's rules hold in the upgraded package", () => {
    const had = new Set(excelRuleProblems(readFileSync(join(UPGRADE, name))));
    expect(excelRuleProblems(readFileSync(path)).filter((p) => !had.has(p))).toEqual([]);
  });

  withOpenpyxl("openpyxl reads it back: tableColumns, header cells, refs and dimension agree", () => {
    const before = openpyxlTables(join(UPGRADE, name));
    const after = openpyxlTables(path);
    const targets = after.PerfTargets!;
    expect(targets.columns).toEqual([
      ...before.PerfTargets!.columns,
      "TargetMethod",
      "TargetRationale",
      "PreviousId",
    ]);
    expect(targets.headers).toEqual(targets.columns);
    expect(targets.rows).toEqual(before.PerfTargets!.rows.map((r) => [...r, null, null, null]));
    expect(targets.ref).toBe("A1:X18");
    const actuals = after.PerfActuals!;
    expect(actuals.columns.at(-1)).toBe("Quality");
    expect(actuals.headers).toEqual(actuals.columns);
    expect(actuals.autoFilter).toBe(actuals.ref);
    expect(actuals.rows).toHaveLength(before.PerfActuals!.rows.length + 4);
    // Each sheet's dimension covers its tables.
    const col = (ref: string): number =>
      [...ref.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    for (const t of Object.values(after)) {
      const end = t.ref.split(":")[1]!;
      const dim = t.dimension.split(":")[1] ?? t.dimension;
      expect(col(dim)).toBeGreaterThanOrEqual(col(end));
      expect(Number(/\d+$/.exec(dim)![0])).toBeGreaterThanOrEqual(Number(/\d+$/.exec(end)![0]));
    }
    expect(after.PerfSettings!.rows.find((r) => r[0] === "SchemaVersion")?.[1]).toBe(2);
  });

  test("a second import writes no second set of columns", async () => {
    const r = await run(["import", WIDE, "--into", path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 rows added and 0 updated/);
    expect(r.stdout).not.toMatch(/upgraded/);
  });
});

test("a filled cell where a new column would go is refused, naming sheet and cell; nothing is written", async () => {
  const path = dir.file("blocked.xlsx");
  copyFileSync(join(UPGRADE, "blocked-v1.xlsx"), path);
  const before = readFileSync(path);
  const r = await run(["import", WIDE, "--into", path]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    'perfcycle: PerfActuals cannot take the new column Quality: Actuals!I3 to its right holds "checked by JS"; move it and try again\n',
  );
  expect(readFileSync(path).equals(before)).toBe(true);
});

test("a workbook of schema version 3 is refused, saying which PerfCycle reads it; nothing is written", async () => {
  const path = dir.file("v3.xlsx");
  copyFileSync(join(UPGRADE, "v3.xlsx"), path);
  const before = readFileSync(path);
  for (const argv of [
    ["import", WIDE, "--into", path],
    ["import", "--comparators", join(UPGRADE, "ohid-reach.csv"), "--indicator", "CC-REACH", "--into", path],
  ]) {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/uses schema version 3, but this PerfCycle .* reads schema version 2 and older/);
    expect(r.stderr).toMatch(/Open it with a PerfCycle newer than/);
    expect(readFileSync(path).equals(before)).toBe(true);
  }
});

describe("evaluate --xlsx", () => {
  test("a copy is the book as it was plus the report sheet: the copy is not upgraded", async () => {
    const out = dir.file("copy.xlsx");
    const r = await run([
      "evaluate",
      join(UPGRADE, "openpyxl-v1.xlsx"),
      "--period",
      "2015-16 Q2",
      "--xlsx",
      out,
    ]);
    expect(r.code).toBe(0);
    const book = await openXlsx(out);
    expect(book.tableNamed("PerfActuals")!.columns).not.toContain("Quality");
  });

  test("naming the book itself writes into it, so it is upgraded in the same write", async () => {
    const path = dir.file("inplace.xlsx");
    copyFileSync(join(UPGRADE, "openpyxl-v1.xlsx"), path);
    const r = await run(["evaluate", path, "--period", "2015-16 Q2", "--xlsx", path]);
    expect(r.code).toBe(0);
    const book = await openXlsx(path);
    expect(book.sheetNamed("PerfReport 2015-16 Q2")).toBeDefined();
    expect(book.tableNamed("PerfActuals")!.columns.at(-1)).toBe("Quality");
    const settings = book.rawTable(book.tableNamed("PerfSettings")!, { formats: false }).rows;
    expect(settings.find((x) => x[0] === "SchemaVersion")?.[1]).toBe(2);
  });
});

test("a version 1 book with no PerfSettings gets one, on a sheet of its own, in the same write", async () => {
  const path = dir.file("nosettings.xlsx");
  copyFileSync(join(UPGRADE, "nosettings-v1.xlsx"), path);
  const r = await run(["import", WIDE, "--into", path]);
  expect(r.code).toBe(0);
  const book = await openXlsx(path);
  const t = book.tableNamed("PerfSettings")!;
  expect(t.sheet.name).toBe("PerfSettings");
  expect(book.rawTable(t, { formats: false }).rows).toEqual([
    ["SchemaVersion", 2],
    ["ConfidenceLevel", 95],
    ["SmallBase", 30],
    ["DotSignificance", "No"],
  ]);
  if (openpyxlAvailable) expect(openpyxlTables(path).PerfSettings!.ref).toBe("A1:B5");
});
