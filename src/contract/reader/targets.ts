/**
 * PerfTargets rows → TargetRecords: each cell read with the engine's parsers, each problem an
 * error naming the row and column; a row with a bad cell is still read, that field null.
 */
import {
  formatFiscalYear,
  formatQuarter,
  idKey,
  matchName,
  parseCellNumber,
  parseFiscalYear,
  parseMeasureType,
  parsePeriod,
  parsePolarity,
  parseProfile,
  parseToleranceType,
  fractionAllowed,
  MESSAGES,
  quote,
  rateCounts,
  TARGET_STATUSES,
  unitKey,
  type Aggregation,
  type BaselinePeriod,
  type EngineError,
  type LocatedCode,
  type MeasureType,
  type Result,
  type Settings,
  type TargetRecord,
  type TargetStatus,
  rateOf,
} from "../../engine";
import type { RawCell } from "../raw";
import { cellText, isBlankCell, TableReader } from "./tables";

type NumberContext = {
  readonly reader: TableReader;
  readonly n: number;
  readonly column: string;
};

/** A number cell of a target: blank → null; a placeholder or bad text is an error (null). */
export function targetNumber(ctx: NumberContext, cell: RawCell, allowFraction: boolean): number | null {
  const c = parseCellNumber(cell);
  if (!c.ok) {
    ctx.reader.error(ctx.n, ctx.column, c.error.code, c.error.message);
    return null;
  }
  switch (c.value.kind) {
    case "blank":
      return null;
    case "number":
      return c.value.value;
    case "placeholder":
      ctx.reader.error(
        ctx.n,
        ctx.column,
        "PLACEHOLDER",
        `${quote(c.value.text)} is not a number: leave the cell blank until the figure is known`,
      );
      return null;
    case "fraction": {
      const allowed = fractionAllowed(allowFraction ? "Rate" : null, cellText(cell));
      if (!allowed.ok) {
        ctx.reader.error(ctx.n, ctx.column, allowed.error.code, allowed.error.message);
        return null;
      }
      const r = rateCounts(c.value.numerator, c.value.denominator);
      if (!r.ok) {
        const message = MESSAGES.quotedReason(cellText(cell), r.error.message);
        ctx.reader.error(ctx.n, ctx.column, r.error.code, message);
        return null;
      }
      return rateOf(c.value);
    }
  }
}

/** BaselinePeriod: a fiscal year (q null) or a quarter. */
function baselinePeriod(
  cell: RawCell,
  startMonth: number,
): { value: BaselinePeriod | null; error: EngineError | { code: LocatedCode; message: string } | null } {
  if (isBlankCell(cell)) return { value: null, error: null };
  const isYearNumber = typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2199;
  if (typeof cell === "string" || isYearNumber) {
    const fy = parseFiscalYear(cell, startMonth);
    if (fy.ok) return { value: { fy: fy.value, q: null }, error: null };
    if (isYearNumber || fy.error.code === "PERIOD_AMBIGUOUS" || fy.error.code === "PERIOD_YEAR") {
      return { value: null, error: fy.error };
    }
  }
  const p = parsePeriod(cell, { startMonth });
  if (p.ok) return { value: { fy: p.value.fy, q: p.value.q }, error: null };
  const hint = `write a fiscal year (${formatFiscalYear(2014, startMonth)}) or a quarter (${formatQuarter({ fy: 2014, q: 4 }, startMonth)})`;
  return {
    value: null,
    error:
      p.error.code === "PERIOD_UNPARSEABLE"
        ? { code: "BASELINE_PERIOD", message: `${quote(cellText(cell))} is not a baseline period: ${hint}` }
        : { code: p.error.code, message: `${p.error.message}; ${hint}` },
  };
}

/** One row being read: its cells by column, and a way to report a problem in one of them. */
interface RowCells {
  readonly reader: TableReader;
  readonly n: number;
  text(column: string): string;
  cell(column: string): RawCell;
  fail(column: string, code: LocatedCode, message: string): void;
}

