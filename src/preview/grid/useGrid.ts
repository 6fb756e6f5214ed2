/**
 * The grid's state over the in-memory workbook (read through useBookSnapshot): the sheet shown,
 * the selection, the cell or formula-bar text being edited, how much of the sheet is drawn, and
 * the cells' views and the columns' widths, computed again when the workbook changes.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { parseRect, type MemoryWorkbook, type Rect } from "../../memory-excel";
import { useBookSnapshot } from "../bookSnapshot";
import {
  columnWidths,
  MAX_RENDER_COLS,
  MAX_RENDER_ROWS,
  MIN_COLS,
  MIN_ROWS,
  readViews,
  rectOf,
  tableHeaderCells,
  type Cell,
} from "./geometry";
import { useGridSelection } from "./useGridSelection";

export interface Editing {
  readonly text: string;
  readonly from: "cell" | "bar";
}

/** Mouse drags select until the button is released, anywhere in the page. */
function useDragging() {
  const dragging = useRef(false);
  useEffect(() => {
    const up = (): void => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);
  return dragging;
}

export function useGrid(book: MemoryWorkbook) {
  const snapshot = useBookSnapshot(book);
  const sheets = book.sheetInfos().filter((x) => x.visibility === "Visible");
  const sheetName =
    book.activeSheet && book.activeSheet.visibility === "Visible"
      ? book.activeSheet.name
      : (sheets[0]?.name ?? "");
  const info = sheets.find((x) => x.name === sheetName);
  const sel = book.selectionInfo();
  const selection: Rect | null = sel && sel.sheet === sheetName ? (parseRect(sel.address) ?? null) : null;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [barText, setBarText] = useState<string | null>(null);
  const nav = useGridSelection(book, sheetName, selection, sel ? `${sel.sheet}!${sel.address}` : "", () =>
    setBarText(null),
  );
  const { active, anchor } = nav;
  const dragging = useDragging();

  const rows = Math.min(MAX_RENDER_ROWS, Math.max(MIN_ROWS, (info?.rowCount ?? 0) + 12, active.row + 12));
  const cols = Math.min(MAX_RENDER_COLS, Math.max(MIN_COLS, (info?.colCount ?? 0) + 3, active.col + 3));
  const headerCells = useMemo(() => tableHeaderCells(snapshot.book, sheetName), [snapshot, sheetName]);
  const views = useMemo(
    () => readViews(snapshot.book, sheetName, rows, cols),
    [snapshot, sheetName, rows, cols],
  );
  const widths = useMemo(() => columnWidths(views, rows, cols), [views, rows, cols]);

  const activeView = views[active.row]?.[active.col];
  const activeInput = activeView
    ? (activeView.formula ?? (activeView.value === "" ? "" : activeView.text))
    : "";

  const commit = (text: string, at: Cell = active): void => {
    if (sheetName === "") return;
    book.setCellInput(sheetName, at.row, at.col, text);
  };

  return {
    book,
    sheets,
    sheetName,
    ...nav,
    selRect: selection ?? rectOf(anchor, active),
    editing,
    setEditing,
    barText,
    setBarText,
    dragging,
    rows,
    cols,
    headerCells,
    views,
    widths,
    activeInput,
    commit,
  };
}

export type GridState = ReturnType<typeof useGrid>;
