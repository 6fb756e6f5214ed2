/**
 * A preview session: the in-memory Excel with the =PERF.* evaluator installed, and the real
 * workbook layer (createExcelHost) over it — the same code the add-in runs in Excel. A new
 * workbook gets the sample through the workbook layer, plus a sheet of example formulas.
 */
import { parseA1 } from "../a1";
import type { WorkbookHost } from "../contract";
import { createExcelHost } from "../workbook";
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../memory-excel";
import { perfFormulas, type PerfFormulas } from "./formula";

export interface Session {
  readonly excel: MemoryExcel;
  readonly host: WorkbookHost;
  readonly formulas: PerfFormulas;
}

export function openSession(
  book: MemoryWorkbook,
  user: () => string,
  now: () => Date = () => new Date(),
): Session {
  const formulas = perfFormulas();
  book.setFormulaEvaluator(formulas.evaluator);
  const excel = createMemoryExcel({ book });
  // The in-memory Excel has Range.getCellProperties (ExcelApi 1.9): the audit reads fills.
  const host = createExcelHost(excel.run, { user, now, isSetSupported: () => true });
  return { excel, host, formulas };
}

export const FUNCTIONS_SHEET = "PERF functions";

/** Row (1-based) of an indicator id in the Targets sheet's first column, as loaded from the sample. */
function targetRow(book: MemoryWorkbook, id: string, unit: string): number | null {
  const sheet = book.sheet("Targets");
  if (!sheet) return null;
  for (let r = 1; r < 500; r++) {
    if (book.cellView("Targets", r, 0).value === id && book.cellView("Targets", r, 2).value === unit)
      return r + 1;
  }
  return null;
}

/** A sheet of example formulas, each beside what it computes, for a first look at the PERF functions. */
export function addFunctionsSheet(book: MemoryWorkbook): void {
  if (book.sheet(FUNCTIONS_SHEET)) return;
  book.addSheet(FUNCTIONS_SHEET);
  const put = (address: string, text: string): void => {
    const at = parseA1(address);
    if (!at) return;
    book.setCellInput(FUNCTIONS_SHEET, at.row, at.col, text);
  };
  const esc = targetRow(book, "CS-ESC", "City") ?? 12;
  const rows: [string, string, string?][] = [
    ["Quarter of 30/06/2015", '=PERF.QUARTER("30/06/2015")'],
    ["Cumulative weight of Q2, Back profile", '=PERF.WEIGHT("Back", 2)', "0%"],
    ["Escalation rate 31/274", "=PERF.RATE(31, 274)", "0.0%"],
    [
      `Milestone for CS-ESC in Q2 (Targets row ${esc})`,
      `=PERF.MILESTONE(Targets!E${esc}, Targets!K${esc}, Targets!M${esc}, 2)`,
      "0.0%",
    ],
    ["RAG: 296 plans against 290, lower is better, 5%", '=PERF.RAG(296, 290, "Lower", 5%)'],
    ["Why", '=PERF.EXPLAIN(296, 290, "Lower", "Level", "plans", 5%)'],
    ["Direction of travel: 159 after 94", '=PERF.DOT(159, 94, "Higher")'],
    ["A typing slip is an error with its reason", '=PERF.RAG(296, 290, "Hihger")'],
  ];
  put(
    "A1",
    "PERF functions in the preview: type =PERF.… in any cell (cell references, ranges and other sheets work)",
  );
  put("A3", "What");
  put("B3", "Formula");
  put("C3", "Result");
  const sheet = book.sheet(FUNCTIONS_SHEET);
  rows.forEach(([what, formula, format], i) => {
    const r = 4 + i;
    put(`A${r}`, what);
    put(`B${r}`, `'${formula}`);
    put(`C${r}`, formula);
    if (format && sheet)
      book.writeCells(sheet, { row: r - 1, col: 2, rowCount: 1, colCount: 1 }, [[format]], "numberFormat");
  });
}

/** A new workbook with the sample loaded through the workbook layer, and the functions sheet. */
export async function sampleSession(user: () => string): Promise<Session> {
  const book = MemoryWorkbook.blank();
  const session = openSession(book, user);
  await session.host.loadSample();
  // Excel's new workbook comes with an empty Sheet1; the sample does not need it.
  const blank = book.sheet("Sheet1");
  if (blank && book.sheets.length > 1 && blank.usedRect(false) === null) book.deleteSheet(blank);
  addFunctionsSheet(book);
  book.activate("Targets");
  return session;
}
