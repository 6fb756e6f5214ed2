/**
 * Fill colours as the CLI's reader gives them for `perfcycle audit`, in files ExcelJS wrote: RGB,
 * theme colours with their tint (from the file's own theme), the legacy indexed palette, and what
 * is not a solid fill.
 */
import { Workbook, type Cell, type Fill } from "exceljs";
import { openXlsxBuffer } from "../../src/cli/ooxml/book";
import { workbookBuffer } from "../../src/cli/xlsx";

/** Each cell's fill in column A of sheet S, rows 1..n, as the reader resolves it. */
async function fills(wb: Workbook, n: number): Promise<(string | null)[]> {
  const book = openXlsxBuffer(await workbookBuffer(wb), "fills.xlsx");
  const sheet = book.sheetNamed("S");
  if (!sheet) throw new Error("no sheet S");
  const g = book.grid(sheet).fills ?? [];
  return Array.from({ length: n }, (_, i) => g[i]?.[0] ?? null);
}

/** A fill as the file gives it (ExcelJS's types leave out `tint` and `indexed`, which it reads). */
function fill(cell: Cell, pattern: string, fgColor: Record<string, unknown>): void {
  cell.fill = { type: "pattern", pattern, fgColor } as unknown as Fill;
}

test("a solid RGB fill is its colour; no fill or a pattern is none; the system colour is black", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { argb: "FFFFC000" });
  fill(ws.getCell("A2"), "darkGray", { argb: "FFFF0000" });
  ws.getCell("A3").value = "x";
  fill(ws.getCell("A4"), "solid", { indexed: 64 });
  // Indexed 64 is the system foreground colour: black, which the audit reads as no colour.
  expect(await fills(wb, 4)).toEqual(["#FFC000", null, null, "#000000"]);
});

test("theme colours are resolved, tinted towards white or black as Excel does", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { theme: 9 });
  fill(ws.getCell("A2"), "solid", { theme: 9, tint: 0.3999755851924192 });
  fill(ws.getCell("A3"), "solid", { theme: 5, tint: -0.249977111117893 });
  // ExcelJS writes the Office 2007 theme: accent6 F79646; 40% lighter FAC090; accent2 C0504D 25%
  // darker 943634 (Excel's own swatches for that theme). The tint is computed in floating point:
  // at most 1 off in a channel.
  const near = (got: string | null, want: string): void => {
    const ch = (h: string, i: number): number => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
    expect(got).toMatch(/^#[0-9A-F]{6}$/);
    for (let i = 0; i < 3; i++) expect(Math.abs(ch(got ?? "", i) - ch(want, i))).toBeLessThanOrEqual(1);
  };
  const [a1, a2, a3] = await fills(wb, 3);
  expect(a1).toBe("#F79646");
  near(a2 ?? null, "#FAC090");
  near(a3 ?? null, "#943634");
});

test("indexed colours use the legacy palette", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { indexed: 10 });
  fill(ws.getCell("A2"), "solid", { indexed: 51 });
  expect(await fills(wb, 2)).toEqual(["#FF0000", "#FFCC00"]);
});
