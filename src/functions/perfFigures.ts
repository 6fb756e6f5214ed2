/**
 * The PERF functions of milestones and figures, as data: each one's parameters (name, optional,
 * reader) and the cell it computes with the engine. No domain rule is computed here.
 */
import {
  directionOfTravel,
  distanceTravelled,
  forecast as forecastValue,
  formatQuarter,
  milestone as milestoneValue,
  onTrack as onTrackValue,
  parsePeriod,
  rate as rateValue,
  variance as varianceValue,
  variancePct,
  weightFor,
} from "../engine";
import { fromEngine } from "./args";
import { definePerf } from "./define";
import { divByZero, invalid, notAvailable, Problem } from "./errors";
import {
  dateOrLabel,
  figure,
  logical,
  measureType,
  optionalFigure,
  optionalWeight,
  polarity,
  profileWeights,
  quarterNumber,
  range,
  startMonth,
} from "./readers";

/** =PERF.QUARTER(dateOrLabel, [fyStartMonth]): the canonical quarter label. */
export const QUARTER = definePerf({
  name: "QUARTER",
  params: [
    { name: "dateOrLabel", read: dateOrLabel },
    { name: "fyStartMonth", optional: true, read: startMonth },
  ],
  cell: (v) => {
    const sm = v.fyStartMonth;
    const p = parsePeriod(v.dateOrLabel, { startMonth: sm });
    return p.ok ? formatQuarter(p.value, sm) : Problem.fromEngine(p.error);
  },
});

/** =PERF.WEIGHT(profile, quarter, [customWeights]): the cumulative weight W1-W4. */
export const WEIGHT = definePerf({
  name: "WEIGHT",
  params: [
    { name: "profile", read: profileWeights("customWeights") },
    { name: "quarter", read: quarterNumber },
    { name: "customWeights", optional: true, read: range },
  ],
  cell: (v) => weightFor(v.profile, v.quarter),
});

/** =PERF.MILESTONE(measureType, baseline, target, quarter, [profile], [customWeights]). */
export const MILESTONE = definePerf({
  name: "MILESTONE",
  params: [
    { name: "measureType", read: measureType },
    { name: "baseline", read: optionalFigure("Baseline") },
    { name: "target", read: figure("Target", "No target") },
    { name: "quarter", read: quarterNumber },
    { name: "profile", optional: true, read: profileWeights("customWeights", "measureType") },
    { name: "customWeights", optional: true, read: range },
  ],
  cell: ({ measureType: type, baseline, target, quarter, profile }) => {
    return fromEngine(milestoneValue(type, baseline ?? undefined, target, weightFor(profile, quarter)));
  },
});

/** =PERF.RATE(numerator, denominator): the rate as a fraction; #DIV/0! when the denominator is 0. */
export const RATE = definePerf({
  name: "RATE",
  params: [
    { name: "numerator", read: figure("Numerator", "No data") },
    { name: "denominator", read: figure("Denominator", "No data") },
  ],
  cell: ({ numerator, denominator }) => fromEngine(rateValue(numerator, denominator)),
});

/** =PERF.VARIANCE(actual, milestone, [asPercent]): A − M, or (A − M) / |M|. */
export const VARIANCE = definePerf({
  name: "VARIANCE",
  params: [
    { name: "actual", read: figure("Actual", "No data") },
    { name: "milestone", read: figure("Milestone", "No target") },
    { name: "asPercent", optional: true, read: logical("asPercent", false) },
  ],
  cell: ({ actual, milestone, asPercent }) => {
    if (!asPercent) return varianceValue(actual, milestone);
    return variancePct(actual, milestone) ?? divByZero("Variance % is undefined when the milestone is 0");
  },
});

/** =PERF.PROGRESS(measureType, actual, baseline, target): distance travelled. */
export const PROGRESS = definePerf({
  name: "PROGRESS",
  params: [
    { name: "measureType", read: measureType },
    { name: "actual", read: figure("Actual", "No data") },
    { name: "baseline", read: optionalFigure("Baseline") },
    { name: "target", read: figure("Target", "No target") },
  ],
  cell: ({ measureType: type, actual, baseline, target }) => {
    const d = distanceTravelled(type, actual, baseline, target);
    if (d !== null) return d;
    if (type === "Count")
      return divByZero("Distance travelled (year to date / target) is undefined when the target is 0");
    if (baseline === null)
      return notAvailable(`No baseline: distance travelled for a ${type} needs the baseline`);
    return divByZero("Distance travelled is undefined when the target equals the baseline");
  },
});

/** =PERF.DOT(current, previous, polarity): direction of travel. */
export const DOT = definePerf({
  name: "DOT",
  params: [
    { name: "current", read: figure("Current figure", "No data") },
    { name: "previous", read: figure("Previous figure", "No data") },
    { name: "polarity", read: polarity },
  ],
  cell: ({ current, previous, polarity: po }) =>
    directionOfTravel(current, previous, po) ?? invalid("No direction of travel"),
});

/** =PERF.FORECAST(measureType, actual, baseline, quarter, [weight]): the year-end forecast. */
export const FORECAST = definePerf({
  name: "FORECAST",
  params: [
    { name: "measureType", read: measureType },
    { name: "actual", read: figure("Actual", "No data") },
    { name: "baseline", read: optionalFigure("Baseline") },
    { name: "quarter", read: quarterNumber },
    { name: "weight", optional: true, read: optionalWeight },
  ],
  cell: ({ measureType: type, actual, baseline, quarter, weight }) =>
    forecastValue(type, actual, baseline, quarter, weight) ??
    notAvailable(`No baseline: a ${type} forecast needs the baseline to project the trend`),
});

/** =PERF.ONTRACK(forecast, target, polarity): TRUE when the forecast meets the target. */
export const ONTRACK = definePerf({
  name: "ONTRACK",
  params: [
    { name: "forecast", read: figure("Forecast", "No data") },
    { name: "target", read: figure("Target", "No target") },
    { name: "polarity", read: polarity },
  ],
  cell: ({ forecast, target, polarity: po }) =>
    onTrackValue(forecast, target, po) ??
    notAvailable("Monitor: a Neutral measure has no better direction, so on track is not rated"),
});
