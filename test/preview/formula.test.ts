/**
 * The preview's =PERF.* evaluator: literals, references (A1, $A$1, Sheet!A1, 'My sheet'!A1),
 * ranges, array constants, omitted arguments and nested calls reach the PERF functions exactly
 * as Excel would pass them; results and errors are the functions' own.
 */
import { PERF_FUNCTIONS, isExcelError } from "../../src/functions/registry";
import { evaluateFormula, parseFormula, type CellSource } from "../../src/preview/formula";
import type { CellValue } from "../../src/memory-excel";

/** Sheets of cells by A1 address. */
function source(sheets: Record<string, Record<string, CellValue>>): CellSource {
  return {
    value(sheet, row, col) {
      const s = Object.entries(sheets).find(([n]) => n.toLowerCase() === sheet.toLowerCase())?.[1];
      if (!s) return null;
      const a1 = `${String.fromCharCode(65 + col)}${row + 1}`;
      return s[a1] ?? "";
    },
  };
}

function direct(name: string, ...args: unknown[]): unknown {
  const fn = PERF_FUNCTIONS[name];
  if (!fn) throw new Error(name);
  let v = fn(...args);
  while (Array.isArray(v)) v = v[0];
  return isExcelError(v) ? v.code : v;
}

const book = source({
  Sheet1: { A1: 31, B1: 274, C1: "Lower", A2: 0.2, B2: 0.45, C2: 0.8, D2: 1, A3: "#DIV/0!" },
  "My sheet": { A1: 296, B1: 290 },
});

test("literals, percentages and omitted arguments reach the function as Excel passes them", () => {
  expect(evaluateFormula('=PERF.MILESTONE("Count", , 780, 2)', "Sheet1", book).value).toBe(
    direct("MILESTONE", "Count", null, 780, 2),
  );
  expect(evaluateFormula('=PERF.RAG(296, 290, "Lower", 5%)', "Sheet1", book).value).toBe(
    direct("RAG", 296, 290, "Lower", 0.05),
  );
  expect(evaluateFormula("=perf.rate(31,274)", "Sheet1", book).value).toBe(direct("RATE", 31, 274));
});

test("cell references, absolute references and other sheets' cells", () => {
  expect(evaluateFormula("=PERF.RATE(A1, $B$1)", "Sheet1", book).value).toBe(direct("RATE", 31, 274));
  expect(evaluateFormula("=PERF.RATE(Sheet1!A1, Sheet1!B1)", "My sheet", book).value).toBe(
    direct("RATE", 31, 274),
  );
  expect(evaluateFormula("=PERF.RAG('My sheet'!A1, 'My sheet'!B1, Sheet1!C1)", "Sheet1", book).value).toBe(
    direct("RAG", 296, 290, "Lower"),
  );
  expect(evaluateFormula("=A1", "Sheet1", book).value).toBe(31);
});

test("ranges and array constants are 2-D arrays; nested calls pass their results on", () => {
  expect(evaluateFormula('=PERF.WEIGHT("Custom", 2, A2:D2)', "Sheet1", book).value).toBe(
    direct("WEIGHT", "Custom", 2, [[0.2, 0.45, 0.8, 1]]),
  );
  expect(evaluateFormula('=PERF.WEIGHT("Custom", 3, {0.2, 0.45, 0.8, 1})', "Sheet1", book).value).toBe(
    direct("WEIGHT", "Custom", 3, [[0.2, 0.45, 0.8, 1]]),
  );
  const inner = direct("RATE", 31, 274);
  expect(evaluateFormula('=PERF.RAG(PERF.RATE(A1, B1), 0.1, "Lower")', "Sheet1", book).value).toBe(
    direct("RAG", inner, 0.1, "Lower"),
  );
  // A spilled result shows its first cell.
  expect(evaluateFormula('=PERF.MILESTONE("Count", , 780, {1;2;3;4})', "Sheet1", book).value).toBe(
    direct("MILESTONE", "Count", null, 780, 1),
  );
});

test("the functions' errors come back with their message", () => {
  const r = evaluateFormula('=PERF.RAG(296, 290, "Hihger")', "Sheet1", book);
  expect(r.value).toBe("#VALUE!");
  expect(r.message).toContain("Hihger");
  expect(evaluateFormula("=PERF.RATE(31, 0)", "Sheet1", book).value).toBe("#DIV/0!");
  // An error in a referenced cell reaches the function as an error.
  expect(evaluateFormula("=PERF.RATE(A3, B1)", "Sheet1", book).value).toBe(
    direct("RATE", { code: "#DIV/0!" }, 274),
  );
});

test("what the preview cannot evaluate says why", () => {
  const other = evaluateFormula("=SUM(A1:B1)", "Sheet1", book);
  expect(other.value).toBe("#NAME?");
  expect(other.message).toContain("SUM");
  expect(evaluateFormula("=PERF.NOPE(1)", "Sheet1", book).message).toContain("PERF.NOPE");
  expect(evaluateFormula("=PERF.RATE(Nowhere!A1, 2)", "Sheet1", book).value).toBe("#REF!");
  const syntax = evaluateFormula("=PERF.RATE(31, 274", "Sheet1", book);
  expect(syntax.value).toBe("#NAME?");
  expect(syntax.message).toMatch(/Expected \)/);
  expect(() => parseFormula("=A1 + 2")).toThrow(/Unexpected \+/);
});
