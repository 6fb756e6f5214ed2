/**
 * The grid's keyboard and clipboard: arrows move (shift extends), Enter or F2 edits, a character
 * starts typing, Delete clears the selection, Tab leaves the grid; copy gives the selection as
 * tab-separated text, and a pasted block fills from the active cell and is then selected.
 */
import type { ClipboardEvent, KeyboardEvent } from "react";
import { rectOf } from "./geometry";
import type { GridState } from "./useGrid";

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function useGridKeyboard(g: GridState) {
  const { active, anchor, editing } = g;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (editing) return;
    const k = e.key;
    const arrow = ARROWS[k];
    if (arrow) {
      e.preventDefault();
      g.move(arrow[0], arrow[1], e.shiftKey);
    } else if (k === "Enter" || k === "F2") {
      e.preventDefault();
      g.setEditing({ text: g.activeInput, from: "cell" });
    } else if (k === "Tab") {
      // Tab leaves the grid for the next control (the sheet tabs, the task pane): the grid is one stop.
      return;
    } else if (k === "Delete" || k === "Backspace") {
      e.preventDefault();
      const r = rectOf(anchor, active);
      for (let i = 0; i < r.rowCount; i++)
        for (let j = 0; j < r.colCount; j++) g.commit("", { row: r.row + i, col: r.col + j });
    } else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      g.setEditing({ text: k, from: "cell" });
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLElement>): void => {
    if (editing) return;
    const r = rectOf(anchor, active);
    const lines: string[] = [];
    for (let i = 0; i < r.rowCount; i++) {
      const cells: string[] = [];
      for (let j = 0; j < r.colCount; j++)
        cells.push(g.book.cellView(g.sheetName, r.row + i, r.col + j).text);
      lines.push(cells.join("\t"));
    }
    e.clipboardData.setData("text/plain", lines.join("\n"));
    e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent<HTMLElement>): void => {
    if (editing) return;
    const text = e.clipboardData.getData("text/plain");
    if (text === "") return;
    e.preventDefault();
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    let width = 0;
    lines.forEach((line, i) => {
      const cells = line.split("\t");
      width = Math.max(width, cells.length);
      cells.forEach((v, j) => g.commit(v, { row: active.row + i, col: active.col + j }));
    });
    g.select(active, { row: active.row + lines.length - 1, col: active.col + Math.max(0, width - 1) });
  };

  return { onKeyDown, onCopy, onPaste };
}
