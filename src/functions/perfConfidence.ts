/**
 * PERF.CI, PERF.SIGNIFICANCE and PERF.COMPARE as data: a figure's confidence interval (Wilson for
 * a rate, Byar for a count) and comparisons by intervals, all computed by the engine.
 */
import { compareFigures } from "../engine";
import { definePerf, type Spill } from "./define";
import { notAvailable } from "./errors";
import { estimate, figure, intervalFrom, level, polarity, readWith } from "./readers";

const NUMERATOR = { name: "numerator", read: estimate("denominator", "level") } as const;
const LEVEL = { name: "level", optional: true, read: level } as const;

/** Each figure's cell becomes two adjacent cells, lower and upper; an error fills both. */
function pairs(cells: Spill): Spill {
  // A single figure in error is one error cell, as any function's error is.
  const first = cells[0]?.[0];
  if (cells.length === 1 && cells[0]?.length === 1 && !Array.isArray(first)) return [[first]];
  return cells.map((line) => line.flatMap((c) => (Array.isArray(c) ? (c as unknown[]) : [c, c])));
}

/**
 * =PERF.CI(numerator, [denominator], [level]): the confidence interval, spilled as two cells,
 * lower then upper. With a denominator, the Wilson score interval of the rate (fractions); with
 * the denominator left out, Byar's interval of the count. A range of figures spills a row each.
 */
export const CI = definePerf({
  name: "CI",
  params: [NUMERATOR, { name: "denominator", optional: true, read: readWith("numerator") }, LEVEL],
  // An interval travels through spill as a pair; a problem stays a problem.
  cell: ({ numerator }) => [numerator.interval.lower, numerator.interval.upper],
  shape: pairs,
});

/**
 * =PERF.SIGNIFICANCE(numerator, denominator, milestone, polarity, [level]): whether a figure is
 * significantly better or worse than a milestone (or any fixed figure): the milestone lies outside
 * the figure's interval (Wilson with a denominator, Byar for a count without one).
 */
export const SIGNIFICANCE = definePerf({
  name: "SIGNIFICANCE",
  params: [
    NUMERATOR,
    { name: "denominator", read: readWith("numerator") },
    { name: "milestone", read: figure("Milestone", "No target") },
    { name: "polarity", read: polarity },
    LEVEL,
  ],
  cell: ({ numerator: { count, denominator, interval }, milestone, polarity: po }) => {
    const value = denominator === null ? count : count / denominator;
    // Neutral has no better side: compared as Higher, reported as higher or lower.
    const c = compareFigures(value, interval, milestone, null, po === "Neutral" ? "Higher" : po);
    if (c.status === "Similar") return "Not significant";
    if (po === "Neutral") return c.status === "Better" ? "Significantly higher" : "Significantly lower";
    return c.status === "Better" ? "Significantly better" : "Significantly worse";
  },
});

/**
 * =PERF.COMPARE(actual, comparator, polarity, [actualLow], [actualHigh], [comparatorLow],
 * [comparatorHigh]): Better, Similar or Worse against a comparator (England, a region, a peer),
 * by the intervals given (overlapping, or containing the other figure, is Similar).
 */
export const COMPARE = definePerf({
  name: "COMPARE",
  params: [
    { name: "actual", read: figure("Actual", "No data") },
    { name: "comparator", read: figure("Comparator", "No data") },
    { name: "polarity", read: polarity },
    { name: "actualLow", optional: true, read: intervalFrom("actualHigh", "Actual") },
    { name: "actualHigh", optional: true, read: readWith("actualLow") },
    { name: "comparatorLow", optional: true, read: intervalFrom("comparatorHigh", "Comparator") },
    { name: "comparatorHigh", optional: true, read: readWith("comparatorLow") },
  ],
  cell: ({ actual, comparator, polarity: po, actualLow, comparatorLow }) => {
    const r = compareFigures(actual, actualLow, comparator, comparatorLow, po);
    return (
      r.status ?? notAvailable("Monitor: a Neutral measure has no better direction, so it is not compared")
    );
  },
});
