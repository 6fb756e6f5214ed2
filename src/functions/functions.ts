/**
 * PERF.* custom functions: the webpack entry of the shared runtime's functions.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to write functions.json, and appends a
 * `CustomFunctions.associate("ID", fn)` call per function to this file's source at build time
 * (it adds them unconditionally: do not add them by hand). Every argument is declared as a range
 * (`unknown[][]`, metadata type "any", dimensionality "matrix") so a cell, a range or a literal
 * all work, and empty cells arrive as "" or null rather than being coerced to 0; every result is a
 * range that spills. The work is done in ./perf (see docs/functions.md).
 */
import * as perf from "./perf";

/**
 * The appended associate calls resolve to this binding rather than to the global, so the bundle
 * also loads where the CustomFunctions global does not exist (the task pane page opened outside
 * Excel): it forwards to the runtime when the runtime is there, and does nothing otherwise.
 */
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    const runtime = (globalThis as { CustomFunctions?: { associate?: unknown } }).CustomFunctions;
    if (runtime && typeof runtime.associate === "function") {
      (runtime.associate as (id: string, fn: unknown) => void).call(runtime, id, fn);
    }
  },
};
export { CustomFunctions as functionsRuntime };

/**
 * The canonical quarter label (2015-16 Q1) of a date, a quarter label or a month label. Dates are day-first; Excel dates are read as dates.
 * @customfunction QUARTER
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfquarter
 * @param dateOrLabel A date (30/06/2015 or an Excel date), a label (2015/16 Q1, Q1 2015-16) or a month (Jun-15); a range spills.
 * @param [fyStartMonth] First month of the fiscal year, 1-12 (default 4, April).
 * @returns The quarter label, e.g. 2015-16 Q1.
 */
export function quarter(dateOrLabel: unknown[][], fyStartMonth?: unknown[][]): unknown[][] {
  return perf.quarter(dateOrLabel, fyStartMonth);
}

/**
 * The cumulative share of the annual target due by the end of a quarter (W1-W4) under a milestone profile.
 * @customfunction WEIGHT
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfweight
 * @param profile Linear, Front, Back, Flat, Custom or Seasonal (empty: Linear).
 * @param quarter Quarter 1-4, or a label such as 2015-16 Q2.
 * @param [customWeights] Custom: the four cumulative weights W1-W4. Seasonal: the baseline year's four quarterly counts.
 * @returns The cumulative weight, from 0 to 1.
 */
export function weight(profile: unknown[][], quarter: unknown[][], customWeights?: unknown[][]): unknown[][] {
  return perf.weight(profile, quarter, customWeights);
}

/**
 * The milestone for a quarter: Target x W for a Count, Baseline + (Target - Baseline) x W for a Level or Rate. A range of quarters spills.
 * @customfunction MILESTONE
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfmilestone
 * @param measureType Count, Level or Rate.
 * @param baseline The baseline value (a rate as a fraction or 12.4%); not needed for a Count.
 * @param target The annual target.
 * @param quarter Quarter 1-4, or a label such as 2015-16 Q2; a range of quarters spills.
 * @param [profile] Linear (default), Front, Back, Flat, Custom or Seasonal.
 * @param [customWeights] Custom: the four cumulative weights W1-W4. Seasonal: the baseline year's four quarterly counts.
 * @returns The milestone.
 */
export function milestone(
  measureType: unknown[][],
  baseline: unknown[][],
  target: unknown[][],
  quarter: unknown[][],
  profile?: unknown[][],
  customWeights?: unknown[][],
): unknown[][] {
  return perf.milestone(measureType, baseline, target, quarter, profile, customWeights);
}

/**
 * A rate as a fraction: numerator / denominator (format the cell as a percentage). #DIV/0! when the denominator is 0.
 * @customfunction RATE
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfrate
 * @param numerator The numerator, e.g. 31 cases escalated.
 * @param denominator The denominator, e.g. 274 cases closed.
 * @returns numerator / denominator.
 */
export function rate(numerator: unknown[][], denominator: unknown[][]): unknown[][] {
  return perf.rate(numerator, denominator);
}

