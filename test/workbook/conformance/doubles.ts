/**
 * The two test doubles of a workbook, behind the same WorkbookHost: the task pane's FakeHost
 * (test/taskpane/fakeHost.ts, plain tables) and the real workbook layer over the in-memory Excel
 * (`createExcelHost(memoryExcel.run)`). The conformance suite runs one set of expectations against
 * both, so the pane's tests cannot rely on something the workbook layer does not do.
 */
import { createMemoryExcel, MemoryWorkbook } from "../../../src/memory-excel";
import type { RawCell, WorkbookHost } from "../../../src/contract";
import { createExcelHost } from "../../../src/workbook";
import { FakeHost } from "../../taskpane/fakeHost";

export const WHO = "Test User";
export const WHEN = new Date(Date.UTC(2015, 9, 14, 9, 30));

export interface World {
  readonly host: WorkbookHost;
  /** Put a block of cells on a sheet and select it, as the user would. */
  selectCells(
    sheet: string,
    topLeft: { row: number; col: number },
    cells: readonly (readonly RawCell[])[],
  ): void;
}

export interface Double {
  readonly name: string;
  open(book: "sample" | "empty"): Promise<World>;
}

const fake: Double = {
  name: "the task pane's FakeHost",
  open: (book) => {
    const host = new FakeHost({ book, who: WHO, now: () => WHEN });
    return Promise.resolve({
      host,
      selectCells: (sheet, topLeft, cells) => {
        host.selection = {
          sheet,
          address: `${String.fromCharCode(65 + topLeft.col)}${topLeft.row + 1}`,
          values: cells,
        };
      },
    });
  },
};

const memory: Double = {
  name: "createExcelHost over the in-memory Excel",
  open: async (book) => {
    const workbook = MemoryWorkbook.blank();
    const excel = createMemoryExcel({ book: workbook });
    const host = createExcelHost(excel.run, { user: () => WHO, now: () => WHEN });
    if (book === "sample") await host.loadSample();
    return {
      host,
      selectCells: (sheet, topLeft, cells) => {
        if (!workbook.sheet(sheet)) workbook.addSheet(sheet);
        cells.forEach((row, i) =>
          row.forEach((c, j) => {
            const text = c === null ? "" : typeof c === "string" ? `'${c}` : String(c);
            workbook.setCellInput(sheet, topLeft.row + i, topLeft.col + j, text);
          }),
        );
        const last = `${String.fromCharCode(65 + topLeft.col + (cells[0]?.length ?? 1) - 1)}${topLeft.row + cells.length}`;
        workbook.setSelection(sheet, `${String.fromCharCode(65 + topLeft.col)}${topLeft.row + 1}:${last}`);
      },
    };
  },
};

export const DOUBLES: readonly Double[] = [fake, memory];
