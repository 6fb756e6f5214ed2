import { fractionAllowed, fractionOrCounts, rateCounts } from "./figures";

describe("rateCounts: a rate's numerator and denominator, both or neither", () => {
  test("neither is no counts; both make the pair", () => {
    expect(rateCounts(null, null)).toEqual({ ok: true, value: null });
    expect(rateCounts(31, 274)).toEqual({ ok: true, value: { numerator: 31, denominator: 274 } });
  });

  test("one without the other names the one missing, in the reader's words", () => {
    const r = rateCounts(31, null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({
      code: "FIGURE_ONE_COUNT",
      field: "Denominator",
      message: "a rate needs both a numerator and a denominator; only the numerator is given",
    });
    expect(rateCounts(null, 274)).toMatchObject({ ok: false, error: { field: "Numerator" } });
  });

  test("a denominator of 0 is an error on the Denominator, a negative count on the Numerator", () => {
    expect(rateCounts(3, 0)).toMatchObject({
      ok: false,
      error: {
        code: "DIVIDE_BY_ZERO",
        field: "Denominator",
        message: "The denominator is 0, so 3/0 is not a rate",
      },
    });
    expect(rateCounts(-1, 10)).toMatchObject({
      ok: false,
      error: { code: "NOT_A_NUMBER", field: "Numerator" },
    });
  });
});

describe("fractionAllowed and fractionOrCounts", () => {
  test("only a Rate may be written as n/d", () => {
    expect(fractionAllowed("Rate", "31/274").ok).toBe(true);
    expect(fractionAllowed("Count", "3/4")).toEqual({
      ok: false,
      error: {
        code: "FIGURE_FRACTION_NOT_RATE",
        message: "'3/4' is a fraction; only a Rate may be written as n/d",
      },
    });
  });

  test("a Value written n/d gives the counts when they are blank, and is refused beside them", () => {
    const f = { numerator: 31, denominator: 274 };
    expect(fractionOrCounts("31/274", f, null, null)).toEqual({ ok: true, value: f });
    expect(fractionOrCounts("", null, 5, 10)).toEqual({ ok: true, value: { numerator: 5, denominator: 10 } });
    expect(fractionOrCounts("31/274", f, 5, 10)).toMatchObject({
      ok: false,
      error: { code: "FIGURE_FRACTION_AND_COUNTS", field: "Value" },
    });
  });
});
