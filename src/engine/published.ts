/**
 * The published-figure check (semantics.md): recompute a published percentage from its
 * numerator and denominator and compare at the published precision. A truncated 13.2% where
 * 44/331 is 13.3% is a finding.
 */
import { err, isFiniteNumber, ok, type Result } from "./result";

export interface PublishedCheck {
  readonly matches: boolean;
  /** The exact recomputed fraction. */
  readonly recomputed: number;
  /** The recomputed figure as it should have been published, e.g. "13.3%". */
  readonly expectedText: string;
  readonly publishedText: string;
}

function pct(fraction: number, decimals: number): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * Check a published percentage (as a fraction, e.g. 0.132) shown with `decimals` decimal places
 * of a percentage, against numerator / denominator rounded half up at the same precision.
 *
 * @example
 * checkPublishedPercent(0.132, 1, 44, 331) // => { ok: true, value: { matches: false, expectedText: "13.3%" } }
 */
export function checkPublishedPercent(
  published: number,
  decimals: number,
  numerator: number,
  denominator: number,
): Result<PublishedCheck> {
  if (![published, numerator, denominator].every(isFiniteNumber))
    return err("NOT_A_NUMBER", "The figures must be numbers");
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)
    return err("NOT_A_NUMBER", "The precision must be 0 to 10 decimal places");
  if (denominator === 0)
    return err("DIVIDE_BY_ZERO", `The denominator is 0, so ${numerator}/0 is not a rate`);
  const recomputed = numerator / denominator;
  const scale = 10 ** decimals;
  // Round half up in the published precision; the small epsilon absorbs binary representation error.
  const exp = Math.floor(recomputed * 100 * scale + 0.5 + 1e-9) / scale;
  const pub = Math.round(published * 100 * scale) / scale;
  const matches = Math.abs(exp - pub) < 0.5 / scale;
  return ok({
    matches,
    recomputed,
    expectedText: pct(exp / 100, decimals),
    publishedText: pct(pub / 100, decimals),
  });
}

/**
 * The decimal places a percentage is shown with, from its text ("13.2%" → 1) or an Excel number format ("0.0%" → 1).
 *
 * @example
 * percentDecimals("13.2%") // => 1
 * percentDecimals("0.00%") // => 2
 */
export function percentDecimals(textOrFormat: string): number {
  const m = /(\d|0|#)(?:[.,](\d+|0+|#+))?\s*%/.exec(textOrFormat);
  return m?.[2] ? m[2].length : 0;
}
