/**
 * Fiscal years and quarters (semantics.md, "Periods").
 *
 * A quarter is held as the calendar year in which its fiscal year starts (`fy`) and its
 * number in that year (`q`). Labels depend on the fiscal year's start month: `2015-16 Q1`
 * for any start but January, `2015 Q1` for a January start.
 *
 * Decisions where the spec is silent (also in docs/decisions.md):
 * - Dates are day-first. A two-digit year in a date (`30/06/15`) is 2000 + yy.
 * - A month label (`Jun-15`, `June 2015`) must name the last month of a quarter; any other
 *   month is an error rather than a guess.
 * - `2015 Q1` is accepted only with a January start, `2015-16 Q1` only without one: the other
 *   way round the label is ambiguous and is refused.
 * - A JavaScript Date is read as the calendar date it was built from (`dateOfJsDate`): at UTC
 *   midnight (ExcelJS, the serial conversion, Date.UTC) by its UTC date; at the start of a local
 *   day (new Date(y, m, d), a date picked in a browser) by its local date; any other instant by
 *   its UTC date, since ExcelJS holds Excel's clock time in the UTC fields. So 30/06/2015 reads as
 *   30/06/2015 in Auckland, London and Los Angeles alike.
 * - Years outside 1900-2199 are refused as impossible.
 */
import { dateOfJsDate, daysInMonth, formatDateUK, serialToDate, type CalendarDate } from "./dates";
import { err, ok, quote, type Result } from "./result";

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  /** Calendar year in which the fiscal year starts (2015 for 2015-16). */
  readonly fy: number;
  readonly q: QuarterNumber;
}

export interface PeriodOptions {
  /** First month of the fiscal year, 1-12; default 4 (April). */
  readonly startMonth?: number;
  /** When true, a date must be the last day of a quarter (used for column headers). */
  readonly requireQuarterEnd?: boolean;
}

export const DEFAULT_START_MONTH = 4;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * The fiscal year's start month, a whole number 1–12; anything else an error.
 *
 * @example
 * validStartMonth(4) // => { ok: true, value: 4 }
 * validStartMonth(13).ok // => false
 */
export function validStartMonth(startMonth: unknown): Result<number> {
  if (typeof startMonth === "number" && Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12) {
    return ok(startMonth);
  }
  return err(
    "FY_START_MONTH",
    `Fiscal year start month must be a whole number from 1 to 12; got ${quote(startMonth)}`,
  );
}

/**
 * Index for ordering and arithmetic: consecutive quarters differ by 1.
 *
 * @example
 * quarterIndex({ fy: 2015, q: 2 }) // => 8061
 */
export function quarterIndex(p: Quarter): number {
  return p.fy * 4 + (p.q - 1);
}

/**
 * The quarter of a quarter index (the inverse of quarterIndex).
 *
 * @example
 * quarterFromIndex(8061) // => { fy: 2015, q: 2 }
 */
export function quarterFromIndex(index: number): Quarter {
  const fy = Math.floor(index / 4);
  return { fy, q: (index - fy * 4 + 1) as QuarterNumber };
}

/**
 * The quarter before, across the fiscal year's start.
 *
 * @example
 * previousQuarter({ fy: 2015, q: 1 }) // => { fy: 2014, q: 4 }
 */
export function previousQuarter(p: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(p) - 1);
}

/**
 * The same quarter a year earlier (for the year-ago direction of travel).
 *
 * @example
 * sameQuarterLastYear({ fy: 2015, q: 2 }) // => { fy: 2014, q: 2 }
 */
export function sameQuarterLastYear(p: Quarter): Quarter {
  return { fy: p.fy - 1, q: p.q };
}

/**
 * The fiscal year's name: `2015-16`, or `2015` for a January start.
 *
 * @example
 * formatFiscalYear(2015) // => "2015-16"
 * formatFiscalYear(2015, 1) // => "2015"
 */
export function formatFiscalYear(fy: number, startMonth: number = DEFAULT_START_MONTH): string {
  if (startMonth === 1) return String(fy);
  return `${fy}-${String((fy + 1) % 100).padStart(2, "0")}`;
}

/**
 * Canonical quarter label: `2015-16 Q1` (or `2015 Q1` with a January start).
 *
 * @example
 * formatQuarter({ fy: 2015, q: 2 }) // => "2015-16 Q2"
 */
export function formatQuarter(p: Quarter, startMonth: number = DEFAULT_START_MONTH): string {
  return `${formatFiscalYear(p.fy, startMonth)} Q${p.q}`;
}

/** Calendar month (1-12) and year of the first month of a quarter. */
function quarterStartMonth(p: Quarter, startMonth: number): { year: number; month: number } {
  const m0 = startMonth - 1 + (p.q - 1) * 3; // months since January of fy, 0-based
  return { year: p.fy + Math.floor(m0 / 12), month: (m0 % 12) + 1 };
}

