/** Ranges in, ranges out: broadcasting, per-cell errors, and no exception or NaN ever escaping. */
import fc from "fast-check";
import { invalid } from "../../src/functions/errors";
import { milestone, rag, rate } from "../../src/functions/functions";
import { spill, toMatrix } from "../../src/functions/grid";
import { PERF_FUNCTIONS } from "../../src/functions/registry";
import { cell, column, expectError, OMITTED, row } from "./excel";

describe("spilling over ranges", () => {
  it("reads a scalar, an omitted argument, an empty array and a 1-D array as ranges", () => {
    expect(toMatrix(5)).toEqual([[5]]);
    expect(toMatrix(null)).toEqual([[null]]);
    expect(toMatrix(undefined)).toEqual([[undefined]]);
    expect(toMatrix([])).toEqual([[null]]);
    expect(toMatrix([[]])).toEqual([[null]]);
    expect(toMatrix([1, 2])).toEqual([[1, 2]]);
    expect(toMatrix([[1], [2]])).toEqual([[1], [2]]);
  });

  it("repeats a single cell over a range and a row across a column, as Excel does", () => {
    const out = spill(
      [column(1, 2), row(10, 20, 30), cell(100)],
      ([a, b, c]) => Number(a) * Number(b) + Number(c),
    );
    expect(out).toEqual([
      [110, 120, 130],
      [120, 140, 160],
    ]);
  });

  it("gives #N/A in the cells where a shorter range has no partner", () => {
    const out = spill([column(1, 2, 3), column(1, 2)], ([a, b]) => Number(a) + Number(b));
    expect(out[0]).toEqual([2]);
    expect(out[1]).toEqual([4]);
    expectError(out[2]?.[0], "#N/A", /different sizes \(2 rows × 1 column against 3 rows × 1 column\)/);
  });

  it("turns a problem, an exception, NaN or nothing in one cell into an error in that cell only", () => {
    const out = spill([row("ok", "problem", "throw", "nan", "none")], ([x]) => {
      switch (x) {
        case "problem":
          return invalid("bad cell");
        case "throw":
          throw new Error("boom");
        case "nan":
          return Number.NaN;
        case "none":
          return null;
        default:
          return 1;
      }
    });
    const cells = out[0] ?? [];
    expect(cells[0]).toBe(1);
    expectError(cells[1], "#VALUE!", "bad cell");
    expectError(cells[2], "#VALUE!", /boom/);
    expectError(cells[3], "#VALUE!", /not a finite number/);
    expectError(cells[4], "#VALUE!", "No result");
  });

  it("returns a large spill whole: a column of 1,000 indicators", () => {
    const actuals = Array.from({ length: 1000 }, (_, i) => [i % 7 === 0 ? "" : 250 + i]);
    const out = rag(actuals, cell(500), cell("Higher"), OMITTED, OMITTED, OMITTED, OMITTED);
    expect(out).toHaveLength(1000);
    expect(out[0]?.[0]).toMatchObject({ code: "#N/A", message: "No data: the actual is empty" });
    expect(out[999]).toEqual(["Green"]);
  });

  it("never throws and never returns a bare NaN, whatever Excel passes", () => {
    const anyCell = fc.oneof(
      fc.double(),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(""),
      fc.constantFrom(
        "Count",
        "Level",
        "Rate",
        "Higher",
        "Lower",
        "Neutral",
        "Q2",
        "2015-16 Q3",
        "12.4%",
        "31/0",
      ),
    );
    const anyArg = fc.oneof(
      anyCell,
      fc.array(fc.array(anyCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(PERF_FUNCTIONS)),
        fc.array(anyArg, { maxLength: 9 }),
        (name, args) => {
          const fn = PERF_FUNCTIONS[name];
          if (!fn) throw new Error(name);
          const out = fn(...args) as unknown[][];
          expect(Array.isArray(out)).toBe(true);
          for (const line of out) {
            for (const v of line) {
              expect(Number.isNaN(v)).toBe(false);
              expect(v === undefined || v === null).toBe(false);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("computes each cell of a milestone grid independently of the others' errors", () => {
    const out = milestone(
      column("Count", "Lvel", "Level"),
      column("", 1, ""),
      cell(100),
      row(2, 4),
      OMITTED,
      OMITTED,
    );
    expect(out[0]).toEqual([50, 100]);
    expectError(out[1]?.[0], "#VALUE!", /got 'Lvel'/);
    expectError(out[1]?.[1], "#VALUE!", /got 'Lvel'/);
    expectError(out[2]?.[0], "#N/A", /needs a baseline/);
    expect(out[2]?.[1]).toBe(100);
    expect(rate(cell(1), cell(4))).toEqual([[0.25]]);
  });
});