function rowCells(reader: TableReader, n: number, cells: readonly RawCell[]): RowCells {
  return {
    reader,
    n,
    text: (c) => reader.text(cells, c),
    cell: (c) => reader.cell(cells, c),
    fail: (c, code, message) => reader.error(n, c, code, message),
  };
}

/** A closed-list cell read by an engine parser: blank → null, bad text an error (null). */
function parsedCell<T>(r: RowCells, column: string, parse: (text: string) => Result<T>): T | null {
  if (isBlankCell(r.cell(column))) return null;
  const p = parse(r.text(column));
  if (p.ok) return p.value;
  r.fail(column, p.error.code, p.error.message);
  return null;
}

function readTargetYear(r: RowCells, sm: number): number | null {
  if (isBlankCell(r.cell("TargetYear"))) return null;
  const raw = r.cell("TargetYear");
  const y = raw instanceof Date || typeof raw === "boolean" ? null : parseFiscalYear(raw, sm);
  if (y?.ok) return y.value;
  if (y) r.fail("TargetYear", y.error.code, y.error.message);
  else
    r.fail(
      "TargetYear",
      "FISCAL_YEAR",
      `${quote(cellText(raw))} is not a fiscal year: write it as ${formatFiscalYear(2015, sm)}`,
    );
  return null;
}

function readTolerance(r: RowCells): number | null {
  const tolerance = targetNumber(
    { reader: r.reader, n: r.n, column: "Tolerance" },
    r.cell("Tolerance"),
    false,
  );
  if (tolerance !== null && tolerance < 0) {
    r.fail(
      "Tolerance",
      "TOLERANCE_NEGATIVE",
      `the tolerance cannot be negative; got ${quote(r.text("Tolerance"))}`,
    );
    return null;
  }
  return tolerance;
}

function readStatus(r: RowCells): TargetStatus {
  if (isBlankCell(r.cell("Status"))) return "Draft";
  const s = matchName(r.text("Status"), TARGET_STATUSES);
  if (s !== undefined) return s;
  r.fail(
    "Status",
    "STATUS",
    `Status must be Draft, Agreed or Approved; got ${quote(r.text("Status"))}. Read as Draft`,
  );
  return "Draft";
}

function readAggregation(r: RowCells): Aggregation {
  if (!r.reader.has("Aggregation") || isBlankCell(r.cell("Aggregation"))) return "Sum";
  const a = matchName(r.text("Aggregation"), ["Sum", "None"] as const);
  if (a !== undefined) return a;
  r.fail(
    "Aggregation",
    "AGGREGATION",
    `Aggregation must be Sum or None; got ${quote(r.text("Aggregation"))}. Read as Sum`,
  );
  return "Sum";
}

