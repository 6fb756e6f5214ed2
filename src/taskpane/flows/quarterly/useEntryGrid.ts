/**
 * The actuals grid's state: the texts typed per row, their reading by the contract's rules
 * (parseEntries), typing into a cell, and pasting a block copied from a spreadsheet.
 */
import { useMemo, useState, type ClipboardEvent } from "react";
import type { Quarter } from "../../../engine";
import { plural } from "../../format";
import {
  entryRows,
  initialTexts,
  parseEntries,
  pasteInto,
  type EntryColumn,
  type EntryRow,
  type EntryTexts,
} from "../../model/actuals";
import { usePane } from "../../state";

export function useEntryGrid(quarter: Quarter, period: string) {
  const pane = usePane();
  const register = pane.data?.read.register;
  const rows = useMemo(() => (register ? entryRows(register, quarter) : []), [register, quarter]);
  const [texts, setTexts] = useState<Map<string, EntryTexts>>(
    () => new Map(rows.map((r) => [r.key, initialTexts(r)])),
  );
  const parsed = useMemo(() => parseEntries(rows, texts, period), [rows, texts, period]);

  const set = (row: EntryRow, c: EntryColumn, v: string): void =>
    setTexts((m) => new Map(m).set(row.key, { ...(m.get(row.key) ?? initialTexts(row)), [c]: v }));

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, index: number, c: EntryColumn): void => {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one cell: the input's own paste
    e.preventDefault();
    const r = pasteInto(rows, texts, { row: index, column: c }, text);
    setTexts(r.texts);
    pane.notify({
      intent: r.dropped > 0 ? "warning" : "info",
      title: `Pasted ${plural(r.placed, "cell")}`,
      text:
        r.dropped > 0
          ? `${plural(r.dropped, "cell")} fell outside the grid (past its last row, or a numerator or denominator for a measure that is not a rate) and ${r.dropped === 1 ? "was" : "were"} not placed.`
          : "Check the figures, then save them.",
    });
  };

  return { rows, texts, parsed, set, onPaste };
}
