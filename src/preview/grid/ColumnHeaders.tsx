/** The grid's header row: the corner, then a button a column letter selecting the column (shift: from the selection's). */
import { mergeClasses } from "@fluentui/react-components";
import { columnLetters } from "../../memory-excel";
import { useSharedStyles } from "../../taskpane/styles";
import { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

export function ColumnHeaders(props: { grid: GridState }) {
  const s = useGridStyles();
  const shared = useSharedStyles();
  const { widths, selRect } = props.grid;
  return (
    <thead>
      <tr role="row">
        <th className={s.corner} role="columnheader">
          <span className={shared.srOnly}>Row</span>
        </th>
        {widths.map((_, c) => (
          <th
            key={c}
            role="columnheader"
            className={mergeClasses(
              s.colHead,
              c >= selRect.col && c < selRect.col + selRect.colCount ? s.headSelected : undefined,
            )}
          >
            <button
              type="button"
              className={s.colButton}
              aria-label={`Select column ${columnLetters(c)}`}
              title={`Select column ${columnLetters(c)} (shift: columns from the selection's)`}
              onClick={(e) => props.grid.selectWhole("column", c, e.shiftKey)}
            >
              {columnLetters(c)}
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}
