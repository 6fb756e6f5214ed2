import { columnLetters, columnOfLetters, MAX_COLUMNS } from "./columns";

describe("column letters and column numbers", () => {
  it("names columns as Excel does: A to Z, then AA, AZ, BA, and XFD last", () => {
    expect([0, 25, 26, 51, 52, 701, 702, MAX_COLUMNS - 1].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("reads letters of either case back to the same column", () => {
    for (const col of [0, 1, 25, 26, 27, 700, 16383]) expect(columnOfLetters(columnLetters(col))).toBe(col);
    expect(columnOfLetters("xfd")).toBe(16383);
  });

  it("gives -1 for what is not one to three letters", () => {
    expect(["", "A1", "ABCD", "$A", " A"].map(columnOfLetters)).toEqual([-1, -1, -1, -1, -1]);
  });
});