/**
 * The last day of the quarter.
 *
 * @example
 * quarterEnd({ fy: 2015, q: 2 }) // => { year: 2015, month: 9, day: 30 }
 */
export function quarterEnd(p: Quarter, startMonth: number = DEFAULT_START_MONTH): CalendarDate {
  const first = quarterStartMonth(p, startMonth);
  const m0 = first.month - 1 + 2;
  const year = first.year + Math.floor(m0 / 12);
  const month = (m0 % 12) + 1;
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * The first day of the quarter.
 *
 * @example
 * quarterStart({ fy: 2015, q: 4 }) // => { year: 2016, month: 1, day: 1 }
 */
export function quarterStart(p: Quarter, startMonth: number = DEFAULT_START_MONTH): CalendarDate {
  const first = quarterStartMonth(p, startMonth);
  return { year: first.year, month: first.month, day: 1 };
}

/**
 * The quarter a calendar date falls in.
 *
 * @example
 * dateToQuarter({ year: 2016, month: 2, day: 29 }) // => { fy: 2015, q: 4 }
 */
export function dateToQuarter(d: CalendarDate, startMonth: number = DEFAULT_START_MONTH): Quarter {
  const offset = (d.month - startMonth + 12) % 12;
  const fy = d.month >= startMonth ? d.year : d.year - 1;
  return { fy, q: (Math.floor(offset / 3) + 1) as QuarterNumber };
}

function checkYear(year: number, text: string): Result<number> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return err(
      "PERIOD_YEAR",
      `${quote(text)} has an impossible year (${year}); use a year from ${MIN_YEAR} to ${MAX_YEAR}`,
    );
  }
  return ok(year);
}

function makeDate(year: number, month: number, day: number, text: string): Result<CalendarDate> {
  const y = checkYear(year, text);
  if (!y.ok) return y;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err("PERIOD_UNPARSEABLE", `${quote(text)} is not a real date (dates are day/month/year)`);
  }
  return ok({ year, month, day });
}

function fromDate(
  d: CalendarDate,
  text: string,
  startMonth: number,
  requireQuarterEnd: boolean,
): Result<Quarter> {
  const q = dateToQuarter(d, startMonth);
  if (requireQuarterEnd) {
    const end = quarterEnd(q, startMonth);
    if (end.day !== d.day || end.month !== d.month) {
      return err(
        "PERIOD_NOT_QUARTER_END",
        `${quote(text)} is a date inside ${formatQuarter(q, startMonth)}, not a quarter end (expected ${formatDateUK(end)})`,
      );
    }
  }
  return ok(q);
}

function fiscalYearFromParts(
  first: string,
  second: string | undefined,
  text: string,
  startMonth: number,
): Result<number> {
  const fy = Number(first);
  const y = checkYear(fy, text);
  if (!y.ok) return y;
  if (second === undefined) {
    if (startMonth !== 1) {
      return err(
        "PERIOD_AMBIGUOUS",
        `${quote(text)} names a single year, but the fiscal year starts in ${monthName(startMonth)}: write it as ${formatFiscalYear(fy, startMonth)} or ${formatFiscalYear(fy - 1, startMonth)}`,
      );
    }
    return ok(fy);
  }
  if (startMonth === 1) {
    return err(
      "PERIOD_AMBIGUOUS",
      `${quote(text)} names a split year, but the fiscal year starts in January: write ${fy}`,
    );
  }
  const expected = second.length === 2 ? (fy + 1) % 100 : fy + 1;
  if (Number(second) !== expected) {
    return err("PERIOD_YEAR", `${quote(text)} is not a fiscal year: the second year must follow the first`);
  }
  return ok(fy);
}

/**
 * A month's English name, 1 = January.
 *
 * @example
 * monthName(4) // => "April"
 */
