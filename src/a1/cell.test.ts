import { cellAddress, offsetA1, parseA1, refColumn, refRow, toA1 } from "./cell";

describe("cell addresses", () => {
  it("reads B3, $B$3 and a sheet-qualified address to the same 0-based cell", () => {
    for (const a of ["B3", "$B$3", "b$3", "Targets!B3", "'My sheet'!$B3", " B3 "])
      expect(parseA1(a)).toEqual({ col: 1, row: 2 });
  });

  it("refuses what is not a cell: row 0, a range, no row, four letters", () => {
    expect(["B0", "A1:B2", "B", "ABCD1", ""].map(parseA1)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("writes 0-based cells back as A1 addresses", () => {
    expect(toA1({ col: 27, row: 0 })).toBe("AB1");
    expect(cellAddress(3, 4)).toBe("E4");
  });

  it("offsets from an origin, A1 when there is none or it is not an address", () => {
    expect(offsetA1("B3", 2, 1)).toBe("C5");
    expect(offsetA1(undefined, 0, 2)).toBe("C1");
    expect(offsetA1("not an address", 1, 0)).toBe("A2");
  });

  it("reads a sheet part's cell references fast: column and row, -1 where there is none", () => {
    expect([refColumn("AB12"), refColumn("$b$3"), refColumn("12"), refColumn("")]).toEqual([27, 1, -1, -1]);
    expect([refRow("AB12"), refRow("$B$3"), refRow("AB")]).toEqual([11, 2, -1]);
  });
});
