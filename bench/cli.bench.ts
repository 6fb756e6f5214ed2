/**
 * `npm run bench -- cli`: `perfcycle evaluate` end to end (safety checks, ExcelJS read, the
 * contract's reader, the engine's report, the report JSON written to a file) on a generated
 * workbook of 10,000 indicators × 8 quarters, as a ratio to ExcelJS alone reading the same file
 * in the same run (goal ≤ 1.5×), with peak memory (RSS and heap high-water, sampled).
 *
 * It measures the command as users run it: the compiled lib/cli (rebuilt first with
 * `tsc -p tsconfig.cli.json`), not the TypeScript sources through tsx.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Workbook } from "exceljs";
import { ACTUAL_COLUMNS, SETTINGS_COLUMNS, TABLE, TARGET_COLUMNS, type RawCell } from "../src/contract";
import type { main as Main } from "../src/cli/main";

const INDICATORS = Number(process.env.CLI_BENCH_INDICATORS ?? 10_000);
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
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 5);

/** A deterministic pseudo-random sequence (so every run measures the same workbook). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function writeWorkbook(path: string): Promise<void> {
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
  for (let i = 0; i < INDICATORS; i++) {
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

interface Sampled<T> {
  readonly value: T;
  readonly ms: number;
  /** CPU time of the process (user + system, all threads): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly peakRss: number;
  readonly peakHeap: number;
}

// A full garbage collection before each measurement, so neither side pays for the other's garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Run `f`, sampling memory every 10 ms; the heap figure is the high-water above the start. */
async function measure<T>(f: () => Promise<T>): Promise<Sampled<T>> {
  gc();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 10);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  clearInterval(timer);
  sample();
  return { value, ms, cpuMs: (c.user + c.system) / 1000, peakRss, peakHeap: peakHeap - start.heapUsed };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const MB = (n: number): string => `${Math.round(n / 1048576)} MB`;

function compiledMain(): typeof Main {
  const root = join(__dirname, "..");
  const tsc = spawnSync(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(root, "lib/cli/main.js")) as { main: typeof Main }).main;
}

export async function run(): Promise<void> {
  const main = compiledMain();
  const dir = mkdtempSync(join(tmpdir(), "perfcycle-bench-"));
  try {
    const book = join(dir, "bench.xlsx");
    const tw = performance.now();
    await writeWorkbook(book);
    console.log(
      `workbook: ${INDICATORS.toLocaleString("en-GB")} indicators × ${QUARTERS.length} quarters (${(INDICATORS * QUARTERS.length).toLocaleString("en-GB")} actuals), ${MB(statSync(book).size)} on disk, written in ${Math.round(performance.now() - tw)} ms`,
    );

    const baseline: Sampled<number>[] = [];
    const evaluate: Sampled<number>[] = [];
    let stdoutBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      baseline.push(
        await measure(async () => {
          const wb = new Workbook();
          await wb.xlsx.load((await readFile(book)) as unknown as ArrayBuffer);
          return wb.worksheets.length;
        }),
      );
      evaluate.push(
        await measure(() =>
          main(["evaluate", book, "--json", join(dir, "report.json")], {
            stdout: (t) => {
              stdoutBytes += t.length;
            },
            stderr: (t) => {
              process.stderr.write(t);
            },
          }),
        ),
      );
      if (evaluate[evaluate.length - 1]?.value !== 0)
        throw new Error(`evaluate exited ${String(evaluate[evaluate.length - 1]?.value)}`);
    }
    const b = median(baseline.map((x) => x.ms));
    const e = median(evaluate.map((x) => x.ms));
    const bc = median(baseline.map((x) => x.cpuMs));
    const ec = median(evaluate.map((x) => x.cpuMs));
    const ratio = e / b;
    const cpuRatio = ec / bc;
    const load = loadavg()[0] ?? 0;
    console.log(`medians of ${RUNS} runs; load average ${load.toFixed(1)} on ${cpus().length} cores`);
    console.log(
      `ExcelJS alone reading the file (baseline): ${Math.round(b)} ms wall, ${Math.round(bc)} ms CPU`,
    );
    console.log(
      `perfcycle evaluate --json, end to end:       ${Math.round(e)} ms wall, ${Math.round(ec)} ms CPU`,
    );
    console.log(
      `ratio evaluate / ExcelJS read: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU (goal ≤ 1.5×)`,
    );
    console.log(
      `peak memory: baseline RSS ${MB(Math.max(...baseline.map((x) => x.peakRss)))}, heap high-water +${MB(Math.max(...baseline.map((x) => x.peakHeap)))}; evaluate RSS ${MB(Math.max(...evaluate.map((x) => x.peakRss)))}, heap high-water +${MB(Math.max(...evaluate.map((x) => x.peakHeap)))}`,
    );
    console.log(
      `report JSON ${MB(statSync(join(dir, "report.json")).size)}; terminal text ${MB(stdoutBytes / RUNS)} per run`,
    );
    // CLI_BENCH_KEEP=path keeps a copy of the generated workbook (for profiling).
    if (process.env.CLI_BENCH_KEEP) copyFileSync(book, process.env.CLI_BENCH_KEEP);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
