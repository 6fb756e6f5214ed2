/**
 * The preview's =PERF.* formulas on the in-memory workbook: an evaluator to install with
 * `book.setFormulaEvaluator(...)`, remembering each error cell's message for the grid's tooltip.
 */
import type { FormulaEvaluator, MemoryWorkbook } from "../../memory-excel";
import { evaluateFormula } from "./evaluate";

export { evaluateFormula, isErrorText, type CellSource, type Evaluated } from "./evaluate";
export { parseFormula, FormulaSyntaxError, type Expr } from "./parse";

export interface PerfFormulas {
  readonly evaluator: FormulaEvaluator;
  /** The message of an error cell (`Sheet!A1`), when the last evaluation of it was an error. */
  message(sheet: string, address: string): string | undefined;
}

export function perfFormulas(): PerfFormulas {
  const messages = new Map<string, string>();
  const evaluator: FormulaEvaluator = (formula, site, book: MemoryWorkbook) => {
    const source = {
      value: (sheet: string, row: number, col: number) => {
        const s = book.sheet(sheet);
        return s ? book.value(s, row, col) : null;
      },
    };
    const r = evaluateFormula(formula, site.sheet, source);
    const key = `${site.sheet}!${site.address}`;
    if (r.message !== undefined) messages.set(key, r.message);
    else messages.delete(key);
    return r.value;
  };
  return { evaluator, message: (sheet, address) => messages.get(`${sheet}!${address}`) };
}
