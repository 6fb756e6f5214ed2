/**
 * How each PERF parameter is read: one `Reader` per kind of argument, built from the readers of
 * ./args. The function table (./perf) names one for every parameter; the runner (./define) calls
 * it on each cell of the broadcast and turns the first `Problem` a function meets into that
 * cell's error.
 *
 * A reader sees its own cell and, by name, the other raw arguments of the same cell: a few
 * arguments are only meaningful together (a profile and its custom weights, a numerator and its
 * denominator, the two ends of an interval), and are read as one by the first of them.
 */
import {
  byarInterval,
  CONFIDENCE_LEVELS,
  DEFAULT_CONFIDENCE_LEVEL,
  MEASURE_TYPES,
  parseConfidenceLevel,
  POLARITIES,
  RAG_SCHEMES,
  TOLERANCE_TYPES,
  wilsonInterval,
  type ConfidenceLevel,
  type Interval,
  type MeasureType,
  type Polarity,
  type QuarterNumber,
  type RagScheme,
  type ToleranceType,
  type Weights,
} from "../engine";
import {
  fromEngine,
  isEmpty,
  isProblem,
  toBoolean,
  toMeasureType,
  toNumber,
  toOptionalMeasureType,
  toOptionalNumber,
  toOptionalScheme,
  toOptionalToleranceType,
  toOptionalWeight,
  toPolarity,
  toQuarterNumber,
  toStartMonth,
  toText,
  toWeights,
  type Arg,
  type Missing,
} from "./args";
import { divByZero, invalid, notAvailable, Problem } from "./errors";

/** The raw arguments of one cell of the broadcast, by parameter name. */
export type Row = Readonly<Record<string, unknown>>;

export interface Reader<T> {
  /** What the argument is read as (the table's documentation, and its tests). */
  readonly kind: string;
  /** The names it accepts, where it is one of the engine's closed lists. */
  readonly allowed?: readonly (string | number)[];
  /** True for an argument taken whole (a range of weights), not broadcast cell by cell. */
  readonly whole?: true;
  /** The other parameters, by name, whose raw cells it reads with its own. */
  readonly reads?: readonly string[];
  read(cell: unknown, row: Row): Arg<T>;
}

const reader = <T>(
  kind: string,
  read: (cell: unknown, row: Row) => Arg<T>,
  reads?: readonly string[],
): Reader<T> => (reads ? { kind, read, reads } : { kind, read });

const named = <T>(kind: string, allowed: readonly (string | number)[], read: (x: unknown) => Arg<T>) => ({
  kind,
  allowed,
  read,
});

/** A required figure: missing is `#N/A` with `missing` ("No data: the actual is empty"). */
export const figure = (label: string, missing?: Missing): Reader<number> =>
  reader("figure", (x) => toNumber(x, label, missing));

/** An optional figure: null when the cell is empty or holds a placeholder. */
export const optionalFigure = (label: string): Reader<number | null> =>
  reader("optional figure", (x) => toOptionalNumber(x, label));

/** TRUE/FALSE, 1/0, Yes/No; empty is `fallback`. */
export const logical = (label: string, fallback: boolean): Reader<boolean> =>
  reader(`logical (default ${fallback ? "TRUE" : "FALSE"})`, (x) => toBoolean(x, label, fallback));

/** Text as typed, trimmed; null when empty. */
export const text: Reader<string | null> = reader("text", toText);

export const polarity: Reader<Polarity> = named("polarity", POLARITIES, toPolarity);
export const measureType: Reader<MeasureType> = named("measure type", MEASURE_TYPES, toMeasureType);
export const optionalMeasureType: Reader<MeasureType | null> = named(
  "optional measure type",
  MEASURE_TYPES,
  toOptionalMeasureType,
);
export const optionalToleranceType: Reader<ToleranceType | null> = named(
  "optional tolerance type",
  TOLERANCE_TYPES,
  toOptionalToleranceType,
);
export const optionalScheme: Reader<RagScheme | null> = named(
  "optional scheme",
  RAG_SCHEMES,
  toOptionalScheme,
);

/** The first month of the fiscal year, 1-12; empty is April. */
export const startMonth: Reader<number> = reader("start month (default 4)", toStartMonth);

