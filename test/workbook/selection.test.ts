/**
 * "Read selected range" as a user selects (issue 9, defect 3): whole columns and whole rows, as
 * Excel reports them (`Sheet1!A:F`, `Sheet1!3:5`), are read as the cells in use; several areas,
 * or a chart or shape, give a plain message saying what to select.
 */
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";
import { createExcelHost, type ExcelHostOptions, type ExcelWorkbookHost } from "../../src/workbook";

function withData(options: Partial<ExcelHostOptions> = {}): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const book = MemoryWorkbook.blank("Q2 return");
  book.setCellInput("Q2 return", 1, 0, "Indicator");
  book.setCellInput("Q2 return", 1, 1, "2015-16 Q1");
  book.setCellInput("Q2 return", 1, 2, "2015-16 Q2");
  book.setCellInput("Q2 return", 2, 0, "EH-EHA");
  book.setCellInput("Q2 return", 2, 1, "135");
  book.setCellInput("Q2 return", 2, 2, "94");
  book.setCellInput("Q2 return", 3, 0, "CS-ESC");
  book.setCellInput("Q2 return", 3, 1, "31/274");
  book.setCellInput("Q2 return", 3, 2, "'18/206");
  const excel = createMemoryExcel({ book });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(), ...options }),
  };
}

async function selectedAddress(excel: MemoryExcel): Promise<string> {
  return excel.run(async (context) => {
    const r = context.workbook.getSelectedRange().load("address");
    await context.sync();
    return r.address;
  });
}

describe("whole columns and rows", () => {
  test("Excel reports a whole-column selection as A:F, and PerfCycle reads the cells in use", async () => {
    const { excel, host } = withData();
    excel.book.setSelection("Q2 return", "A:F");
    expect(await selectedAddress(excel)).toBe("'Q2 return'!A:F");
    const sel = await host.readSelection();
    expect(sel.sheet).toBe("Q2 return");
    expect(sel.address).toBe("A2");
    expect(sel.values).toEqual([
      ["Indicator", "2015-16 Q1", "2015-16 Q2"],
      ["EH-EHA", 135, 94],
      ["CS-ESC", "31/274", "18/206"],
    ]);
  });

  test("a whole-row selection (3:5) reads the used cells of those rows", async () => {
    const { excel, host } = withData();
    excel.book.setSelection("Q2 return", "3:5");
    expect(await selectedAddress(excel)).toBe("'Q2 return'!3:5");
    const sel = await host.readSelection();
    expect(sel.address).toBe("A3");
    expect(sel.values.length).toBe(2);
    expect(sel.values[0]).toEqual(["EH-EHA", 135, 94]);
  });

  test("whole columns with nothing in them read as nothing", async () => {
    const { excel, host } = withData();
    excel.book.setSelection("Q2 return", "H:K");
    expect(await host.readSelection()).toEqual({ sheet: "Q2 return", address: "H1", values: [] });
  });

  test("the cell values of an unbounded range come back as null, as Excel returns them", async () => {
    const { excel } = withData();
    const values = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Q2 return").getRange("A:C").load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toBeNull();
  });
});

describe("selections that are not one block of cells", () => {
  test("several areas are named, with what to select instead", async () => {
    const { excel, host } = withData();
    excel.book.setSelection("Q2 return", "A2:B3,D5");
    await expect(host.readSelection()).rejects.toThrow(
      /The selection has 2 separate areas \(A2:B3, D5\)\. Select the cells to read as one block/,
    );
  });

  test("without ExcelApi 1.9 the message still says what to select", async () => {
    const { excel, host } = withData({ isSetSupported: (_n, v) => v !== "1.9" });
    excel.book.setSelection("Q2 return", "A2:B3,D5");
    await expect(host.readSelection()).rejects.toThrow(
      /not a range of cells.*Select the cells to read as one block/,
    );
  });

  test("a chart or shape selected instead of cells", async () => {
    const { excel, host } = withData();
    excel.book.selectObject();
    await expect(host.readSelection()).rejects.toThrow(/The selection is not a range of cells/);
  });
});
