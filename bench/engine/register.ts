/** The engine bench's register: 100,000 generated indicators, deterministic, with the raw rows a naive reader scans. */
import {
  DEFAULT_SETTINGS,
  formatQuarter,
  type ActualRecord,
  type MeasureType,
  type Polarity,
  type ProfileName,
  type Quarter,
  type QuarterNumber,
  type Register,
  type TargetRecord,
} from "../../src/engine";

/** Rated: 2015-16 Q1 to 2016-17 Q4. Actuals from 2014-15 Q1 (baseline year and year-ago figures). */
export const FIRST_FY = 2014;
export const PERIODS: readonly Quarter[] = [2015, 2016].flatMap((fy) =>
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
export interface RawActual {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface Generated {
  readonly register: Register;
  readonly raw: readonly RawActual[];
}

const MEASURES: readonly MeasureType[] = ["Count", "Level", "Rate"];
const POLARITY: readonly Polarity[] = ["Higher", "Higher", "Lower", "Lower", "Neutral"];
const PROFILES: readonly ProfileName[] = ["Linear", "Front", "Back", "Flat", "Custom", "Seasonal"];
const UNITS = ["North", "South", "East", "West", "City"];

export function generate(n: number): Generated {
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
export function shuffled<T>(xs: readonly T[]): T[] {
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