/** One target per indicator, unit and year: a later row repeating one is an error. */
function checkDuplicate(r: RowCells, seen: Map<string, number>, targetYear: number | null, sm: number): void {
  const indicatorId = r.text("IndicatorId");
  const orgUnit = r.text("OrgUnit");
  if (indicatorId === "") return;
  const key = `${idKey(indicatorId)}|${unitKey(orgUnit)}|${targetYear ?? ""}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, r.n);
    return;
  }
  const year = targetYear === null ? "" : ` for ${formatFiscalYear(targetYear, sm)}`;
  r.fail(
    "IndicatorId",
    "TARGET_DUPLICATE",
    `${quote(indicatorId)} for ${orgUnit === "" ? "no unit" : quote(orgUnit)}${year} duplicates row ${first}: one target per indicator, unit and year`,
  );
}

/** PlanEndYear: a fiscal year after the target year; else an error (no plan). */
function readPlanEndYear(r: RowCells, sm: number, targetYear: number | null): number | null {
  if (isBlankCell(r.cell("PlanEndYear"))) return null;
  const raw = r.cell("PlanEndYear");
  const y = raw instanceof Date || typeof raw === "boolean" ? null : parseFiscalYear(raw, sm);
  if (!y?.ok) {
    r.fail(
      "PlanEndYear",
      "FISCAL_YEAR",
      `${quote(cellText(raw))} is not a fiscal year: write it as ${formatFiscalYear(2017, sm)}`,
    );
    return null;
  }
  if (targetYear !== null && y.value < targetYear) {
    r.fail(
      "PlanEndYear",
      "PLAN_BEFORE_TARGET",
      `the plan ends in ${formatFiscalYear(y.value, sm)}, before the target year ${formatFiscalYear(targetYear, sm)}`,
    );
    return null;
  }
  return y.value;
}

/** Schema 2's columns of a target row, each only when the table has it. */
function readV2Target(
  r: RowCells,
  sm: number,
  targetYear: number | null,
  isRate: boolean,
): Partial<TargetRecord> {
  const out: {
    targetMethod?: string;
    targetRationale?: string;
    previousId?: string;
    planEndYear?: number | null;
    planTarget?: number | null;
  } = {};
  const has = (c: string): boolean => r.reader.has(c);
  if (has("TargetMethod")) out.targetMethod = r.text("TargetMethod");
  if (has("TargetRationale")) out.targetRationale = r.text("TargetRationale");
  if (has("PreviousId")) out.previousId = r.text("PreviousId");
  if (has("PlanEndYear")) out.planEndYear = readPlanEndYear(r, sm, targetYear);
  if (has("PlanTarget"))
    out.planTarget = targetNumber(
      { reader: r.reader, n: r.n, column: "PlanTarget" },
      r.cell("PlanTarget"),
      isRate,
    );
  return out;
}

/** One PerfTargets row. */
function readTarget(r: RowCells, settings: Settings, seen: Map<string, number>): TargetRecord {
  const sm = settings.startMonth;
  const num = (column: string, allowFraction: boolean): number | null =>
    targetNumber({ reader: r.reader, n: r.n, column }, r.cell(column), allowFraction);
  const measureType: MeasureType | null = parsedCell(r, "MeasureType", parseMeasureType);
  const polarity = parsedCell(r, "Polarity", parsePolarity);
  const bp = baselinePeriod(r.cell("BaselinePeriod"), sm);
  if (bp.error !== null) r.fail("BaselinePeriod", bp.error.code, bp.error.message);
  const isRate = measureType === "Rate";
  const baseline = num("Baseline", isRate);
  const targetYear = readTargetYear(r, sm);
  const target = num("Target", isRate);
  let profile: TargetRecord["profile"] = null;
  const pr = parseProfile(isBlankCell(r.cell("Profile")) ? null : r.text("Profile"));
  if (pr.ok) profile = pr.value;
  else r.fail("Profile", pr.error.code, pr.error.message);
  const weights = (["W1", "W2", "W3", "W4"] as const).map((w) => num(w, false));
  const tolerance = readTolerance(r);
  const toleranceType = parsedCell(r, "ToleranceType", parseToleranceType);
  const status = readStatus(r);
  const aggregation = readAggregation(r);
  checkDuplicate(r, seen, targetYear, sm);
  return {
    row: r.n,
    indicatorId: r.text("IndicatorId"),
    indicator: r.text("Indicator"),
    orgUnit: r.text("OrgUnit"),
    outcome: r.text("Outcome"),
    measureType,
    polarity,
    unit: r.text("Unit"),
    owner: r.text("Owner"),
    dataSource: r.text("DataSource"),
    baselinePeriod: bp.value,
    baseline,
    targetYear,
    target,
    profile,
    weights,
    tolerance,
    toleranceType,
    status,
    aggregation,
    ...readV2Target(r, sm, targetYear, isRate),
  };
}

/** Read the PerfTargets rows. */
export function readTargets(reader: TableReader, settings: Settings): TargetRecord[] {
  const out: TargetRecord[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of reader.rows()) out.push(readTarget(rowCells(reader, n, cells), settings, seen));
  return out;
}
