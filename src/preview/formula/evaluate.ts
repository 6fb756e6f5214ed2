/**
 * Evaluates the preview's formulas with the PERF functions' own code (PERF_FUNCTIONS, the same
 * functions Excel calls), passing arguments as Excel passes them to a custom function: a single
 * cell or literal as a scalar, a range or array as a 2-D array (blank cells as null), an omitted
 * argument as null, and an error cell as an error value. A result that spills shows its
 * top-left value (the preview's grid does not spill).
 */
import {
  CellError,
  isExcelError,
  PERF_FUNCTIONS,
  PERF_NAMESPACE,
  type ExcelErrorCode,
} from "../../functions/registry";
import type { CellValue } from "../../memory-excel";
import { FormulaSyntaxError, parseFormula, type Expr } from "./parse";

/** Where cell values come from: a sheet's 0-based cell; `null` when the sheet does not exist. */
export interface CellSource {
  value(sheet: string, row: number, col: number): CellValue | null;
}

export interface Evaluated {
  /** What the cell shows: a value, or an error code such as `#VALUE!`. */
  readonly value: CellValue;
  /** Why the cell is an error (the function's message), when it is one. */
  readonly message?: string;
}

const ERROR_CODES: ReadonlySet<string> = new Set([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#REF!",
  "#NAME?",
]);

export function isErrorText(v: unknown): v is string {
  return typeof v === "string" && ERROR_CODES.has(v);
}

class EvalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A largest range a formula may read, so a typo such as A:A cannot freeze the page. */
const MAX_CELLS = 100_000;

type Value = unknown;

function cellArg(v: CellValue | null): unknown {
  if (v === null) return null;
  if (v === "") return null;
  if (isErrorText(v)) {
    return ERROR_CODES.has(v) && v !== "#REF!" && v !== "#NAME?"
      ? new CellError(v as ExcelErrorCode)
      : new CellError("#VALUE!", v);
  }
  return v;
}

function evaluateExpr(e: Expr, sheet: string, source: CellSource): Value {
  switch (e.kind) {
    case "literal":
      return e.value;
    case "omitted":
      return null;
    case "array":
      return e.rows.map((r) => [...r]);
    case "negate": {
      const v = scalarOf(evaluateExpr(e.operand, sheet, source));
      if (typeof v !== "number") throw new EvalError("#VALUE!", "Only a number can be negated");
      return -v;
    }
    case "percent": {
      const v = scalarOf(evaluateExpr(e.operand, sheet, source));
      if (typeof v !== "number") throw new EvalError("#VALUE!", "% follows a number");
      return v / 100;
    }
    case "ref": {
      const s = e.sheet ?? sheet;
      if (e.rect.rowCount * e.rect.colCount > MAX_CELLS) {
        throw new EvalError(
          "#REF!",
          `${e.text} is larger than the preview reads (${MAX_CELLS.toLocaleString("en-GB")} cells)`,
        );
      }
      const rows: unknown[][] = [];
      for (let r = 0; r < e.rect.rowCount; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < e.rect.colCount; c++) {
          const v = source.value(s, e.rect.row + r, e.rect.col + c);
          if (v === null) throw new EvalError("#REF!", `There is no sheet named '${s}'`);
          row.push(cellArg(v));
        }
        rows.push(row);
      }
      return e.rect.rowCount === 1 && e.rect.colCount === 1 ? rows[0]?.[0] : rows;
    }
    case "call": {
      const prefix = `${PERF_NAMESPACE}.`;
      const name = e.name.startsWith(prefix) ? e.name.slice(prefix.length) : null;
      const fn = name === null ? undefined : PERF_FUNCTIONS[name];
      if (!fn) {
        throw new EvalError(
          "#NAME?",
          name === null
            ? `The preview evaluates the PERF functions only; ${e.name} is not one of them`
            : `There is no function PERF.${name}; the PERF functions are ${Object.keys(PERF_FUNCTIONS).join(", ")}`,
        );
      }
      return fn(...e.args.map((a) => evaluateExpr(a, sheet, source)));
    }
  }
}

/** The top-left value of a result (a spill shows its first cell here). */
function scalarOf(v: Value): unknown {
  let x = v;
  while (Array.isArray(x)) x = x[0];
  return x;
}

function toCell(v: Value): Evaluated {
  const x = scalarOf(v);
  if (isExcelError(x)) return { value: x.code, message: x.message ?? x.code };
  if (x === null || x === undefined) return { value: 0 };
  if (typeof x === "number")
    return Number.isFinite(x) ? { value: x } : { value: "#NUM!", message: "Not a finite number" };
  if (typeof x === "string" || typeof x === "boolean") return { value: x };
  if (x instanceof Date) return { value: x.toISOString().slice(0, 10) };
  return { value: "#VALUE!", message: "The result is not a value a cell can hold" };
}

/** Evaluate a formula written on `sheet`. Never throws: problems are error values with a message. */
export function evaluateFormula(formula: string, sheet: string, source: CellSource): Evaluated {
  try {
    return toCell(evaluateExpr(parseFormula(formula), sheet, source));
  } catch (e) {
    if (e instanceof EvalError) return { value: e.code, message: e.message };
    if (e instanceof FormulaSyntaxError) return { value: "#NAME?", message: e.message };
    return { value: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
}
