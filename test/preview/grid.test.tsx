/**
 * The preview's grid: cells shown as Excel shows them (formats, fills), typing into a cell, the
 * selection made with the mouse and the keyboard (what the task pane reads), and pasting cells.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/memory-excel";
import { perfFormulas } from "../../src/preview/formula";
import { Grid } from "../../src/preview/Grid";

/** The grid re-renders itself on each change of the workbook (useBookSnapshot), as in the preview. */
function Harness(props: { book: MemoryWorkbook }) {
  return <Grid book={props.book} formulas={perfFormulas()} />;
}

function setup() {
  const book = MemoryWorkbook.blank();
  const formulas = perfFormulas();
  book.setFormulaEvaluator(formulas.evaluator);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness book={book} />
    </FluentProvider>,
  );
  const cell = (a: string): HTMLElement => {
    const el = document.querySelector(`td[data-address="${a}"]`);
    if (!el) throw new Error(a);
    return el as HTMLElement;
  };
  return { book, user, cell };
}

test("typing into a cell writes it; a formula shows its value", async () => {
  const { book, user, cell } = setup();
  await user.click(cell("B2"));
  await user.keyboard("=PERF.RATE(31, 274){Enter}");
  expect(book.cellView("Sheet1", 1, 1).formula).toBe("=PERF.RATE(31, 274)");
  expect(cell("B2").textContent).toBe(book.cellView("Sheet1", 1, 1).text);
  // Enter moved the active cell down.
  expect(cell("B3").getAttribute("tabindex")).toBe("0");
});

test("the selection made with the mouse and the keyboard is the workbook's selection", async () => {
  const { book, user, cell } = setup();
  await user.click(cell("A1"));
  await user.keyboard("{Shift>}");
  await user.click(cell("C4"));
  await user.keyboard("{/Shift}");
  expect(book.selectionInfo()).toEqual({ sheet: "Sheet1", address: "A1:C4" });
  expect(screen.getByLabelText("Selected cells").textContent).toBe("A1:C4");
  await user.keyboard("{Shift>}{ArrowRight}{/Shift}");
  expect(book.selectionInfo()?.address).toBe("A1:D4");
});

test("cells pasted from a spreadsheet fill from the active cell, and the pasted block is selected", async () => {
  const { book, user, cell } = setup();
  await user.click(cell("B2"));
  fireEvent.paste(cell("B2"), { clipboardData: { getData: () => "Id\t30/06/2015\nEH-EHA\t201\n" } });
  expect(book.cellView("Sheet1", 1, 1).value).toBe("Id");
  expect(book.cellView("Sheet1", 2, 2).value).toBe(201);
  expect(book.selectionInfo()?.address).toBe("B2:C3");
});

test("a cell's fill and number format are shown", () => {
  const { book, cell } = setup();
  const s = book.sheet("Sheet1");
  if (!s) throw new Error("sheet");
  act(() => {
    book.writeCells(s, { row: 0, col: 0, rowCount: 1, colCount: 1 }, [[0.113]], "values");
    book.writeCells(s, { row: 0, col: 0, rowCount: 1, colCount: 1 }, [["0.0%"]], "numberFormat");
    book.writeStyle(s, { row: 0, col: 0, rowCount: 1, colCount: 1 }, "fill", "#C00000");
    book.flush();
  });
  expect(cell("A1").textContent).toBe("11.3%");
  expect(cell("A1").style.backgroundColor).toBe("rgb(192, 0, 0)");
});
