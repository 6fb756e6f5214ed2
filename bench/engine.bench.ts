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
import {
  buildReport,
  distanceTravelled,
  onTrack,
  variance,
  variancePct,
  directionOfTravel,
  explain,
  forecast as forecastOf,
  formatQuarter,
  milestone as milestoneOf,
  parsePeriod,
  parseProfile,
  profileWeights,
  ragStatus,
  weightFor,
  DEFAULT_SETTINGS,
  type ActualRecord,
  type MeasureType,
  type Polarity,
  type ProfileName,
  type Quarter,
  type QuarterNumber,
  type RagStatus,
  type Register,
  type ReportRow,
  type TargetRecord,
} from "../src/engine";

const INDICATORS = Number(process.env["ENGINE_BENCH_INDICATORS"] ?? 100_000);
const NAIVE_CELLS = Number(process.env["ENGINE_BENCH_NAIVE_CELLS"] ?? 200);
const GOAL = 1_000_000;
/** Rated: 2015-16 Q1 to 2016-17 Q4. Actuals from 2014-15 Q1 (baseline year and year-ago figures). */
const FIRST_FY = 2014;
const PERIODS: readonly Quarter[] = [2015, 2016].flatMap((fy) =>
  ([1, 2, 3, 4] as const).map((q) => ({ fy, q })),
);

