/** The formula bar: the name box (the selection's address) and the active cell's contents, editable. */
import { cellAddress, rectAddress } from "../../memory-excel";
import { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

export function FormulaBar(props: { grid: GridState }) {
  const s = useGridStyles();
  const g = props.grid;
  const { active, selRect, barText } = g;
  return (
    <div className={s.bar}>
      <output className={s.nameBox} aria-label="Selected cells" htmlFor="preview-formula">
        {selRect.rowCount * selRect.colCount > 1 ? rectAddress(selRect) : cellAddress(active.row, active.col)}
      </output>
      <span className={s.fx} aria-hidden>
        fx
      </span>
      <input
        id="preview-formula"
        className={s.formula}
        aria-label={`Contents of ${g.sheetName}!${cellAddress(active.row, active.col)}`}
        value={barText ?? g.activeInput}
        onChange={(e) => g.setBarText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (barText !== null) g.commit(barText);
            g.setBarText(null);
            g.focusCell(active);
          } else if (e.key === "Escape") {
            g.setBarText(null);
            g.focusCell(active);
          }
        }}
        onBlur={() => {
          if (barText !== null) g.commit(barText);
          g.setBarText(null);
        }}
      />
    </div>
  );
}
