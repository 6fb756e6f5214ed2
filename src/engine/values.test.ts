/**
 * Cell values as people type them (one parser for every host) and rates from their counts.
 */
import fc from "fast-check";
import { fractionOfPoints, parseCellNumber, parseOptionalNumber, rate } from "./index";

describe("parseCellNumber", () => {
  test.each<[unknown, number]>([
    [470, 470],
    ["470", 470],
    [" 1,242 ", 1242],
    ["-3.5", -3.5],
    ["£1,000.50", 1000.5],
    [".5", 0.5],
  ])("%p is the number %p", (input, value) => {
    const r = parseCellNumber(input);
    expect(r.ok && r.value.kind === "number" && r.value.value).toBe(value);
  });

  test("a percentage is stored as a fraction and remembers its precision", () => {
    expect(parseCellNumber("12.4%")).toEqual({
      ok: true,
      value: { kind: "number", value: 0.124, percent: true, decimals: 1 },
    });
    expect(parseCellNumber("67.4 %")).toEqual({
      ok: true,
      value: { kind: "number", value: 0.674, percent: true, decimals: 1 },
    });
  });

  test("a percentage is the same double Excel stores for it (5.9% is 0.059, not 0.059000000000000004)", () => {
    for (const [text, fraction] of [
      ["5.9%", 0.059],
      ["5.5%", 0.055],
      ["11.3%", 0.113],
      ["0.7%", 0.007],
      ["1,234.5%", 12.345],
    ] as const) {
      const r = parseCellNumber(text);
      expect(r.ok && r.value.kind === "number" && r.value.value).toBe(fraction);
    }
  });

  test("a fraction n/d keeps its counts (31/274)", () => {
    expect(parseCellNumber("31/274")).toEqual({
      ok: true,
      value: { kind: "fraction", numerator: 31, denominator: 274 },
    });
    expect(parseCellNumber("431 / 4,216")).toEqual({
      ok: true,
      value: { kind: "fraction", numerator: 431, denominator: 4216 },
    });
  });

  test("blanks and placeholders are not errors", () => {
    expect(parseCellNumber(null)).toEqual({ ok: true, value: { kind: "blank" } });
    expect(parseCellNumber("   ")).toEqual({ ok: true, value: { kind: "blank" } });
    for (const p of ["awaiting data", "Awaiting Data", "n/a", "-", "tbc"]) {
      const r = parseCellNumber(p);
      expect(r.ok && r.value.kind).toBe("placeholder");
    }
  });

  test("read as a percentage (a rate's Value typed without %): 11.3 is 11.3%, an error quotes the text typed", () => {
    expect(parseCellNumber("11.3", { percent: true })).toEqual(parseCellNumber("11.3%"));
    expect(parseCellNumber("11.3%", { percent: true })).toEqual(parseCellNumber("11.3%"));
    const bad = parseCellNumber("12,5", { percent: true });
    expect(bad).toEqual({
      ok: false,
      error: { code: "NOT_A_NUMBER", message: "'12,5' is not a percentage (write it as 12.5%)" },
    });
  });

  test.each(["12,5%", "12.4.1", "tbc later", "1,24", "31/0/2", "abc", "1e5x"])(
    "%p is an error quoting the text",
    (input) => {
      const r = parseCellNumber(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("NOT_A_NUMBER");
        expect(r.error.message).toContain(`'${input}'`);
      }
    },
  );

  test("booleans, infinities and NaN are not numbers", () => {
    for (const x of [true, Number.POSITIVE_INFINITY, Number.NaN]) expect(parseCellNumber(x).ok).toBe(false);
  });

  test("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }),
        (x) => {
          const r = parseCellNumber(x);
          expect(typeof r.ok).toBe("boolean");
          if (r.ok && r.value.kind === "number") expect(Number.isFinite(r.value.value)).toBe(true);
        },
      ),
    );
    for (const x of [Object.create(null) as object, { toString: 1 }, Symbol("x"), BigInt(3)]) {
      expect(parseCellNumber(x).ok).toBe(false);
    }
  });

  test("any finite number text reads back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        const text = x.toFixed(6);
        const r = parseCellNumber(text);
        expect(r.ok && r.value.kind === "number" && r.value.value).toBe(Number(text));
      }),
    );
  });
});

describe("parseOptionalNumber", () => {
  test("blank is null; a number is itself; a placeholder or fraction is an error", () => {
    expect(parseOptionalNumber("")).toEqual({ ok: true, value: null });
    expect(parseOptionalNumber("5.9%")).toEqual({ ok: true, value: 0.059 });
    const tbc = parseOptionalNumber("tbc");
    expect(!tbc.ok && tbc.error.message).toContain("'tbc'");
    expect(parseOptionalNumber("31/274").ok).toBe(false);
  });
});

describe("rate", () => {
  test("Derby escalations: 31 of 274 is 11.3%", () => {
    const r = rate(31, 274);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.round(r.value * 1000) / 10).toBe(11.3);
  });

  test("a denominator of 0 is an error, not a rate of 0 or infinity", () => {
    const r = rate(3, 0);
    expect(r).toEqual({
      ok: false,
      error: { code: "DIVIDE_BY_ZERO", message: expect.stringContaining("3/0") },
    });
  });

  test("negative counts and non-numbers are errors", () => {
    expect(rate(-1, 10).ok).toBe(false);
    expect(rate(Number.NaN, 10).ok).toBe(false);
  });
});

describe("fractionOfPoints: a percentage in points as the fraction Excel stores", () => {
  it("gives the double Excel stores for the typed percentage, not the division's neighbour", () => {
    expect(fractionOfPoints(66.3)).toBe(0.663);
    expect(fractionOfPoints(55.4)).toBe(0.554);
    expect(fractionOfPoints(5.9)).toBe(0.059);
    expect(fractionOfPoints(-12.5)).toBe(-0.125);
    expect(fractionOfPoints(1e21)).toBe(1e19);
    expect(fractionOfPoints(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