/** mulberry32: a small deterministic generator, so every run rates the same register. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A raw actuals row as a naive reader sees it: the period as its label text. */
interface RawActual {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

interface Generated {
  readonly register: Register;
  readonly raw: readonly RawActual[];
}

const MEASURES: readonly MeasureType[] = ["Count", "Level", "Rate"];
const POLARITY: readonly Polarity[] = ["Higher", "Higher", "Lower", "Lower", "Neutral"];
const PROFILES: readonly ProfileName[] = ["Linear", "Front", "Back", "Flat", "Custom", "Seasonal"];
const UNITS = ["North", "South", "East", "West", "City"];

function generate(n: number): Generated {
  const rand = rng(20151);
  const targets: TargetRecord[] = [];
  const actuals: ActualRecord[] = [];
  const raw: RawActual[] = [];
  let row = 0;
  for (let i = 0; i < n; i++) {
    const measureType = MEASURES[i % 3] ?? "Count";
    const polarity = POLARITY[Math.floor(rand() * POLARITY.length)] ?? "Higher";
    let profile = PROFILES[Math.floor(rand() * PROFILES.length)] ?? "Linear";
    if (profile === "Seasonal" && measureType !== "Count") profile = "Linear";
    const id = `IND-${String(i).padStart(6, "0")}`;
    const orgUnit = UNITS[i % UNITS.length] ?? "City";
    const scale = measureType === "Rate" ? 1 : measureType === "Level" ? 400 : 150;
    const baseline =
      measureType === "Count" ? scale * 4 : measureType === "Rate" ? 0.2 + rand() * 0.5 : scale;
    const w1 = rand() * 0.4;
    const w2 = w1 + rand() * 0.3;
    const weights = profile === "Custom" ? [w1, w2, w2 + rand() * (1 - w2), 1] : [null, null, null, null];
    for (const fy of [2015, 2016]) {
      const better = polarity === "Lower" ? 0.9 : 1.1;
      const target = measureType === "Rate" ? Math.min(0.99, baseline * better) : baseline * better;
      row += 1;
      targets.push({
        row,
        indicatorId: id,
        indicator: `Indicator ${i}`,
        orgUnit,
        outcome: "Outcome",
        measureType,
        polarity,
        unit: measureType === "Rate" ? "%" : "cases",
        owner: "Owner",
        dataSource: "Source",
        baselinePeriod: { fy: fy - 1, q: null },
        baseline,
        targetYear: fy,
        target,
        profile,
        weights,
        tolerance: i % 7 === 0 ? 0.02 : null,
        toleranceType: i % 7 === 0 ? (measureType === "Rate" ? "Absolute" : "Relative") : null,
        status: "Approved",
        aggregation: "Sum",
      });
    }
    // Twelve quarters of actuals (2014-15 Q1 to 2016-17 Q4), about 3% of them missing.
    for (let k = 0; k < 12; k++) {
      if (rand() < 0.03) continue;
      const period: Quarter = { fy: FIRST_FY + Math.floor(k / 4), q: ((k % 4) + 1) as QuarterNumber };
      const jitter = 0.8 + rand() * 0.4;
      let value: number | null = null;
      let numerator: number | null = null;
      let denominator: number | null = null;
      if (measureType === "Rate") {
        denominator = 200 + Math.floor(rand() * 4000);
        numerator = Math.min(denominator, Math.round(denominator * baseline * jitter));
      } else value = Math.round(scale * jitter);
      actuals.push({
        row: actuals.length + 1,
        indicatorId: id,
        orgUnit,
        period,
        value,
        numerator,
        denominator,
        commentary: "",
        action: "",
      });
      raw.push({ indicatorId: id, orgUnit, period: formatQuarter(period), value, numerator, denominator });
    }
  }
  const register: Register = {
    settings: { ...DEFAULT_SETTINGS, reportingPeriod: PERIODS[PERIODS.length - 1] ?? null },
    targets,
    actuals,
    units: [],
  };
  return { register, raw };
}

/** Shuffle the raw rows so a linear scan cannot stop early by luck of order. */
function shuffled<T>(xs: readonly T[]): T[] {
  const rand = rng(7);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

interface NaiveCell {
  readonly rag: RagStatus;
  readonly explanation: string;
}

/** One indicator-quarter, naively: profile name → weights, labels parsed, the table scanned. */
function naiveCell(t: TargetRecord, period: Quarter, raw: readonly RawActual[]): NaiveCell {
  const measureType = t.measureType ?? "Count";
  const polarity = t.polarity ?? "Higher";
  // One scan of the whole table, parsing the label of every row of this indicator and unit.
  const byIndex = new Map<number, number>();
  for (const r of raw) {
    if (r.indicatorId !== t.indicatorId || r.orgUnit !== t.orgUnit) continue;
    const p = parsePeriod(r.period);
    if (!p.ok) continue;
    const v = r.numerator !== null && r.denominator !== null ? r.numerator / r.denominator : r.value;
    if (v !== null) byIndex.set(p.value.fy * 4 + p.value.q - 1, v);
  }
  const at = (p: Quarter): number | null => byIndex.get(p.fy * 4 + p.q - 1) ?? null;
  const profile = parseProfile(t.profile ?? "");
  const seasonal = [1, 2, 3, 4].map((q) =>
    at({ fy: (t.baselinePeriod?.fy ?? 0) as number, q: q as QuarterNumber }),
  );
  const w = profileWeights(profile.ok ? profile.value : "Linear", {
    customWeights: t.weights,
    seasonalBaseline: seasonal,
    measureType,
  });
  const inYear = t.targetYear === period.fy;
  const weight = w.ok ? weightFor(w.value, period.q) : null;
  const m =
    inYear && weight !== null && t.target !== null
      ? milestoneOf(measureType, t.baseline ?? undefined, t.target, weight)
      : null;
  const milestone = m?.ok ? m.value : null;
  let actual: number | null = at(period);
  const missing: string[] = [];
  if (measureType === "Count") {
    let sum = 0;
    for (let q = 1; q <= period.q; q++) {
      const quarter: Quarter = { fy: period.fy, q: q as QuarterNumber };
      const v = at(quarter);
      if (v === null) missing.push(formatQuarter(quarter));
      else sum += v;
    }
    actual = missing.length === 0 ? sum : null;
  }
  const missingQuarters =
    missing.length > 1 || (missing.length === 1 && at(period) !== null) ? missing : undefined;
  const qv = at(period);
  const prevIndex = period.fy * 4 + period.q - 2;
  const prev = at({ fy: Math.floor(prevIndex / 4), q: ((prevIndex % 4) + 1) as QuarterNumber });
  const yearAgo = at({ fy: period.fy - 1, q: period.q });
  const dotYearAgo = directionOfTravel(qv, yearAgo, polarity);
  const fc = inYear ? forecastOf(measureType, actual, t.baseline, period.q, weight) : null;
  const tolerance = t.tolerance ?? DEFAULT_SETTINGS.defaultTolerance;
  const toleranceType = t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative");
  const rag = ragStatus({
    actual,
    milestone,
    polarity,
    tolerance,
    toleranceType,
    target: inYear ? t.target : null,
    dotYearAgo,
    forecast: fc,
  });
  if (!rag.ok) return { rag: "No target", explanation: rag.error.message };
  if (!w.ok && inYear && t.target !== null && rag.value.status === "No target") {
    return { rag: "No target", explanation: `No target: the milestone cannot be set. ${w.error.message}` };
  }
  const explanation = explain({
    rag: rag.value,
    measureType,
    polarity,
    unit: t.unit,
    actual,
    milestone,
    target: inYear ? t.target : null,
    tolerance,
    toleranceType,
    forecast: fc,
    dotPrevious: directionOfTravel(qv, prev, polarity),
    dotYearAgo,
    yearAgoActual: yearAgo,
    period: formatQuarter(period),
    missingQuarters,
  });
  return { rag: rag.value.status, explanation };
}

/**
 * The rating core alone: what a PERF.* formula or a host recomputing a grid does per
 * indicator-quarter (milestone, RAG, variance, variance %, distance travelled, both directions of
 * travel, forecast, on-track), with the figures indexed once per indicator and the weights derived
 * once per target. No report rows, explanation strings or SMART checks: those are buildReport's.
 */
function ratingCore(register: Register): { cells: number; ms: number; statuses: number } {
  const t0 = performance.now();
  const series = new Map<string, Float64Array>();
  for (const a of register.actuals) {
    let s = series.get(a.indicatorId);
    if (!s) series.set(a.indicatorId, (s = new Float64Array(16).fill(Number.NaN)));
    const v = a.numerator !== null && a.denominator !== null ? a.numerator / a.denominator : a.value;
    if (v !== null) s[(a.period.fy - FIRST_FY) * 4 + a.period.q - 1] = v;
  }
  const at = (s: Float64Array | undefined, k: number): number | null => {
    const v = s?.[k];
    return v === undefined || Number.isNaN(v) ? null : v;
  };
  let cells = 0;
  let green = 0;
  for (const t of register.targets) {
    if (t.measureType === null || t.polarity === null || t.targetYear === null || t.target === null) continue;
    const s = series.get(t.indicatorId);
    const base = ((t.baselinePeriod?.fy ?? t.targetYear - 1) - FIRST_FY) * 4;
    const w = profileWeights(t.profile ?? "Linear", {
      customWeights: t.weights,
      seasonalBaseline: [at(s, base), at(s, base + 1), at(s, base + 2), at(s, base + 3)],
      measureType: t.measureType,
    });
    let ytd: number | null = 0;
    for (let q = 1 as QuarterNumber; q <= 4; q = (q + 1) as QuarterNumber) {
      const k = (t.targetYear - FIRST_FY) * 4 + q - 1;
      const qv = at(s, k);
      const weight = w.ok ? weightFor(w.value, q) : null;
      const m =
        weight === null ? null : milestoneOf(t.measureType, t.baseline ?? undefined, t.target, weight);
      const milestone = m?.ok ? m.value : null;
      ytd = ytd === null || qv === null ? null : ytd + qv;
      const actual = t.measureType === "Count" ? ytd : qv;
      const dotYearAgo = directionOfTravel(qv, at(s, k - 4), t.polarity);
      directionOfTravel(qv, at(s, k - 1), t.polarity);
      const fc = forecastOf(t.measureType, actual, t.baseline, q, weight);
      variance(actual, milestone);
      variancePct(actual, milestone);
      distanceTravelled(t.measureType, actual, t.baseline, t.target);
      onTrack(fc, t.target, t.polarity);
      const r = ragStatus({
        actual,
        milestone,
        polarity: t.polarity,
        tolerance: t.tolerance ?? DEFAULT_SETTINGS.defaultTolerance,
        toleranceType: t.tolerance === null ? "Relative" : (t.toleranceType ?? "Relative"),
        target: t.target,
        dotYearAgo,
        forecast: fc,
      });
      if (r.ok && r.value.status === "Green") green += 1;
      cells += 1;
    }
  }
  return { cells, ms: performance.now() - t0, statuses: green };
}

const rate = (items: number, ms: number): number => (items / ms) * 1000;
const fmt = (x: number): string => Math.round(x).toLocaleString("en-GB");

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

  // The cells the naive baseline evaluates: a spread of indicators in each period.
  const perPeriod = Math.max(1, Math.floor(NAIVE_CELLS / PERIODS.length));
  const step = Math.max(1, Math.floor(INDICATORS / perPeriod));
  const subset: { t: TargetRecord; p: Quarter; pi: number; ti: number }[] = [];
  PERIODS.forEach((p, pi) => {
    for (let k = 0; k < perPeriod; k++) {
      const i = (k * step + pi) % INDICATORS;
      const t = register.targets[i * 2 + (p.fy === 2015 ? 0 : 1)];
      if (t) subset.push({ t, p, pi, ti: i });
    }
  });

  // Real path: buildReport for each of the 8 periods over the whole register. Only the rows the
  // naive baseline is checked against are kept, as a host keeps one report at a time.
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
  const realMs = periodMs.reduce((x, y) => x + y, 0);
  const realRate = rate(cells, realMs);
  const firstMs = periodMs[0] ?? 0;
  const restMs = realMs - firstMs;

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
