/**
 * The rules of a figure's counts, one copy for every place that takes a figure (the contract's
 * reader, the wide import, the task pane's entry grid): a rate's numerator and denominator are
 * given both or neither; a fraction `n/d` is a Rate's only; a denominator of 0 is an error, not
 * a rate of 0 (semantics.md). Each error carries its code and, in `field`, the column at fault.
 */
import { MESSAGES } from "./errorCodes";
import { err, ok, type Result } from "./result";
import { rate } from "./values";

/** A rate's two counts. */
export interface Counts {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The rate of two counts that rateCounts (or the reader) has accepted: the numerator over the
 * denominator, unrounded.
 *
 * @example
 * rateOf({ numerator: 31, denominator: 274 }) // => 0.1131
 */
export function rateOf(counts: Counts): number {
  return counts.numerator / counts.denominator;
}

/**
 * A figure's numerator and denominator: null when neither is given, the pair when both are and
 * make a rate. One without the other is FIGURE_ONE_COUNT (field: the one missing); a pair that
 * is not a rate is the error of `rate` (field: Denominator for a 0, else Numerator).
 *
 * @example
 * rateCounts(31, 274) // => { ok: true, value: { numerator: 31, denominator: 274 } }
 * rateCounts(31, null) // => { ok: false, error: { code: "FIGURE_ONE_COUNT", field: "Denominator" } }
 * rateCounts(31, 0) // => { ok: false, error: { code: "DIVIDE_BY_ZERO", field: "Denominator" } }
 */
export function rateCounts(numerator: number | null, denominator: number | null): Result<Counts | null> {
  if (numerator === null && denominator === null) return ok(null);
  if (numerator === null || denominator === null) {
    const missing = numerator === null ? "Numerator" : "Denominator";
    return err("FIGURE_ONE_COUNT", MESSAGES.oneCount(missing), missing);
  }
  const r = rate(numerator, denominator);
  if (!r.ok) return err(r.error.code, r.error.message, denominator === 0 ? "Denominator" : "Numerator");
  return ok({ numerator, denominator });
}

/**
 * A fraction written in a figure's cell (`31/274`): allowed on a Rate only.
 *
 * @example
 * fractionAllowed("Rate", "3/4") // => { ok: true }
 * fractionAllowed("Count", "3/4") // => { ok: false, error: { code: "FIGURE_FRACTION_NOT_RATE" } }
 */
export function fractionAllowed(measureType: string | null, text: string): Result<true> {
  return measureType === "Rate" ? ok(true) : err("FIGURE_FRACTION_NOT_RATE", MESSAGES.fractionNotRate(text));
}

/**
 * A Value written `n/d` on a row that also gives Numerator and Denominator: one or the other
 * (FIGURE_FRACTION_AND_COUNTS, field Value); the counts stand.
 *
 * @example
 * fractionOrCounts("3/4", { numerator: 3, denominator: 4 }, null, null) // => { ok: true, value: { numerator: 3, denominator: 4 } }
 * fractionOrCounts("3/4", { numerator: 3, denominator: 4 }, 3, 4) // => { ok: false, error: { code: "FIGURE_FRACTION_AND_COUNTS", field: "Value" } }
 */
export function fractionOrCounts(
  valueText: string,
  fraction: Counts | null,
  numerator: number | null,
  denominator: number | null,
): Result<{ readonly numerator: number | null; readonly denominator: number | null }> {
  if (fraction === null) return ok({ numerator, denominator });
  if (numerator === null && denominator === null) return ok(fraction);
  return err("FIGURE_FRACTION_AND_COUNTS", MESSAGES.fractionAndCounts(valueText), "Value");
}
