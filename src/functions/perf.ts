/**
 * The PERF.* functions: one table of definitions (./define), each a function's parameters as data
 * and the cell it computes with the engine, in the order the registry and functions.json list
 * them. Every function is synchronous, never throws, and returns a 2-D array (1×1 for a single
 * cell) whose cells are values or Excel error values with a message.
 *
 * No domain rule is computed here: milestones, RAG, rates, progress, direction of travel,
 * forecasts, explanations and period parsing are the engine's.
 *
 * No global (CustomFunctions, Office, DOM) is touched at import time: the browser preview and
 * tests import this module directly (see ./registry).
 */
import type { PerfDefinition } from "./define";
import { CI, COMPARE, SIGNIFICANCE } from "./perfConfidence";
import { DOT, FORECAST, MILESTONE, ONTRACK, PROGRESS, QUARTER, RATE, VARIANCE, WEIGHT } from "./perfFigures";
import { EXPLAIN, RAG } from "./perfRag";

export type { Spill } from "./define";

/** Every PERF function, in the order of functions.ts (and so of functions.json). */
export const PERF_TABLE: readonly PerfDefinition[] = [
  QUARTER,
  WEIGHT,
  MILESTONE,
  RATE,
  RAG,
  VARIANCE,
  PROGRESS,
  DOT,
  FORECAST,
  ONTRACK,
  EXPLAIN,
  CI,
  SIGNIFICANCE,
  COMPARE,
];

export const quarter = QUARTER.run;
export const weight = WEIGHT.run;
export const milestone = MILESTONE.run;
export const rate = RATE.run;
export const rag = RAG.run;
export const variance = VARIANCE.run;
export const progress = PROGRESS.run;
export const dot = DOT.run;
export const forecast = FORECAST.run;
export const onTrack = ONTRACK.run;
export const explain = EXPLAIN.run;
export const ci = CI.run;
export const significance = SIGNIFICANCE.run;
export const compare = COMPARE.run;
