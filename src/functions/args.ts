/**
 * Arguments of the PERF functions, read in ONE place. Excel passes a cell as a number, a string,
 * a boolean, "" or null for an empty cell, null or undefined for an omitted optional argument, and
 * an error object for an error cell. Every reader returns the value or a `Problem` that names the
 * argument and quotes what was found; all domain parsing (numbers as typed, periods, names of
 * measure types, polarities, profiles…) is the engine's.
 *
 * Choices (docs/functions.md, "How arguments are read"):
 * - Empty cells, "" and placeholders ("awaiting data", "n/a", "tbc"…) are missing figures:
 *   `#N/A` ("No data…" for an actual, "No target…" for a target or milestone) where a figure is
 *   required, the default where the argument is optional.
 * - TRUE/FALSE where a figure is needed is `#VALUE!` (a logical value is not a performance figure).
 * - Text figures are read as people type them: `1,242`, `12.4%` (0.124), `31/274` (a rate).
 * - An error cell passed in stays that error, with its message.
 */
import {
  DEFAULT_START_MONTH,
  parseCellNumber,
  parseMeasureType,
  parsePeriod,
  parsePolarity,
  parseProfile,
  parseRagScheme,
  parseToleranceType,
  profileWeights,
  quote,
  rate,
  validStartMonth,
  type MeasureType,
  type Polarity,
  type QuarterNumber,
  type RagScheme,
  type Result,
  type ToleranceType,
  type Weights,
} from "../engine";
import { invalid, isInputError, isOutputCode, notAvailable, Problem } from "./errors";
import { cellsOf } from "./grid";

export type Arg<T> = T | Problem;

export const isProblem = (x: unknown): x is Problem => x instanceof Problem;

/** An empty cell, an omitted argument, or text of only spaces. */
export function isEmpty(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x === "string") return x.trim() === "";
  if (Array.isArray(x)) return cellsOf(x).every(isEmpty);
  return false;
}

/**
 * An error cell passed in (e.g. #N/A from a lookup) keeps its code and message, in that cell of the
 * result only. A code a function cannot return (`#REF!`, `#NAME?`, `#SPILL!`...) becomes `#VALUE!`
 * naming it.
 */
function passedError(x: unknown): Problem | undefined {
  if (!isInputError(x)) return undefined;
  const message = typeof x.message === "string" && x.message !== "" ? x.message : undefined;
  if (isOutputCode(x.code)) return new Problem(x.code, message ?? `The cell holds the error ${x.code}`);
  return invalid(
    `The cell holds the error ${x.code}${message ? ` (${message})` : ""}; correct that cell and the result follows`,
  );
}

const logical = (b: boolean): string => (b ? "TRUE" : "FALSE");

/** An engine result as an argument: its value, or its error as a Problem (prefixed with `label`). */
export function fromEngine<T>(r: Result<T>, label?: string): Arg<T> {
  return r.ok ? r.value : Problem.fromEngine(r.error, label);
}

/** The words used when a required figure is missing. */
export type Missing = "No data" | "No target" | "No baseline" | "Missing";

/**
 * An optional figure: a number, or text as typed (`1,242`, `12.4%`, `31/274`); null when the cell
 * is empty or holds a placeholder.
 */
export function toOptionalNumber(x: unknown, label: string): Arg<number | null> {
  const e = passedError(x);
  if (e) return e;
  if (typeof x === "boolean") return invalid(`${label}: ${logical(x)} is a logical value, not a number`);
  const c = parseCellNumber(x);
  if (!c.ok) return Problem.fromEngine(c.error, label);
  switch (c.value.kind) {
    case "blank":
    case "placeholder":
      return null;
    case "number":
      return c.value.value;
    case "fraction":
      return fromEngine(rate(c.value.numerator, c.value.denominator), label);
  }
}

/** A required figure: missing is `#N/A` with e.g. "No data: the actual is empty". */
export function toNumber(x: unknown, label: string, missing: Missing = "Missing"): Arg<number> {
  const n = toOptionalNumber(x, label);
  if (n !== null) return n;
  const what = `the ${label.toLowerCase()}`;
  const found = typeof x === "string" && x.trim() !== "" ? `is ${quote(x.trim())}` : "is empty";
  return notAvailable(missing === "Missing" ? `${label} ${found}` : `${missing}: ${what} ${found}`);
}

/** Text of a cell: trimmed; numbers as written; TRUE/FALSE; null when empty. */
export function toText(x: unknown): Arg<string | null> {
  const e = passedError(x);
  if (e) return e;
  if (isEmpty(x)) return null;
  if (typeof x === "string") return x.trim();
  if (typeof x === "boolean") return logical(x);
  if (typeof x === "number") return String(x);
  return invalid(`${quote(x)} is not text`);
}

/** Text for a closed list of names, parsed by the engine (its message names the choices). */
function named<T>(x: unknown, parse: (text: unknown) => Result<T>): Arg<T> {
  const t = toText(x);
  if (isProblem(t)) return t;
  return fromEngine(parse(t ?? ""));
}

function optionalNamed<T>(x: unknown, parse: (text: unknown) => Result<T>): Arg<T | null> {
  return isEmpty(x) ? null : named(x, parse);
}

