import { colLetters, formatRange, overlaps, parseRange } from "./bounds";

describe("the package's 1-based ranges", () => {
  it("reads a table's ref, corners in any order, with or without $", () => {
    expect(parseRange("A1:C5")).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
    expect(parseRange("$C$5:$A$1")).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
    expect(parseRange("B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
  });

  it("refuses what is not one: a sheet prefix, whole columns, text", () => {
    expect(["Sheet1!A1:B2", "A:C", "total", ""].map(parseRange)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("writes ranges back and names 1-based columns", () => {
    expect(formatRange({ top: 1, left: 1, bottom: 5, right: 28 })).toBe("A1:AB5");
    expect([colLetters(1), colLetters(26), colLetters(27), colLetters(0)]).toEqual(["A", "Z", "AA", ""]);
  });

  it("knows when two ranges share a cell", () => {
    const a = { top: 1, left: 1, bottom: 5, right: 3 };
    expect(overlaps(a, { top: 5, left: 3, bottom: 9, right: 9 })).toBe(true);
    expect(overlaps(a, { top: 6, left: 1, bottom: 9, right: 3 })).toBe(false);
  });
});