/** Quarter 1-4 from a number, `Q2`, a label or a date. */
export const quarterNumber: Reader<QuarterNumber> = reader("quarter", toQuarterNumber);

/** A cumulative weight from 0 to 1; null when empty. */
export const optionalWeight: Reader<number | null> = reader("optional weight", toOptionalWeight);

/** A date, an Excel date or a label, for `parsePeriod`; empty is `#N/A`, TRUE/FALSE `#VALUE!`. */
export const dateOrLabel: Reader<unknown> = reader("date or label", (d) => {
  if (isEmpty(d)) return notAvailable("The date or label is empty");
  if (typeof d === "boolean")
    return invalid(`${d ? "TRUE" : "FALSE"} is a logical value, not a date or label`);
  return typeof d === "number" || d instanceof Date ? d : toText(d);
});

/** A range taken whole by another parameter's reader (e.g. a profile's custom weights). */
export const range: Reader<unknown> = { kind: "range", whole: true, read: (x) => x };

/** A cell read together with another parameter, by that parameter's reader. */
export const readWith = (other: string): Reader<unknown> => reader(`read with ${other}`, (x) => x, [other]);

/**
 * The profile's cumulative weights, with the range of custom weights (or seasonal counts) named
 * `weights`, and the measure type named `type` when the function has one.
 */
export const profileWeights = (weights: string, type?: string): Reader<Weights> =>
  reader(
    "profile",
    (profile, row) => {
      if (type === undefined) return toWeights(profile, row[weights]);
      const t = toMeasureType(row[type]);
      return isProblem(t) ? t : toWeights(profile, row[weights], t);
    },
    type === undefined ? [weights] : [weights, type],
  );

/** The confidence level: 95 (default) or 99.8, also as 95%, 0.95 or 0.998. */
export const level: Reader<ConfidenceLevel> = named(
  "confidence level (default 95)",
  CONFIDENCE_LEVELS,
  (x) => {
    if (isEmpty(x)) return DEFAULT_CONFIDENCE_LEVEL;
    const t = typeof x === "number" ? x : toText(x);
    if (isProblem(t)) return t;
    return fromEngine(parseConfidenceLevel(t), "Level");
  },
);

/** A figure with its interval: the count, the denominator (null for a count) and the interval. */
export interface Estimate {
  readonly count: number;
  readonly denominator: number | null;
  readonly interval: Interval;
}

/**
 * A numerator with the denominator and level named: Wilson's interval of the rate, or Byar's of the
 * count when the denominator is empty. The engine checks the counts' range.
 */
export const estimate = (denominator: string, levelName: string): Reader<Estimate> =>
  reader(
    "numerator or count",
    (n, row) => {
      const lv = level.read(row[levelName], row);
      if (isProblem(lv)) return lv;
      const d = row[denominator];
      const count = toNumber(n, isEmpty(d) ? "Count" : "Numerator", "No data");
      if (isProblem(count)) return count;
      if (isEmpty(d)) {
        const r = byarInterval(count, lv);
        return r.ok ? { count, denominator: null, interval: r.value } : Problem.fromEngine(r.error);
      }
      const den = toNumber(d, "Denominator", "No data");
      if (isProblem(den)) return den;
      if (den === 0) return divByZero("The denominator is 0, so there is no rate to give an interval of");
      const r = wilsonInterval(count, den, lv);
      return r.ok ? { count, denominator: den, interval: r.value } : Problem.fromEngine(r.error);
    },
    [denominator, levelName],
  );

/** An optional interval from its lower end and the upper end named `upper`: both or neither. */
export const intervalFrom = (upper: string, what: string): Reader<Interval | null> =>
  reader(
    "interval lower end",
    (lo, row) => {
      const lower = toOptionalNumber(lo, `${what} lower`);
      if (isProblem(lower)) return lower;
      const high = toOptionalNumber(row[upper], `${what} upper`);
      if (isProblem(high)) return high;
      if (lower === null && high === null) return null;
      if (lower === null || high === null)
        return invalid(`The ${what.toLowerCase()} interval needs both its lower and upper ends`);
      if (lower > high)
        return invalid(
          `The ${what.toLowerCase()} interval's lower end ${lower} is above its upper end ${high}`,
        );
      return { lower, upper: high };
    },
    [upper],
  );
