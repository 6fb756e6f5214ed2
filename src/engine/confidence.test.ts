/**
 * Wilson and Byar intervals against published and independently computed values, and laws.
 *
 * Worked values:
 * - PHE (now UKHSA/OHID) PHEindicatormethods, tests/testthat/testdata_Byars_Wilson.xlsx (commit
 *   093fd28 of ukhsa-collaboration/PHEindicatormethods): the values of the APHO "Tool for common
 *   PH Stats and CIs" spreadsheet that accompanies the PHE Technical Guide "Confidence Intervals".
 *   Those use z = qnorm(0.975) exactly; ours use the spec's z = 1.959964 (and 3.090232), so they
 *   agree to about 1e-8 relative: compared here to 6 significant figures.
 * - R's prop.test(correct = FALSE) (the Wilson score interval) and exact Poisson limits from
 *   qchisq: test/fixtures/confidence/reference.csv, made by test/fixtures/confidence/make.R.
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import {
  byarInterval,
  intervalOf,
  intervalsOverlap,
  parseConfidenceLevel,
  smallBaseCases,
  wilsonInterval,
  type ConfidenceLevel,
  type Interval,
} from "./confidence";

const get = (r: ReturnType<typeof wilsonInterval>): Interval => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** Equal to 6 significant figures. */
const close6 = (actual: number, expected: number): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 5e-7 + 1e-12);

describe("Byar's method against the PHE/APHO tool's published values", () => {
  test.each<[number, ConfidenceLevel, number, number]>([
    [65, 95, 50.163187710459454, 82.84913854593984],
    [1045, 95, 982.5932018073325, 1110.33121298565],
    [1, 95, 0.01307213290150435, 5.5637555824752605],
    [65, 99.8, 42.8802614714802, 94.00029084431802],
    [1045, 99.8, 947.9407035610374, 1148.806160988033],
    [10, 99.8, 2.916318374695686, 24.193724927880535],
  ])("%d events at %s%%: %d to %d", (o, level, lower, upper) => {
    const i = get(byarInterval(o, level));
    close6(i.lower, lower);
    close6(i.upper, upper);
  });

  test("1 event at 99.8%: the formula's lower limit is negative (the tool gives none); PerfCycle gives 0", () => {
    const i = get(byarInterval(1, 99.8));
    expect(i.lower).toBe(0);
    close6(i.upper, 9.362180217908362);
  });

  test("0 events: lower 0, upper (1 − 1/9 + z/3)³ = 3.6855 at 95%", () => {
    const i = get(byarInterval(0));
    expect(i.lower).toBe(0);
    close6(i.upper, (1 - 1 / 9 + 1.959964 / 3) ** 3);
  });
});

describe("Wilson score against the PHE/APHO tool's published values", () => {
  test.each<[number, number, ConfidenceLevel, number, number]>([
    [65, 100, 95, 0.5525444329688797, 0.7363575175690247],
    [1045, 5000, 95, 0.19795549880013297, 0.22049130373189027],
    [0.445, 1, 95, 0.04381744772058822, 0.9334621276979156],
    [65, 100, 99.8, 0.4954946574070431, 0.7783540614089697],
    [1045, 5000, 99.8, 0.19179381799015244, 0.22731562902525818],
    [0.445, 1, 99.8, 0.019347006132900975, 0.9702259947019541],
  ])("%d of %d at %s%%", (n, d, level, lower, upper) => {
    const i = get(wilsonInterval(n, d, level));
    close6(i.lower, lower);
    close6(i.upper, upper);
  });
});

interface Reference {
  readonly method: string;
  readonly level: ConfidenceLevel;
  readonly x: number;
  readonly n: number;
  readonly lower: number;
  readonly upper: number;
}
const reference: Reference[] = readFileSync(
  join(__dirname, "../../test/fixtures/confidence/reference.csv"),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [method = "", level, x, n, lower, upper] = line.split(",");
    return {
      method,
      level: level === "95" ? 95 : 99.8,
      x: Number(x),
      n: Number(n),
      lower: Number(lower),
      upper: Number(upper),
    };
  });

describe("Wilson score against R's prop.test (correct = FALSE)", () => {
  test.each(reference.filter((r) => r.method === "wilson").map((r) => [r.x, r.n, r.level, r] as const))(
    "%d of %d at %s%%",
    (x, n, level, r) => {
      const i = get(wilsonInterval(x, n, level));
      close6(i.lower, r.lower);
      close6(i.upper, r.upper);
    },
  );

  test("23 of 56 is 41.1% with a 95% interval of 29.2%–54.1% (the issue's 33.8%–49.0% is illustrative)", () => {
    const i = get(wilsonInterval(23, 56));
    expect([Math.round(i.lower * 1000) / 10, Math.round(i.upper * 1000) / 10]).toEqual([29.2, 54.1]);
  });
});

