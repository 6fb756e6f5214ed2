/**
 * The grid's selection: the active cell and the anchor of the selected range, kept as the
 * workbook's selection (what the task pane reads), following selections the pane makes
 * (host.select), whole columns and rows, and focusing the active cell.
 */
import { useEffect, useRef, useState } from "react";
import { columnLetters, rectAddress, type MemoryWorkbook, type Rect } from "../../memory-excel";
import { cellKey, inRect, rectOf, type Cell } from "./geometry";

/**
 * Follow selections made by the task pane (host.select) on any sheet: when the workbook's
 * selection changes to one the active cell is not in, the active cell moves to its first cell.
 */
function useFollowSelection(
  selection: Rect | null,
  selectionKey: string,
  active: Cell,
  moveTo: (c: Cell) => void,
): Cell | null {
  const [followed, setFollowed] = useState(selectionKey);
  const [scrollTo, setScrollTo] = useState<Cell | null>(null);
  if (followed !== selectionKey) {
    setFollowed(selectionKey);
    if (selection && !inRect(selection, active.row, active.col)) {
      const c = { row: selection.row, col: selection.col };
      moveTo(c);
      setScrollTo(c);
    }
  }
  return scrollTo;
}

export function useGridSelection(
  book: MemoryWorkbook,
  sheetName: string,
  selection: Rect | null,
  selectionKey: string,
  onSelect: () => void,
) {
  const [active, setActive] = useState<Cell>({ row: selection?.row ?? 0, col: selection?.col ?? 0 });
  const [anchor, setAnchor] = useState<Cell>(active);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());
  const moveTo = (c: Cell): void => {
    setAnchor(c);
    setActive(c);
  };
  const scrollTo = useFollowSelection(selection, selectionKey, active, moveTo);
  useEffect(() => {
    if (scrollTo)
      cellRefs.current
        .get(cellKey(scrollTo.row, scrollTo.col))
        ?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [scrollTo]);

  /** Focus a cell now when it is drawn (so the next key reaches it), else once it is. */
  const focusCell = (c: Cell): void => {
    const go = (): boolean => {
      const el = cellRefs.current.get(cellKey(c.row, c.col));
      if (!el) return false;
      el.focus({ preventScroll: false });
      el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
      return true;
    };
    if (!go()) requestAnimationFrame(() => void go());
  };

  const select = (a: Cell, b: Cell, focus = true): void => {
    setAnchor(a);
    setActive(b);
    onSelect();
    if (sheetName !== "") book.setSelection(sheetName, rectAddress(rectOf(a, b)));
    if (focus) focusCell(b);
  };

  /** Click a column letter or row number: whole columns (`C:E`) or rows (`3:5`), as in Excel. */
  const selectWhole = (kind: "column" | "row", at: number, extend: boolean): void => {
    if (sheetName === "") return;
    const from = extend ? (kind === "column" ? anchor.col : anchor.row) : at;
    const [lo, hi] = [Math.min(from, at), Math.max(from, at)];
    setAnchor(kind === "column" ? { row: 0, col: from } : { row: from, col: 0 });
    setActive(kind === "column" ? { row: 0, col: at } : { row: at, col: 0 });
    onSelect();
    book.setSelection(
      sheetName,
      kind === "column" ? `${columnLetters(lo)}:${columnLetters(hi)}` : `${lo + 1}:${hi + 1}`,
    );
  };

  const move = (dr: number, dc: number, extend: boolean): void => {
    const next = { row: Math.max(0, active.row + dr), col: Math.max(0, active.col + dc) };
    select(extend ? anchor : next, next);
  };

  return { active, anchor, cellRefs, moveTo, focusCell, select, selectWhole, move };
}
