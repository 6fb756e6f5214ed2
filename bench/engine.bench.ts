/**
 * Engine throughput: buildReport over 100,000 indicators × 8 quarters (mixed measure types,
 * polarities and profiles, some gaps), in indicator-quarters per second, beside a naive baseline
 * measured in the same run. Goal: ≥ 1,000,000 indicator-quarters/s.
 *
 * The naive baseline evaluates one indicator-quarter at a time the way a spreadsheet formula or
 * a first attempt would: it re-derives the profile's weights from the profile name, parses every
 * period label it meets, and scans the whole actuals table linearly for the figures it needs
 * (year to date, previous quarter, same quarter last year, the seasonal baseline year). It is
 * run on a subset of cells (it would take hours on all of them) against the full-size actuals
 * table, so its per-item rate is representative; both rates are per indicator-quarter.
 *
 * The first period's report prepares the register (indexes its actuals, groups its targets, runs
 * the SMART checks); buildReport keeps that while the register's arrays are the same, so the
 * other seven periods reuse it. Both are printed. The machine's load average is printed too: on a
 * shared machine the rates move with it.
 *
 *   npm run bench -- engine            (ENGINE_BENCH_INDICATORS=20000 for a smaller run)
 */
import { cpus, loadavg } from "node:os";
import { buildReport, type Quarter, type Register, type ReportRow, type TargetRecord } from "../src/engine";
import { naiveCell } from "./engine/naive";
import { ratingCore } from "./engine/ratingCore";
import { generate, PERIODS, shuffled, type RawActual } from "./engine/register";

const INDICATORS = Number(process.env["ENGINE_BENCH_INDICATORS"] ?? 100_000);
const NAIVE_CELLS = Number(process.env["ENGINE_BENCH_NAIVE_CELLS"] ?? 200);
const GOAL = 1_000_000;
const rate = (items: number, ms: number): number => (items / ms) * 1000;
const fmt = (x: number): string => Math.round(x).toLocaleString("en-GB");

/** The cells the naive baseline evaluates: a spread of indicators in each period. */
interface Sampled {
  readonly t: TargetRecord;
  readonly p: Quarter;
  readonly pi: number;
  readonly ti: number;
}

function sample(register: Register): Sampled[] {
  const perPeriod = Math.max(1, Math.floor(NAIVE_CELLS / PERIODS.length));
  const step = Math.max(1, Math.floor(INDICATORS / perPeriod));
  const subset: Sampled[] = [];
  PERIODS.forEach((p, pi) => {
    for (let k = 0; k < perPeriod; k++) {
      const i = (k * step + pi) % INDICATORS;
      const t = register.targets[i * 2 + (p.fy === 2015 ? 0 : 1)];
      if (t) subset.push({ t, p, pi, ti: i });
    }
  });
  return subset;
}

/**
 * Real path: buildReport for each of the 8 periods over the whole register. Only the rows the
 * naive baseline is checked against are kept, as a host keeps one report at a time.
 */
function timeReports(register: Register, subset: readonly Sampled[]) {
  let cells = 0;
  const statuses = new Map<string, number>();
  const periodMs: number[] = [];
  const kept = new Map<string, ReportRow>();
  PERIODS.forEach((p, pi) => {
    const s0 = performance.now();
    const report = buildReport(register, p);
    periodMs.push(performance.now() - s0);
    cells += report.entries.length;
    for (const [k, v] of Object.entries(report.summary)) statuses.set(k, (statuses.get(k) ?? 0) + v);
    for (const c of subset) {
      const row = c.pi === pi ? report.entries[c.ti]?.row : undefined;
      if (row) kept.set(`${c.pi}/${c.ti}`, row);
    }
  });
  return { cells, statuses, periodMs, kept };
}

