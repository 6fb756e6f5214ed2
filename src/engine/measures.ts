/**
 * Measure types and polarity (semantics.md, "Measure types" and "Polarity").
 */
import { err, ok, quote, type Result } from "./result";

export type MeasureType = "Count" | "Level" | "Rate";
export type Polarity = "Higher" | "Lower" | "Neutral";
export type ToleranceType = "Relative" | "Absolute";
export type RagScheme = "RAG" | "BRAG";
export type RagRule = "Milestone" | "ToleranceBand" | "Forecast" | "Confidence";

export const MEASURE_TYPES: readonly MeasureType[] = ["Count", "Level", "Rate"];
export const POLARITIES: readonly Polarity[] = ["Higher", "Lower", "Neutral"];
export const TOLERANCE_TYPES: readonly ToleranceType[] = ["Relative", "Absolute"];
export const RAG_SCHEMES: readonly RagScheme[] = ["RAG", "BRAG"];
export const RAG_RULES: readonly RagRule[] = ["Milestone", "ToleranceBand", "Forecast", "Confidence"];

/**
 * Case- and space-insensitive match of `text` against a closed list of names.
 *
 * @example
 * matchName(" amber ", ["Red", "Amber", "Green"]) // => "Amber"
 * matchName("Purple", ["Red", "Amber", "Green"]) // => undefined
 */
export function matchName<T extends string>(text: unknown, names: readonly T[]): T | undefined {
  if (typeof text !== "string") return undefined;
  const key = text.replace(/[\s_-]+/g, "").toLowerCase();
  return names.find((n) => n.toLowerCase() === key);
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1] ?? ""}`;
}

function parseName<T extends string>(
  text: unknown,
  names: readonly T[],
  what: string,
  code: "MEASURE_TYPE" | "POLARITY" | "TOLERANCE_TYPE" | "RAG_SCHEME" | "RAG_RULE",
): Result<T> {
  const found = matchName(text, names);
  if (found !== undefined) return ok(found);
  return err(code, `${what} must be ${listNames(names)}; got ${quote(text ?? "")}`);
}

/**
 * A `MeasureType` cell: Count, Level or Rate, case-insensitively; anything else an error.
 *
 * @example
 * parseMeasureType("rate") // => { ok: true, value: "Rate" }
 * parseMeasureType("Percent").ok // => false
 */
export const parseMeasureType = (text: unknown): Result<MeasureType> =>
  parseName(text, MEASURE_TYPES, "Measure type", "MEASURE_TYPE");
/**
 * A `Polarity` cell: Higher, Lower or Neutral, case-insensitively; anything else an error.
 *
 * @example
 * parsePolarity("lower") // => { ok: true, value: "Lower" }
 */
export const parsePolarity = (text: unknown): Result<Polarity> =>
  parseName(text, POLARITIES, "Polarity", "POLARITY");
/**
 * A `ToleranceType` cell: Relative or Absolute, case-insensitively; anything else an error.
 *
 * @example
 * parseToleranceType("absolute") // => { ok: true, value: "Absolute" }
 */
export const parseToleranceType = (text: unknown): Result<ToleranceType> =>
  parseName(text, TOLERANCE_TYPES, "Tolerance type", "TOLERANCE_TYPE");
/**
 * The `RagScheme` setting: RAG or BRAG, case-insensitively; anything else an error.
 *
 * @example
 * parseRagScheme("brag") // => { ok: true, value: "BRAG" }
 */
export const parseRagScheme = (text: unknown): Result<RagScheme> =>
  parseName(text, RAG_SCHEMES, "RAG scheme", "RAG_SCHEME");
/**
 * The `RagRule` setting: Milestone, ToleranceBand, Forecast or Confidence; anything else an error.
 *
 * @example
 * parseRagRule("toleranceband") // => { ok: true, value: "ToleranceBand" }
 */
export const parseRagRule = (text: unknown): Result<RagRule> =>
  parseName(text, RAG_RULES, "RAG rule", "RAG_RULE");

/**
 * The float allowance of the semantics page: |x - y| <= 1e-9 x max(1, |scale|).
 *
 * @example
 * nearlyEqual(0.1 + 0.2, 0.3) // => true
 * nearlyEqual(0.3, 0.31) // => false
 */
export function nearlyEqual(x: number, y: number, scale: number = y): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(scale));
}

/**
 * Is `a` better than or as good as `b` under the polarity (within the float allowance)?
 * Neutral polarity has no "better": it answers true only when the two are equal.
 *
 * @example
 * meetsOrBetter(5.9, 5.5, "Lower") // => false
 * meetsOrBetter(1242, 1242, "Higher") // => true
 */
export function meetsOrBetter(a: number, b: number, polarity: Polarity): boolean {
  if (nearlyEqual(a, b)) return true;
  if (polarity === "Higher") return a > b;
  if (polarity === "Lower") return a < b;
  return false;
}
