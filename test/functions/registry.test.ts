/** PERF_FUNCTIONS: the functions by name for the browser preview's grid. */
import * as excel from "../../src/functions/functions";
import { isExcelError, PERF_FUNCTIONS, PERF_NAMESPACE } from "../../src/functions/registry";

describe("PERF_FUNCTIONS", () => {
  it("loads with no Excel, Office or DOM global (this test runs in plain Node)", () => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ["CustomFunctions", "Office", "Excel", "window", "document"])
      expect(g[name]).toBeUndefined();
    expect(Object.keys(PERF_FUNCTIONS).length).toBeGreaterThan(0);
  });

  it("is keyed by the upper-case names Excel shows after PERF., and cannot be changed", () => {
    expect(PERF_NAMESPACE).toBe("PERF");
    for (const key of Object.keys(PERF_FUNCTIONS)) expect(key).toMatch(/^[A-Z]+$/);
    expect(Object.isFrozen(PERF_FUNCTIONS)).toBe(true);
  });

  it("gives the same results as the functions Excel calls", () => {
    const cases: [string, (...a: never[]) => unknown, unknown[]][] = [
      ["MILESTONE", excel.milestone, [[["Level"]], [[327]], [[290]], [[1, 2, 3, 4]], [["Front"]], null]],
      ["RAG", excel.rag, [[[296], [250]], [[290]], [["Lower"]], null, null, null, null]],
      ["ONTRACK", excel.onTrack, [[[458]], [[600]], [["Higher"]]]],
      ["QUARTER", excel.quarter, [[["30/06/2015"]], null]],
    ];
    for (const [name, fn, args] of cases) {
      expect(PERF_FUNCTIONS[name]?.(...args)).toEqual((fn as (...a: unknown[]) => unknown)(...args));
    }
  });

  it("accepts plain values and missing trailing arguments, as a formula engine may pass them", () => {
    expect(PERF_FUNCTIONS.MILESTONE?.("Count", "", 600, 2)).toEqual([[300]]);
    expect(PERF_FUNCTIONS.RAG?.(296, 290, "Lower")).toEqual([["Amber"]]);
    const err = (PERF_FUNCTIONS.RATE?.(31, 0) as unknown[][])[0]?.[0];
    expect(isExcelError(err)).toBe(true);
    expect(err).toMatchObject({ code: "#DIV/0!", message: "The denominator is 0, so 31/0 is not a rate" });
  });
});
