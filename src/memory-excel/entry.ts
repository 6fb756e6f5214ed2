/**
 * What Excel does with a string written to a cell through `Range.values` (or typed): it parses it
 * as if the user had typed it. Each rule names the behaviour id of docs/memory-excel.md, the list
 * the real-Excel check (docs/real-excel-check.md) verifies.
 *
 * - `quote-prefix`: a leading apostrophe makes the rest text and is not part of the value;
 *   Range.values reads the text without it. "Type an apostrophe (') before the number"
 *   (https://support.microsoft.com/office/format-numbers-as-text-583160db-7d7d-4f5e-8de7-81a2e4ba9395);
 *   office-js#6687 shows `range.formulas` reading `'=AVERAGE(…)` back without its apostrophe.
 * - `text-format-keeps-text`: in a cell formatted as Text (`@`), what is entered is kept as
 *   entered and never converted ("Format numbers as text", above). The fake keeps a leading
 *   apostrophe there as a character: the conservative reading, which the writer never relies on
 *   (it writes no prefix into Text cells).
 * - `number-on-entry`: numbers (with thousands separators, exponents: `12E3`, `2E1`), percentages,
 *   currency (`$100`, `£1,000`), parenthesised negatives (`(100)`), fractions (`1 1/2`), times
 *   (`1:2`, `9 am`), dates (`Jan 1`, `30/06/2015`, `Jun-15`, `2015-06-30`), booleans and error
 *   literals (`#N/A`) become numbers, booleans or errors, as Excel's entry parsing does
 *   ("Stop automatically changing numbers to dates",
 *   https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 *   Dates are read day first, as an en-GB Excel reads them.
 * - `formula-on-entry`: text starting with `=` (or `+`, `-`, `@` followed by something that is
 *   not a number) is a formula.
 */

/** A cell's value as Office.js `Range.values` gives it: blank is `""`; an error reads as its text (`#N/A`). */
export type CellValue = string | number | boolean;

export interface Entered {
  readonly value: CellValue;
  readonly formula?: string;
  /** The number format Excel gives the cell when it was General (a date, a percentage…). */
  readonly numberFormat?: string;
  /** The value is an error (`valueTypes` reads `Error`). */
  readonly error?: true;
}

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's serial date (1900 system) of a calendar date, or null when the date does not exist. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return null;
  const full = new Date(Date.UTC(2000, i, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return full.toLowerCase().startsWith(w) || w === "sept" ? i + 1 : null;
}

/** A two-digit year as Excel reads it: 00-29 → 2000s, 30-99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const thisYear = (): number => new Date().getFullYear();

/** A date alone (no time), day first; null when the text is not one. */
function parseDate(t: string): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (m) return dateSerial(m[3] ? fullYear(m[3]) : thisYear(), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?$/.exec(t);
  if (m) return dateSerial(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = /^(\d{1,2})[\s/-]+([A-Za-z]{3,9})\.?(?:[\s/-]+(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? "");
    return month ? dateSerial(m[3] ? fullYear(m[3]) : thisYear(), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]{3,9})\.?[\s/-]+(\d{1,4})(?:,?\s+(\d{4}))?$/.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? "");
    if (!month) return null;
    const n = m[2] ?? "";
    // `Jan 1` and `Jan 1, 2015` name a day; `Jun-15` and `June 2015` a month (its first day).
    if (m[3]) return dateSerial(Number(m[3]), month, Number(n));
    if (n.length <= 2 && Number(n) >= 1 && Number(n) <= 31 && /\s/.test(t)) {
      return dateSerial(thisYear(), month, Number(n));
    }
    return dateSerial(fullYear(n), month, 1);
  }
  return null;
}

