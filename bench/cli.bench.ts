/**
 * `npm run bench -- cli`: the command end to end, each run in a child process of its own, its
 * peak RSS taken from inside the child (process.resourceUsage().maxRSS) and its wall time from
 * the child's start to its end, beside ExcelJS alone reading the same file in the same run:
 *   1. `evaluate BOOK --json F` on 10,000 indicators × 8 quarters (80,000 actual rows);
 *   2. the same on a book with 100,000 actual rows (12,500 indicators × 8 quarters);
 *   3. `import WIDE.csv --into BOOK` on that book: a new quarter for every indicator (12,500
 *      rows appended to PerfActuals, written part by part).
 * Goals (issue 8): peak RSS ≤ 300 MB and wall time ≤ 1.0× ExcelJS's own read of the same file.
 *
 * It measures the command as users run it: the compiled lib/cli (rebuilt first with
 * `tsc -p tsconfig.cli.json`), not the TypeScript sources through tsx.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import { ACTUAL_COLUMNS, SETTINGS_COLUMNS, TABLE, TARGET_COLUMNS, type RawCell } from "../src/contract";

const INDICATORS = Number(process.env.CLI_BENCH_INDICATORS ?? 10_000);
const LARGE_INDICATORS = Number(process.env.CLI_BENCH_LARGE_INDICATORS ?? 12_500);
const QUARTERS = [
  "2014-15 Q3",
  "2014-15 Q4",
  "2015-16 Q1",
  "2015-16 Q2",
  "2015-16 Q3",
  "2015-16 Q4",
  "2016-17 Q1",
  "2016-17 Q2",
];
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 3);

/** A deterministic pseudo-random sequence (so every run measures the same workbook). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function writeWorkbook(path: string, indicators: number): Promise<void> {
  const rnd = lcg(42);
  const wb = new Workbook();
  const table = (sheet: string, name: string, headers: readonly string[], rows: RawCell[][]): void => {
    const ws = wb.addWorksheet(sheet);
    ws.addTable({
      name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows,
    });
  };
  table("Settings", TABLE.settings, SETTINGS_COLUMNS, [
    ["SchemaVersion", 1],
    ["FiscalYearStartMonth", 4],
    ["ReportingPeriod", "2016-17 Q2"],
    ["DefaultTolerance", 0.05],
    ["RagScheme", "RAG"],
    ["RagRule", "Milestone"],
  ]);
  const targets: RawCell[][] = [];
  const actuals: RawCell[][] = [];
  const types = ["Count", "Level", "Rate"] as const;
  const polarities = ["Higher", "Lower", "Neutral"] as const;
  const profiles = ["Linear", "Front", "Back", "Flat"] as const;
  for (let i = 0; i < indicators; i++) {
    const id = `IND-${String(i + 1).padStart(5, "0")}`;
    const mt = types[i % 3]!;
    const pol = polarities[Math.floor(i / 3) % 3]!;
    const base = mt === "Rate" ? 0.3 + rnd() * 0.4 : Math.round(100 + rnd() * 900);
    const target =
      mt === "Rate"
        ? base + (pol === "Lower" ? -0.05 : 0.05)
        : Math.round(base * (pol === "Lower" ? 0.9 : 1.1));
    const row: RawCell[] = TARGET_COLUMNS.map(() => null);
    const set = (col: (typeof TARGET_COLUMNS)[number], v: RawCell): void => {
      row[TARGET_COLUMNS.indexOf(col)] = v;
    };
    set("IndicatorId", id);
    set("Indicator", `Indicator ${i + 1}`);
    set("OrgUnit", "City");
    set("Outcome", "Families get the right help early");
    set("MeasureType", mt);
    set("Polarity", pol);
    set("Unit", mt === "Rate" ? "%" : "families");
    set("Owner", "Head of Service");
    set("DataSource", "Case management system");
    set("BaselinePeriod", "2015-16");
    set("Baseline", base);
    set("TargetYear", "2016-17");
    set("Target", target);
    set("Profile", profiles[i % 4]!);
    set("Status", "Agreed");
    targets.push(row);
    for (const q of QUARTERS) {
      const a: RawCell[] = ACTUAL_COLUMNS.map(() => null);
      a[0] = id;
      a[1] = "City";
      a[2] = q;
      if (mt === "Rate") {
        const d = Math.round(200 + rnd() * 300);
        a[4] = Math.round(d * (base + (rnd() - 0.5) * 0.1));
        a[5] = d;
      } else a[3] = Math.round((mt === "Count" ? base / 4 : base) * (0.8 + rnd() * 0.4));
      if (rnd() < 0.05) a[6] = "Commentary on this quarter's figure";
      actuals.push(a);
    }
  }
  table("Targets", TABLE.targets, TARGET_COLUMNS, targets);
  table("Actuals", TABLE.actuals, ACTUAL_COLUMNS, actuals);
  await wb.xlsx.writeFile(path);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const MB = (n: number): string => `${Math.round(n / 1048576)} MB`;

const ROOT = join(__dirname, "..");

function compile(): void {
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
}

/** The child: runs ExcelJS's read or the command, then prints its wall time and peak RSS. */
const CHILD = `
const t0 = performance.now();
const [mode, ...args] = process.argv.slice(2);
(async () => {
  let code = 0;
  if (mode === "exceljs") {
    const { Workbook } = require(${JSON.stringify(join(ROOT, "node_modules/exceljs"))});
    const wb = new Workbook();
    await wb.xlsx.load(require("node:fs").readFileSync(args[0]));
  } else {
    const { main } = require(${JSON.stringify(join(ROOT, "lib/cli/main.js"))});
    code = await main(args, { stdout() {}, stderr(t) { process.stderr.write(t); } });
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ code, ms, maxRss: process.resourceUsage().maxRSS * 1024 }));
})();
`;

