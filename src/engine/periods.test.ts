/**
 * Periods (semantics.md "Periods"): every label form the spec lists, fiscal years starting in
 * any month, errors that name the text, and JavaScript Dates read the same in every time zone.
 * scripts/test-timezones.js runs this file under Pacific/Auckland, Europe/London and
 * America/Los_Angeles.
 */
import {
  dateOfJsDate,
  dateToQuarter,
  dateToSerial,
  formatQuarter,
  parseFiscalYear,
  parsePeriod,
  previousQuarter,
  quarterEnd,
  quarterFromIndex,
  quarterIndex,
  quarterStart,
  sameQuarterLastYear,
  serialToDate,
  type Quarter,
  type Result,
} from "./index";

const Q = (fy: number, q: 1 | 2 | 3 | 4): Quarter => ({ fy, q });

function expectQuarter(r: Result<Quarter>, fy: number, q: number): void {
  expect(r).toEqual({ ok: true, value: { fy, q } });
}

function expectError(r: Result<Quarter>, code: string, ...quoted: string[]): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  for (const text of quoted) expect(r.error.message).toContain(text);
}

describe("every label form of the spec reads as 2015-16 Q1 (April start)", () => {
  test.each<[string, unknown]>([
    ["canonical", "2015-16 Q1"],
    ["slash year", "2015/16 Q1"],
    ["quarter first", "Q1 2015-16"],
    ["quarter first, slash year", "Q1 2015/16"],
    ["day-first quarter-end date", "30/06/2015"],
    ["ISO date", "2015-06-30"],
    ["Excel serial date", 42185],
    ["short month label", "Jun-15"],
    ["long month label", "June 2015"],
    ["four-digit second year", "2015/2016 Q1"],
    ["extra spaces and lower case", "  q1   2015-16 "],
  ])("%s: %p", (_name, input) => {
    expectQuarter(parsePeriod(input), 2015, 1);
  });

  test("the quarter-end forms are accepted where a column header must be a quarter end", () => {
    for (const input of ["30/06/2015", "2015-06-30", 42185, "Jun-15", "June 2015"]) {
      expectQuarter(parsePeriod(input, { requireQuarterEnd: true }), 2015, 1);
    }
  });

  test("Q4 of 2015-16 is January-March 2016 and ends 31/03/2016", () => {
    expectQuarter(parsePeriod("31/03/2016"), 2015, 4);
    expectQuarter(parsePeriod("Mar-16"), 2015, 4);
    expect(quarterStart(Q(2015, 4))).toEqual({ year: 2016, month: 1, day: 1 });
    expect(quarterEnd(Q(2015, 4))).toEqual({ year: 2016, month: 3, day: 31 });
  });

  test("a date inside a quarter maps to that quarter", () => {
    expectQuarter(parsePeriod("15/05/2015"), 2015, 1);
    expectQuarter(parsePeriod("01/04/2015"), 2015, 1);
    expectQuarter(parsePeriod("31/03/2015"), 2014, 4);
    expectQuarter(parsePeriod("2015-10-01"), 2015, 3);
  });
});

describe("fiscal years starting in January, July and September", () => {
  test("January: the year is a single calendar year", () => {
    const o = { startMonth: 1 };
    expect(formatQuarter(Q(2015, 1), 1)).toBe("2015 Q1");
    expectQuarter(parsePeriod("2015 Q1", o), 2015, 1);
    expectQuarter(parsePeriod("Q3 2015", o), 2015, 3);
    expectQuarter(parsePeriod("31/03/2015", o), 2015, 1);
    expectQuarter(parsePeriod("Dec-15", o), 2015, 4);
    expect(quarterEnd(Q(2015, 4), 1)).toEqual({ year: 2015, month: 12, day: 31 });
  });

  test("July: 2015-16 Q1 is July-September 2015 and Q4 ends 30/06/2016", () => {
    const o = { startMonth: 7 };
    expectQuarter(parsePeriod("30/09/2015", o), 2015, 1);
    expectQuarter(parsePeriod("Sep-15", o), 2015, 1);
    expectQuarter(parsePeriod("Sept 2015", o), 2015, 1);
    expectQuarter(parsePeriod("30/06/2016", o), 2015, 4);
    expectQuarter(parsePeriod("30/06/2015", o), 2014, 4);
    expect(formatQuarter(Q(2015, 4), 7)).toBe("2015-16 Q4");
  });

  test("September: quarters end in November, February, May and August", () => {
    const o = { startMonth: 9, requireQuarterEnd: true };
    expectQuarter(parsePeriod("30/11/2015", o), 2015, 1);
    expectQuarter(parsePeriod("29/02/2016", o), 2015, 2);
    expectQuarter(parsePeriod("May 2016", o), 2015, 3);
    expectQuarter(parsePeriod("31/08/2016", o), 2015, 4);
    expect(quarterEnd(Q(2015, 2), 9)).toEqual({ year: 2016, month: 2, day: 29 });
    expect(quarterEnd(Q(2016, 2), 9)).toEqual({ year: 2017, month: 2, day: 28 });
  });

  test("a start month that is not 1-12 is an error naming it", () => {
    expectError(parsePeriod("2015-16 Q1", { startMonth: 13 }), "FY_START_MONTH", "13");
    expectError(parsePeriod("2015-16 Q1", { startMonth: 4.5 }), "FY_START_MONTH", "4.5");
  });
});

