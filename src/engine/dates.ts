/**
 * Calendar dates: the days of a month, en-GB and ISO date text, Excel's 1900 date serials, and
 * the calendar date a JavaScript Date stands for in any time zone (semantics.md, "Periods").
 */
import { err, ok, quote, type Result } from "./result";

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The days in a month of a year, February 29 in a leap year.
 *
 * @example
 * daysInMonth(2016, 2) // => 29
 * daysInMonth(2015, 9) // => 30
 */
export function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

/**
 * en-GB date text, `30/06/2015`.
 *
 * @example
 * formatDateUK({ year: 2015, month: 9, day: 30 }) // => "30/09/2015"
 */
export function formatDateUK(d: CalendarDate): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

/**
 * ISO date text, `2015-06-30`.
 *
 * @example
 * formatDateISO({ year: 2015, month: 9, day: 30 }) // => "2015-09-30"
 */
export function formatDateISO(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * Excel (1900 date system) serial number to a calendar date.
 *
 * @example
 * serialToDate(42277) // => { ok: true, value: { year: 2015, month: 9, day: 30 } }
 */
export function serialToDate(serial: number): Result<CalendarDate> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    return err("PERIOD_UNPARSEABLE", `${quote(serial)} is not an Excel date serial number`);
  }
  const whole = Math.floor(serial);
  if (whole === 60) {
    return err("PERIOD_UNPARSEABLE", "Excel serial 60 is 29/02/1900, a date that does not exist");
  }
  // Excel counts 1900 as a leap year: serials before 60 are one day later than the epoch says.
  const days = whole < 60 ? whole + 1 : whole;
  const t = new Date(EXCEL_EPOCH_UTC + days * MS_PER_DAY);
  return ok({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/**
 * Calendar date to an Excel (1900 date system) serial number.
 *
 * @example
 * dateToSerial({ year: 2015, month: 9, day: 30 }) // => 42277
 */
export function dateToSerial(d: CalendarDate): number {
  const days = Math.round((Date.UTC(d.year, d.month - 1, d.day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

/**
 * The calendar date a JavaScript Date stands for, the same in every time zone. ExcelJS (and
 * Date.UTC) give UTC midnight: read the UTC date. A Date built in local time with
 * new Date(year, month, day) is the start of a local day, which east of UTC is the previous UTC
 * date: read the local date. Any other instant is read by its UTC date (ExcelJS keeps a cell's
 * clock time in the UTC fields). Only an ExcelJS date-time whose clock time equals the zone's
 * offset could be misread, and only in a zone other than UTC.
 *
 * @example
 * dateOfJsDate(new Date(Date.UTC(2015, 8, 30))) // => { year: 2015, month: 9, day: 30 }
 */
export function dateOfJsDate(d: Date): CalendarDate {
  const utc = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  const t = d.getTime();
  if (t % MS_PER_DAY === 0) return utc;
  const startOfLocalDay = new Date(t);
  startOfLocalDay.setHours(0, 0, 0, 0);
  if (startOfLocalDay.getTime() === t)
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  return utc;
}
