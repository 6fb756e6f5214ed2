/**
 * The preview's workbook grid over the in-memory Excel's model: sheet tabs, a formula bar, cells
 * shown as Excel shows them (number formats, fills such as the report's RAG colours, formulas
 * computed), editable by typing, selectable with the mouse or the keyboard (the selection is the
 * one the task pane reads with "Read selected range"), and cells pasted from a spreadsheet.
 */
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import {
  cellAddress,
  columnLetters,
  parseRect,
  rectAddress,
  type MemoryWorkbook,
  type Rect,
} from "../memory-excel";
import type { PerfFormulas } from "./formula";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1, backgroundColor: "#ffffff" },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: "6px",
    padding: "4px 6px",
    borderBottom: "1px solid #c8c6c4",
    backgroundColor: "#f3f2f1",
  },
  nameBox: {
    width: "84px",
    fontFamily: "Consolas, 'Courier New', monospace",
    fontSize: "12px",
    padding: "2px 4px",
    border: "1px solid #8a8886",
    backgroundColor: "#ffffff",
    color: "#201f1e",
  },
  fx: { fontStyle: "italic", color: "#323130", fontSize: "12px" },
  formula: {
    flexGrow: 1,
    fontSize: "13px",
    padding: "3px 6px",
    border: "1px solid #8a8886",
    color: "#201f1e",
    backgroundColor: "#ffffff",
    ":focus-visible": { outline: "2px solid #0f6cbd", outlineOffset: "-1px" },
  },
  scroll: { overflow: "auto", flexGrow: 1, minHeight: 0, position: "relative" },
  table: {
    userSelect: "none",
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif",
    fontSize: "13px",
    color: "#201f1e",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: "#f3f2f1",
    borderRight: "1px solid #c8c6c4",
    borderBottom: "1px solid #c8c6c4",
    width: "44px",
  },
  colButton: {
    width: "100%",
    padding: 0,
    border: "none",
    background: "transparent",
    color: "inherit",
    font: "inherit",
    cursor: "pointer",
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#f3f2f1",
    color: "#323130",
    fontWeight: 400,
    borderRight: "1px solid #d2d0ce",
    borderBottom: "1px solid #c8c6c4",
    height: "20px",
    textAlign: "center",
    fontSize: "12px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#f3f2f1",
    color: "#323130",
    fontWeight: 400,
    borderRight: "1px solid #c8c6c4",
    borderBottom: "1px solid #d2d0ce",
    textAlign: "center",
    fontSize: "12px",
    width: "44px",
  },
  headSelected: { backgroundColor: "#c3e0c7", color: "#0b4a1a", fontWeight: 600 },
  cell: {
    borderRight: "1px solid #e1dfdd",
    borderBottom: "1px solid #e1dfdd",
    height: "22px",
    padding: "0 4px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    cursor: "cell",
    outline: "none",
    position: "relative",
  },
  number: { textAlign: "right" },
  spill: { overflow: "visible", textOverflow: "clip", zIndex: 0 },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  tableHeader: { fontWeight: 700, backgroundColor: "#dde7f3", color: "#1b1a19" },
  selected: { boxShadow: "inset 0 0 0 999px rgba(33, 115, 70, 0.14)" },
  active: { boxShadow: "inset 0 0 0 2px #217346" },
  editor: {
    position: "absolute",
    inset: 0,
    width: "100%",
    height: "100%",
    boxSizing: "border-box",
    border: "2px solid #217346",
    font: "inherit",
    padding: "0 3px",
    color: "#201f1e",
    backgroundColor: "#ffffff",
    outline: "none",
  },
  tabs: {
    display: "flex",
    alignItems: "stretch",
    borderTop: "1px solid #c8c6c4",
    backgroundColor: "#f3f2f1",
    overflowX: "auto",
    minHeight: "30px",
  },
  tab: {
    border: "none",
    borderRight: "1px solid #c8c6c4",
    backgroundColor: "transparent",
    padding: "4px 12px",
    fontSize: "12px",
    color: "#323130",
    cursor: "pointer",
    whiteSpace: "nowrap",
    ":focus-visible": { outline: "2px solid #0f6cbd", outlineOffset: "-2px" },
  },
  tabActive: {
    backgroundColor: "#ffffff",
    color: "#0b5a2d",
    fontWeight: 600,
    borderBottom: "3px solid #217346",
  },
});

