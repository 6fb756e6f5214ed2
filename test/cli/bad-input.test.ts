import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writePlainBook } from "./books";
import { filesIn, makeZip, run, tempDir, unzip, type RunResult } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

const sample = dir.file("sample.xlsx");
const inputs: Record<string, string> = {};

beforeAll(async () => {
  expect((await run(["sample", sample])).code).toBe(0);
  const put = (name: string, data: Buffer | string): void => {
    inputs[name] = dir.file(name);
    writeFileSync(inputs[name], data);
  };
  put("notes.xlsx", "IndicatorId,Value\nEH-EHA,12\n");
  const cfb = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1200);
  put("protected.xlsx", cfb);
  const whole = readFileSync(sample);
  put("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
  // A zip bomb: the sample with a part whose directory entry claims 3.5 GB.
  const parts = [...unzip(whole).entries()].map(([name, data]) => ({ name, data }));
  put(
    "bomb.xlsx",
    makeZip([...parts, { name: "xl/media/image1.png", data: Buffer.from("x"), declaredSize: 3_500_000_000 }]),
  );
  inputs["plain.xlsx"] = dir.file("plain.xlsx");
  await writePlainBook(inputs["plain.xlsx"]);
  inputs["missing.xlsx"] = dir.file("missing.xlsx");
});

function expectOneLine(r: RunResult, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^perfcycle: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const CASES: readonly (readonly [string, RegExp])[] = [
  ["missing.xlsx", /missing\.xlsx: no such file/],
  ["notes.xlsx", /notes\.xlsx is not an Excel workbook/],
  ["protected.xlsx", /protected\.xlsx is password-protected/],
  ["truncated.xlsx", /truncated\.xlsx is damaged/],
  ["bomb.xlsx", /bomb\.xlsx is refused: .*zip bomb/],
  ["plain.xlsx", /plain\.xlsx: .*no PerfTargets table/],
];

describe.each(CASES)("a bad workbook %s", (name, pattern) => {
  test("evaluate: one line, exit 2, no output file", async () => {
    const out = join(dir.path, `out-evaluate-${name}`);
    mkdirSync(out);
    const r = await run([
      "evaluate",
      inputs[name]!,
      "--json",
      join(out, "r.json"),
      "--xlsx",
      join(out, "r.xlsx"),
      "--html",
      join(out, "r.html"),
    ]);
    expectOneLine(r, pattern);
    expect(filesIn(out)).toEqual([]);
  });

  test("check: one line, exit 2, no output file (a book without PerfTargets is checked: issue 8)", async () => {
    const out = join(dir.path, `out-check-${name}`);
    mkdirSync(out);
    const r = await run(["check", inputs[name]!, "--json", join(out, "c.json")]);
    if (name === "plain.xlsx") {
      // Any workbook can be checked: no register is said, not refused (exit 0: nothing wrong found).
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/No target register: plain\.xlsx has no PerfTargets table/);
      expect(filesIn(out)).toEqual(["c.json"]);
      return;
    }
    expectOneLine(r, pattern);
    expect(filesIn(out)).toEqual([]);
  });
});

describe("limits", () => {
  test("a sheet with more rows than the limit is refused, naming the sheet (limit lowered for the test)", async () => {
    const out = join(dir.path, "out-rows");
    mkdirSync(out);
    const r = await run(["evaluate", sample, "--json", join(out, "r.json")], { limits: { maxRows: 50 } });
    expectOneLine(r, /sheet "Actuals" has more than 50 rows/);
    expect(filesIn(out)).toEqual([]);
  });

  test("a CSV with more rows than the limit is refused", async () => {
    const csv = dir.file("long.csv");
    writeFileSync(
      csv,
      ["IndicatorId,2015-16 Q1", ...Array.from({ length: 60 }, (_, i) => `ID${i},${i}`)].join("\n"),
    );
    expectOneLine(
      await run(["import", csv], { limits: { maxRows: 50 } }),
      /long\.csv is refused: it has more than 50 rows/,
    );
  });

  test("import --into a bad book leaves it as it was", async () => {
    const csv = dir.file("w.csv");
    writeFileSync(csv, "IndicatorId,OrgUnit,2015-16 Q1\nEH-EHA,City,5\n");
    const before = readFileSync(inputs["truncated.xlsx"]!);
    expectOneLine(await run(["import", csv, "--into", inputs["truncated.xlsx"]!]), /damaged/);
    expect(readFileSync(inputs["truncated.xlsx"]!).equals(before)).toBe(true);
  });

  test("import of a bad .xlsx cannot run", async () => {
    expectOneLine(await run(["import", inputs["protected.xlsx"]!]), /password-protected/);
    expectOneLine(await run(["import", inputs["bomb.xlsx"]!]), /zip bomb/);
  });

  test("a CSV with an unclosed quote names the line", async () => {
    const csv = dir.file("quote.csv");
    writeFileSync(csv, 'IndicatorId,2015-16 Q1\nEH-EHA,5\n"Reach,6\n');
    expectOneLine(await run(["import", csv]), /quote\.csv line 3: a quoted field is not closed/);
  });
});

describe("usage", () => {
  test("--version prints the version", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  test.each(["sample", "evaluate", "check", "import"])(
    "%s --help shows its usage and exits 0",
    async (cmd) => {
      const r = await run([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: perfcycle ${cmd}`);
    },
  );

  test("--help lists every command", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["sample OUT.xlsx", "evaluate BOOK.xlsx", "check BOOK.xlsx", "import WIDE"])
      expect(r.stdout).toContain(cmd);
  });

  test("no command prints the usage and exits 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage:");
  });

  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["evaluate"], /evaluate: a file name is missing/],
    [["evaluate", "a.xlsx", "b.xlsx"], /evaluate: unexpected "b\.xlsx"/],
    [["evaluate", "a.xlsx", "--colour"], /evaluate: unknown option --colour/],
    [["evaluate", "a.xlsx", "--json"], /evaluate: .*--json/],
    [["evaluate", "a.xlsx", "--html", "-"], /--xlsx and --html need a file name/],
    [["import", "w.csv", "--into", "w.csv"], /--into must name the PerfCycle workbook/],
  ])("%j is a usage error: one line, exit 2", async (argv, pattern) => {
    expectOneLine(await run(argv), pattern);
  });

  test("an output in a folder that does not exist is refused before any work", async () => {
    expectOneLine(
      await run(["evaluate", sample, "--json", dir.file("nowhere/r.json")]),
      /the folder .*nowhere does not exist/,
    );
  });
});