describe("errors name the text and never become another quarter", () => {
  test("a single year with an April start is ambiguous", () => {
    expectError(parsePeriod("2015 Q1"), "PERIOD_AMBIGUOUS", "'2015 Q1'", "2015-16", "2014-15");
  });

  test("a split year with a January start is ambiguous", () => {
    expectError(parsePeriod("2015-16 Q1", { startMonth: 1 }), "PERIOD_AMBIGUOUS", "'2015-16 Q1'");
  });

  test("an impossible year in a date", () => {
    expectError(parsePeriod("31/12/213"), "PERIOD_YEAR", "'31/12/213'");
    expectError(parsePeriod("31/12/0213"), "PERIOD_YEAR", "'31/12/0213'");
    expectError(parsePeriod("2315-16 Q1"), "PERIOD_YEAR", "'2315-16 Q1'");
  });

  test("a fiscal year whose second year does not follow the first", () => {
    expectError(parsePeriod("2015-17 Q1"), "PERIOD_YEAR", "'2015-17 Q1'");
  });

  test("a date that is not a quarter end, where one is required, names the text and the expected date", () => {
    expectError(
      parsePeriod("15/05/2015", { requireQuarterEnd: true }),
      "PERIOD_NOT_QUARTER_END",
      "'15/05/2015'",
      "30/06/2015",
    );
    expectError(parsePeriod(42139, { requireQuarterEnd: true }), "PERIOD_NOT_QUARTER_END", "15/05/2015");
  });

  test("a month label that is not a quarter's last month", () => {
    expectError(parsePeriod("May-15"), "PERIOD_NOT_QUARTER_END", "'May-15'");
  });

  test("a month-first (US) date is not a real day-first date", () => {
    expectError(parsePeriod("06/30/2015"), "PERIOD_UNPARSEABLE", "'06/30/2015'");
    expectError(parsePeriod("31/06/2015"), "PERIOD_UNPARSEABLE", "'31/06/2015'");
    expectError(parsePeriod("29/02/2015"), "PERIOD_UNPARSEABLE", "'29/02/2015'");
  });

  test("Excel serial 60 (the 29/02/1900 that never was) is refused", () => {
    expectError(parsePeriod(60), "PERIOD_UNPARSEABLE", "60", "29/02/1900");
    expect(serialToDate(59)).toEqual({ ok: true, value: { year: 1900, month: 2, day: 28 } });
    expect(serialToDate(61)).toEqual({ ok: true, value: { year: 1900, month: 3, day: 1 } });
  });

  test("text that is not a period, and blanks", () => {
    expectError(parsePeriod("Quarter one"), "PERIOD_UNPARSEABLE", "'Quarter one'", "2015-16 Q1");
    expectError(parsePeriod("Q5 2015-16"), "PERIOD_UNPARSEABLE", "'Q5 2015-16'");
    expectError(parsePeriod(""), "PERIOD_UNPARSEABLE");
    expectError(parsePeriod(null), "PERIOD_UNPARSEABLE");
    expectError(parsePeriod(Number.NaN), "PERIOD_UNPARSEABLE");
    expectError(parsePeriod(new Date(Number.NaN)), "PERIOD_UNPARSEABLE");
  });
});

