/**
 * Presentation of figures in explanations: rounded as a person reads them (data stays
 * unrounded). en-GB grouping (1,242), rates as percentages with one decimal place.
 */
import type { MeasureType } from "./measures";

const NF0 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const NF1 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const NF2 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Thousands separators for a string of digits: "1242" → "1,242". */
function groupDigits(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let out = digits.slice(0, ((n - 1) % 3) + 1);
  for (let i = out.length; i < n; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * Round the plain decimal text of a ≥ 0 (its shortest round-trip form, as String gives it) to at
 * most `decimals` places, half away from zero, without trailing zeros: "4216.45" → "4216.5".
 */
function roundDecimalText(a: number, decimals: number): string {
  if (a < 1e-6) return "0"; // String would use an exponent; nothing of it shows at ≤ 6 places
  const s = String(a);
  const dot = s.indexOf(".");
  if (dot < 0 || s.length - dot - 1 <= decimals) return s;
  const cut = dot + 1 + decimals;
  const up = s.charCodeAt(cut) >= 53; // the next digit is 5 or more: round up
  if (dot + decimals <= 15) {
    // The digits kept, as a whole number (exact below 2^53), plus one when rounding up.
    const n = Number(s.slice(0, dot) + s.slice(dot + 1, cut)) + (up ? 1 : 0);
    if (decimals === 0) return String(n);
    const p = 10 ** decimals;
    const whole = Math.floor(n / p);
    let frac = String(n - whole * p).padStart(decimals, "0");
    while (frac.endsWith("0")) frac = frac.slice(0, -1);
    return frac === "" ? String(whole) : `${whole}.${frac}`;
  }
  const digits = (s.slice(0, dot) + s.slice(dot + 1, cut)).split("");
  if (up) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === "9") digits[i--] = "0";
    if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
    else digits.unshift("1");
  }
  const intLen = digits.length - decimals;
  const int = digits.slice(0, intLen).join("") || "0";
  const frac = digits.slice(intLen).join("").replace(/0+$/, "");
  return frac === "" ? int : `${int}.${frac}`;
}

const SCALE = [1, 10, 100];

/**
 * roundDecimalText for 0 ≤ a < 1e9 and up to 2 decimals, by arithmetic: a × 10^d rounded half up
 * is the same as rounding the shortest decimal form unless a × 10^d lies within floating-point
 * error of a half, and then the text method decides.
 */
function roundedFast(a: number, decimals: number): string {
  if (Number.isInteger(a)) return String(a);
  const p = SCALE[decimals];
  if (p === undefined) return roundDecimalText(a, decimals);
  const y = a * p;
  const fl = Math.floor(y);
  if (Math.abs(y - fl - 0.5) <= y * 2 ** -48 + 1e-12) return roundDecimalText(a, decimals);
  const n = y - fl > 0.5 ? fl + 1 : fl;
  if (p === 1) return String(n);
  const whole = Math.floor(n / p);
  const frac = n - whole * p;
  if (frac === 0) return String(whole);
  if (p === 10) return `${whole}.${frac}`;
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

/**
 * en-GB text of x with at most `decimals` decimal places and no trailing zeros: the output of
 * Intl.NumberFormat("en-GB", { maximumFractionDigits }), which rounds the shortest decimal form
 * of the number half away from zero (4216.45 → 4,216.5), without Intl's cost. Never "-0".
 *
 * @example
 * formatDecimal(1242.456, 1) // => "1,242.5"
 */
export function formatDecimal(x: number, decimals: number): string {
  const a = Math.abs(x);
  if (!(a < 1e15)) {
    const s = (decimals === 0 ? NF0 : decimals === 1 ? NF1 : NF2).format(x);
    return s === "-0" ? "0" : s;
  }
  const s = a < 1e9 ? roundedFast(a, decimals) : roundDecimalText(a, decimals);
  const dot = s.indexOf(".");
  const intEnd = dot < 0 ? s.length : dot;
  const text = intEnd > 3 ? groupDigits(s.slice(0, intEnd)) + s.slice(intEnd) : s;
  return x < 0 && text !== "0" ? `-${text}` : text;
}

/**
 * A count or level: up to 2 decimal places below 10, 1 below 1,000, else whole numbers... rounded sensibly.
 *
 * @example
 * formatNumber(1242) // => "1,242"
 */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? formatDecimal(Math.round(x), 0) : a >= 10 ? formatDecimal(x, 1) : formatDecimal(x, 2);
}

/**
 * A fraction shown as a percentage with one decimal place: 0.1131 → "11.3%".
 *
 * @example
 * formatPercent(0.13293) // => "13.3%"
 */
export function formatPercent(fraction: number): string {
  const s = `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
  return s === "-0.0%" ? "0.0%" : s;
}

/**
 * A difference between two rates in percentage points: 0.023 → "2.3 points".
 *
 * @example
 * formatPoints(0.046) // => "4.6 points"
 */
export function formatPoints(fraction: number): string {
  const v = (Math.round(Math.abs(fraction) * 1000) / 10).toFixed(1);
  return `${v} ${v === "1.0" ? "point" : "points"}`;
}

/**
 * A value of the measure, as read: a rate as a percentage, else a number.
 *
 * @example
 * formatValue("Rate", 0.554) // => "55.4%"
 * formatValue("Count", 1242) // => "1,242"
 */
export function formatValue(measureType: MeasureType, x: number): string {
  return measureType === "Rate" ? formatPercent(x) : formatNumber(x);
}

/**
 * A difference of values of the measure: rate differences in percentage points.
 *
 * @example
 * formatDifference("Rate", -0.046) // => "4.6 points"
 */
export function formatDifference(measureType: MeasureType, x: number): string {
  return measureType === "Rate" ? formatPoints(x) : formatNumber(Math.abs(x));
}

/**
 * A tolerance share: 0.05 → "5%".
 *
 * @example
 * formatShare(0.5) // => "50%"
 */
export function formatShare(t: number): string {
  return `${formatDecimal(t * 100, 2)}%`;
}

/**
 * A count with its noun, en-GB: "1 row", "12,500 rows"; `many` for an irregular plural.
 *
 * @example
 * plural(1, "row") // => "1 row"
 * plural(12500, "row") // => "12,500 rows"
 * plural(2, "status", "statuses") // => "2 statuses"
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