interface Run {
  readonly code: number;
  readonly ms: number;
  readonly maxRss: number;
}

function child(script: string, args: readonly string[]): Run {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

interface Case {
  readonly label: string;
  readonly book: string;
  readonly args: (book: string) => readonly string[];
  /** Run before each measured run (not timed), e.g. a fresh copy of the book to import into. */
  readonly prepare?: () => string;
  readonly expectCode: number;
}

function measure(script: string, c: Case): void {
  const base: Run[] = [];
  const cmd: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(child(script, ["exceljs", c.book]));
    const book = c.prepare?.() ?? c.book;
    const r = child(script, ["cli", ...c.args(book)]);
    if (r.code !== c.expectCode) throw new Error(`${c.label} exited ${r.code}`);
    cmd.push(r);
  }
  const bMs = median(base.map((x) => x.ms));
  const cMs = median(cmd.map((x) => x.ms));
  const bRss = Math.max(...base.map((x) => x.maxRss));
  const cRss = Math.max(...cmd.map((x) => x.maxRss));
  console.log(`\n${c.label} (${MB(statSync(c.book).size)} on disk)`);
  console.log(`  ExcelJS alone reading the file: ${Math.round(bMs)} ms wall, peak RSS ${MB(bRss)}`);
  console.log(`  perfcycle:                      ${Math.round(cMs)} ms wall, peak RSS ${MB(cRss)}`);
  console.log(
    `  ratio to ExcelJS's read: ${(cMs / bMs).toFixed(2)}× wall (goal ≤ 1.0×), ${(cRss / bRss).toFixed(2)}× RSS; peak RSS ${MB(cRss)} (goal ≤ 300 MB) ${cRss <= 300 * 1048576 && cMs <= bMs ? "✓" : "✗"}`,
  );
}

/** A wide CSV with the next quarter (2016-17 Q3) for every indicator of the large book. */
function wideCsv(path: string, indicators: number): void {
  const lines = ["IndicatorId,OrgUnit,2016-17 Q3"];
  for (let i = 0; i < indicators; i++) {
    const id = `IND-${String(i + 1).padStart(5, "0")}`;
    lines.push(`${id},City,${i % 3 === 2 ? `${100 + (i % 50)}/${400 + (i % 90)}` : 100 + (i % 700)}`);
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

export async function run(): Promise<void> {
  compile();
  const dir = mkdtempSync(join(tmpdir(), "perfcycle-bench-"));
  try {
    const script = join(dir, "child.js");
    writeFileSync(script, CHILD);
    const book = join(dir, "bench.xlsx");
    const large = join(dir, "large.xlsx");
    const tw = performance.now();
    await writeWorkbook(book, INDICATORS);
    await writeWorkbook(large, LARGE_INDICATORS);
    const csv = join(dir, "wide.csv");
    wideCsv(csv, LARGE_INDICATORS);
    console.log(
      `workbooks written by ExcelJS in ${Math.round(performance.now() - tw)} ms; ${RUNS} runs each, medians of wall time, highest peak RSS; load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`,
    );
    const json = join(dir, "report.json");
    measure(script, {
      label: `evaluate --json: ${INDICATORS.toLocaleString("en-GB")} indicators × ${QUARTERS.length} quarters (${(INDICATORS * QUARTERS.length).toLocaleString("en-GB")} actual rows)`,
      book,
      args: (b) => ["evaluate", b, "--json", json],
      expectCode: 0,
    });
    measure(script, {
      label: `evaluate --json: ${(LARGE_INDICATORS * QUARTERS.length).toLocaleString("en-GB")} actual rows (${LARGE_INDICATORS.toLocaleString("en-GB")} indicators)`,
      book: large,
      args: (b) => ["evaluate", b, "--json", json],
      expectCode: 0,
    });
    const copy = join(dir, "into.xlsx");
    measure(script, {
      label: `import --into: ${LARGE_INDICATORS.toLocaleString("en-GB")} new rows into the book of ${(LARGE_INDICATORS * QUARTERS.length).toLocaleString("en-GB")} actual rows`,
      book: large,
      prepare: () => {
        copyFileSync(large, copy);
        return copy;
      },
      args: (b) => ["import", csv, "--into", b],
      expectCode: 0,
    });
    // CLI_BENCH_KEEP=path keeps a copy of the generated 10,000-indicator workbook (for profiling).
    if (process.env.CLI_BENCH_KEEP) copyFileSync(book, process.env.CLI_BENCH_KEEP);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
