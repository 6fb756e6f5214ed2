/**
 * The in-memory Excel converts text on entry as Excel does (docs/memory-excel.md:
 * `quote-prefix`, `text-format-keeps-text`, `number-on-entry`, `formula-on-entry`).
 */
import { dateSerial, enterText } from "../../src/memory-excel";

const year = new Date().getFullYear();
const serial = (y: number, m: number, d: number): number => dateSerial(y, m, d) ?? NaN;

describe("entry in a General cell", () => {
  test.each([
    ["12E3", 12000],
    ["1E5", 100000],
    ["2E1", 20],
    ["007", 7],
    ["1,234.5", 1234.5],
    ["$100", 100],
    ["£1,000", 1000],
    ["-£5", -5],
    ["(100)", -100],
    ["($100)", -100],
    ["12%", 0.12],
    ["1 1/2", 1.5],
    ["1:2", (3600 + 120) / 86400],
    ["9 am", 9 / 24],
    ["9:30 pm", 21.5 / 24],
    ["30/06/2015", serial(2015, 6, 30)],
    ["2015-06-30", serial(2015, 6, 30)],
    ["1 Jan", serial(year, 1, 1)],
    ["Jan 1", serial(year, 1, 1)],
    ["Jun-15", serial(2015, 6, 1)],
    ["June 2015", serial(2015, 6, 1)],
    ["2015-12", serial(2015, 12, 1)],
  ])("%p becomes the number %p", (text, value) => {
    const got = enterText(text, undefined);
    expect(typeof got.value).toBe("number");
    expect(got.value as number).toBeCloseTo(value, 9);
  });

  test("booleans, error literals and formulas", () => {
    expect(enterText("TRUE", undefined).value).toBe(true);
    expect(enterText("false", "General").value).toBe(false);
    expect(enterText("#N/A", undefined)).toEqual({ value: "#N/A", error: true });
    expect(enterText("#div/0!", undefined)).toEqual({ value: "#DIV/0!", error: true });
    expect(enterText("=A1", undefined)).toEqual({ value: "", formula: "=A1" });
    expect(enterText("-5 pending", undefined).formula).toBe("=-5 pending");
  });

  test.each([
    "2015-16 Q3",
    "2014-15",
    "Q1 2015/16",
    "EH-EHA",
    "Families",
    "31/02/2015",
    "awaiting data",
    "1/0/15",
  ])("%p stays text", (text) => {
    expect(enterText(text, undefined)).toEqual({ value: text });
  });

  test("a leading apostrophe is a quote prefix, not part of the value", () => {
    expect(enterText("'12E3", undefined)).toEqual({ value: "12E3" });
    expect(enterText("''x", undefined)).toEqual({ value: "'x" });
  });

  test("a General cell takes the format of what was entered; a formatted cell keeps its own", () => {
    expect(enterText("12%", undefined).numberFormat).toBe("0%");
    expect(enterText("30/06/2015", undefined).numberFormat).toBe("dd/mm/yyyy");
    expect(enterText("12%", "0.0").numberFormat).toBeUndefined();
  });
});

describe("entry in a Text cell", () => {
  test.each(["12E3", "=A1", "TRUE", "#N/A", "30/06/2015", "'2015-16 Q3"])("%p is kept as entered", (text) => {
    expect(enterText(text, "@")).toEqual({ value: text });
  });
});
