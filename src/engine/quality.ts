/**
 * Data quality (semantics.md, "Data quality"): a figure may be Validated (or blank), Provisional,
 * Estimated, Late or Partial. It is rated as usual; its status carries the flag. A roll-up carries
 * the least certain quality of its children: Partial > Estimated > Provisional > Late > Validated.
 */
import { matchName } from "./measures";
import { err, ok, quote, type Result } from "./result";

export type Quality = "Validated" | "Provisional" | "Estimated" | "Late" | "Partial";

/** From the most certain to the least. */
export const QUALITIES: readonly Quality[] = ["Validated", "Late", "Provisional", "Estimated", "Partial"];

/**
 * A `Quality` cell: blank is Validated; the names case-insensitively; anything else an error.
 *
 * @example
 * parseQuality(" provisional ") // => { ok: true, value: "Provisional" }
 */
export function parseQuality(text: unknown): Result<Quality> {
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === ""))
    return ok("Validated");
  const q = matchName(text, QUALITIES);
  if (q !== undefined) return ok(q);
  return err(
    "QUALITY",
    `Quality must be Validated (or blank), Provisional, Estimated, Late or Partial; got ${quote(text)}`,
  );
}

/** How uncertain a quality is: 0 for Validated, 4 for Partial. */
function qualityRank(q: Quality): number {
  return QUALITIES.indexOf(q);
}

/**
 * The less certain of two qualities (the first when they are equally certain).
 *
 * @example
 * lessCertain("Provisional", "Validated") // => "Provisional"
 */
export function lessCertain(a: Quality, b: Quality): Quality {
  return qualityRank(b) > qualityRank(a) ? b : a;
}

/** A figure's quality with the unit it comes from (for a roll-up, the least certain child). */
export interface QualityOf {
  readonly quality: Quality;
  /** The unit whose figure gives the quality; null when Validated. */
  readonly unit: string | null;
}

/**
 * The least certain of several units' qualities, naming the unit it comes from (the first such
 * unit in the order given).
 *
 * @example
 * leastCertain([{ quality: "Late", unit: "North" }, { quality: "Partial", unit: "South" }]) // => { quality: "Partial", unit: "South" }
 */
export function leastCertain(items: readonly QualityOf[]): QualityOf {
  let best: QualityOf = { quality: "Validated", unit: null };
  for (const i of items) if (qualityRank(i.quality) > qualityRank(best.quality)) best = i;
  return best.quality === "Validated" ? { quality: "Validated", unit: null } : best;
}