/**
 * The RAG status of an actual against its milestone: Red, Amber, Green, Blue, No data, No target or Monitor.
 * @customfunction RAG
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfrag
 * @param actual The actual compared: the year to date for a Count, the quarter's value otherwise. Empty: No data.
 * @param milestone The milestone for the quarter. Empty: No target.
 * @param polarity Higher, Lower or Neutral (is higher better?).
 * @param [tolerance] Tolerance t (default 5%): a share of the milestone, or an amount when the type is Absolute.
 * @param [toleranceType] Relative (default) or Absolute.
 * @param [target] The annual target, for Blue under BRAG.
 * @param [scheme] RAG (default) or BRAG.
 * @returns The status.
 */
export function rag(
  actual: unknown[][],
  milestone: unknown[][],
  polarity: unknown[][],
  tolerance?: unknown[][],
  toleranceType?: unknown[][],
  target?: unknown[][],
  scheme?: unknown[][],
): unknown[][] {
  return perf.rag(actual, milestone, polarity, tolerance, toleranceType, target, scheme);
}

/**
 * The variance of an actual from its milestone: A - M, or (A - M) / |M| as a fraction.
 * @customfunction VARIANCE
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfvariance
 * @param actual The actual.
 * @param milestone The milestone.
 * @param [asPercent] TRUE for the variance as a share of the milestone (default FALSE).
 * @returns The variance.
 */
export function variance(actual: unknown[][], milestone: unknown[][], asPercent?: unknown[][]): unknown[][] {
  return perf.variance(actual, milestone, asPercent);
}

/**
 * Distance travelled from the baseline towards the target: (A - Baseline) / (Target - Baseline), or YTD / Target for a Count.
 * @customfunction PROGRESS
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfprogress
 * @param measureType Count, Level or Rate.
 * @param actual The actual (the year to date for a Count).
 * @param baseline The baseline value; not needed for a Count.
 * @param target The annual target.
 * @returns The share of the way travelled (1 = target reached).
 */
export function progress(
  measureType: unknown[][],
  actual: unknown[][],
  baseline: unknown[][],
  target: unknown[][],
): unknown[][] {
  return perf.progress(measureType, actual, baseline, target);
}

/**
 * Direction of travel: Improving, Worsening or No change (Up, Down or Same when Neutral).
 * @customfunction DOT
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfdot
 * @param current This quarter's value (quarter values, not year to date, for a Count).
 * @param previous The value compared with: the previous quarter, or the same quarter last year.
 * @param polarity Higher, Lower or Neutral.
 * @returns The direction of travel.
 */
export function dot(current: unknown[][], previous: unknown[][], polarity: unknown[][]): unknown[][] {
  return perf.dot(current, previous, polarity);
}

/**
 * The year-end forecast after a quarter: YTD / W for a Count, A + (A - Baseline) / q x (4 - q) for a Level or Rate.
 * @customfunction FORECAST
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfforecast
 * @param measureType Count, Level or Rate.
 * @param actual The actual: the year to date for a Count, the quarter's value otherwise.
 * @param baseline The baseline value; not needed for a Count.
 * @param quarter The quarter reached, 1-4, or a label such as 2015-16 Q2.
 * @param [weight] Count: the profile's cumulative weight for the quarter (default q/4, linear).
 * @returns The forecast for the year end.
 */
export function forecast(
  measureType: unknown[][],
  actual: unknown[][],
  baseline: unknown[][],
  quarter: unknown[][],
  weight?: unknown[][],
): unknown[][] {
  return perf.forecast(measureType, actual, baseline, quarter, weight);
}

/**
 * TRUE when the year-end forecast meets the target under the polarity.
 * @customfunction ONTRACK
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfontrack
 * @param forecast The year-end forecast (see PERF.FORECAST).
 * @param target The annual target.
 * @param polarity Higher or Lower.
 * @returns TRUE if on track, FALSE if not.
 */
export function onTrack(forecast: unknown[][], target: unknown[][], polarity: unknown[][]): unknown[][] {
  return perf.onTrack(forecast, target, polarity);
}

