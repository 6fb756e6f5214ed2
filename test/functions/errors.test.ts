/**
 * Error values: built through Excel's CustomFunctions.Error when the runtime is there, as an
 * identical local CellError otherwise (jest, the browser preview).
 */
import { CellError, cellError, ErrorCode, excelCodeFor, isExcelError } from "../../src/functions/errors";
import { rate, rag } from "../../src/functions/functions";
import { cell, OMITTED, only } from "./excel";

/** A stand-in for the runtime's class, recording what it was given. */
class FakeRuntimeError {
  static calls: unknown[][] = [];
  code: string;
  message?: string;
  constructor(...args: [string, string?]) {
    FakeRuntimeError.calls.push(args);
    this.code = args[0];
    if (args[1] !== undefined) this.message = args[1];
  }
}

const g = globalThis as { CustomFunctions?: unknown };

afterEach(() => {
  delete g.CustomFunctions;
  FakeRuntimeError.calls = [];
});

describe("error values", () => {
  it("uses the error codes of CustomFunctions.ErrorCode", () => {
    expect(ErrorCode).toMatchObject({
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    });
  });

  it("is a local CellError with code and message when Excel's runtime is absent", () => {
    expect(g.CustomFunctions).toBeUndefined();
    const e = cellError("#VALUE!", "Polarity must be Higher, Lower or Neutral; got 'Hihger'");
    expect(e).toBeInstanceOf(CellError);
    expect({ ...e }).toEqual({
      code: "#VALUE!",
      message: "Polarity must be Higher, Lower or Neutral; got 'Hihger'",
    });
  });

  it("is built by CustomFunctions.Error when the runtime exists, from the functions too", () => {
    g.CustomFunctions = { Error: FakeRuntimeError };
    const out = only(rag(cell(1), cell(1), cell("Hihger"), OMITTED, OMITTED, OMITTED, OMITTED));
    expect(out).toBeInstanceOf(FakeRuntimeError);
    expect(FakeRuntimeError.calls).toEqual([
      ["#VALUE!", "Polarity must be Higher, Lower or Neutral; got 'Hihger'"],
    ]);
  });

  it("gives Excel no message with #DIV/0!, which cannot carry one, but keeps it locally", () => {
    g.CustomFunctions = { Error: FakeRuntimeError };
    const real = only(rate(cell(31), cell(0)));
    expect(real).toBeInstanceOf(FakeRuntimeError);
    expect(FakeRuntimeError.calls).toEqual([["#DIV/0!"]]);
    delete g.CustomFunctions;
    const local = only(rate(cell(31), cell(0)));
    expect(local).toEqual(new CellError("#DIV/0!", "The denominator is 0, so 31/0 is not a rate"));
  });

  it("recognises error values, including error cells passed in by Excel, and nothing else", () => {
    expect(isExcelError(new CellError("#N/A", "No data"))).toBe(true);
    expect(isExcelError({ code: "#N/A" })).toBe(true);
    expect(isExcelError({ code: "N/A" })).toBe(false);
    expect(isExcelError("#N/A")).toBe(false);
    expect(isExcelError(null)).toBe(false);
  });

  it("maps engine errors to the Excel error a user expects", () => {
    expect(excelCodeFor("DIVIDE_BY_ZERO")).toBe("#DIV/0!");
    expect(excelCodeFor("MISSING_VALUE")).toBe("#N/A");
    expect(excelCodeFor("POLARITY")).toBe("#VALUE!");
    expect(excelCodeFor("PERIOD_UNPARSEABLE")).toBe("#VALUE!");
    expect(excelCodeFor("NOT_A_NUMBER")).toBe("#VALUE!");
  });
});