const MIN_ROWS = 40;
const MIN_COLS = 12;
const MAX_RENDER_ROWS = 2000;
const MAX_RENDER_COLS = 80;

interface Cell {
  readonly row: number;
  readonly col: number;
}

function rectOf(a: Cell, b: Cell): Rect {
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rowCount: Math.abs(a.row - b.row) + 1,
    colCount: Math.abs(a.col - b.col) + 1,
  };
}

function inRect(r: Rect | null, row: number, col: number): boolean {
  return r !== null && row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
}

export interface GridProps {
  readonly book: MemoryWorkbook;
  /** Changes whenever the workbook changed (re-render). */
  readonly version: number;
  readonly formulas: PerfFormulas;
}

export function Grid(props: GridProps) {
  const s = useStyles();
  const { book } = props;
  const sheets = book.sheetInfos().filter((x) => x.visibility === "Visible");
  const sheetName =
    book.activeSheet && book.activeSheet.visibility === "Visible"
      ? book.activeSheet.name
      : (sheets[0]?.name ?? "");
  const info = sheets.find((x) => x.name === sheetName);
  const sel = book.selectionInfo();
  const selection: Rect | null = sel && sel.sheet === sheetName ? (parseRect(sel.address) ?? null) : null;
  const [active, setActive] = useState<Cell>({ row: selection?.row ?? 0, col: selection?.col ?? 0 });
  const [anchor, setAnchor] = useState<Cell>(active);
  const [editing, setEditing] = useState<{ text: string; from: "cell" | "bar" } | null>(null);
  const [barText, setBarText] = useState<string | null>(null);
  const dragging = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());

  // Follow selections made by the task pane (host.select) on any sheet.
  useEffect(() => {
    if (selection && !inRect(selection, active.row, active.col)) {
      setActive({ row: selection.row, col: selection.col });
      setAnchor({ row: selection.row, col: selection.col });
      cellRefs.current
        .get(`${selection.row}:${selection.col}`)
        ?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sel?.sheet, sel?.address]);

  useEffect(() => {
    const up = (): void => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const rows = Math.min(MAX_RENDER_ROWS, Math.max(MIN_ROWS, (info?.rowCount ?? 0) + 12, active.row + 12));
  const cols = Math.min(MAX_RENDER_COLS, Math.max(MIN_COLS, (info?.colCount ?? 0) + 3, active.col + 3));
  const tables = book.tableInfos().filter((t) => t.sheet === sheetName);
  const headerCells = useMemo(() => {
    const set = new Set<string>();
    for (const t of tables) {
      const r = parseRect(t.address);
      if (r) for (let c = 0; c < r.colCount; c++) set.add(`${r.row}:${r.col + c}`);
    }
    return set;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.version, sheetName]);

  const views = useMemo(() => {
    const out: ReturnType<MemoryWorkbook["cellView"]>[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: ReturnType<MemoryWorkbook["cellView"]>[] = [];
      for (let c = 0; c < cols; c++) row.push(book.cellView(sheetName, r, c));
      out.push(row);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.version, sheetName, rows, cols]);

  const widths = useMemo(() => {
    const w: number[] = [];
    for (let c = 0; c < cols; c++) {
      let len = 0;
      for (let r = 0; r < Math.min(rows, 400); r++) {
        const v = views[r]?.[c];
        if (!v || v.text === "") continue;
        // Text with an empty cell to its right spills over it, as in Excel: it does not widen the column.
        const spills = typeof v.value === "string" && (views[r]?.[c + 1]?.text ?? "") === "";
        len = Math.max(len, spills ? Math.min(v.text.length, 12) : v.text.length);
      }
      w.push(Math.max(64, Math.min(300, len * 7 + 14)));
    }
    return w;
  }, [views, rows, cols]);

  const activeView = views[active.row]?.[active.col];
  const activeInput = activeView
    ? (activeView.formula ?? (activeView.value === "" ? "" : activeView.text))
    : "";

  /** Focus a cell now when it is drawn (so the next key reaches it), else once it is. */
  const focusCell = (c: Cell): void => {
    const go = (): boolean => {
      const el = cellRefs.current.get(`${c.row}:${c.col}`);
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
    setBarText(null);
    if (sheetName !== "") book.setSelection(sheetName, rectAddress(rectOf(a, b)));
    if (focus) focusCell(b);
  };

  /** Click a column letter or row number: whole columns (`C:E`) or rows (`3:5`), as in Excel. */
  const selectWhole = (kind: "column" | "row", at: number, extend: boolean): void => {
    if (sheetName === "") return;
    const from = extend ? (kind === "column" ? anchor.col : anchor.row) : at;
    const [lo, hi] = [Math.min(from, at), Math.max(from, at)];
    const a = kind === "column" ? { row: 0, col: from } : { row: from, col: 0 };
    setAnchor(a);
    setActive(kind === "column" ? { row: 0, col: at } : { row: at, col: 0 });
    setBarText(null);
    book.setSelection(
      sheetName,
      kind === "column" ? `${columnLetters(lo)}:${columnLetters(hi)}` : `${lo + 1}:${hi + 1}`,
    );
  };

  const commit = (text: string, at: Cell = active): void => {
    if (sheetName === "") return;
    book.setCellInput(sheetName, at.row, at.col, text);
  };

  const move = (dr: number, dc: number, extend: boolean): void => {
    const next = { row: Math.max(0, active.row + dr), col: Math.max(0, active.col + dc) };
    select(extend ? anchor : next, next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (editing) return;
    const k = e.key;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const arrow = arrows[k];
    if (arrow) {
      e.preventDefault();
      move(arrow[0], arrow[1], e.shiftKey);
    } else if (k === "Enter" || k === "F2") {
      e.preventDefault();
      setEditing({ text: activeInput, from: "cell" });
    } else if (k === "Tab") {
      // Tab leaves the grid for the next control (the sheet tabs, the task pane): the grid is one stop.
      return;
    } else if (k === "Delete" || k === "Backspace") {
      e.preventDefault();
      const r = rectOf(anchor, active);
      for (let i = 0; i < r.rowCount; i++)
        for (let j = 0; j < r.colCount; j++) commit("", { row: r.row + i, col: r.col + j });
    } else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ text: k, from: "cell" });
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLElement>): void => {
    if (editing) return;
    const r = rectOf(anchor, active);
    const lines: string[] = [];
    for (let i = 0; i < r.rowCount; i++) {
      const cells: string[] = [];
      for (let j = 0; j < r.colCount; j++) cells.push(book.cellView(sheetName, r.row + i, r.col + j).text);
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
      cells.forEach((v, j) => commit(v, { row: active.row + i, col: active.col + j }));
    });
    select(active, { row: active.row + lines.length - 1, col: active.col + Math.max(0, width - 1) });
  };

  const selRect = selection ?? rectOf(anchor, active);

  return (
    <div className={s.root}>
      <div className={s.bar}>
        <output className={s.nameBox} aria-label="Selected cells" htmlFor="preview-formula">
          {selRect.rowCount * selRect.colCount > 1
            ? rectAddress(selRect)
            : cellAddress(active.row, active.col)}
        </output>
        <span className={s.fx} aria-hidden>
          fx
        </span>
        <input
          id="preview-formula"
          className={s.formula}
          aria-label={`Contents of ${sheetName}!${cellAddress(active.row, active.col)}`}
          value={barText ?? activeInput}
          onChange={(e) => setBarText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (barText !== null) commit(barText);
              setBarText(null);
              focusCell(active);
            } else if (e.key === "Escape") {
              setBarText(null);
              focusCell(active);
            }
          }}
          onBlur={() => {
            if (barText !== null) commit(barText);
            setBarText(null);
          }}
        />
      </div>
      <div className={s.scroll} ref={scroller}>
        <table
          className={s.table}
          role="grid"
          style={{ width: 44 + widths.reduce((a, b) => a + b, 0) }}
          aria-label={`Sheet ${sheetName}`}
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          aria-multiselectable
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onPaste={onPaste}
        >
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row">
              <th className={s.corner} role="columnheader">
                <span className={s.srOnly}>Row</span>
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
                    onClick={(e) => selectWhole("column", c, e.shiftKey)}
                  >
                    {columnLetters(c)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {views.map((row, r) => (
              <tr key={r} role="row">
                <th
                  role="rowheader"
                  className={mergeClasses(
                    s.rowHead,
                    r >= selRect.row && r < selRect.row + selRect.rowCount ? s.headSelected : undefined,
                  )}
                  title={`Select row ${r + 1} (shift: rows from the selection's)`}
                  onMouseDown={(e) => selectWhole("row", r, e.shiftKey)}
                >
                  {r + 1}
                </th>
                {row.map((v, c) => {
                  const isActive = r === active.row && c === active.col;
                  const isSel = inRect(selRect, r, c);
                  const address = cellAddress(r, c);
                  const message = v.formula !== null ? props.formulas.message(sheetName, address) : undefined;
                  const numeric = typeof v.value === "number";
                  const spills =
                    !numeric && v.text !== "" && (row[c + 1]?.text ?? "") === "" && !(isActive && editing);
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-address={address}
                      aria-selected={isSel}
                      tabIndex={isActive ? 0 : -1}
                      ref={(el) => {
                        if (el) cellRefs.current.set(`${r}:${c}`, el);
                        else cellRefs.current.delete(`${r}:${c}`);
                      }}
                      title={message ?? v.formula ?? (v.text.length > 12 ? v.text : undefined)}
                      className={mergeClasses(
                        s.cell,
                        numeric ? s.number : undefined,
                        spills ? s.spill : undefined,
                        headerCells.has(`${r}:${c}`) && v.fill === null ? s.tableHeader : undefined,
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
                          commit(editing.text);
                          setEditing(null);
                        }
                        dragging.current = true;
                        select(e.shiftKey ? anchor : { row: r, col: c }, { row: r, col: c });
                      }}
                      onMouseEnter={() => {
                        if (dragging.current) select(anchor, { row: r, col: c }, false);
                      }}
                      onDoubleClick={() => setEditing({ text: activeInput, from: "cell" })}
                    >
                      {isActive && editing ? (
                        <input
                          className={s.editor}
                          aria-label={`Edit ${sheetName}!${address}`}
                          value={editing.text}
                          autoFocus
                          onChange={(e) => setEditing({ text: e.target.value, from: "cell" })}
                          onKeyDown={(e) => {
                            if (e.key === "Enter" || e.key === "Tab") {
                              e.preventDefault();
                              commit(editing.text);
                              setEditing(null);
                              const next =
                                e.key === "Enter"
                                  ? { row: r + (e.shiftKey ? -1 : 1), col: c }
                                  : { row: r, col: c + (e.shiftKey ? -1 : 1) };
                              const clamped = { row: Math.max(0, next.row), col: Math.max(0, next.col) };
                              select(clamped, clamped);
                            } else if (e.key === "Escape") {
                              e.preventDefault();
                              setEditing(null);
                              focusCell(active);
                            }
                            e.stopPropagation();
                          }}
                          onBlur={() => {
                            if (editing) commit(editing.text);
                            setEditing(null);
                          }}
                        />
                      ) : (
                        v.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={s.tabs}>
        <div role="tablist" aria-label="Sheets" style={{ display: "flex" }}>
          {sheets.map((x) => (
            <button
              key={x.name}
              type="button"
              role="tab"
              aria-selected={x.name === sheetName}
              tabIndex={x.name === sheetName ? 0 : -1}
              className={mergeClasses(s.tab, x.name === sheetName ? s.tabActive : undefined)}
              onClick={() => {
                book.activate(x.name);
                const first = { row: 0, col: 0 };
                setAnchor(first);
                setActive(first);
              }}
              onKeyDown={(e) => {
                const i = sheets.findIndex((y) => y.name === x.name);
                const to =
                  e.key === "ArrowRight" ? sheets[i + 1] : e.key === "ArrowLeft" ? sheets[i - 1] : undefined;
                if (to) {
                  e.preventDefault();
                  book.activate(to.name);
                  requestAnimationFrame(() => {
                    (
                      document.querySelector(
                        `[role="tab"][data-sheet="${CSS.escape(to.name)}"]`,
                      ) as HTMLElement | null
                    )?.focus();
                  });
                }
              }}
              data-sheet={x.name}
            >
              {x.name}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={s.tab}
          aria-label="New sheet"
          title="New sheet"
          onClick={() => {
            const created = book.addSheet();
            book.activate(created.name);
            setAnchor({ row: 0, col: 0 });
            setActive({ row: 0, col: 0 });
          }}
        >
          +
        </button>
      </div>
    </div>
  );
}
