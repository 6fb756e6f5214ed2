/**
 * A target's figures for any quarter: its unit's own records, or the roll-up of its children
 * where the unit has none, with the reason when there is no figure; and the profile's weights.
 */
import type { MeasureType } from "./measures";
import type { ErrorCode } from "./result";
import { profileWeights } from "./profiles";
import { leastCertain, type QualityOf } from "./quality";
import type { ActualRecord, TargetRecord } from "./register";
import { resolveUnit, unitKey, type Hierarchy, type Observation } from "./rollup";
import { observationOf, recordValue, seriesAt, zeroDenominator, type Series } from "./series";

/** A quarter's figure, or why there is none. */
export type QuarterFigure =
  | {
      readonly kind: "value";
      readonly value: number;
      readonly rolledUp: boolean;
      /** The figure with a rate's numerator and denominator (summed over children when rolled up). */
      readonly observation: Observation;
    }
  | { readonly kind: "missing"; readonly missingUnits: readonly string[] }
  | {
      readonly kind: "error";
      readonly code: ErrorCode;
      readonly message: string;
      readonly row: number | null;
      readonly column: string;
    };

const NONE_OWN = Object.freeze({ value: null, fromPrevious: false });

/** The quality of most figures (shared: a report holds one per row). */
const VALIDATED: QualityOf = Object.freeze({ quality: "Validated", unit: null });

/** A leaf's figures by quarter (NaN for none), from its records. */
function leafFigures(own: Series, measureType: MeasureType): Float64Array {
  const figures = new Float64Array(own.recs.length);
  for (let k = 0; k < own.recs.length; k++) {
    const a = own.recs[k];
    figures[k] = (a === undefined ? null : recordValue(a, measureType)) ?? Number.NaN;
  }
  return figures;
}

/**
 * Resolves a target's figures for any quarter, rolling up children where the unit has none. A unit
 * without children (the common case) reads its own records directly; the roll-up, and the reasons
 * a figure is missing, are worked out only when needed. Kept per target while its register is
 * the same, with the profile's weights, so reports for several periods share the work.
 */
export class FigureSource {
  private cache: Map<number, QuarterFigure> | null = null;
  private readonly own: Series | undefined;
  /** A leaf's figures by quarter (NaN for none), read from its records on first use. */
  private figures: Float64Array | null = null;
  /** The unit has no children in PerfUnits: its figure is its own record or nothing. */
  readonly leaf: boolean;
  private readonly key: string;
  /** The profile's weights, once worked out. */
  weights: ReturnType<typeof profileWeights> | undefined;
  /** The previous id's figures for the same unit (lineage, `PreviousId`), when the target names one. */
  previous: FigureSource | null = null;
  /** Whether the weights read a figure of the previous id (Seasonal; the row names it). */
  usedPrevious = false;
  constructor(
    private readonly target: TargetRecord,
    private readonly measureType: MeasureType,
    private readonly byUnit: ReadonlyMap<string, Series> | undefined,
    private readonly hierarchy: Hierarchy,
    private readonly names: (unitKey: string) => string,
    unitKeyOf: (unit: string) => string = unitKey,
  ) {
    const key = unitKeyOf(target.orgUnit);
    this.key = key;
    this.own = byUnit?.get(key);
    this.leaf = !hierarchy.childrenOf.has(key);
  }

  /** The unit's own record of a quarter (commentary and action live there). */
  record(qi: number): ActualRecord | undefined {
    return seriesAt(this.own, qi);
  }

  /** Another unit's record of a quarter, by its name (a child that has not reported may say why). */
  recordOfUnit(unit: string, qi: number): ActualRecord | undefined {
    return seriesAt(this.byUnit?.get(unitKey(unit)), qi);
  }

  /** The figure of a quarter, or null when there is none (`at` says why). */
  value(qi: number): number | null {
    if (this.leaf) {
      const own = this.own;
      if (own === undefined) return null;
      const figures = (this.figures ??= leafFigures(own, this.measureType));
      const k = qi - own.base;
      const v = k >= 0 && k < figures.length ? (figures[k] ?? Number.NaN) : Number.NaN;
      return Number.isNaN(v) ? null : v;
    }
    const f = this.at(qi);
    return f.kind === "value" ? f.value : null;
  }