export const toPolarity = (x: unknown): Arg<Polarity> => named(x, parsePolarity);
export const toMeasureType = (x: unknown): Arg<MeasureType> => named(x, parseMeasureType);
export const toOptionalMeasureType = (x: unknown): Arg<MeasureType | null> =>
  optionalNamed(x, parseMeasureType);
export const toOptionalToleranceType = (x: unknown): Arg<ToleranceType | null> =>
  optionalNamed(x, parseToleranceType);
export const toOptionalScheme = (x: unknown): Arg<RagScheme | null> => optionalNamed(x, parseRagScheme);

/** TRUE/FALSE, 1/0, "TRUE"/"FALSE", "Yes"/"No"; empty is `fallback`. */
export function toBoolean(x: unknown, label: string, fallback: boolean): Arg<boolean> {
  const e = passedError(x);
  if (e) return e;
  if (isEmpty(x)) return fallback;
  if (typeof x === "boolean") return x;
  if (typeof x === "number" && Number.isFinite(x)) return x !== 0;
  if (typeof x === "string") {
    const t = x.trim().toLowerCase();
    if (t === "true" || t === "yes" || t === "1") return true;
    if (t === "false" || t === "no" || t === "0") return false;
  }
  return invalid(`${label} must be TRUE or FALSE; got ${quote(x)}`);
}

/** The first month of the fiscal year, 1-12; empty is April (4). */
export function toStartMonth(x: unknown): Arg<number> {
  if (isEmpty(x)) return DEFAULT_START_MONTH;
  const n = toOptionalNumber(x, "Fiscal year start month");
  if (isProblem(n)) return n;
  return fromEngine(validStartMonth(n));
}

const RE_QUARTER_NUMBER = /^Q?\s*([1-4])$/i;
/** Excel serial of 01/01/1901: smaller numbers are dates in 1900. */
const FIRST_SERIAL_AFTER_1900 = 367;

/**
 * The quarter of the year, 1-4, from a number 1-4, `Q2`, a quarter label (`2015-16 Q2`,
 * `Q2 2015/16`, `2015 Q2`), a date or a month label (read with an April start). Other numbers
 * below 367 are refused: a 5 is a mistyped quarter, not 05/01/1900.
 */
export function toQuarterNumber(x: unknown): Arg<QuarterNumber> {
  const e = passedError(x);
  if (e) return e;
  if (isEmpty(x)) return notAvailable("The quarter is empty: give 1-4 or a label such as 2015-16 Q2");
  if (typeof x === "boolean") return invalid(`Quarter: ${logical(x)} is a logical value, not a quarter`);
  if (typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 4) return x as QuarterNumber;
  // A small number is a mistyped quarter, not a date in 1900 (Excel serials 1-366).
  if (typeof x === "number" && x < FIRST_SERIAL_AFTER_1900) {
    return invalid(`Quarter must be 1 to 4, a label such as 2015-16 Q2, or a date; got ${quote(x)}`);
  }
  if (typeof x === "string") {
    const m = RE_QUARTER_NUMBER.exec(x.trim());
    if (m) return Number(m[1]) as QuarterNumber;
  }
  const april = parsePeriod(x);
  if (april.ok) return april.value.q;
  // A label names its quarter whatever month the year starts in: `2015 Q2` is read with a January start.
  if (april.error.code === "PERIOD_AMBIGUOUS") {
    const january = parsePeriod(x, { startMonth: 1 });
    if (january.ok) return january.value.q;
  }
  return Problem.fromEngine(april.error);
}

/** A cumulative profile weight from 0 to 1; null when empty. */
export function toOptionalWeight(x: unknown): Arg<number | null> {
  const w = toOptionalNumber(x, "Weight");
  if (isProblem(w) || w === null) return w;
  if (w < 0 || w > 1)
    return invalid(`Weight must be a cumulative share from 0 to 1 (e.g. 0.5 or 50%); got ${w}`);
  return w;
}

/**
 * The cumulative weights of a profile. `weights` is a range: the four weights W1-W4 of a `Custom`
 * profile, or the baseline year's four quarterly counts of a `Seasonal` one. An empty profile with
 * weights given is `Custom`; weights given with a fixed profile (Linear, Front, Back, Flat) are an
 * error rather than ignored.
 */
export function toWeights(profile: unknown, weights: unknown, measureType?: MeasureType): Arg<Weights> {
  const typed = !isEmpty(weights);
  const name = isEmpty(profile) && typed ? "Custom" : toText(profile);
  if (isProblem(name)) return name;
  const p = parseProfile(name);
  if (!p.ok) return Problem.fromEngine(p.error);
  if (p.value !== "Custom" && p.value !== "Seasonal") {
    if (typed) {
      return invalid(
        `Weights apply to a Custom profile (W1-W4) or a Seasonal one (the baseline year's four quarters); the profile is ${p.value}`,
      );
    }
    return fromEngine(profileWeights(p.value));
  }
  const values: unknown[] = [];
  for (const cell of cellsOf(weights)) {
    const n = toOptionalNumber(cell, p.value === "Custom" ? "Custom weight" : "Seasonal baseline");
    if (isProblem(n)) return n;
    values.push(n);
  }
  return fromEngine(
    p.value === "Custom"
      ? profileWeights("Custom", { customWeights: typed ? values : [] })
      : profileWeights("Seasonal", {
          seasonalBaseline: typed ? values : [],
          ...(measureType ? { measureType } : {}),
        }),
  );
}
