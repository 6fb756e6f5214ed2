/**
 * Presentation of figures in explanations: rounded as a person reads them (data stays
 * unrounded). en-GB grouping (1,242), rates as percentages with one decimal place.
 */
import type { MeasureType } from "./measures";

const NF1 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const NF2 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A count or level: up to 2 decimal places below 10, 1 below 1,000, else whole numbers... rounded sensibly. */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  const s = a >= 1000 ? NF1.format(Math.round(x)) : a >= 10 ? NF1.format(x) : NF2.format(x);
  return s === "-0" ? "0" : s;
}

/** A fraction shown as a percentage with one decimal place: 0.1131 → "11.3%". */
export function formatPercent(fraction: number): string {
  const s = `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
  return s === "-0.0%" ? "0.0%" : s;
}

/** A difference between two rates in percentage points: 0.023 → "2.3 points". */
export function formatPoints(fraction: number): string {
  const v = (Math.round(Math.abs(fraction) * 1000) / 10).toFixed(1);
  return `${v} ${v === "1.0" ? "point" : "points"}`;
}

/** A value of the measure, as read: a rate as a percentage, else a number. */
export function formatValue(measureType: MeasureType, x: number): string {
  return measureType === "Rate" ? formatPercent(x) : formatNumber(x);
}

/** A difference of values of the measure: rate differences in percentage points. */
export function formatDifference(measureType: MeasureType, x: number): string {
  return measureType === "Rate" ? formatPoints(x) : formatNumber(Math.abs(x));
}

/** A tolerance share: 0.05 → "5%". */
export function formatShare(t: number): string {
  return `${NF2.format(t * 100)}%`;
}