  /** The figure of a quarter with a rate's counts (for its interval), or null when there is none. */
  observation(qi: number): Observation | null {
    if (this.leaf) {
      if (this.value(qi) === null) return null;
      return observationOf(this.record(qi), this.measureType) ?? null;
    }
    const f = this.at(qi);
    return f.kind === "value" ? f.observation : null;
  }

  /**
   * The quality of a quarter's figure: its own record's, or for a roll-up the least certain of
   * the children's records used, naming that unit (semantics.md, "Data quality").
   */
  quality(qi: number): QualityOf {
    const own = this.record(qi);
    if (own !== undefined || this.leaf) {
      const q = own?.quality;
      return q === undefined || q === "Validated" ? VALIDATED : { quality: q, unit: null };
    }
    const walk = (uk: string): QualityOf[] => {
      const rec = seriesAt(this.byUnit?.get(uk), qi);
      if (rec !== undefined) return [{ quality: rec.quality ?? "Validated", unit: this.names(uk) }];
      return (this.hierarchy.childrenOf.get(uk) ?? []).flatMap(walk);
    };
    return leastCertain((this.hierarchy.childrenOf.get(this.key) ?? []).flatMap(walk));
  }

  /**
   * A quarter's figure, or the previous id's where this id has none (semantics.md, lineage);
   * `fromPrevious` says which.
   */
  lineageValue(qi: number): { readonly value: number | null; readonly fromPrevious: boolean } {
    const v = this.value(qi);
    if (v === null && this.previous === null) return NONE_OWN;
    if (v !== null || this.previous === null) return { value: v, fromPrevious: false };
    const p = this.previous.value(qi);
    return { value: p, fromPrevious: p !== null };
  }

  /** A quarter's observation, or the previous id's where this id has none. */
  lineageObservation(qi: number): Observation | null {
    const o = this.observation(qi);
    if (o !== null || this.previous === null) return o;
    return this.previous.observation(qi);
  }

  /** Whether a quarter's figure came from the children's roll-up. */
  rolledUp(qi: number): boolean {
    if (this.leaf) return false;
    const f = this.at(qi);
    return f.kind === "value" && f.rolledUp;
  }

  at(qi: number): QuarterFigure {
    const hit = this.cache?.get(qi);
    if (hit) return hit;
    let bad: { record: ActualRecord; message: string } | null = null;
    const own = (uk: string): Observation | undefined => {
      const record = seriesAt(this.byUnit?.get(uk), qi);
      if (this.measureType === "Rate" && bad === null) {
        const message = zeroDenominator(record);
        if (message !== null && record) bad = { record, message };
      }
      return observationOf(record, this.measureType);
    };
    const r = resolveUnit(
      this.target.orgUnit,
      this.hierarchy,
      own,
      this.measureType,
      this.target.aggregation,
      this.names,
    );
    const zero = bad as { record: ActualRecord; message: string } | null;
    const f: QuarterFigure =
      r.kind === "value"
        ? { kind: "value", value: r.observation.value, rolledUp: r.rolledUp, observation: r.observation }
        : zero !== null
          ? {
              kind: "error",
              code: "DIVIDE_BY_ZERO",
              message: zero.message,
              row: zero.record.row,
              column: "Denominator",
            }
          : r.kind === "missing"
            ? { kind: "missing", missingUnits: r.missingUnits }
            : { kind: "error", code: r.code, message: r.message, row: null, column: "Value" };
    (this.cache ??= new Map()).set(qi, f);
    return f;
  }
}

/** The profile's weights for a target; Seasonal reads the baseline year's four quarters. */
export function targetWeights(
  t: TargetRecord,
  measureType: MeasureType,
  quarterValue: (qi: number) => number | null,
): ReturnType<typeof profileWeights> {
  const profile = t.profile ?? "Linear";
  const seasonalBaseline: (number | null)[] = [];
  if (profile === "Seasonal" && t.baselinePeriod) {
    const base = t.baselinePeriod.fy * 4;
    for (let i = 0; i < 4; i++) seasonalBaseline.push(quarterValue(base + i));
  }
  return profileWeights(profile, { customWeights: t.weights, seasonalBaseline, measureType });
}
