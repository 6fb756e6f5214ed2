/**
 * Fill colours read from ExcelJS cell styles for `perfcycle audit`: RGB, theme colours with their
 * tint (from the file's own theme), the legacy indexed palette, and what is not a solid fill.
 */
import { Workbook, type Cell, type Fill } from "exceljs";
import { cellFill, sheetFills, themeColours } from "../../src/cli/xlsx";

const OFFICE = themeColours(new Workbook());

/** A fill as the file gives it (ExcelJS's types leave out `tint` and `indexed`, which it reads). */
function fill(cell: Cell, pattern: string, fgColor: Record<string, unknown>): void {
  cell.fill = { type: "pattern", pattern, fgColor } as unknown as Fill;
}

test("a solid RGB fill is its colour; no fill, a pattern or a system colour is none", () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { argb: "FFFFC000" });
  fill(ws.getCell("A2"), "darkGray", { argb: "FFFF0000" });
  ws.getCell("A3").value = "x";
  fill(ws.getCell("A4"), "solid", { indexed: 64 });
  expect(sheetFills(ws, 4, 1, OFFICE)).toEqual([["#FFC000"], [null], [null], [null]]);
});

test("theme colours are resolved, tinted towards white or black as Excel does", () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { theme: 9 });
  fill(ws.getCell("A2"), "solid", { theme: 9, tint: 0.3999755851924192 });
  fill(ws.getCell("A3"), "solid", { theme: 5, tint: -0.249977111117893 });
  // Office theme: accent6 70AD47; 40% lighter A9D08E; accent2 ED7D31 25% darker C65911 (Excel's own
  // swatches). The tint is computed in floating point: at most 1 off in a channel.
  const near = (got: string | null, want: string): void => {
    const ch = (h: string, i: number): number => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
    expect(got).toMatch(/^#[0-9A-F]{6}$/);
    for (let i = 0; i < 3; i++) expect(Math.abs(ch(got ?? "", i) - ch(want, i))).toBeLessThanOrEqual(1);
  };
  expect(cellFill(ws.getCell("A1"), OFFICE)).toBe("#70AD47");
  near(cellFill(ws.getCell("A2"), OFFICE), "#A9D08E");
  near(cellFill(ws.getCell("A3"), OFFICE), "#C65911");
});

test("indexed colours use the legacy palette", () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  fill(ws.getCell("A1"), "solid", { indexed: 10 });
  fill(ws.getCell("A2"), "solid", { indexed: 51 });
  expect(cellFill(ws.getCell("A1"), OFFICE)).toBe("#FF0000");
  expect(cellFill(ws.getCell("A2"), OFFICE)).toBe("#FFCC00");
});