describe("Byar's method against R's exact Poisson limits", () => {
  test.each(reference.filter((r) => r.method === "poisson").map((r) => [r.x, r.level, r] as const))(
    "%d events at %s%%: within 0.2%% of exact at 95%% (as PHE's guide says for 10 or more), 2%% at 99.8%%",
    (x, level, r) => {
      const i = get(byarInterval(x, level));
      const within = level === 95 ? 0.002 : 0.02;
      expect(Math.abs(i.lower - r.lower) / r.lower).toBeLessThan(within);
      expect(Math.abs(i.upper - r.upper) / r.upper).toBeLessThan(within);
    },
  );
});

describe("laws", () => {
  const level = fc.constantFrom<ConfidenceLevel>(95, 99.8);
  const counts = fc
    .tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([d, share]) => [Math.round(d * share), d] as const);

  test("a rate's interval contains the rate and stays within 0–1", () => {
    fc.assert(
      fc.property(counts, level, ([n, d], lv) => {
        const i = get(wilsonInterval(n, d, lv));
        expect(i.lower).toBeGreaterThanOrEqual(0);
        expect(i.upper).toBeLessThanOrEqual(1);
        expect(i.lower).toBeLessThanOrEqual(n / d);
        expect(i.upper).toBeGreaterThanOrEqual(n / d);
      }),
    );
  });

  test("at a fixed rate the interval narrows as the denominator grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 20 }),
        level,
        (n0, extra, k, lv) => {
          const d0 = n0 + extra;
          const small = get(wilsonInterval(n0, d0, lv));
          const big = get(wilsonInterval(n0 * k, d0 * k, lv));
          expect(big.upper - big.lower).toBeLessThan(small.upper - small.lower);
        },
      ),
    );
  });

  test("a count's interval contains the count, and 99.8% is wider than 95%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (o) => {
        const a = get(byarInterval(o, 95));
        const b = get(byarInterval(o, 99.8));
        expect(a.lower).toBeLessThanOrEqual(o);
        expect(a.upper).toBeGreaterThanOrEqual(o);
        expect(b.lower).toBeLessThanOrEqual(a.lower);
        expect(b.upper).toBeGreaterThan(a.upper);
      }),
    );
  });
});

describe("inputs and helpers", () => {
  test("bad counts are errors with a code, never NaN", () => {
    expect(wilsonInterval(5, 0)).toMatchObject({ ok: false, error: { code: "CONFIDENCE_INPUT" } });
    expect(wilsonInterval(7, 5)).toMatchObject({ ok: false, error: { code: "CONFIDENCE_INPUT" } });
    expect(byarInterval(-1)).toMatchObject({ ok: false, error: { code: "CONFIDENCE_INPUT" } });
  });

  test("the levels a workbook may write", () => {
    for (const t of [95, "95", "95%", 0.95]) expect(parseConfidenceLevel(t)).toEqual({ ok: true, value: 95 });
    for (const t of [99.8, "99.8", "99.8%", 0.998])
      expect(parseConfidenceLevel(t)).toEqual({ ok: true, value: 99.8 });
    expect(parseConfidenceLevel("90")).toMatchObject({ ok: false, error: { code: "CONFIDENCE_LEVEL" } });
  });

  test("a Level and a rate given as a percentage alone have no interval", () => {
    expect(intervalOf("Level", { value: 615 })).toBeNull();
    expect(intervalOf("Rate", { value: 0.059 })).toBeNull();
    expect(intervalOf("Count", { value: 470 })).not.toBeNull();
  });

  test("small base: a rate under 30 cases, a count under 10", () => {
    expect(smallBaseCases("Rate", { value: 23 / 29, numerator: 23, denominator: 29 })).toBe(29);
    expect(smallBaseCases("Rate", { value: 23 / 56, numerator: 23, denominator: 56 })).toBeNull();
    expect(smallBaseCases("Rate", { value: 23 / 56, numerator: 23, denominator: 56 }, 60)).toBe(56);
    expect(smallBaseCases("Count", { value: 7 })).toBe(7);
    expect(smallBaseCases("Count", { value: 10 })).toBeNull();
    expect(smallBaseCases("Level", { value: 3 })).toBeNull();
  });

  test("intervals that touch overlap", () => {
    expect(intervalsOverlap({ lower: 0, upper: 1 }, { lower: 1, upper: 2 })).toBe(true);
    expect(intervalsOverlap({ lower: 0, upper: 1 }, { lower: 1.1, upper: 2 })).toBe(false);
  });
});
