/**
 * Schema 2's SMART codes (semantics.md, "Setting targets: methods"):
 * - `A-EVIDENCE` (warning): an Agreed or Approved target with neither a method nor a rationale.
 *   Only where the register has the columns (a schema-1 workbook is not judged on evidence it
 *   had nowhere to write; docs/decisions.md).
 * - `R-LINEAGE` (warning): an indicator id with actuals last year and none this year (the year of
 *   the reporting period), and no target naming it in `PreviousId`.
 */
import { formatFiscalYear } from "./periods";
import { idKey, type Register, type TargetRecord } from "./register";
import type { Finding } from "./smart";

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === "";

/** A-EVIDENCE for one target, or null. */
export function evidenceFinding(t: TargetRecord): Finding | null {
  if (t.status === "Draft") return null;
  if (t.targetMethod === undefined && t.targetRationale === undefined) return null; // no such columns
  if (!blank(t.targetMethod) || !blank(t.targetRationale)) return null;
  const who = `${blank(t.indicatorId) ? "(no id)" : t.indicatorId.trim()} (${blank(t.orgUnit) ? "no unit" : t.orgUnit.trim()})`;
  return {
    code: "A-EVIDENCE",
    severity: "warning",
    indicatorId: t.indicatorId,
    orgUnit: t.orgUnit,
    field: "TargetMethod",
    message: `${who}: the ${t.status.toLowerCase()} target has no method or rationale: say how it was set (e.g. CloseGap(0.5, England)) in TargetMethod or TargetRationale`,
  };
}

/** R-LINEAGE for the register: ids that stopped reporting this year with no successor. */
export function lineageFindings(register: Register): Finding[] {
  const rp = register.settings.reportingPeriod;
  if (rp === null) return [];
  const thisYear = rp.fy;
  const lastYear = new Map<string, string>(); // id key → id as written
  const now = new Set<string>();
  for (const a of register.actuals) {
    const k = idKey(a.indicatorId);
    if (k === "") continue;
    if (a.period.fy === thisYear - 1 && !lastYear.has(k)) lastYear.set(k, a.indicatorId.trim());
    if (a.period.fy === thisYear) now.add(k);
  }
  const named = new Set<string>();
  for (const t of register.targets) if (!blank(t.previousId)) named.add(idKey(t.previousId ?? ""));
  const out: Finding[] = [];
  for (const [k, id] of lastYear) {
    if (now.has(k) || named.has(k)) continue;
    const unit = register.targets.find((t) => idKey(t.indicatorId) === k)?.orgUnit ?? "";
    const sm = register.settings.startMonth;
    out.push({
      code: "R-LINEAGE",
      severity: "warning",
      indicatorId: id,
      orgUnit: unit,
      field: "PreviousId",
      message: `${id}: has actuals in ${formatFiscalYear(thisYear - 1, sm)} but none in ${formatFiscalYear(thisYear, sm)}, and no target names it in PreviousId: if it was renamed, write ${id} in the new indicator's PreviousId`,
    });
  }
  return out;
}
