import { normaliseCell, readRegister, sameStoredValue } from "../../src/contract";
import { actual, book } from "./helpers";

describe("normaliseCell: host values to RawCells", () => {
  test("plain values pass through; blanks and non-finite numbers are null", () => {
    const d = new Date(Date.UTC(2015, 5, 30));
    expect([normaliseCell("x"), normaliseCell(3), normaliseCell(true), normaliseCell(d)]).toEqual([
      "x",
      3,
      true,
      d,
    ]);
    expect([normaliseCell(undefined), normaliseCell(null), normaliseCell(Number.NaN)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  test("ExcelJS formulas give their result, rich text its text, errors their code", () => {
    expect(normaliseCell({ formula: "B2/C2", result: 0.113 })).toBe(0.113);
    expect(normaliseCell({ sharedFormula: "D2", result: "2015-16 Q1" })).toBe("2015-16 Q1");
    expect(normaliseCell({ richText: [{ text: "Early " }, { text: "help" }] })).toBe("Early help");
    expect(normaliseCell({ text: "link", hyperlink: "https://example.org" })).toBe("link");
    expect(normaliseCell({ error: "#DIV/0!" })).toBe("#DIV/0!");
  });

  test("an error value in an actual is reported quoting it", () => {
    const r = readRegister(
      book({ actuals: [actual({ Value: normaliseCell({ formula: "A/B", result: { error: "#DIV/0!" } }) })] }),
    );
    expect(r.errors).toEqual([expect.objectContaining({ table: "PerfActuals", row: 1, column: "Value" })]);
    expect(r.errors[0]?.message).toContain("'#DIV/0!'");
  });
});

describe("sameStoredValue: a write leaves a cell alone when it already stores the value", () => {
  it("treats blank and empty text alike, dates by their time, and never 1 as '1'", () => {
    expect(sameStoredValue("", null)).toBe(true);
    expect(sameStoredValue(undefined, "")).toBe(true);
    expect(sameStoredValue(new Date(Date.UTC(2015, 5, 30)), new Date(Date.UTC(2015, 5, 30)))).toBe(true);
    expect(sameStoredValue(new Date(Date.UTC(2015, 5, 30)), 42185)).toBe(false);
    expect(sameStoredValue(1, "1")).toBe(false);
    expect(sameStoredValue(0, "")).toBe(false);
    expect(sameStoredValue("Green", "Green")).toBe(true);
  });
});
