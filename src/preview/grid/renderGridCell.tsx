/**
 * One cell as Excel shows it: its text (a formula's value; its message as the title), number
 * alignment, spill of long text, fill and font; the mouse selects it (drag extends, double-click
 * edits), and the active cell being edited shows the editor. A render function (Fluent UI's
 * renderX pattern) called for each cell of a row.
 */
import { mergeClasses } from "@fluentui/react-components";
import { cellAddress, type CellView } from "../../memory-excel";
import type { PerfFormulas } from "../formula";
import { CellEditor } from "./CellEditor";
import { cellKey, inRect } from "./geometry";
import type { useGridStyles } from "./grid.styles";
import type { GridState } from "./useGrid";

export interface GridCellProps {
  readonly grid: GridState;
  /** The grid's classes (a render function, not a component: one styles hook a row, not a cell). */
  readonly classes: ReturnType<typeof useGridStyles>;
  readonly view: CellView;
  readonly next: CellView | undefined;
  readonly row: number;
  readonly col: number;
  readonly formulas: PerfFormulas;
}

export function renderGridCell(props: GridCellProps) {
  const { grid: g, classes: s, view: v, row: r, col: c } = props;
  const { editing } = g;
  const isActive = r === g.active.row && c === g.active.col;
  const isSel = inRect(g.selRect, r, c);
  const address = cellAddress(r, c);
  const message = v.formula !== null ? props.formulas.message(g.sheetName, address) : undefined;
  const numeric = typeof v.value === "number";
  const spills = !numeric && v.text !== "" && (props.next?.text ?? "") === "" && !(isActive && editing);
  return (
    <td
      key={c}
      role="gridcell"
      data-address={address}
      aria-selected={isSel}
      tabIndex={isActive ? 0 : -1}
      ref={(el) => {
        if (el) g.cellRefs.current.set(cellKey(r, c), el);
        else g.cellRefs.current.delete(cellKey(r, c));
      }}
      title={message ?? v.formula ?? (v.text.length > 12 ? v.text : undefined)}
      className={mergeClasses(
        s.cell,
        numeric ? s.number : undefined,
        spills ? s.spill : undefined,
        g.headerCells.has(cellKey(r, c)) && v.fill === null ? s.tableHeader : undefined,
        isSel && !isActive ? s.selected : undefined,
        isActive ? s.active : undefined,
      )}
      style={{
        ...(v.fill ? { backgroundColor: v.fill } : {}),
        ...(v.fontColor ? { color: v.fontColor } : {}),
        ...(v.bold ? { fontWeight: 700 } : {}),
      }}
      onMouseDown={(e) => {
        if (e.button !== 0) return;
        if (editing) {
          g.commit(editing.text);
          g.setEditing(null);
        }
        g.dragging.current = true;
        g.select(e.shiftKey ? g.anchor : { row: r, col: c }, { row: r, col: c });
      }}
      onMouseEnter={() => {
        if (g.dragging.current) g.select(g.anchor, { row: r, col: c }, false);
      }}
      onDoubleClick={() => g.setEditing({ text: g.activeInput, from: "cell" })}
    >
      {isActive && editing ? (
        <CellEditor grid={g} at={{ row: r, col: c }} address={address} text={editing.text} />
      ) : (
        v.text
      )}
    </td>
  );
}
