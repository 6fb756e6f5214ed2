import type { RawCell } from "../../../contract";

/** Pasted text (tab-separated, as Excel and browsers copy a table) as rows of cells. */
export function pastedGrid(text: string): RawCell[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line, i, all) => line.trim() !== "" || i < all.length - 1)
    .map((line) => line.split("\t").map((c) => (c.trim() === "" ? null : c.trim())));
}
