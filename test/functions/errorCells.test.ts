/**
 * Error cells as Excel passes them. With `allowErrorForDataTypeAny` (functions.json, added by the
 * build) Excel calls a PERF function even when its input ranges hold errors, passing each error
 * cell as a `CustomFunctions.Error` object `{ code, message? }` in its place in the matrix:
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs
 * The error then stays in its own cell of the spilled result; the other cells are computed.
 */
import { CellError } from "../../src/functions/errors";
import { milestone, quarter, rag, rate, weight } from "../../src/functions/functions";
import { PERF_FUNCTIONS } from "../../src/functions/registry";
import { cell, column, expectError, OMITTED, only, row } from "./excel";

/** Excel's `CustomFunctions.Error` as the runtime passes it in (CustomFunctionsRuntime 1.2+). */
class RuntimeError {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

const g = globalThis as { CustomFunctions?: unknown };
afterEach(() => delete g.CustomFunctions);

const NA = new RuntimeError("#N/A");
const REF = new RuntimeError("#REF!");
const NAME = new RuntimeError("#NAME?");

describe("an error cell in an input range", () => {
  it("gives #N/A in its own cell of a spilled milestone column, the other targets computed", () => {
    const out = milestone(cell("Count"), cell(0), column(100, NA, 300), cell(2), OMITTED, OMITTED);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([50]);
    expectError(out[1]?.[0], "#N/A", "The cell holds the error #N/A");
    expect(out[2]).toEqual([150]);
  });

  it("keeps the message of an error cell that carries one (a lookup's #N/A with a reason)", () => {
    const out = rag(
      column(470, new RuntimeError("#N/A", "Awaiting data from Capita ONE")),
      cell(450),
      cell("Higher"),
      OMITTED,
      OMITTED,
      OMITTED,
      OMITTED,
    );
    expect(out[0]).toEqual(["Green"]);
    expectError(out[1]?.[0], "#N/A", "Awaiting data from Capita ONE");
  });

  it("turns #REF! and #NAME?, which a function cannot return, into #VALUE! naming them", () => {
    const out = rag(
      column(470, REF, 400),
      column(450, 450, NAME),
      cell("Higher"),
      OMITTED,
      OMITTED,
      OMITTED,
      OMITTED,
    );
    expect(out[0]).toEqual(["Green"]);
    expectError(out[1]?.[0], "#VALUE!", /holds the error #REF!/);
    expectError(out[2]?.[0], "#VALUE!", /holds the error #NAME\?/);
  });

  it("passes #DIV/0! in a numerator column through to that cell only", () => {
    const out = rate(column(31, new RuntimeError("#DIV/0!"), 18), column(274, 200, 206));
    expect(out[0]?.[0]).toBeCloseTo(31 / 274, 12);
    expectError(out[1]?.[0], "#DIV/0!");
    expect(out[2]?.[0]).toBeCloseTo(18 / 206, 12);
  });

  it("takes newer Excel errors (#SPILL!, #CALC!) as error cells, not as text", () => {
    const out = quarter(row("30/06/2015", new RuntimeError("#SPILL!"), new RuntimeError("#CALC!")), OMITTED);
    expect(out[0]?.[0]).toBe("2015-16 Q1");
    expectError(out[0]?.[1], "#VALUE!", /#SPILL!/);
    expectError(out[0]?.[2], "#VALUE!", /#CALC!/);
  });

  it("makes the whole result that error when it is in a single-cell argument used by every cell", () => {
    const out = milestone(cell("Count"), cell(0), column(100, 200), cell(REF), OMITTED, OMITTED);
    expectError(out[0]?.[0], "#VALUE!", /#REF!/);
    expectError(out[1]?.[0], "#VALUE!", /#REF!/);
  });

  it("names the error in a custom weights range rather than reading it as a weight", () => {
    expectError(only(weight(cell("Custom"), cell(2), row(0.2, NA, 0.8, 1))), "#N/A");
  });

  it("builds the cells' errors with Excel's own class when the runtime is there", () => {
    g.CustomFunctions = { Error: RuntimeError };
    const out = rag(column(470, REF), cell(450), cell("Higher"), OMITTED, OMITTED, OMITTED, OMITTED);
    expect(out[0]).toEqual(["Green"]);
    expect(out[1]?.[0]).toBeInstanceOf(RuntimeError);
    expect(out[1]?.[0]).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/#REF!/) });
  });

  it("never lets an error cell escape as an exception, in any argument of any function", () => {
    for (const [name, fn] of Object.entries(PERF_FUNCTIONS)) {
      for (let i = 0; i < fn.length; i++) {
        for (const err of [NA, REF, NAME, new CellError("#VALUE!", "typed")]) {
          const args: unknown[] = Array.from({ length: fn.length }, () => OMITTED);
          args[i] = column(1, err);
          const out = fn(...args) as unknown[][];
          expect(Array.isArray(out)).toBe(true);
          // The error shows as an error value a function may return (in its own cell, or in the
          // single result of a whole-range argument such as custom weights); nothing throws.
          const codes = out
            .flat()
            .flatMap((c) => (typeof c === "object" && c !== null ? [(c as { code: string }).code] : []));
          expect({ name, argument: i, codes }).toEqual({
            name,
            argument: i,
            codes: expect.arrayContaining([expect.stringMatching(/^#(VALUE!|N\/A|DIV\/0!|NUM!|NULL!)$/)]),
          });
          for (const code of codes) expect(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]).toContain(code);
        }
      }
    }
  });
});
