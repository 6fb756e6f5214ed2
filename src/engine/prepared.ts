/**
 * The prepared-register cache: what a report needs from a register whatever the period, worked
 * out once per register and kept while its arrays are the same.
 */
import { indexComparators, type ComparatorIndex } from "./comparators";
import { FigureSource } from "./figureSource";
import type { MeasureType } from "./measures";
import type { EngineError } from "./result";
import { idKey, type ActualRecord, type Register, type TargetRecord, type UnitRecord } from "./register";
import { buildHierarchy, unitKey, type Hierarchy } from "./rollup";
import { indexSeries, remembered, type Series, type SeriesIndex } from "./series";
import type { Finding } from "./smart";

/**
 * One indicator and unit's targets, with each target's FigureSource (made on first use, at the
 * same position as its target) and the indicator's actuals by unit: kept per register, so no
 * lookup by target is needed for each report.
 */
export class TargetGroup {
  readonly sources: (FigureSource | undefined)[];
  byUnit: ReadonlyMap<string, Series> | undefined | null = null;
  constructor(readonly targets: readonly TargetRecord[]) {
    this.sources = new Array<FigureSource | undefined>(targets.length).fill(undefined);
  }
}

/**
 * Targets grouped by indicator and unit, in the order each group first appears: a register may
 * hold targets for several years of the same indicator and unit. Rows without an id stand alone.
 */
function groupTargets(
  targets: readonly TargetRecord[],
  unitKeyOf: (unit: string) => string = unitKey,
): TargetRecord[][] {
  const groups: TargetRecord[][] = [];
  const slot = new Map<string, Map<string, TargetRecord[]>>();
  for (const t of targets) {
    if (t.indicatorId.trim() === "") {
      groups.push([t]);
      continue;
    }
    const ik = idKey(t.indicatorId);
    let byUnit = slot.get(ik);
    if (byUnit === undefined) slot.set(ik, (byUnit = new Map()));
    const uk = unitKeyOf(t.orgUnit);
    const group = byUnit.get(uk);
    if (group === undefined) {
      const g = [t];
      byUnit.set(uk, g);
      groups.push(g);
    } else group.push(t);
  }
  return groups;
}

/** The position in its group of the target for a fiscal year: the first for that year, else 0. */
export function pickTargetIndex(group: readonly TargetRecord[], fy: number): number {
  for (let k = 0; k < group.length; k++) if (group[k]?.targetYear === fy) return k;
  return 0;
}

/**
 * What a report needs from a register whatever the period: the unit hierarchy, display names of
 * units, the actuals by indicator, unit and quarter, the targets grouped by indicator and unit,
 * each target's figures and weights, and the SMART findings. Worked out once per register and
 * kept while its arrays are the same (a Register is immutable; a host that reads the tables again
 * makes a new one), so reports for several periods of one register share the work.
 */
export interface Prepared {
  readonly targets: readonly TargetRecord[];
  readonly units: readonly UnitRecord[];
  readonly comparatorRows: Register["comparators"];
  readonly comparators: ComparatorIndex;
  readonly lengths: string;
  readonly startMonth: number;
  readonly hierarchy: Hierarchy;
  readonly hierarchyError: EngineError | null;
  readonly series: SeriesIndex;
  readonly groups: readonly TargetGroup[];
  readonly displayName: (unitKey: string) => string;
  readonly unitKeyOf: (unit: string) => string;
  findings: readonly Finding[] | null;
}

const PREPARED = new WeakMap<readonly ActualRecord[], Prepared>();

/** Display names of units by key, from PerfUnits first, then the targets (made on first use). */
function displayNames(register: Register): (unitKey: string) => string {
  let names: Map<string, string> | null = null;
  return (k: string): string => {
    if (names === null) {
      names = new Map<string, string>();
      for (const u of register.units) names.set(unitKey(u.orgUnit), u.orgUnit.trim());
      for (const t of register.targets)
        if (!names.has(unitKey(t.orgUnit))) names.set(unitKey(t.orgUnit), t.orgUnit.trim());
    }
    return names.get(k) ?? k;
  };
}

/** The register's prepared form, from the cache when its arrays are the same. */
export function prepare(register: Register): Prepared {
  const { targets, actuals, units } = register;
  const lengths = `${targets.length}/${actuals.length}/${units.length}`;
  const startMonth = register.settings.startMonth;
  const hit = PREPARED.get(actuals);
  if (
    hit &&
    hit.targets === targets &&
    hit.units === units &&
    hit.comparatorRows === register.comparators &&
    hit.lengths === lengths &&
    hit.startMonth === startMonth
  )
    return hit;
  const h = buildHierarchy(units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const unitKeyOf = remembered(unitKey);
  const prepared: Prepared = {
    targets,
    units,
    comparatorRows: register.comparators,
    comparators: indexComparators(register.comparators),
    lengths,
    startMonth,
    hierarchy: h.ok ? h.value : { parentOf: new Map(), childrenOf: new Map() },
    hierarchyError: h.ok ? null : h.error,
    series: indexSeries(actuals, unitKeyOf),
    groups: groupTargets(targets, unitKeyOf).map((g) => new TargetGroup(g)),
    displayName: displayNames(register),
    unitKeyOf,
    findings: null,
  };
  PREPARED.set(actuals, prepared);
  return prepared;
}

/** A target's FigureSource, with its previous id's figures for the same unit (lineage). */
export function newSource(
  prepared: Prepared,
  t: TargetRecord,
  measureType: MeasureType,
  byUnit: ReadonlyMap<string, Series> | undefined = prepared.series.get(idKey(t.indicatorId)),
): FigureSource {
  const make = (target: TargetRecord, series: typeof byUnit): FigureSource =>
    new FigureSource(
      target,
      measureType,
      series,
      prepared.hierarchy,
      prepared.displayName,
      prepared.unitKeyOf,
    );
  const src = make(t, byUnit);
  const prev = t.previousId?.trim() ?? "";
  if (prev !== "" && idKey(prev) !== idKey(t.indicatorId))
    src.previous = make({ ...t, indicatorId: prev }, prepared.series.get(idKey(prev)));
  return src;
}
