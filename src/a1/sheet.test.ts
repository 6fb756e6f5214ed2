import { quoteSheet, sheetAddress, splitSheet } from "./sheet";

describe("sheet-qualified addresses", () => {
  it("quotes a sheet name with spaces or punctuation, doubling its quotes", () => {
    expect(quoteSheet("Targets")).toBe("Targets");
    expect(quoteSheet("Q2 report")).toBe("'Q2 report'");
    expect(sheetAddress("Council's", "B2")).toBe("'Council''s'!B2");
    expect(quoteSheet("2015")).toBe("'2015'");
  });

  it("splits an address into its unquoted sheet and local part", () => {
    expect(splitSheet("'Council''s'!A1:B2")).toEqual({ sheet: "Council's", local: "A1:B2" });
    expect(splitSheet("Targets!C4")).toEqual({ sheet: "Targets", local: "C4" });
    expect(splitSheet("C4")).toEqual({ sheet: null, local: "C4" });
  });

  it("reads back what it writes", () => {
    for (const name of ["Targets", "My sheet", "it's", "a!b"]) {
      expect(splitSheet(sheetAddress(name, "A1"))).toEqual({ sheet: name, local: "A1" });
    }
  });
});