export function monthName(month: number): string {
  const name = MONTHS[month - 1] ?? "";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function monthFromName(name: string): number | undefined {
  const key = name.toLowerCase();
  if (key.length < 3) return undefined;
  const idx = MONTHS.findIndex((m) => m.startsWith(key) && (key.length === 3 || m === key || key === "sept"));
  if (idx >= 0) return idx + 1;
  if (key === "sept") return 9;
  return undefined;
}

const RE_FY_Q = /^(?:FY\s*)?(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?\s*[,:]?\s*Q([1-4])$/i;
const RE_Q_FY = /^Q([1-4])\s*[,:]?\s*(?:FY\s*)?(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?$/i;
const RE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const RE_ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RE_MONTH = /^([A-Za-z]{3,9})\.?[\s-]*'?(\d{2}|\d{4})$/;

function parseText(raw: string, startMonth: number, requireQuarterEnd: boolean): Result<Quarter> {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text === "") return err("PERIOD_UNPARSEABLE", "The period is empty");
  let m = RE_FY_Q.exec(text);
  if (m) {
    const fy = fiscalYearFromParts(m[1] ?? "", m[2], raw, startMonth);
    return fy.ok ? ok({ fy: fy.value, q: Number(m[3]) as QuarterNumber }) : fy;
  }
  m = RE_Q_FY.exec(text);
  if (m) {
    const fy = fiscalYearFromParts(m[2] ?? "", m[3], raw, startMonth);
    return fy.ok ? ok({ fy: fy.value, q: Number(m[1]) as QuarterNumber }) : fy;
  }
  m = RE_ISO.exec(text);
  if (m) {
    const d = makeDate(Number(m[1]), Number(m[2]), Number(m[3]), raw);
    return d.ok ? fromDate(d.value, raw, startMonth, requireQuarterEnd) : d;
  }
  m = RE_DMY.exec(text);
  if (m) {
    const yText = m[3] ?? "";
    if (yText.length === 1 || yText.length === 3) {
      return err("PERIOD_YEAR", `${quote(raw)} has an impossible year (${yText}); write the year in full`);
    }
    const year = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
    const d = makeDate(year, Number(m[2]), Number(m[1]), raw);
    return d.ok ? fromDate(d.value, raw, startMonth, requireQuarterEnd) : d;
  }
  m = RE_MONTH.exec(text);
  if (m) {
    const month = monthFromName(m[1] ?? "");
    if (month !== undefined) {
      const yText = m[2] ?? "";
      const year = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
      const y = checkYear(year, raw);
      if (!y.ok) return y;
      const q = dateToQuarter({ year, month, day: 1 }, startMonth);
      const end = quarterEnd(q, startMonth);
      if (end.month !== month) {
        return err(
          "PERIOD_NOT_QUARTER_END",
          `${quote(raw)} is a month inside ${formatQuarter(q, startMonth)}, not its last month (${monthName(end.month)} ${end.year})`,
        );
      }
      return ok(q);
    }
  }
  return err(
    "PERIOD_UNPARSEABLE",
    `${quote(raw)} is not a quarter: write it as ${formatQuarter({ fy: 2015, q: 1 }, startMonth)}, a quarter-end date (${formatDateUK(quarterEnd({ fy: 2015, q: 1 }, startMonth))}) or a month such as ${monthName(quarterEnd({ fy: 2015, q: 1 }, startMonth).month).slice(0, 3)}-15`,
  );
}

/**
 * Parse any accepted form of a period: a label, a date text (day-first or ISO), a month
 * label, an Excel serial number or a JavaScript Date. Never throws.
 *
 * @example
 * parsePeriod("2015-16 Q2") // => { ok: true, value: { fy: 2015, q: 2 } }
 * parsePeriod("Q2 2015/16") // => { ok: true, value: { fy: 2015, q: 2 } }
 */
export function parsePeriod(input: unknown, options: PeriodOptions = {}): Result<Quarter> {
  const sm = validStartMonth(options.startMonth ?? DEFAULT_START_MONTH);
  if (!sm.ok) return sm;
  const startMonth = sm.value;
  const requireQuarterEnd = options.requireQuarterEnd ?? false;
  if (typeof input === "number") {
    const d = serialToDate(input);
    if (!d.ok) return d;
    const text = `${input} (${formatDateUK(d.value)})`;
    const y = checkYear(d.value.year, text);
    if (!y.ok) return y;
    return fromDate(d.value, text, startMonth, requireQuarterEnd);
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return err("PERIOD_UNPARSEABLE", "The date is not valid");
    const d = dateOfJsDate(input);
    const y = checkYear(d.year, formatDateUK(d));
    if (!y.ok) return y;
    return fromDate(d, formatDateUK(d), startMonth, requireQuarterEnd);
  }
  if (typeof input === "string") return parseText(input, startMonth, requireQuarterEnd);
  if (input === null || input === undefined) return err("PERIOD_UNPARSEABLE", "The period is empty");
  // A boolean reads as Excel shows it; a list or object is not rendered (its text, e.g. "NaN",
  // would mislead).
  const what = typeof input === "boolean" ? quote(input ? "TRUE" : "FALSE") : "A list or object";
  return err("PERIOD_UNPARSEABLE", `${what} is not a quarter`);
}

/**
 * Parse a fiscal year name (`2015-16`, `2015/16`, `2015/2016`; `2015` with a January start).
 *
 * @example
 * parseFiscalYear("2015-16") // => { ok: true, value: 2015 }
 */
export function parseFiscalYear(input: unknown, startMonth: number = DEFAULT_START_MONTH): Result<number> {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input.trim() : "";
  const m = /^(?:FY\s*)?(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?$/i.exec(text);
  if (!m) {
    return err(
      "PERIOD_UNPARSEABLE",
      `${quote(input ?? "")} is not a fiscal year: write it as ${formatFiscalYear(2015, startMonth)}`,
    );
  }
  return fiscalYearFromParts(m[1] ?? "", m[2], typeof input === "string" ? input : text, startMonth);
}
