/**
 * Indicator lineage offered, never applied (semantics.md, "Indicator lineage"): when a target is
 * added under a new IndicatorId whose name is the name of an indicator of an earlier year, that
 * indicator's id is offered as the new row's PreviousId for the user to confirm. Pure.
 *
 * Choices (docs/decisions.md): names match ignoring case, spacing and punctuation; the candidate
 * is an id with targets only in years before the new row's (or with none given), not already
 * named as another row's PreviousId; the latest such year first.
 */
import { idKey, type Register } from "../engine";

/** A name for matching: lower case, letters and digits only, single spaces. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface LineageCandidate {
  readonly indicatorId: string;
  readonly indicator: string;
  /** The latest year it has a target for (null when none is given). */
  readonly lastYear: number | null;
}

/**
 * The earlier indicators a new id may continue, by name.
 *
 * @example
 * lineageCandidates(register, "EY-GLD2", "Good level of development", 2016) // [{ indicatorId: "EY-GLD", … }]
 */
export function lineageCandidates(
  register: Register,
  indicatorId: string,
  indicator: string,
  year: number | null,
): LineageCandidate[] {
  const key = nameKey(indicator);
  if (key === "" || indicatorId.trim() === "") return [];
  if (register.targets.some((t) => idKey(t.indicatorId) === idKey(indicatorId))) return [];
  const taken = new Set(register.targets.flatMap((t) => (t.previousId ? [idKey(t.previousId)] : [])));
  const byId = new Map<string, { id: string; name: string; years: (number | null)[] }>();
  for (const t of register.targets) {
    if (nameKey(t.indicator) !== key || taken.has(idKey(t.indicatorId))) continue;
    const k = idKey(t.indicatorId);
    const e = byId.get(k) ?? { id: t.indicatorId, name: t.indicator, years: [] };
    e.years.push(t.targetYear);
    byId.set(k, e);
  }
  const out: LineageCandidate[] = [];
  for (const e of byId.values()) {
    const known = e.years.filter((y): y is number => y !== null);
    const last = known.length > 0 ? Math.max(...known) : null;
    if (year !== null && last !== null && last >= year) continue;
    out.push({ indicatorId: e.id, indicator: e.name, lastYear: last });
  }
  return out.sort((a, b) => (b.lastYear ?? -1) - (a.lastYear ?? -1));
}
