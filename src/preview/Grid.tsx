/**
 * The preview's workbook grid over the in-memory Excel's model: sheet tabs, a formula bar, cells
 * shown as Excel shows them (number formats, fills such as the report's RAG colours, formulas
 * computed), editable by typing, selectable with the mouse or the keyboard (the selection is the
 * one the task pane reads with "Read selected range"), and cells pasted from a spreadsheet.
 * It re-renders on each change of the workbook (useBookSnapshot).
 */
import type { MemoryWorkbook } from "../memory-excel";
import type { PerfFormulas } from "./formula";
import { ColumnHeaders } from "./grid/ColumnHeaders";
import { FormulaBar } from "./grid/FormulaBar";
import { useGridStyles } from "./grid/grid.styles";
import { GridRow } from "./grid/GridRow";
import { SheetTabs } from "./grid/SheetTabs";
import { useGrid } from "./grid/useGrid";
import { useGridKeyboard } from "./grid/useGridKeyboard";

export interface GridProps {
  readonly book: MemoryWorkbook;
  readonly formulas: PerfFormulas;
}

export function Grid(props: GridProps) {
  const s = useGridStyles();
  const g = useGrid(props.book);
  const keys = useGridKeyboard(g);
  const { widths, rows, cols, sheetName } = g;
  return (
    <div className={s.root}>
      <FormulaBar grid={g} />
      <div className={s.scroll}>
        <table
          className={s.table}
          role="grid"
          style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}
          aria-label={`Sheet ${sheetName}`}
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          aria-multiselectable
          onKeyDown={keys.onKeyDown}
          onCopy={keys.onCopy}
          onPaste={keys.onPaste}
        >
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <ColumnHeaders grid={g} />
          <tbody>
            {g.views.map((row, r) => (
              <GridRow key={r} grid={g} views={row} row={r} formulas={props.formulas} />
            ))}
          </tbody>
        </table>
      </div>
      <SheetTabs grid={g} />
    </div>
  );
}