/** The naive baseline over the subset, and how many of its cells agree with buildReport's. */
function timeNaive(
  register: Register,
  subset: readonly Sampled[],
  table: readonly RawActual[],
  kept: ReadonlyMap<string, ReportRow>,
) {
  naiveCell(subset[0]?.t ?? (register.targets[0] as TargetRecord), PERIODS[0] as Quarter, table); // warm-up
  let agree = 0;
  const n0 = performance.now();
  const naive = subset.map((c) => naiveCell(c.t, c.p, table));
  const naiveMs = performance.now() - n0;
  subset.forEach((c, k) => {
    const real = kept.get(`${c.pi}/${c.ti}`);
    const mine = naive[k];
    if (real && mine && real.rag === mine.rag && real.explanation === mine.explanation) agree += 1;
    else if (process.env["ENGINE_BENCH_DEBUG"]) console.log(JSON.stringify({ real, mine, t: c.t }));
  });
  return { naiveMs, agree };
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const { register, raw } = generate(INDICATORS);
  const table = process.env["ENGINE_BENCH_SHUFFLE"] ? shuffled(raw) : raw;
  const genMs = performance.now() - t0;
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}; node ${process.version}`,
  );
  console.log(
    `register: ${fmt(INDICATORS)} indicators (${fmt(register.targets.length)} target rows for 2 years), ` +
      `${fmt(register.actuals.length)} actuals; built in ${fmt(genMs)} ms`,
  );

  // Warm-up on a small register so both paths are compiled before they are timed.
  const small = generate(2000).register;
  for (const p of PERIODS) buildReport(small, p);

  const subset = sample(register);
  const { cells, statuses, periodMs, kept } = timeReports(register, subset);
  const realMs = periodMs.reduce((x, y) => x + y, 0);
  const realRate = rate(cells, realMs);
  const firstMs = periodMs[0] ?? 0;
  const restMs = realMs - firstMs;
  const { naiveMs, agree } = timeNaive(register, subset, table, kept);
  const naiveRate = rate(subset.length, naiveMs);
  console.log(
    `statuses over the 8 periods: ${[...statuses]
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(", ")}`,
  );
  console.log(
    `buildReport × 8 periods: ${fmt(cells)} indicator-quarters in ${fmt(realMs)} ms = ${fmt(realRate)} /s`,
  );
  console.log(
    `  first period (prepares the register: indexes its actuals, groups its targets, SMART checks): ` +
      `${fmt(firstMs)} ms = ${fmt(rate(cells / PERIODS.length, firstMs))} /s; ` +
      `the other 7: ${fmt(restMs)} ms = ${fmt(rate((cells * (PERIODS.length - 1)) / PERIODS.length, restMs))} /s`,
  );
  console.log(
    `naive baseline:          ${fmt(subset.length)} indicator-quarters in ${fmt(naiveMs)} ms = ${fmt(naiveRate)} /s ` +
      `(subset; same status and explanation as buildReport for ${agree} of ${subset.length})`,
  );
  console.log(`ratio buildReport / naive: ${fmt(realRate / naiveRate)}×`);
  ratingCore(small); // warm-up
  const core = ratingCore(register);
  const coreRate = rate(core.cells, core.ms);
  console.log(
    `rating core (per-cell figures and RAG, no report rows or explanations): ${fmt(core.cells)} indicator-quarters ` +
      `in ${fmt(core.ms)} ms = ${fmt(coreRate)} /s; ratio to naive: ${fmt(coreRate / naiveRate)}×; ` +
      `goal ≥ ${fmt(GOAL)}: ${coreRate >= GOAL ? "met" : "NOT met"} (${(coreRate / GOAL).toFixed(2)}×)`,
  );
  console.log(
    `full report (buildReport) against the goal ≥ ${fmt(GOAL)} indicator-quarters/s: ${realRate >= GOAL ? "met" : "NOT met"} (${(realRate / GOAL).toFixed(2)}× the goal)`,
  );
  if (agree !== subset.length) throw new Error("the naive baseline disagrees with buildReport");
}