/**
 * The one-line explanation of the RAG status, e.g. "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5."
 * @customfunction EXPLAIN
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfexplain
 * @param actual The actual compared: the year to date for a Count, the quarter's value otherwise.
 * @param milestone The milestone for the quarter.
 * @param polarity Higher, Lower or Neutral.
 * @param [measureType] Count, Level (default) or Rate: rates are shown as percentages.
 * @param [unit] The unit of the measure, e.g. plans or families.
 * @param [tolerance] Tolerance t (default 5%): a share of the milestone, or an amount when the type is Absolute.
 * @param [toleranceType] Relative (default) or Absolute.
 * @param [target] The annual target, for Blue under BRAG.
 * @param [scheme] RAG (default) or BRAG.
 * @returns The explanation.
 */
export function explain(
  actual: unknown[][],
  milestone: unknown[][],
  polarity: unknown[][],
  measureType?: unknown[][],
  unit?: unknown[][],
  tolerance?: unknown[][],
  toleranceType?: unknown[][],
  target?: unknown[][],
  scheme?: unknown[][],
): unknown[][] {
  return perf.explain(
    actual,
    milestone,
    polarity,
    measureType,
    unit,
    tolerance,
    toleranceType,
    target,
    scheme,
  );
}

/**
 * The confidence interval of a figure, spilled as two cells: lower, then upper. With a denominator, the Wilson score interval of the rate (as fractions); with the denominator left out, Byar's interval of the count.
 * @customfunction CI
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfci
 * @param numerator The numerator of a rate (e.g. 23 children reaching the level), or the count when there is no denominator.
 * @param [denominator] The denominator of the rate (e.g. 56 children); leave it out for a count (Byar's method).
 * @param [level] The level of confidence: 95 (default) or 99.8.
 * @returns Two cells: the lower and the upper end of the interval.
 */
export function ci(numerator: unknown[][], denominator?: unknown[][], level?: unknown[][]): unknown[][] {
  return perf.ci(numerator, denominator, level);
}

/**
 * Whether a figure is significantly better or worse than a milestone: "Significantly better", "Not significant" or "Significantly worse" (higher or lower when Neutral), by the figure's confidence interval.
 * @customfunction SIGNIFICANCE
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfsignificance
 * @param numerator The numerator of a rate, or the count when there is no denominator.
 * @param denominator The denominator of the rate; an empty cell for a count (Byar's method).
 * @param milestone The milestone (or any fixed figure) compared with: a rate as a fraction or 45%.
 * @param polarity Higher, Lower or Neutral.
 * @param [level] The level of confidence: 95 (default) or 99.8.
 * @returns Significantly better, Not significant or Significantly worse.
 */
export function significance(
  numerator: unknown[][],
  denominator: unknown[][],
  milestone: unknown[][],
  polarity: unknown[][],
  level?: unknown[][],
): unknown[][] {
  return perf.significance(numerator, denominator, milestone, polarity, level);
}

/**
 * Better, Similar or Worse against a comparator (England, a region, statistical neighbours): with intervals on both sides, Similar when they overlap; with one, when it contains the other figure; with none, by polarity.
 * @customfunction COMPARE
 * @helpurl https://github.com/perfcycle/perfcycle/blob/main/docs/functions.md#perfcompare
 * @param actual The figure compared (a rate as a fraction or 55.4%).
 * @param comparator The comparator's figure, e.g. England's 60%.
 * @param polarity Higher or Lower.
 * @param [actualLow] The lower end of the actual's interval (see PERF.CI).
 * @param [actualHigh] The upper end of the actual's interval.
 * @param [comparatorLow] The lower end of the comparator's interval.
 * @param [comparatorHigh] The upper end of the comparator's interval.
 * @returns Better, Similar or Worse.
 */
export function compare(
  actual: unknown[][],
  comparator: unknown[][],
  polarity: unknown[][],
  actualLow?: unknown[][],
  actualHigh?: unknown[][],
  comparatorLow?: unknown[][],
  comparatorHigh?: unknown[][],
): unknown[][] {
  return perf.compare(actual, comparator, polarity, actualLow, actualHigh, comparatorLow, comparatorHigh);
}