/** A time of day as a fraction of a day; null when the text is not one. */
function parseTime(t: string): number | null {
  let m = /^(\d{1,4}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?\s*([AaPp][Mm]?)?$/.exec(t);
  let h: number;
  let min = 0;
  let sec = 0;
  let ampm: string | undefined;
  if (m) {
    h = Number(m[1]);
    min = Number(m[2]);
    sec = m[3] ? Number(m[3]) : 0;
    ampm = m[4];
  } else {
    m = /^(\d{1,2})\s*([AaPp][Mm]?)$/.exec(t);
    if (!m) return null;
    h = Number(m[1]);
    ampm = m[2];
  }
  if (min > 59 || sec >= 60) return null;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(ampm) ? 12 : 0);
  }
  return (h * 3600 + min * 60 + sec) / 86_400;
}

/** A number as typed: sign, currency, thousands separators, exponent, %, parentheses. */
function parseNumber(t: string): { value: number; numberFormat?: string } | null {
  let s = t;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? "").trim();
  }
  let sign = /^([+-])\s*(.*)$/.exec(s);
  if (sign) {
    if (paren) return null;
    negative = sign[1] === "-";
    s = sign[2] ?? "";
  }
  const currency = /^([$£€])\s*(.*)$/.exec(s);
  if (currency) s = currency[2] ?? "";
  sign = /^([+-])\s*(.*)$/.exec(s);
  if (sign && currency && !paren) {
    negative = sign[1] === "-";
    s = sign[2] ?? "";
  }
  const pct = s.endsWith("%");
  if (pct) s = s.slice(0, -1).trim();
  const shape = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  if (!shape.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  const value = (negative ? -n : n) / (pct ? 100 : 1);
  if (pct) return { value, numberFormat: s.includes(".") ? "0.00%" : "0%" };
  if (currency) return { value, numberFormat: `${currency[1] ?? "$"}#,##0${s.includes(".") ? ".00" : ""}` };
  if (s.includes(",")) return { value, numberFormat: "#,##0" };
  return { value };
}

/** `1 1/2`: a whole number and a fraction. */
function parseFraction(t: string): number | null {
  const m = /^([+-]?)(\d+)\s+(\d+)\/(\d+)$/.exec(t);
  if (!m || Number(m[4]) === 0) return null;
  const v = Number(m[2]) + Number(m[3]) / Number(m[4]);
  return m[1] === "-" ? -v : v;
}

/** What writing `text` to a cell whose number format is `cellFormat` stores. */
export function enterText(text: string, cellFormat: string | undefined): Entered {
  if (cellFormat === "@") return { value: text }; // text-format-keeps-text
  if (text.startsWith("'")) return { value: text.slice(1) }; // quote-prefix
  if (text.startsWith("=") && text.length > 1) return { value: "", formula: text };
  const general = cellFormat === undefined || cellFormat === "General";
  const t = text.trim();
  const withFormat = (value: number, numberFormat: string): Entered =>
    general ? { value, numberFormat } : { value };
  const n = parseNumber(t);
  if (n) return n.numberFormat ? withFormat(n.value, n.numberFormat) : { value: n.value };
  if (/^[+\-@]./.test(text))
    return { value: "", formula: text.startsWith("@") ? `=${text.slice(1)}` : `=${text}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const err = ERROR_LITERALS.find((e) => e === t.toUpperCase());
  if (err) return { value: err, error: true };
  const fraction = parseFraction(t);
  if (fraction !== null) return withFormat(fraction, "# ?/?");
  const time = parseTime(t);
  if (time !== null) return withFormat(time, /[ap]/i.test(t) ? "h:mm AM/PM" : "h:mm");
  const dateTime = /^(.*?\d)\s+(\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\s*[AaPp][Mm]?)?)$/.exec(t);
  if (dateTime) {
    const d = parseDate(dateTime[1] ?? "");
    const tm = parseTime(dateTime[2] ?? "");
    if (d !== null && tm !== null) return withFormat(d + tm, "dd/mm/yyyy hh:mm");
  }
  const date = parseDate(t);
  if (date !== null) return withFormat(date, /[A-Za-z]/.test(t) ? "d-mmm" : "dd/mm/yyyy");
  return { value: text };
}
