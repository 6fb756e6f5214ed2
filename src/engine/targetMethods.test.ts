/**
 * Target methods with the seeds' figures (GLD 55.4% in 2013 against England's 60% in 2014; reach
 * 54.4% → 67.4%) and laws: a CloseGap target lies between baseline and comparator; Trend through
 * collinear points reproduces the line; quartile boundaries are monotone.
 */
import fc from "fast-check";
import { quartileBoundaries, quartileOf } from "./comparators";
import {
  closeGap,
  hold,
  keepInRange,
  leastSquares,
  quartile,
  stretch,
  trend,
  type MethodContext,
} from "./targetMethods";

const RATE: MethodContext = { measureType: "Rate", polarity: "Higher", year: 2015 };
const get = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("the seeds", () => {
  test("GLD: CloseGap(0.5) from 55.4% to England's 60.0% is 57.7%, with the issue's sentence", () => {
    const m = get(closeGap(0.554, 0.5, { name: "England", value: 0.6 }, RATE));
    expect(m.target).toBeCloseTo(0.577, 12);
    expect(m.label).toBe("CloseGap(0.5, England)");
    expect(m.rationale).toBe("Closes half the gap to England's 60.0% in one year, from 55.4%");
  });

  test("GLD: no gap to close to a comparator that is not better", () => {
    const r = closeGap(0.639, 0.5, { name: "England", value: 0.6 }, RATE);
    expect(r).toMatchObject({ ok: false, error: { code: "TARGET_METHOD" } });
    if (!r.ok) expect(r.error.message).toContain("not better than the baseline of 63.9%");
  });

  test("reach: Stretch from 54.4% is kept within 100%; Hold holds it", () => {
    expect(get(stretch(0.544, 0.1, RATE)).target).toBeCloseTo(0.5984, 12);
    expect(get(stretch(0.95, 0.1, RATE)).target).toBe(1);
    expect(hold(0.544, RATE)).toEqual({
      method: "Hold",
      label: "Hold",
      target: 0.544,
      rationale: "Holds the baseline of 54.4% in 2015-16",
    });
  });

  test("lower is better: Stretch lowers, CloseGap moves down to a lower comparator", () => {
    const lower: MethodContext = { measureType: "Rate", polarity: "Lower", year: 2015 };
    expect(get(stretch(0.124, 0.1, lower)).target).toBeCloseTo(0.1116, 12);
    expect(get(closeGap(0.113, 0.5, { name: "England", value: 0.087 }, lower)).target).toBeCloseTo(0.1, 12);
  });

  test("Trend: reach over three years, slope, k and R² in the rationale", () => {
    const m = get(
      trend(
        [
          { year: 2012, value: 0.5 },
          { year: 2013, value: 0.52 },
          { year: 2014, value: 0.544 },
        ],
        RATE,
      ),
    );
    expect(m.line.k).toBe(3);
    expect(m.line.slope).toBeCloseTo(0.022, 12);
    expect(m.line.r2).toBeGreaterThan(0.99);
    expect(m.line.r2).toBeLessThan(1);
    expect(m.target).toBeCloseTo(0.5653333333, 9);
    expect(m.rationale).toMatch(
      /^Continues the trend of the last 3 years \(\+2\.2 points a year, R² 1\.00\) to 2015-16$/,
    );
  });

  test("Trend needs three years", () => {
    expect(
      trend(
        [
          { year: 2013, value: 1 },
          { year: 2014, value: 2 },
        ],
        RATE,
      ).ok,
    ).toBe(false);
  });

  test("Quartile(1) among eight peers: the top quartile's boundary", () => {
    const peers = [0.5, 0.52, 0.55, 0.58, 0.6, 0.61, 0.63, 0.66];
    const m = get(quartile(peers, 1, { ...RATE, peerYear: 2014 }));
    expect(m.target).toBeCloseTo(0.615, 12);
    expect(m.rationale).toBe(
      "Reaches the top quartile of 8 named peers in 2014-15 (61.5% or more) in 2015-16",
    );
  });
});

describe("laws", () => {
  const share = fc.double({ min: 0.01, max: 1, noNaN: true });
  const rate = fc.double({ min: 0, max: 1, noNaN: true });

  test("a CloseGap target lies between the baseline and the comparator", () => {
    fc.assert(
      fc.property(
        rate,
        rate,
        share,
        fc.constantFrom<"Higher" | "Lower">("Higher", "Lower"),
        (b, c, f, polarity) => {
          const r = closeGap(b, f, { name: "C", value: c }, { ...RATE, polarity });
          if (!r.ok) return; // C not better: not offered
          expect(r.value.target).toBeGreaterThanOrEqual(Math.min(b, c) - 1e-12);
          expect(r.value.target).toBeLessThanOrEqual(Math.max(b, c) + 1e-12);
        },
      ),
    );
  });

  test("Trend through collinear points reproduces the line", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 3, max: 8 }),
        (slope, at2010, k) => {
          const points = Array.from({ length: k }, (_, i) => ({ year: 2010 + i, value: at2010 + slope * i }));
          const line = get(leastSquares(points));
          expect(line.slope).toBeCloseTo(slope, 6);
          expect(line.r2).toBeCloseTo(1, 9);
          const m = get(trend(points, { measureType: "Count", polarity: "Higher", year: 2010 + k }));
          expect(m.target).toBeCloseTo(at2010 + slope * k, 5);
        },
      ),
    );
  });

  test("quartile boundaries are monotone under polarity, and quartiles follow them", () => {
    fc.assert(
      fc.property(fc.array(rate, { minLength: 4, maxLength: 30 }), rate, (peers, x) => {
        const hi = quartileBoundaries(peers, "Higher");
        const lo = quartileBoundaries(peers, "Lower");
        if (!hi || !lo) throw new Error("four peers give boundaries");
        expect(hi[0]).toBeGreaterThanOrEqual(hi[1]);
        expect(hi[1]).toBeGreaterThanOrEqual(hi[2]);
        expect(lo[0]).toBeLessThanOrEqual(lo[1]);
        expect(lo[1]).toBeLessThanOrEqual(lo[2]);
        const q = quartileOf(x, peers, "Higher");
        const better = quartileOf(Math.min(1, x + 0.1), peers, "Higher");
        expect(better).not.toBeNull();
        expect(better ?? 5).toBeLessThanOrEqual(q ?? 0);
      }),
    );
  });

  test("every method keeps a rate within 0–100%", () => {
    fc.assert(
      fc.property(rate, fc.double({ min: 0.01, max: 5, noNaN: true }), (b, s) => {
        const t = get(stretch(b, s, RATE)).target;
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(1);
        expect(keepInRange("Rate", -0.2)).toBe(0);
      }),
    );
  });
});

describe("quartiles among peers", () => {
  test("ties go to the better quartile", () => {
    const peers = [0.5, 0.6, 0.7, 0.8];
    const [b1] = quartileBoundaries(peers, "Higher") ?? [];
    expect(quartileOf(b1 ?? 0, peers, "Higher")).toBe(1);
    expect(quartileOf(0.4, peers, "Higher")).toBe(4);
    expect(quartileOf(0.4, peers, "Lower")).toBe(1);
  });

  test("fewer than four peers give none", () => {
    expect(quartileBoundaries([0.5, 0.6, 0.7], "Higher")).toBeNull();
  });
});
