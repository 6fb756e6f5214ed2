import { MAX_COLUMNS, MAX_ROWS } from "./columns";
import { intersection, parseRect, qualifiedAddress, rectAddress } from "./rect";

describe("range addresses in Excel's grammar", () => {
  it("reads cells and ranges, corners in any order, to 0-based rectangles", () => {
    expect(parseRect("B3")).toEqual({ row: 2, col: 1, rowCount: 1, colCount: 1 });
    expect(parseRect("$C$5:A1")).toEqual({ row: 0, col: 0, rowCount: 5, colCount: 3 });
  });

  it("reads whole columns and whole rows as Excel reports unbounded ranges", () => {
    expect(parseRect("C:A")).toEqual({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: 3 });
    expect(parseRect("2:4")).toEqual({ row: 1, col: 0, rowCount: 3, colCount: MAX_COLUMNS });
  });

  it("refuses mixed corners, a lone column or row, and what is off the sheet", () => {
    expect(["A:3", "A1:C", "A", "3", "XFE1", "A1048577", "A1:B2:C3", ""].map(parseRect)).toEqual(
      new Array(8).fill(undefined),
    );
  });

  it("writes rectangles back as Excel does, whole columns as A:F and whole rows as 3:5", () => {
    expect(rectAddress({ row: 0, col: 0, rowCount: 5, colCount: 3 })).toBe("A1:C5");
    expect(rectAddress({ row: 3, col: 4, rowCount: 1, colCount: 1 })).toBe("E4");
    expect(rectAddress({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: 6 })).toBe("A:F");
    expect(rectAddress({ row: 2, col: 0, rowCount: 3, colCount: MAX_COLUMNS })).toBe("3:5");
    expect(qualifiedAddress("My sheet", { row: 1, col: 1, rowCount: 1, colCount: 1 })).toBe("'My sheet'!B2");
  });
});

describe("intersection", () => {
  it("is the cells two rectangles share, or null when they share none", () => {
    const a = { row: 0, col: 0, rowCount: 3, colCount: 3 };
    expect(intersection(a, { row: 2, col: 1, rowCount: 5, colCount: 1 })).toEqual({
      row: 2,
      col: 1,
      rowCount: 1,
      colCount: 1,
    });
    expect(intersection(a, { row: 3, col: 0, rowCount: 1, colCount: 1 })).toBeNull();
    expect(intersection(a, a)).toEqual(a);
  });
});
