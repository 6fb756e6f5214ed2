/**
 * How serious a published percentage that does not match its numerator and denominator is
 * (docs/decisions.md, "Tables as councils publish them"): off by one unit in its last place (a
 * truncation or a rounding slip) is a warning; further off, an error.
 */

/**
 * The severity of a mismatch: `published` and `recomputed` as fractions, `decimals` the places
 * of the percentage as published.
 *
 * @example
 * publishedSeverity(0.132, 1, 44 / 331) // => "warning"
 * publishedSeverity(0.15, 1, 44 / 331) // => "error"
 */
export function publishedSeverity(
  published: number,
  decimals: number,
  recomputed: number,
): "warning" | "error" {
  const step = 10 ** -decimals;
  const off = Math.abs(recomputed * 100 - published * 100);
  return off < step * 1.5 ? "warning" : "error";
}
