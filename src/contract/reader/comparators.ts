/**
 * Schema 2's optional PerfComparators table → ComparatorRecords: each row's indicator, period (a
 * quarter or a whole fiscal year), comparator name, kind, value (or numerator and denominator),
 * with every problem an error naming the row, the column and the text found.
 */
import {
  COMPARATOR_KINDS,
  formatFiscalYear,
  matchName,
  parseCellNumber,
  parseFiscalYear,
  parseOptionalNumber,
  parsePeriod,
  MESSAGES,
  quote,
  rate,
  rateCounts,
  type BaselinePeriod,
  type LocatedCode,
  type ComparatorKind,
  type ComparatorRecord,
  type Settings,
  rateOf,
} from "../../engine";
import type { RawCell } from "../raw";
import { cellText, isBlankCell, type TableReader } from "./tables";

type Fail = (column: string, code: LocatedCode, message: string) => void;

/** A quarter (`2015-16 Q2`, a quarter-end date) or a whole fiscal year (`2014-15`). */
function readPeriod(raw: RawCell, sm: number, fail: Fail): BaselinePeriod | null {
  if (isBlankCell(raw)) {
    fail(
      "Period",
      "PERIOD_MISSING",
      "no period: write the quarter (2015-16 Q2) or the year (2014-15) the figure is for",
    );
    return null;
  }
  if (typeof raw === "string" || typeof raw === "number") {
    const fy = parseFiscalYear(raw, sm);
    if (fy.ok && (typeof raw === "string" || (raw >= 1900 && raw <= 2199))) return { fy: fy.value, q: null };
  }
  const p = parsePeriod(raw, { startMonth: sm });
  if (p.ok) return { fy: p.value.fy, q: p.value.q };
  fail(
    "Period",
    p.error.code,
    `${p.error.message}; or write a fiscal year such as ${formatFiscalYear(2014, sm)}`,
  );
  return null;
}

/** The comparator's figure: its counts when both are given (a rate), else its Value. */
function readFigure(
  reader: TableReader,
  cells: readonly RawCell[],
  fail: Fail,
): { value: number; numerator: number | null; denominator: number | null } | null {
  const count = (column: string): number | null => {
    const r = parseOptionalNumber(reader.cell(cells, column));
    if (!r.ok) fail(column, r.error.code, r.error.message);
    return r.ok ? r.value : null;
  };
  const numerator = count("Numerator");
  const denominator = count("Denominator");
  if (numerator !== null && denominator !== null) {
    const r = rateCounts(numerator, denominator);
    if (r.ok) return { value: rateOf({ numerator, denominator }), numerator, denominator };
    fail(
      r.error.field ?? "Numerator",
      r.error.code,
      MESSAGES.quotedReason(`${numerator}/${denominator}`, r.error.message),
    );
    return null;
  }
  const v = parseCellNumber(reader.cell(cells, "Value"));
  if (!v.ok) {
    fail("Value", v.error.code, v.error.message);
    return null;
  }
  if (v.value.kind === "number") return { value: v.value.value, numerator: null, denominator: null };
  if (v.value.kind === "fraction") {
    const r = rate(v.value.numerator, v.value.denominator);
    if (r.ok) return { value: r.value, numerator: v.value.numerator, denominator: v.value.denominator };
    fail("Value", r.error.code, MESSAGES.quotedReason(reader.text(cells, "Value"), r.error.message));
    return null;
  }
  if (v.value.kind === "blank")
    fail("Value", "NO_FIGURE", "no figure: give a Value, or a Numerator and Denominator");
  else
    fail(
      "Value",
      "PLACEHOLDER",
      `${quote(v.value.text)} is not a figure: leave the row out until it is known`,
    );
  return null;
}

/** One PerfComparators row, or null (with its errors) when it cannot be used. */
function readComparator(
  reader: TableReader,
  n: number,
  cells: readonly RawCell[],
  sm: number,
): ComparatorRecord | null {
  const fail: Fail = (column, code, message) => reader.error(n, column, code, message);
  const indicatorId = reader.text(cells, "IndicatorId");
  const comparator = reader.text(cells, "Comparator");
  if (indicatorId === "")
    fail("IndicatorId", "ID_MISSING", "no indicator id, so the comparator cannot be matched to a target");
  if (comparator === "")
    fail("Comparator", "NAME_MISSING", "no comparator name (e.g. England, Statistical neighbours)");
  const period = readPeriod(reader.cell(cells, "Period"), sm, fail);
  const kindText = reader.text(cells, "Kind");
  const kind: ComparatorKind | undefined = matchName(kindText, COMPARATOR_KINDS);
  if (kind === undefined)
    fail(
      "Kind",
      "KIND",
      `Kind must be National, Region, Average or Peer; got ${quote(cellText(reader.cell(cells, "Kind")))}`,
    );
  const figure = readFigure(reader, cells, fail);
  if (indicatorId === "" || comparator === "" || period === null || kind === undefined || figure === null)
    return null;
  return { row: n, indicatorId, period, comparator, kind, ...figure, source: reader.text(cells, "Source") };
}

/** Read the PerfComparators rows; a name repeated for an indicator and period is an error (the first is used). */
export function readComparators(reader: TableReader, settings: Settings): ComparatorRecord[] {
  const out: ComparatorRecord[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of reader.rows()) {
    const c = readComparator(reader, n, cells, settings.startMonth);
    if (c === null) continue;
    const key = `${c.indicatorId.trim().toUpperCase()}|${c.period.fy}|${c.period.q ?? ""}|${c.comparator.trim().toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reader.error(
        n,
        "Comparator",
        "COMPARATOR_DUPLICATE",
        `${quote(c.comparator)} for ${quote(c.indicatorId)} and this period is already on row ${first}; row ${first} is used`,
      );
      continue;
    }
    seen.set(key, n);
    out.push(c);
  }
  return out;
}
