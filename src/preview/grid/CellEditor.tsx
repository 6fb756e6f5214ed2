/** The editor over the active cell: Enter or Tab writes and moves on (shift: back), Escape leaves the cell as it was. */
import type { Cell } from "./geometry";
import { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

export function CellEditor(props: { grid: GridState; at: Cell; address: string; text: string }) {
  const s = useGridStyles();
  const g = props.grid;
  const { row: r, col: c } = props.at;
  return (
    <input
      className={s.editor}
      aria-label={`Edit ${g.sheetName}!${props.address}`}
      value={props.text}
      autoFocus
      onChange={(e) => g.setEditing({ text: e.target.value, from: "cell" })}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "Tab") {
          e.preventDefault();
          g.commit(props.text);
          g.setEditing(null);
          const next =
            e.key === "Enter"
              ? { row: r + (e.shiftKey ? -1 : 1), col: c }
              : { row: r, col: c + (e.shiftKey ? -1 : 1) };
          const clamped = { row: Math.max(0, next.row), col: Math.max(0, next.col) };
          g.select(clamped, clamped);
        } else if (e.key === "Escape") {
          e.preventDefault();
          g.setEditing(null);
          g.focusCell(g.active);
        }
        e.stopPropagation();
      }}
      onBlur={() => {
        if (g.editing) g.commit(g.editing.text);
        g.setEditing(null);
      }}
    />
  );
}