describe("JavaScript Dates read the same calendar date in every time zone", () => {
  // ExcelJS gives dates as UTC midnight; a Date typed into the preview or built by a person with
  // new Date(y, m, d) is local midnight. Both mean the calendar date they were built from.
  test("local midnight from new Date(year, month, day)", () => {
    expectQuarter(parsePeriod(new Date(2015, 5, 30)), 2015, 1);
    expectQuarter(parsePeriod(new Date(2015, 6, 1)), 2015, 2);
    expectQuarter(parsePeriod(new Date(2015, 3, 1)), 2015, 1);
    expectQuarter(parsePeriod(new Date(2015, 2, 31)), 2014, 4);
    expectQuarter(parsePeriod(new Date(2015, 5, 30), { requireQuarterEnd: true }), 2015, 1);
    expectQuarter(parsePeriod(new Date(2016, 2, 31), { requireQuarterEnd: true }), 2015, 4);
    expectQuarter(parsePeriod(new Date(2015, 11, 31), { startMonth: 1, requireQuarterEnd: true }), 2015, 4);
    expect(dateOfJsDate(new Date(2015, 5, 30))).toEqual({ year: 2015, month: 6, day: 30 });
  });

  test("UTC midnight from Date.UTC (as ExcelJS reads a date cell)", () => {
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 5, 30))), 2015, 1);
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 6, 1))), 2015, 2);
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 2, 31))), 2014, 4);
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 5, 30)), { requireQuarterEnd: true }), 2015, 1);
    expect(dateOfJsDate(new Date(Date.UTC(2016, 2, 31)))).toEqual({ year: 2016, month: 3, day: 31 });
  });

  test("a date-time from ExcelJS (UTC fields hold Excel's clock time) keeps its Excel date", () => {
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 5, 30, 17, 30))), 2015, 1);
    expectQuarter(parsePeriod(new Date(Date.UTC(2015, 6, 1, 0, 30))), 2015, 2);
  });

  test("a local midnight Date that is not a quarter end is still reported with its own date", () => {
    expectError(
      parsePeriod(new Date(2015, 4, 15), { requireQuarterEnd: true }),
      "PERIOD_NOT_QUARTER_END",
      "15/05/2015",
    );
  });

  test("an impossible year in a Date is refused", () => {
    expectError(parsePeriod(new Date(Date.UTC(213, 11, 31))), "PERIOD_YEAR", "213");
  });
});

describe("quarter arithmetic", () => {
  test("previous quarter and same quarter last year cross fiscal years", () => {
    expect(previousQuarter(Q(2015, 1))).toEqual(Q(2014, 4));
    expect(previousQuarter(Q(2015, 3))).toEqual(Q(2015, 2));
    expect(sameQuarterLastYear(Q(2015, 2))).toEqual(Q(2014, 2));
    expect(quarterIndex(Q(2015, 1)) - quarterIndex(Q(2014, 4))).toBe(1);
  });

  test("dateToQuarter with an April start", () => {
    expect(dateToQuarter({ year: 2016, month: 2, day: 10 })).toEqual(Q(2015, 4));
    expect(dateToQuarter({ year: 2015, month: 12, day: 31 })).toEqual(Q(2015, 3));
  });

  test("fiscal year names", () => {
    expect(parseFiscalYear("2015-16")).toEqual({ ok: true, value: 2015 });
    expect(parseFiscalYear("2015/2016")).toEqual({ ok: true, value: 2015 });
    expect(parseFiscalYear(2015, 1)).toEqual({ ok: true, value: 2015 });
    expect(parseFiscalYear("1999-00")).toEqual({ ok: true, value: 1999 });
    const bad = parseFiscalYear("2015-17");
    expect(bad.ok).toBe(false);
    const none = parseFiscalYear("next year");
    expect(!none.ok && none.error.message).toContain("'next year'");
  });

  test("serial dates and calendar dates", () => {
    expect(serialToDate(42185)).toEqual({ ok: true, value: { year: 2015, month: 6, day: 30 } });
    expect(serialToDate(42185.75)).toEqual({ ok: true, value: { year: 2015, month: 6, day: 30 } });
    expect(dateToSerial({ year: 2015, month: 6, day: 30 })).toBe(42185);
    expect(dateToSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
    expect(quarterFromIndex(quarterIndex(Q(1900, 1)))).toEqual(Q(1900, 1));
  });
});
