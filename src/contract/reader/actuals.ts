/**
 * PerfActuals rows → ActualRecords: the period parsed (each label once), the value or the
 * numerator and denominator (both or neither, `31/274` in Value), the row matched to a target.
 */
import {
  buildHierarchy,
  formatQuarter,
  idKey,
  parseCellNumber,
  parseOptionalNumber,
  parsePeriod,
  parseQuality,
  quote,
  rateCounts,
  fractionOrCounts,
  MESSAGES,
  actualKey,
  unitKey,
  type Counts,
  type LocatedCode,
  type ActualRecord,
  type Quarter,
  type Settings,
  type TargetRecord,
  type UnitRecord,
} from "../../engine";
import type { RawCell } from "../raw";
import { isBlankCell, type TableReader } from "./tables";

/** Whether an indicator has a target at a unit or a unit above it in PerfUnits. */
interface TargetMatch {
  hasIndicator(id: string): boolean;
  hasTargetAtOrAbove(id: string, unit: string): boolean;
}

function targetMatch(targets: readonly TargetRecord[], units: readonly UnitRecord[]): TargetMatch {
  // Targets by indicator: the set of units that have one.
  const targetUnits = new Map<string, Set<string>>();
  for (const t of targets) {
    const k = idKey(t.indicatorId);
    const set = targetUnits.get(k) ?? new Set<string>();
    set.add(unitKey(t.orgUnit));
    targetUnits.set(k, set);
  }
  const h = buildHierarchy(units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const parentOf = h.ok ? h.value.parentOf : new Map<string, string>();
  return {
    hasIndicator: (id) => targetUnits.has(idKey(id)),
    hasTargetAtOrAbove: (id, unit) => {
      const set = targetUnits.get(idKey(id));
      if (!set) return false;
      let cur: string | undefined = unitKey(unit);
      const visited = new Set<string>();
      while (cur !== undefined && !visited.has(cur)) {
        if (set.has(cur)) return true;
        visited.add(cur);
        cur = parentOf.get(cur);
      }
      return false;
    },
  };
}

/** A long table repeats a handful of period labels: parse each label once (the same result). */
function periodParser(sm: number): (raw: RawCell) => ReturnType<typeof parsePeriod> {
  const periods = new Map<string, ReturnType<typeof parsePeriod>>();
  return (raw) => {
    if (typeof raw !== "string") return parsePeriod(raw, { startMonth: sm });
    let r = periods.get(raw);
    if (r === undefined) periods.set(raw, (r = parsePeriod(raw, { startMonth: sm })));
    return r;
  };
}

interface Figures {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

type Fail = (column: string, code: LocatedCode, message: string) => void;

/** The row's Value, Numerator and Denominator: both counts or neither, never a denominator of 0 (engine figures.ts). */
function readFigures(reader: TableReader, cells: readonly RawCell[], fail: Fail): Figures {
  const cell = (c: string): RawCell => reader.cell(cells, c);
  let value: number | null = null;
  let fraction: Counts | null = null;
  const v = parseCellNumber(cell("Value"));
  if (!v.ok) fail("Value", v.error.code, v.error.message);
  else if (v.value.kind === "number") value = v.value.value;
  else if (v.value.kind === "fraction")
    fraction = { numerator: v.value.numerator, denominator: v.value.denominator };
  const count = (column: "Numerator" | "Denominator"): number | null => {
    const r = parseOptionalNumber(cell(column));
    if (!r.ok) fail(column, r.error.code, r.error.message);
    return r.ok ? r.value : null;
  };
  let numerator = count("Numerator");
  let denominator = count("Denominator");
  const either = fractionOrCounts(reader.text(cells, "Value"), fraction, numerator, denominator);
  if (either.ok) ({ numerator, denominator } = either.value);
  else fail("Value", either.error.code, either.error.message);
  const counts = rateCounts(numerator, denominator);
  if (counts.ok) return { value, numerator, denominator };
  const { code, field = "Value" } = counts.error;
  if (code === "FIGURE_ONE_COUNT") fail(field, code, counts.error.message);
  else {
    const written = `${reader.text(cells, "Numerator") || numerator}/${reader.text(cells, "Denominator") || denominator}`;
    fail(field, code, MESSAGES.quotedReason(written, counts.error.message));
  }
  return { value, numerator: null, denominator: null };
}

/** Schema 2's Quality, when the table has the column: blank is Validated; bad text an error (Validated). */
function readQuality(reader: TableReader, cells: readonly RawCell[], fail: Fail): ActualRecord["quality"] {
  if (!reader.has("Quality")) return undefined;
  const q = parseQuality(reader.cell(cells, "Quality"));
  if (q.ok) return q.value;
  fail("Quality", q.error.code, `${q.error.message}. Read as Validated`);
  return "Validated";
}

/** What the rows of one table share while they are checked. */
interface RowContext {
  readonly seen: Map<string, number>;
  readonly match: TargetMatch;
  readonly sm: number;
}

/** A row repeating an indicator, unit and quarter, or matching no target, is an error. */
function checkRow(
  row: {
    readonly n: number;
    readonly indicatorId: string;
    readonly orgUnit: string;
    readonly period: Quarter;
  },
  written: string,
  context: RowContext,
  fail: Fail,
): void {
  const { indicatorId, orgUnit, period } = row;
  if (indicatorId === "" || orgUnit === "") return;
  const key = actualKey(indicatorId, orgUnit, period);
  const first = context.seen.get(key);
  if (first !== undefined) {
    fail(
      "Period",
      "ACTUAL_DUPLICATE",
      `${quote(indicatorId)} for ${quote(orgUnit)} in ${formatQuarter(period, context.sm)} (written ${quote(written)}) is already on row ${first}; row ${first} is used`,
    );
  } else context.seen.set(key, row.n);
  if (!context.match.hasIndicator(indicatorId)) {
    fail(
      "IndicatorId",
      "ACTUAL_NO_INDICATOR",
      `${quote(indicatorId)} has no row in PerfTargets, so this actual is not measured against anything`,
    );
  } else if (!context.match.hasTargetAtOrAbove(indicatorId, orgUnit)) {
    fail(
      "OrgUnit",
      "ACTUAL_NO_TARGET",
      `${quote(indicatorId)} has no target for ${quote(orgUnit)} (nor for a unit above it in PerfUnits), so this actual is not measured against anything`,
    );
  }
}

/** Read the PerfActuals rows (a row whose period cannot be read is left out, with its error). */
export function readActuals(
  reader: TableReader,
  settings: Settings,
  targets: readonly TargetRecord[],
  units: readonly UnitRecord[],
): ActualRecord[] {
  const sm = settings.startMonth;
  const out: ActualRecord[] = [];
  const context: RowContext = { seen: new Map(), match: targetMatch(targets, units), sm };
  const periodOf = periodParser(sm);
  for (const { n, cells } of reader.rows()) {
    const fail: Fail = (column, code, message) => reader.error(n, column, code, message);
    const indicatorId = reader.text(cells, "IndicatorId");
    const orgUnit = reader.text(cells, "OrgUnit");
    if (indicatorId === "")
      fail("IndicatorId", "ID_MISSING", "no indicator id, so the row cannot be matched to a target");
    if (orgUnit === "") fail("OrgUnit", "UNIT_MISSING", "no unit, so the row cannot be matched to a target");
    const rawPeriod = reader.cell(cells, "Period");
    const p = periodOf(rawPeriod);
    if (!p.ok) {
      if (isBlankCell(rawPeriod))
        fail("Period", "PERIOD_MISSING", "no period: write the quarter, e.g. 2015-16 Q1");
      else fail("Period", p.error.code, p.error.message);
      continue;
    }
    const period = p.value;
    const figures = readFigures(reader, cells, fail);
    checkRow({ n, indicatorId, orgUnit, period }, reader.text(cells, "Period"), context, fail);
    const quality = readQuality(reader, cells, fail);
    out.push({
      row: n,
      indicatorId,
      orgUnit,
      period,
      ...figures,
      commentary: reader.text(cells, "Commentary"),
      action: reader.text(cells, "Action"),
      ...(quality === undefined ? {} : { quality }),
    });
  }
  return out;
}
