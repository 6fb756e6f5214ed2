/** One row of the grid: its number (selecting the row; shift: from the selection's), then its cells. */
import { mergeClasses } from "@fluentui/react-components";
import type { CellView } from "../../memory-excel";
import type { PerfFormulas } from "../formula";
import { renderGridCell } from "./renderGridCell";
import { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

export function GridRow(props: {
  grid: GridState;
  views: readonly CellView[];
  row: number;
  formulas: PerfFormulas;
}) {
  const s = useGridStyles();
  const { grid: g, views, row: r } = props;
  const { selRect } = g;
  return (
    <tr role="row">
      <th
        role="rowheader"
        className={mergeClasses(
          s.rowHead,
          r >= selRect.row && r < selRect.row + selRect.rowCount ? s.headSelected : undefined,
        )}
        title={`Select row ${r + 1} (shift: rows from the selection's)`}
        onMouseDown={(e) => g.selectWhole("row", r, e.shiftKey)}
      >
        {r + 1}
      </th>
      {views.map((v, c) =>
        renderGridCell({
          grid: g,
          classes: s,
          view: v,
          next: views[c + 1],
          row: r,
          col: c,
          formulas: props.formulas,
        }),
      )}
    </tr>
  );
}
